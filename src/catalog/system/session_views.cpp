// Views of the current session's own objects: pg_cursors (engine/cursors.hpp).
#include "catalog/system/catalogs.hpp"
#include "catalog/system/system_relation.hpp"
#include "engine/session.hpp"

namespace tusk {

void RegisterSessionViews() {
  SystemRelation r;
  r.oid = 12077;
  r.schema = "pg_catalog";
  r.name = "pg_cursors";
  r.kind = 'v';
  r.columns = {{"name", Type(oid::kText)},         {"statement", Type(oid::kText)},    {"is_holdable", Type(oid::kBool)},
               {"is_binary", Type(oid::kBool)},    {"is_scrollable", Type(oid::kBool)}, {"creation_time", Type(oid::kTimestamptz)}};
  r.rows = [](ExecState& st, std::vector<Row>* rows) {
    if (!st.session) return;
    for (const CursorInfo& c : st.session->cursors().List())
      rows->push_back({Value::Str(c.name), Value::Str(c.statement), Value::Bool(c.holdable), Value::Bool(c.binary),
                       Value::Bool(c.scrollable), Value::Int(c.created)});
  };
  RegisterSystemRelation(std::move(r));
}

}  // namespace tusk
