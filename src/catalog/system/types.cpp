// pg_type (the built-in types with PostgreSQL's OIDs, their array types, user enums, domains,
// tables' row types and their arrays) and pg_enum.
#include "catalog/system/catalogs.hpp"
#include "catalog/system/deparse.hpp"
#include "catalog/system/system_relation.hpp"
#include "types/domain.hpp"
#include "execution/exec_state.hpp"

namespace tusk {

namespace {
// PostgreSQL's I/O functions of each built-in type (typinput, typoutput, typreceive, typsend,
// typmodin, typmodout, typanalyze, typsubscript).
struct TypeIo {
  uint32_t type, functions[8];
};
const TypeIo kTypeIo[] = {
#include "catalog/system/builtin_type_io.inc"
};
constexpr uint32_t kInt4Array = 1007;  // whose I/O functions enum arrays share (enums: anyenum's)
constexpr uint32_t kRecordArray = 2287;  // _record, whose I/O functions arrays of row types share

// One pg_type row's facts.
struct TypeRow {
  uint32_t oid;
  std::string name;
  uint32_t ns;
  int length;
  bool byval;
  char typtype, category;
  bool preferred;
  uint32_t elem, array;
  char align, storage;
  uint32_t collation;
};

// `io_like`: the built-in type whose I/O functions this one has (itself, or for an enum anyenum's).
Row ToRow(const TypeRow& t, uint32_t io_like) {
  Value none = OidValue(0);
  Value io[8] = {none, none, none, none, none, none, none, none};
  for (const TypeIo& x : kTypeIo)
    if (x.type == io_like)
      for (int i = 0; i < 8; i++) io[i] = OidValue(x.functions[i]);
  return {OidValue(t.oid),       NameValue(t.name),      OidValue(t.ns),        OidValue(catalog_oid::kBootstrapSuperuser),
          Value::Int(t.length),  Value::Bool(t.byval),   CharValue(t.typtype),  CharValue(t.category),
          Value::Bool(t.preferred), Value::Bool(true),   CharValue(','),        OidValue(0),
          io[7],                 OidValue(t.elem),       OidValue(t.array),     io[0], io[1], io[2], io[3], io[4], io[5], io[6],
          CharValue(t.align),    CharValue(t.storage),   Value::Bool(false),    OidValue(0),
          Value::Int(-1),        Value::Int(0),          OidValue(t.collation), Value::Null(), Value::Null(), Value::Null()};
}

// The array type of an element type: a varlena of category A aligned as strictly as its elements.
TypeRow ArrayOf(const TypeRow& elem) {
  return {elem.array, "_" + elem.name, elem.ns, -1, false, 'b', 'A', false, elem.oid, 0,
          elem.align == 'd' ? 'd' : 'i', 'x', elem.collation};
}

// pg_type's length, by-value, alignment and storage of a type (a domain has its base's).
struct Storage {
  int length;
  bool byval;
  char align, storage, category;
};
Storage StorageFacts(const Type& t) {
  if (t.array) {
    const BuiltinTypeInfo* e = FindBuiltinType(t.id);
    return {-1, false, e && e->align == 'd' ? 'd' : 'i', 'x', 'A'};
  }
  if (t.enumdef) return {4, true, 'i', 'p', 'E'};
  if (const BuiltinTypeInfo* b = FindBuiltinType(t.id)) return {b->length, b->byval, b->align, b->storage, b->category};
  return {-1, false, 'i', 'x', 'U'};
}

// A domain's row: typtype 'd', its base type's storage and output/send functions, domain_in and
// domain_recv for input, typbasetype / typtypmod / typnotnull / typdefault.
Row DomainRow(ExecState& st, const DomainDef& d) {
  constexpr uint32_t kDomainIn = 2597, kDomainRecv = 2598;
  Storage s = StorageFacts(BaseTypeOf(d.base));
  TypeRow t{d.oid, d.name, NamespaceOid(*st.catalog, d.schema), s.length, s.byval, 'd', s.category, false, 0, d.array_oid,
            s.align, s.storage, CollationOf(DomainType(std::make_shared<const DomainDef>(d)))};
  Type base = BaseTypeOf(d.base);
  uint32_t io_like = base.enumdef ? (base.array ? kInt4Array : oid::kAnyEnum) : base.WireOid();
  Row row = ToRow(t, io_like);
  Value none = OidValue(0);
  row[12] = none;                 // typsubscript
  row[15] = OidValue(kDomainIn);  // typinput
  row[17] = OidValue(kDomainRecv);
  row[19] = none;                 // typmodin, typmodout
  row[20] = none;
  row[24] = Value::Bool(d.not_null);
  row[25] = OidValue(CatalogTypeOid(d.base));
  row[26] = Value::Int(d.base.domain ? -1 : d.base.typmod);
  row[27] = Value::Int(d.base.array && !d.base.domain ? 1 : 0);
  if (!d.default_sql.empty()) {
    std::string text = DeparseStoredExpr(&st, nullptr, d.default_sql, &base, false);
    row[29] = Value::Str(text);  // typdefaultbin: Tusk keeps expressions as SQL text
    row[30] = Value::Str(text);
  }
  return row;
}

void RegisterType() {
  SystemRelation r;
  r.oid = 1247;
  r.schema = "pg_catalog";
  r.name = "pg_type";
  auto reg = Type(oid::kRegproc);
  r.columns = {{"oid", Type(oid::kOid)},          {"typname", Type(oid::kName)},     {"typnamespace", Type(oid::kOid)},
               {"typowner", Type(oid::kOid)},     {"typlen", Type(oid::kInt2)},      {"typbyval", Type(oid::kBool)},
               {"typtype", Type(oid::kChar)},     {"typcategory", Type(oid::kChar)}, {"typispreferred", Type(oid::kBool)},
               {"typisdefined", Type(oid::kBool)}, {"typdelim", Type(oid::kChar)},   {"typrelid", Type(oid::kOid)},
               {"typsubscript", reg},             {"typelem", Type(oid::kOid)},      {"typarray", Type(oid::kOid)},
               {"typinput", reg},                 {"typoutput", reg},                {"typreceive", reg},
               {"typsend", reg},                  {"typmodin", reg},                 {"typmodout", reg},
               {"typanalyze", reg},               {"typalign", Type(oid::kChar)},    {"typstorage", Type(oid::kChar)},
               {"typnotnull", Type(oid::kBool)},  {"typbasetype", Type(oid::kOid)},  {"typtypmod", Type(oid::kInt4)},
               {"typndims", Type(oid::kInt4)},    {"typcollation", Type(oid::kOid)}, {"typdefaultbin", Type(oid::kPgNodeTree)},
               {"typdefault", Type(oid::kText)},  {"typacl", Type(oid::kAclitem, -1, true)}};
  r.rows = [](ExecState& st, std::vector<Row>* rows) {
    for (const BuiltinTypeInfo* b : BuiltinTypes()) {
      TypeRow t{b->oid, b->name, catalog_oid::kPgCatalog, b->length, b->byval, b->typtype, b->category, b->preferred,
                b->elem, b->array_oid, b->align, b->storage, b->collation};
      rows->push_back(ToRow(t, t.oid));
      if (t.array) rows->push_back(ToRow(ArrayOf(t), t.array));
    }
    for (const auto& [oid, e] : st.catalog->enums()) {
      TypeRow t{e->type_oid, e->name, NamespaceOid(*st.catalog, e->schema), 4, true, 'e', 'E', false, 0, e->array_oid, 'i', 'p', 0};
      rows->push_back(ToRow(t, oid::kAnyEnum));
      rows->push_back(ToRow(ArrayOf(t), kInt4Array));
    }
    for (const auto& [oid, d] : st.catalog->domains()) {
      rows->push_back(DomainRow(st, *d));
      TypeRow elem{d->oid, d->name, NamespaceOid(*st.catalog, d->schema), 0, false, 'd', 'X', false, 0, d->array_oid,
                   StorageFacts(d->base).align, 'x', CollationOf(DomainType(d))};
      rows->push_back(ToRow(ArrayOf(elem), kInt4Array));
    }
    // tables' row types: typtype 'c', typrelid the table, record's I/O functions
    for (const auto& [oid, t] : st.catalog->tables()) {
      if (!t.rowtype_oid) continue;
      TypeRow row{t.rowtype_oid, t.name, NamespaceOid(*st.catalog, t.schema), -1, false, 'c', 'C', false, 0, t.rowtype_array_oid, 'd', 'x', 0};
      Row r = ToRow(row, oid::kRecord);
      r[11] = OidValue(t.oid);  // typrelid
      rows->push_back(std::move(r));
      rows->push_back(ToRow(ArrayOf(row), kRecordArray));
    }
  };
  RegisterSystemRelation(std::move(r));
}

// pg_enum: one row per label, sort orders 1, 2, 3, ... in label order (labels of catalogs
// written before format 9 have OID 0).
void RegisterEnum() {
  SystemRelation r;
  r.oid = 3501;
  r.schema = "pg_catalog";
  r.name = "pg_enum";
  r.columns = {{"oid", Type(oid::kOid)}, {"enumtypid", Type(oid::kOid)}, {"enumsortorder", Type(oid::kFloat4)},
               {"enumlabel", Type(oid::kName)}};
  r.rows = [](ExecState& st, std::vector<Row>* rows) {
    for (const auto& [oid, e] : st.catalog->enums())
      for (size_t i = 0; i < e->labels.size(); i++)
        rows->push_back({OidValue(i < e->label_oids.size() ? e->label_oids[i] : 0), OidValue(e->type_oid), Value::Float(static_cast<double>(i + 1)), NameValue(e->labels[i])});
  };
  RegisterSystemRelation(std::move(r));
}
}  // namespace

void RegisterTypeCatalogs() {
  RegisterType();
  RegisterEnum();
}

}  // namespace tusk
