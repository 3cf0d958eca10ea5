// Every other PostgreSQL 15 catalog: present with PostgreSQL's OID and columns
// (catalog_shapes.inc, generated from PostgreSQL) and no rows, because Tusk has none of the
// objects they list yet (foreign servers, event triggers, security labels, ...). A feature
// that adds such objects registers the catalog with its rows, and this one steps aside.
#include "catalog/system/catalogs.hpp"
#include "catalog/system/system_relation.hpp"

#include <string_view>

namespace tusk {

namespace {

struct CatalogShape {
  uint32_t oid;
  const char* name;
  char kind;
  const char* columns;  // "name:type oid:is array", comma separated
};

const CatalogShape kShapes[] = {
#include "catalog/system/catalog_shapes.inc"
};

// A column type as Tusk has it; types Tusk lacks (pg_lsn, anyarray, the statistics types) read
// as text.
Type ShapeType(uint32_t type_oid, bool array) {
  if (!FindBuiltinType(type_oid)) type_oid = oid::kText;
  return Type(type_oid, -1, array);
}

std::vector<SystemColumn> ShapeColumns(std::string_view spec) {
  std::vector<SystemColumn> out;
  while (!spec.empty()) {
    size_t comma = spec.find(',');
    std::string_view col = spec.substr(0, comma);
    size_t c1 = col.find(':'), c2 = col.rfind(':');
    uint32_t type_oid = static_cast<uint32_t>(std::stoul(std::string(col.substr(c1 + 1, c2 - c1 - 1))));
    out.push_back({std::string(col.substr(0, c1)), ShapeType(type_oid, col.substr(c2 + 1) == "1")});
    if (comma == std::string_view::npos) break;
    spec.remove_prefix(comma + 1);
  }
  return out;
}

}  // namespace

SystemRelation ShapedCatalog(uint32_t catalog_oid) {
  SystemRelation r;
  for (const auto& shape : kShapes) {
    if (shape.oid != catalog_oid) continue;
    r.oid = shape.oid;
    r.schema = "pg_catalog";
    r.name = shape.name;
    r.kind = shape.kind;
    r.columns = ShapeColumns(shape.columns);
  }
  return r;
}

void RegisterEmptyCatalogs(const std::function<bool(uint32_t)>& registered) {
  for (const auto& shape : kShapes) {
    if (registered(shape.oid)) continue;
    SystemRelation r = ShapedCatalog(shape.oid);
    r.rows = [](ExecState&, std::vector<Row>*) {};
    RegisterSystemRelation(std::move(r));
  }
}

}  // namespace tusk
