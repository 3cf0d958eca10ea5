#include "execution/correlation.hpp"

namespace tusk {

bool PerOuterRow(const ExprP& e) {
  if (!e) return false;
  if (auto* col = dynamic_cast<const ColumnExpr*>(e.get())) return col->level > 0;
  if (dynamic_cast<const SubqueryExpr*>(e.get())) return true;
  if (auto* call = dynamic_cast<const CallExpr*>(e.get())) {
    static const char* const kVolatile[] = {"random", "setseed", "nextval", "setval", "currval", "lastval",
                                            "clock_timestamp", "timeofday", "gen_random_uuid", "pg_sleep"};
    for (const char* v : kVolatile)
      if (call->name == v) return true;
  }
  bool reads = false;
  e->ForEachChild([&](const ExprP& c) { reads = reads || PerOuterRow(c); });
  return reads;
}

}  // namespace tusk
