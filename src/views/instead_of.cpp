#include "views/instead_of.hpp"

#include "triggers/trigger_runner.hpp"

namespace tusk {

TableDef ViewAsTable(const ViewDef& v) {
  TableDef t;
  t.oid = v.oid;
  t.schema = v.schema;
  t.name = v.name;
  t.columns = v.columns;
  t.triggers = v.triggers;
  return t;
}

bool HasInsteadTrigger(const ViewDef& v, int16_t event, ExecState* st) {
  for (const TriggerDef& g : v.triggers)
    if ((g.type & TriggerDef::kInstead) && (g.type & event) && TriggerFires(g, st)) return true;
  return false;
}

}  // namespace tusk
