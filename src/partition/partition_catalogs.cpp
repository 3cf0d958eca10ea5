// pg_partitioned_table (each partitioned table's key) and pg_inherits (each partition under its
// parent), computed from the catalog.
#include "catalog/system/catalogs.hpp"
#include "catalog/system/opclasses.hpp"
#include "partition/bounds.hpp"
#include "partition/maintenance.hpp"
#include "partition/partition_ddl.hpp"

namespace tusk {

void RegisterPartitionCatalogs() {
  SystemRelation partitioned = ShapedCatalog(3350);
  partitioned.rows = [](ExecState& st, std::vector<Row>* rows) {
    const Catalog& cat = *st.catalog;
    for (const auto& [oid, t] : cat.tables()) {
      if (!t.partition_key) continue;
      uint32_t default_partition = 0;
      for (uint32_t p : PartitionsOf(cat, oid))
        if (cat.FindTable(p)->partition_bound->is_default) default_partition = p;
      std::vector<Value> attrs, classes, collations;
      const std::vector<Type> types = PartitionKeyTypes(t);
      std::string exprs;  // the key expressions' SQL, comma-separated (PostgreSQL: a node tree list)
      for (size_t i = 0; i < types.size(); i++) {
        const int c = t.partition_key->columns[i];
        const Type& type = types[i];
        attrs.push_back(Value::Int(c + 1));
        if (c < 0) exprs += (exprs.empty() ? "" : ", ") + t.partition_key->exprs[i];
        const BtreeOpclass* btree = DefaultBtreeOpclass(type);
        classes.push_back(OidValue(t.partition_key->strategy == 'h' ? HashOpclassOid(type) : btree ? btree->oid : 0));
        collations.push_back(OidValue(CollationOf(type)));
      }
      rows->push_back({OidValue(oid), CharValue(t.partition_key->strategy), Value::Int(static_cast<int64_t>(attrs.size())),
                       OidValue(default_partition), Value::Array(std::move(attrs), 0), Value::Array(std::move(classes), 0),
                       Value::Array(std::move(collations), 0), exprs.empty() ? Value::Null() : Value::Str(exprs)});
    }
  };
  RegisterSystemRelation(std::move(partitioned));

  SystemRelation inherits = ShapedCatalog(2611);
  inherits.rows = [](ExecState& st, std::vector<Row>* rows) {
    for (const auto& [oid, t] : st.catalog->tables())
      if (t.partition_parent)
        rows->push_back({OidValue(oid), OidValue(t.partition_parent), Value::Int(1), Value::Bool(false)});
    // Each partition's index under the partitioned table's index it is a partition of (what
    // pg_dump writes ALTER INDEX ... ATTACH PARTITION from).
    for (const auto& [oid, ix] : st.catalog->indexes())
      if (uint32_t parent = ParentIndexOf(*st.catalog, ix))
        rows->push_back({OidValue(oid), OidValue(parent), Value::Int(1), Value::Bool(false)});
  };
  RegisterSystemRelation(std::move(inherits));
  RegisterPartitionSchedulesView();
}

}  // namespace tusk
