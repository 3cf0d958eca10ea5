#include "partition/partition_triggers.hpp"

#include <algorithm>

#include "common/error.hpp"
#include "partition/partition_ddl.hpp"

namespace tusk {

void CopyRowTriggersDown(Catalog* cat, uint32_t table) {
  std::vector<TriggerDef> row_triggers;
  for (const TriggerDef& g : cat->FindTable(table)->triggers)
    if (g.type & TriggerDef::kRow) row_triggers.push_back(g);
  for (uint32_t p : PartitionsOf(*cat, table)) {
    TableDef* part = cat->MutableTable(p);
    for (const TriggerDef& g : row_triggers) {
      auto same = std::find_if(part->triggers.begin(), part->triggers.end(), [&](const TriggerDef& x) { return x.name == g.name; });
      if (same != part->triggers.end() && same->parent != g.oid)
        throw Error(sqlstate::kDuplicateObject, "trigger \"" + g.name + "\" for relation \"" + part->name + "\" already exists");
      TriggerDef copy = g;
      copy.parent = g.oid;
      copy.oid = same != part->triggers.end() ? same->oid : cat->AllocateOid();
      if (same != part->triggers.end()) *same = copy;
      else part->triggers.push_back(copy);
    }
    CopyRowTriggersDown(cat, p);
  }
}

void DropTriggerCopies(Catalog* cat, uint32_t table, uint32_t trigger) {
  for (uint32_t p : PartitionsOf(*cat, table)) {
    std::vector<TriggerDef>& triggers = cat->MutableTable(p)->triggers;
    for (auto it = triggers.begin(); it != triggers.end();) {
      if (it->parent != trigger) {
        ++it;
        continue;
      }
      uint32_t copy = it->oid;
      it = triggers.erase(it);
      DropTriggerCopies(cat, p, copy);
    }
  }
}

void DropCopiesOf(Catalog* cat, uint32_t table, uint32_t parent) {
  std::vector<uint32_t> parents;
  for (const TriggerDef& g : cat->FindTable(parent)->triggers) parents.push_back(g.oid);
  std::vector<TriggerDef>& triggers = cat->MutableTable(table)->triggers;
  std::vector<uint32_t> dropped;
  std::erase_if(triggers, [&](const TriggerDef& g) {
    bool copy = std::find(parents.begin(), parents.end(), g.parent) != parents.end();
    if (copy) dropped.push_back(g.oid);
    return copy;
  });
  for (uint32_t d : dropped) DropTriggerCopies(cat, table, d);
}

void SetCopiesEnabled(Catalog* cat, uint32_t table, const TriggerDef& trigger) {
  for (uint32_t p : PartitionsOf(*cat, table))
    for (TriggerDef& g : cat->MutableTable(p)->triggers)
      if (g.parent == trigger.oid) {
        g.enabled = trigger.enabled;
        SetCopiesEnabled(cat, p, g);
      }
}

}  // namespace tusk
