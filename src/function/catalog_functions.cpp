// Functions that tools call over the system catalogs: psql's \d family and drivers'
// introspection (pg_get_userbyid, pg_table_is_visible, format_type, obj_description, ...).
#include "views/instead_of.hpp"
#include "catalog/system/builtin_procs.hpp"
#include "catalog/system/callable.hpp"
#include "catalog/system/catalogs.hpp"
#include "catalog/system/deparse.hpp"
#include "partition/partition_constraint.hpp"
#include "views/definition.hpp"
#include "views/updatable.hpp"
#include "catalog/system/descriptions.hpp"
#include "catalog/system/system_relation.hpp"
#include "catalog/system/object_names.hpp"
#include "engine/session.hpp"
#include "catalog/function_def.hpp"
#include "function/registry.hpp"
#include "partition/partition_def.hpp"
#include <optional>

#include "common/error.hpp"
#include "common/keycodec.hpp"
#include "engine/database.hpp"
#include "storage/store.hpp"
#include "common/strings.hpp"
#include "types/numeric.hpp"
#include "types/object_names.hpp"
#include "types/tsearch/ts_session.hpp"
#include "types/tsearch/ts_template.hpp"

namespace tusk {

namespace {
const Type kOidT(oid::kOid);

// The name of a role by OID, "unknown (OID=n)" when none has it (as PostgreSQL).
// A role name as an aclitem prints it: quoted when it has anything but letters, digits, '_'.
std::string AclRoleName(const std::string& name) {
  bool plain = !name.empty();
  for (unsigned char c : name) plain = plain && (std::isalnum(c) || c == '_');
  if (plain) return name;
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string RoleName(const ExecState& st, uint32_t oid) {
  if (st.dt.names)
    if (auto name = st.dt.names->Name(oid::kRegrole, oid)) return *name;
  return "unknown (OID=" + std::to_string(oid) + ")";
}

// format_type(type, typmod): the type's SQL spelling with its modifier; NULL typmod is none.
Value FormatType(const std::vector<Value>& a, EvalContext& ctx) {
  if (a[0].is_null()) return Value::Null();
  uint32_t id = static_cast<uint32_t>(a[0].i());
  if (id == 0) return Value::Str("-");
  int32_t typmod = a.size() > 1 && !a[1].is_null() ? static_cast<int32_t>(a[1].i()) : -1;
  if (FindBuiltinType(id)) return Value::Str(TypeName(Type(id, typmod)));
  if (uint32_t elem = ElementOfArrayOid(id)) return Value::Str(TypeName(Type(elem, typmod, true)));
  auto name = ctx.state->dt.names ? ctx.state->dt.names->Name(oid::kRegtype, id) : std::nullopt;
  if (!name) return Value::Str("???");
  // a user type has no typmodout: a modifier prints as the number (PostgreSQL's printTypmod)
  if (typmod >= 0 && name->size() > 2 && name->compare(name->size() - 2, 2, "[]") != 0) *name += "(" + std::to_string(typmod) + ")";
  return Value::Str(*name);
}

// pg_size_pretty: bytes below 10 kB, then kB, MB, GB, TB and PB, each used below 20 × 1024 - 1
// of itself and rounded half away from zero (PostgreSQL's units and limits).
std::string SizePretty(int64_t size) {
  struct Unit { const char* name; uint64_t limit; bool round; int bits; };
  static const Unit kUnits[] = {{"bytes", 10 * 1024, false, 0}, {"kB", 20 * 1024 - 1, true, 10}, {"MB", 20 * 1024 - 1, true, 20},
                                {"GB", 20 * 1024 - 1, true, 30}, {"TB", 20 * 1024 - 1, true, 40}, {"PB", 20 * 1024 - 1, true, 50}};
  constexpr size_t n = sizeof(kUnits) / sizeof(kUnits[0]);
  for (size_t i = 0;; i++) {
    const Unit& u = kUnits[i];
    uint64_t magnitude = size < 0 ? 0 - static_cast<uint64_t>(size) : static_cast<uint64_t>(size);
    if (i + 1 == n || magnitude < u.limit) {
      if (u.round) size = (size + (size < 0 ? -1 : 1)) / 2;
      return std::to_string(size) + " " + u.name;
    }
    // Divide down to the next unit, keeping one extra bit when that unit rounds by halves.
    const Unit& next = kUnits[i + 1];
    int bits = next.bits - u.bits - (next.round ? 1 : 0) + (u.round ? 1 : 0);
    size /= int64_t{1} << bits;
  }
}

// The bytes a table or index's keys take in storage; nullopt when the OID names neither.
std::optional<int64_t> RelationBytes(const ExecState& st, uint32_t oid) {
  if (st.catalog->FindView(oid)) return 0;  // a view stores nothing
  if (!st.catalog->FindTable(oid) && !st.catalog->FindIndex(oid) && !st.catalog->FindSequence(oid)) return std::nullopt;
  std::string prefix = RelationPrefix(oid);
  return static_cast<int64_t>(st.db->store()->ApproximateSize(prefix, PrefixSuccessor(prefix)));
}

int64_t IndexesBytes(const ExecState& st, const TableDef& t) {
  int64_t total = 0;
  for (uint32_t ix : t.indexes) total += RelationBytes(st, ix).value_or(0);
  return total;
}

// The size functions over one relation: NULL for an OID that names none, as PostgreSQL.
void RegisterSizeFunctions() {
  auto sized = [](int64_t (*size)(const ExecState&, uint32_t, const TableDef*)) {
    return [size](const std::vector<Value>& a, EvalContext& ctx) {
      uint32_t oid = static_cast<uint32_t>(a[0].i());
      auto own = RelationBytes(*ctx.state, oid);
      if (!own) return Value::Null();
      return Value::Int(size(*ctx.state, oid, ctx.state->catalog->FindTable(oid)));
    };
  };
  Type regclass(oid::kRegclass), bigint(oid::kInt8);
  // pg_relation_size: the relation's own data; pg_table_size the same (Tusk keeps no TOAST,
  // free-space or visibility maps); pg_indexes_size: a table's indexes; pg_total_relation_size:
  // both.
  auto own = [](const ExecState& st, uint32_t oid, const TableDef*) { return *RelationBytes(st, oid); };
  Register("pg_relation_size", {regclass}, bigint, sized(own));
  Register("pg_table_size", {regclass}, bigint, sized(own));
  Register("pg_relation_size", {regclass, Type(oid::kText)}, bigint, [own](const std::vector<Value>& a, EvalContext& ctx) {
    const std::string& fork = a[1].s();
    if (fork != "main" && fork != "fsm" && fork != "vm" && fork != "init")
      throw Error(sqlstate::kInvalidParameterValue, "invalid fork name").WithHint("Valid fork names are \"main\", \"fsm\", \"vm\", and \"init\".");
    uint32_t oid = static_cast<uint32_t>(a[0].i());
    if (!RelationBytes(*ctx.state, oid)) return Value::Null();
    return Value::Int(fork == "main" ? own(*ctx.state, oid, nullptr) : 0);  // only the main fork exists
  });
  Register("pg_indexes_size", {regclass}, bigint, sized([](const ExecState& st, uint32_t, const TableDef* t) {
    return t ? IndexesBytes(st, *t) : int64_t{0};
  }));
  Register("pg_total_relation_size", {regclass}, bigint, sized([](const ExecState& st, uint32_t oid, const TableDef* t) {
    return *RelationBytes(st, oid) + (t ? IndexesBytes(st, *t) : 0);
  }));
  // pg_database_size: the storage its relations' keys take, and its catalog's.
  auto database_bytes = [](const ExecState& st, uint32_t db) {
    auto cat = st.db->catalog(db);
    Store* store = st.db->store();
    int64_t total = static_cast<int64_t>(cat->Serialize().size());
    auto add = [&](uint32_t rel) {
      std::string prefix = RelationPrefix(rel);
      total += static_cast<int64_t>(store->ApproximateSize(prefix, PrefixSuccessor(prefix)));
    };
    for (const auto& [oid, t] : cat->tables()) add(oid);
    for (const auto& [oid, i] : cat->indexes()) add(oid);
    return total;
  };
  Register("pg_database_size", {Type(oid::kName)}, bigint, [database_bytes](const std::vector<Value>& a, EvalContext& ctx) {
    auto cluster = ctx.state->session->CurrentCluster();
    const DatabaseDef* d = cluster->FindDatabase(a[0].s());
    if (!d) throw Error(sqlstate::kInvalidCatalogName, "database \"" + a[0].s() + "\" does not exist");
    return Value::Int(database_bytes(*ctx.state, d->oid));
  });
  Register("pg_database_size", {kOidT}, bigint, [database_bytes](const std::vector<Value>& a, EvalContext& ctx) {
    const uint32_t oid = static_cast<uint32_t>(a[0].i());
    auto cluster = ctx.state->session->CurrentCluster();
    if (!cluster->FindDatabase(oid)) return Value::Null();
    return Value::Int(database_bytes(*ctx.state, oid));
  });
}

// enum_first / enum_last / enum_range: an enum's labels, read from the argument's type (its
// value is ignored, so NULL::mood works, as in PostgreSQL).
void RegisterEnumFunctions() {
  auto& reg = FunctionRegistry();
  auto not_enum = [](const std::string& name, const std::vector<ExprP>& args, int location) -> ExprP {
    std::string sig;
    for (size_t i = 0; i < args.size(); i++) sig += (i ? ", " : "") + TypeName(args[i]->type);
    throw Error(sqlstate::kUndefinedFunction, "function " + name + "(" + sig + ") does not exist")
        .WithHint("No function matches the given name and argument types. You might need to add explicit type casts.")
        .WithPosition(location + 1);
  };
  for (const char* end : {"enum_first", "enum_last"}) {
    std::string name = end;
    reg[name] = [name, not_enum](Binder&, std::vector<ExprP>& args, int location) -> ExprP {
      if (args.size() != 1 || !args[0]->type.enumdef || args[0]->type.array) return not_enum(name, args, location);
      Type t = args[0]->type;
      bool first = name == "enum_first";
      return Fn(t, name, args, [t, first](const std::vector<Value>&, EvalContext&) {
        size_t n = t.enumdef->labels.size();
        if (n == 0) return Value::Null();
        int64_t label = first ? 0 : static_cast<int64_t>(n) - 1;
        t.enumdef->CheckSafe(label);
        return Value::Int(label);
      }, false);
    };
  }
  reg["enum_range"] = [not_enum](Binder& b, std::vector<ExprP>& args, int location) -> ExprP {
    if (args.empty() || args.size() > 2) return not_enum("enum_range", args, location);
    Type t;
    for (const auto& a : args)
      if (a->type.enumdef && !a->type.array) t = a->type;
    if (!t.enumdef) return not_enum("enum_range", args, location);
    for (auto& a : args) a = b.Coerce(a, t, CastContext::kImplicit, location);
    bool bounded = args.size() == 2;
    return Fn(t.ArrayOf(), "enum_range", args, [t, bounded](const std::vector<Value>& a, EvalContext&) {
      // enum values are label positions; a NULL bound leaves that end open
      int64_t lo = 0, hi = static_cast<int64_t>(t.enumdef->labels.size()) - 1;
      if (bounded && !a[0].is_null()) lo = a[0].i();
      if (bounded && !a[1].is_null()) hi = a[1].i();
      std::vector<Value> out;
      for (int64_t i = lo; i <= hi; i++) {
        t.enumdef->CheckSafe(i);
        out.push_back(Value::Int(i));
      }
      return Value::Array(std::move(out));
    }, false);
  };
}

// pg_get_serial_sequence(table, column): the sequence a serial or identity column draws from,
// schema-qualified; NULL for a column without one. The table name is read as SQL reads names
// (folded to lower case unless quoted), the column name as it is.
Value SerialSequence(const std::vector<Value>& a, EvalContext& ctx) {
  const Catalog& cat = *ctx.state->catalog;
  if (!ctx.state->dt.names) return Value::Null();
  uint32_t table_oid = ctx.state->dt.names->Lookup(oid::kRegclass, a[0].s());
  const TableDef* t = cat.FindTable(table_oid);
  int column = t ? t->FindColumn(a[1].s()) : -1;
  if (column < 0)
    throw Error(sqlstate::kUndefinedColumn, "column \"" + a[1].s() + "\" of relation \"" + (t ? t->name : a[0].s()) + "\" does not exist");
  for (const auto& [oid, s] : cat.sequences())
    if (s.owner_table == table_oid && s.owner_column == column) return Value::Str(QuoteIdent(s.schema) + "." + QuoteIdent(s.name));
  return Value::Null();
}
}  // namespace

void RegisterCatalogFunctions() {
  // The privileges an object has while its ACL column is NULL: PostgreSQL's defaults per kind
  // of object ('r' relation, 'n' schema, 'f' function, ...), the owner holding them all.
  Register("acldefault", {Type(oid::kChar), kOidT}, Type(oid::kAclitem, -1, true), [](const std::vector<Value>& a, EvalContext& ctx) {
    const std::string owner = AclRoleName(RoleName(*ctx.state, static_cast<uint32_t>(a[1].i())));
    std::string kind = a[0].s();
    struct Default { char kind; const char* pub; const char* own; };
    static const Default kDefaults[] = {
        {'c', nullptr, nullptr}, {'r', nullptr, "arwdDxt"}, {'s', nullptr, "rwU"}, {'d', "Tc", "CTc"},
        {'f', "X", "X"}, {'l', "U", "U"}, {'L', nullptr, "rw"}, {'n', nullptr, "UC"}, {'t', nullptr, "C"},
        {'F', nullptr, "U"}, {'S', nullptr, "U"}, {'T', "U", "U"}, {'p', nullptr, "sA"}};
    for (const auto& d : kDefaults) {
      if (kind.size() != 1 || kind[0] != d.kind) continue;
      std::vector<Value> items;
      if (d.pub) items.push_back(Value::Str(std::string("=") + d.pub + "/" + owner));
      if (d.own) items.push_back(Value::Str(owner + "=" + d.own + "/" + owner));
      return Value::Array(std::move(items));
    }
    throw Error(sqlstate::kInvalidParameterValue, "unrecognized object type abbreviation: " + kind);
  });
  Register("pg_get_userbyid", {kOidT}, Type(oid::kName), [](const std::vector<Value>& a, EvalContext& ctx) {
    return Value::Str(RoleName(*ctx.state, static_cast<uint32_t>(a[0].i())));
  });
  // NULL for an OID that names nothing, so that catalog queries can skip vanished objects
  Register("pg_table_is_visible", {kOidT}, Type(oid::kBool), [](const std::vector<Value>& a, EvalContext& ctx) {
    uint32_t oid = static_cast<uint32_t>(a[0].i());
    if (!ctx.state->dt.names || !ctx.state->dt.names->Name(oid::kRegclass, oid)) return Value::Null();
    return Value::Bool(RelationIsVisible(*ctx.state->catalog, oid, ctx.state->session->SearchPath()));
  });
  Register("pg_type_is_visible", {kOidT}, Type(oid::kBool), [](const std::vector<Value>& a, EvalContext& ctx) {
    uint32_t oid = static_cast<uint32_t>(a[0].i());
    if (!ctx.state->dt.names || !ctx.state->dt.names->Name(oid::kRegtype, oid)) return Value::Null();
    return Value::Bool(TypeIsVisible(*ctx.state->catalog, oid, ctx.state->session->SearchPath()));
  });
  // Text search objects (types/tsearch/ts_lookup.hpp); NULL for an OID that names none.
  for (TsObjectKind kind : {TsObjectKind::kConfig, TsObjectKind::kDictionary})
    Register(kind == TsObjectKind::kConfig ? "pg_ts_config_is_visible" : "pg_ts_dict_is_visible", {kOidT}, Type(oid::kBool),
             [kind](const std::vector<Value>& a, EvalContext& ctx) {
               TsNameScope scope = TsScopeOf(ctx);
               uint32_t oid = static_cast<uint32_t>(a[0].i());
               std::string schema, name;
               if (!TsObjectById(kind, scope.catalog, oid, &schema, &name)) return Value::Null();
               return Value::Bool(TsObjectIsVisible(kind, oid, scope));
             });
  // The parser and the templates are pg_catalog's, which is always searched.
  Register("pg_ts_parser_is_visible", {kOidT}, Type(oid::kBool), [](const std::vector<Value>& a, EvalContext&) {
    return a[0].i() == DefaultTsParser().oid ? Value::Bool(true) : Value::Null();
  });
  Register("pg_ts_template_is_visible", {kOidT}, Type(oid::kBool), [](const std::vector<Value>& a, EvalContext&) {
    return FindTsTemplate(static_cast<uint32_t>(a[0].i())) ? Value::Bool(true) : Value::Null();
  });
  Register("pg_function_is_visible", {kOidT}, Type(oid::kBool), [](const std::vector<Value>& a, EvalContext& ctx) {
    std::optional<ListedProc> p = FindListedProc(*ctx.state->catalog, static_cast<uint32_t>(a[0].i()), ProcSet::kAll);
    if (!p) return Value::Null();
    return Value::Bool(FunctionIsVisible(*ctx.state->catalog, *p, ctx.state->session->SearchPath()));
  });
  Register("pg_operator_is_visible", {kOidT}, Type(oid::kBool), [](const std::vector<Value>& a, EvalContext&) {
    // every operator pg_operator lists is pg_catalog's, which is always searched
    const std::vector<bool>& listed = Callable().operators;
    for (size_t i = 0; i < BuiltinOperators().size(); i++)
      if (BuiltinOperators()[i].oid == a[0].i()) return listed[i] ? Value::Bool(true) : Value::Null();
    return Value::Null();
  });
  // The text psql's \df prints for a function's arguments and result; NULL for no function.
  // A user function's texts name its user types with their schema where search_path does not
  // reach them (format_type's rule), as pg_dump, which empties search_path, needs.
  auto function_text = [](const char* (*pick)(const BuiltinProc&)) {
    return [pick](const std::vector<Value>& a, EvalContext& ctx) {
      uint32_t oid = static_cast<uint32_t>(a[0].i());
      if (auto f = ctx.state->catalog->FindFunction(oid); f && ctx.state->dt.names) {
        FunctionTexts t = DescribeTexts(*f, [&](const Type& type) {
          if (CatalogTypeOid(type) < oid::kFirstUserOid) return TypeName(type);
          return ctx.state->dt.names->Name(oid::kRegtype, CatalogTypeOid(type)).value_or(TypeName(type));
        });
        BuiltinProc view = f->proc;
        view.arguments = t.arguments.c_str();
        view.identity_arguments = t.identity_arguments == t.arguments ? "" : t.identity_arguments.c_str();
        view.result = t.result.c_str();
        return Value::Str(pick(view));
      }
      std::optional<ListedProc> p = FindListedProc(*ctx.state->catalog, oid, ProcSet::kAll);
      return p ? Value::Str(pick(*p->proc)) : Value::Null();
    };
  };
  Register("pg_get_function_arguments", {kOidT}, Type(oid::kText), function_text([](const BuiltinProc& p) { return p.arguments; }));
  Register("pg_get_function_identity_arguments", {kOidT}, Type(oid::kText), function_text([](const BuiltinProc& p) {
    return *p.identity_arguments ? p.identity_arguments : p.arguments;
  }));
  // the body of a function written in SQL-standard form; built-in functions have none
  Register("pg_get_function_sqlbody", {kOidT}, Type(oid::kText), [](const std::vector<Value>&, EvalContext&) { return Value::Null(); });
  Register("pg_get_function_result", {kOidT}, Type(oid::kText), function_text([](const BuiltinProc& p) { return p.result; }));
  Register("format_type", {kOidT, Type(oid::kInt4)}, Type(oid::kText), FormatType, false);
  Register("pg_encoding_to_char", {Type(oid::kInt4)}, Type(oid::kName), [](const std::vector<Value>& a, EvalContext&) {
    // the encodings a Tusk database can have; PostgreSQL gives "" for a number that is none
    switch (a[0].i()) {
      case 0: return Value::Str("SQL_ASCII");
      case 6: return Value::Str("UTF8");
      default: return Value::Str("");
    }
  });
  // Comments (catalog/system/descriptions.hpp). The catalog name picks the class; without one,
  // any class (PostgreSQL's deprecated one-argument form).
  auto description = [](EvalContext& ctx, uint32_t classoid, int64_t objoid, int64_t sub) {
    auto d = FindDescription(*ctx.state->catalog, classoid, static_cast<uint32_t>(objoid), static_cast<int32_t>(sub));
    return d ? Value::Str(*d) : Value::Null();
  };
  Register("obj_description", {kOidT, Type(oid::kName)}, Type(oid::kText), [description](const std::vector<Value>& a, EvalContext& ctx) {
    const SystemRelation* cls = FindSystemRelation("pg_catalog", a[1].s());
    return cls ? description(ctx, cls->oid, a[0].i(), 0) : Value::Null();
  });
  Register("obj_description", {kOidT}, Type(oid::kText), [description](const std::vector<Value>& a, EvalContext& ctx) {
    return description(ctx, 0, a[0].i(), 0);
  });
  Register("col_description", {kOidT, Type(oid::kInt4)}, Type(oid::kText), [description](const std::vector<Value>& a, EvalContext& ctx) {
    return description(ctx, class_oid::kPgClass, a[0].i(), a[1].i());
  });
  // COMMENT ON DATABASE / ROLE (pg_shdescription), by the catalog's name
  Register("shobj_description", {kOidT, Type(oid::kName)}, Type(oid::kText), [](const std::vector<Value>& a, EvalContext& ctx) {
    const SystemRelation* cls = FindSystemRelation("pg_catalog", a[1].s());
    if (!cls) return Value::Null();
    const auto& comments = ctx.state->session->CurrentCluster()->shared_comments();
    auto it = comments.find({cls->oid, static_cast<uint32_t>(a[0].i())});
    return it == comments.end() ? Value::Null() : Value::Str(it->second);
  });
  // Both of initdb's tablespaces live in the data directory itself.
  Register("pg_tablespace_location", {kOidT}, Type(oid::kText), [](const std::vector<Value>& a, EvalContext&) {
    if (a[0].i() != 1663 && a[0].i() != 1664) return Value::Null();
    return Value::Str("");
  });
  // Deparsing. Stored expressions (pg_node_tree columns) are SQL text bound against the relation.
  auto get_expr = [](const std::vector<Value>& a, EvalContext& ctx) {
    const TableDef* t = ctx.state->catalog->FindTable(static_cast<uint32_t>(a[1].i()));
    bool pretty = a.size() > 2 && a[2].b();
    // A partition's relpartbound holds its bound's text already (catalog/system/relations.cpp).
    if (t && t->partition_parent && (a[0].s() == "DEFAULT" || a[0].s().starts_with("FOR VALUES "))) return a[0];
    return Value::Str(DeparseStoredExpr(ctx.state, t, a[0].s(), nullptr, pretty));
  };
  Register("pg_partition_root", {Type(oid::kRegclass)}, Type(oid::kRegclass), [](const std::vector<Value>& a, EvalContext& ctx) {
    const TableDef* t = ctx.state->catalog->FindTable(static_cast<uint32_t>(a[0].i()));
    if (!t || (!t->partition_key && !t->partition_parent)) return Value::Null();  // not in a partition tree
    while (t->partition_parent) t = ctx.state->catalog->FindTable(t->partition_parent);
    return Value::Int(t->oid);
  });
  Register("pg_get_partition_constraintdef", {kOidT}, Type(oid::kText), [](const std::vector<Value>& a, EvalContext& ctx) {
    const TableDef* t = ctx.state->catalog->FindTable(static_cast<uint32_t>(a[0].i()));
    std::optional<std::string> text = t ? PartitionConstraintText(ctx.state, *t) : std::nullopt;
    return text ? Value::Str(*text) : Value::Null();
  });
  Register("pg_get_partkeydef", {kOidT}, Type(oid::kText), [](const std::vector<Value>& a, EvalContext& ctx) {
    const TableDef* t = ctx.state->catalog->FindTable(static_cast<uint32_t>(a[0].i()));
    if (!t || !t->partition_key) return Value::Null();
    return Value::Str(PartitionKeyText(*t, [&](const std::string& sql) { return KeyExpressionDefinition(ctx.state, t, sql, false); }));
  });
  Register("pg_get_expr", {Type(oid::kPgNodeTree), kOidT}, Type(oid::kText), get_expr);
  Register("pg_get_expr", {Type(oid::kPgNodeTree), kOidT, Type(oid::kBool)}, Type(oid::kText), get_expr);
  auto constraint_def = [](const std::vector<Value>& a, EvalContext& ctx) {
    uint32_t oid = static_cast<uint32_t>(a[0].i());
    bool pretty = a.size() > 1 && a[1].b();
    for (const auto& [toid, t] : ctx.state->catalog->tables())
      for (const auto& c : t.constraints)
        if (c.oid == oid) return Value::Str(ConstraintDefinition(ctx.state, t, c, pretty));
    for (const auto& [doid, d] : ctx.state->catalog->domains())
      for (const auto& c : d->checks)
        if (c.oid == oid) return Value::Str(DomainCheckDefinition(ctx.state, *d, c, pretty));
    return Value::Null();
  };
  auto trigger_def = [](const std::vector<Value>& a, EvalContext& ctx) {
    uint32_t oid = static_cast<uint32_t>(a[0].i());
    bool pretty = a.size() > 1 && a[1].b();
    for (const auto& [toid, t] : ctx.state->catalog->tables())
      for (const auto& g : t.triggers)
        if (g.oid == oid) return Value::Str(TriggerDefinition(ctx.state, t, g, pretty));
    for (const auto& [view_oid, v] : ctx.state->catalog->views())
      for (const auto& g : v.triggers)
        if (g.oid == oid) return Value::Str(TriggerDefinition(ctx.state, ViewAsTable(v), g, pretty));
    return Value::Null();
  };
  Register("pg_get_triggerdef", {kOidT}, Type(oid::kText), trigger_def);
  Register("pg_get_triggerdef", {kOidT, Type(oid::kBool)}, Type(oid::kText), trigger_def);
  Register("pg_get_constraintdef", {kOidT}, Type(oid::kText), constraint_def);
  Register("pg_get_constraintdef", {kOidT, Type(oid::kBool)}, Type(oid::kText), constraint_def);
  auto index_def = [](const std::vector<Value>& a, EvalContext& ctx) {
    const IndexDef* ix = ctx.state->catalog->FindIndex(static_cast<uint32_t>(a[0].i()));
    if (!ix) return Value::Null();
    int column = a.size() > 1 ? static_cast<int>(a[1].i()) : 0;
    bool pretty = a.size() > 2 && a[2].b();
    return Value::Str(IndexDefinition(ctx.state, *ix, column, pretty));
  };
  Register("pg_get_indexdef", {kOidT}, Type(oid::kText), index_def);
  Register("pg_get_indexdef", {kOidT, Type(oid::kInt4), Type(oid::kBool)}, Type(oid::kText), index_def);
  // pg_get_viewdef: a user view's query; NULL for an OID naming no view (and for the system
  // views, which Tusk computes natively). By name, a missing relation is 42P01.
  auto view_def = [](const std::vector<Value>& a, EvalContext& ctx) {
    auto text = RelationDefinitionText(*ctx.state->catalog, static_cast<uint32_t>(a[0].i()), ctx.state->session->SearchPath());
    return text ? Value::Str(*text) : Value::Null();
  };
  auto view_def_by_name = [view_def](const std::vector<Value>& a, EvalContext& ctx) {
    if (!ctx.state->dt.names) return Value::Null();
    std::vector<Value> by_oid = a;
    by_oid[0] = Value::Int(ctx.state->dt.names->Lookup(oid::kRegclass, a[0].s()));
    return view_def(by_oid, ctx);
  };
  // A view's _RETURN rule (the only rules Tusk has): CREATE RULE text around its query; the
  // view's name qualified unless pretty and visible, as PostgreSQL prints it.
  auto rule_def = [](const std::vector<Value>& a, EvalContext& ctx) {
    const Catalog& cat = *ctx.state->catalog;
    std::vector<std::string> path = ctx.state->session->SearchPath();
    bool pretty = a.size() > 1 && a[1].b();
    uint32_t rule = static_cast<uint32_t>(a[0].i());
    auto text = [&](uint32_t oid, const std::string& schema, const std::string& name) {
      std::string shown = pretty && RelationIsVisible(cat, oid, path) ? QuoteIdent(name) : QuoteIdent(schema) + "." + QuoteIdent(name);
      return Value::Str("CREATE RULE \"_RETURN\" AS\n    ON SELECT TO " + shown + " DO INSTEAD " + *RelationDefinitionText(cat, oid, path));
    };
    for (const auto& [oid, v] : cat.views())
      if (v.rule_oid == rule) return text(oid, v.schema, v.name);
    for (const auto& [oid, t] : cat.tables())
      if (t.materialized && t.materialized->rule_oid == rule) return text(oid, t.schema, t.name);
    return Value::Null();
  };
  Register("pg_get_ruledef", {kOidT}, Type(oid::kText), rule_def);
  Register("pg_get_ruledef", {kOidT, Type(oid::kBool)}, Type(oid::kText), rule_def);
  Register("pg_relation_is_updatable", {Type(oid::kRegclass), Type(oid::kBool)}, Type(oid::kInt4),
           [](const std::vector<Value>& a, EvalContext& ctx) {
             return Value::Int(UpdatableEvents(*ctx.state->catalog, static_cast<uint32_t>(a[0].i())));
           });
  Register("pg_column_is_updatable", {Type(oid::kRegclass), Type(oid::kInt2), Type(oid::kBool)}, Type(oid::kBool),
           [](const std::vector<Value>& a, EvalContext& ctx) {
             return Value::Bool(ColumnIsUpdatable(*ctx.state->catalog, static_cast<uint32_t>(a[0].i()), static_cast<int>(a[1].i())));
           });
  Register("pg_get_viewdef", {kOidT}, Type(oid::kText), view_def);
  Register("pg_get_viewdef", {kOidT, Type(oid::kBool)}, Type(oid::kText), view_def);
  Register("pg_get_viewdef", {Type(oid::kText)}, Type(oid::kText), view_def_by_name);
  Register("pg_get_viewdef", {Type(oid::kText), Type(oid::kBool)}, Type(oid::kText), view_def_by_name);
  Register("pg_get_viewdef", {kOidT, Type(oid::kInt4)}, Type(oid::kText), view_def);
  // Extended statistics objects (pg_statistic_ext) cannot be created yet: none to describe.
  auto no_object = [](const std::vector<Value>&, EvalContext&) { return Value::Null(); };
  Register("pg_get_statisticsobjdef_columns", {kOidT}, Type(oid::kText), no_object);
  // Whether logical replication could publish the relation: PostgreSQL's test, a user table.
  Register("pg_relation_is_publishable", {Type(oid::kRegclass)}, Type(oid::kBool), [](const std::vector<Value>& a, EvalContext& ctx) {
    const TableDef* t = ctx.state->catalog->FindTable(static_cast<uint32_t>(a[0].i()));
    return t ? Value::Bool(true) : Value::Null();
  });
  Register("pg_size_pretty", {Type(oid::kInt8)}, Type(oid::kText), [](const std::vector<Value>& a, EvalContext&) {
    return Value::Str(SizePretty(a[0].i()));
  });
  Register("pg_size_pretty", {Type(oid::kNumeric)}, Type(oid::kText), [](const std::vector<Value>& a, EvalContext&) {
    Numeric n;
    int64_t v;
    if (!Numeric::Parse(a[0].s(), &n) || n.scale() != 0 || !n.ToInt64(&v))
      throw Error(sqlstate::kFeatureNotSupported, "pg_size_pretty of a numeric with a fraction or beyond bigint is not supported yet");
    return Value::Str(SizePretty(v));
  });
  Register("pg_get_serial_sequence", {Type(oid::kText), Type(oid::kText)}, Type(oid::kText), SerialSequence);
  // to_regclass('name') and its kin: the OID as the alias type's input reads it, NULL (not an
  // error) when the name names nothing.
  for (uint32_t alias : {oid::kRegclass, oid::kRegtype, oid::kRegnamespace, oid::kRegrole}) {
    std::string name = "to_" + TypeName(Type(alias));
    Register(name, {Type(oid::kText)}, Type(alias), [alias](const std::vector<Value>& a, EvalContext& ctx) {
      if (!ctx.state->dt.names) return Value::Null();
      try {
        return Value::Int(ctx.state->dt.names->Lookup(alias, a[0].s()));
      } catch (const Error& e) {
        std::string_view state = e.state();
        if (state == sqlstate::kUndefinedTable || state == sqlstate::kUndefinedObject || state == sqlstate::kUndefinedSchema) return Value::Null();
        throw;
      }
    });
  }
  RegisterSizeFunctions();
  RegisterEnumFunctions();
  // A Tusk server is never a standby replaying another's log.
  Register("pg_is_in_recovery", {}, Type(oid::kBool), [](const std::vector<Value>&, EvalContext&) { return Value::Bool(false); });
}

}  // namespace tusk
