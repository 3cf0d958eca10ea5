// The function catalogs: pg_proc (PostgreSQL's built-in functions that Tusk runs, and the
// functions of installed extensions), pg_operator and pg_cast, from the generated tables of
// builtin_procs.hpp filtered by what Tusk's binder accepts (callable.hpp); and pg_language.
#include <algorithm>
#include <charconv>
#include <cstring>
#include <string_view>

#include "catalog/system/builtin_procs.hpp"
#include "catalog/system/callable.hpp"
#include "catalog/function_def.hpp"
#include "catalog/system/catalogs.hpp"
#include "catalog/system/system_relation.hpp"
#include "common/error.hpp"
#include "common/strings.hpp"
#include "execution/exec_state.hpp"
#include "types/text_io.hpp"

namespace tusk {

namespace {
const BuiltinProc kProcs[] = {
#include "catalog/system/builtin_procs.inc"
};
const BuiltinOperator kOperators[] = {
#include "catalog/system/builtin_operators.inc"
};
const BuiltinCast kCasts[] = {
#include "catalog/system/builtin_casts.inc"
};
}  // namespace

std::span<const BuiltinProc> BuiltinProcs() { return kProcs; }
std::span<const BuiltinOperator> BuiltinOperators() { return kOperators; }
std::span<const BuiltinCast> BuiltinCasts() { return kCasts; }

std::vector<uint32_t> ProcArgTypes(const BuiltinProc& p) {
  std::vector<uint32_t> out;
  std::string_view s = p.arg_types;
  while (!s.empty()) {
    uint32_t v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    (void)ec;
    out.push_back(v);
    s.remove_prefix(static_cast<size_t>(end - s.data()));
    if (!s.empty()) s.remove_prefix(1);  // the space
  }
  return out;
}

std::vector<ListedProc> ListedProcs(const Catalog& cat, ProcSet set) {
  const std::vector<bool>& callable = Callable().procs;
  std::vector<ListedProc> out;
  std::map<std::string, uint32_t> member_index;  // per extension: the next member's position
  for (size_t i = 0; i < std::size(kProcs); i++) {
    const BuiltinProc& p = kProcs[i];
    if (!*p.extension) {
      if (callable[i] || set == ProcSet::kAll) out.push_back({&p, p.oid, catalog_oid::kPgCatalog});
      continue;
    }
    uint32_t position = member_index[p.extension]++;
    auto ext = cat.extensions().find(p.extension);
    if (ext == cat.extensions().end() || (!callable[i] && set == ProcSet::kListed)) continue;
    out.push_back({&p, ext->second.members_oid + position, NamespaceOid(cat, ext->second.schema)});
  }
  for (const auto& [oid, f] : cat.functions()) out.push_back({&f->proc, oid, NamespaceOid(cat, f->schema)});
  return out;
}

std::optional<ListedProc> FindListedProc(const Catalog& cat, uint32_t oid, ProcSet set) {
  const std::vector<bool>& callable = Callable().procs;
  auto listed = [&](size_t i) { return set == ProcSet::kAll || callable[i]; };
  // PostgreSQL's own functions come first in the table, in OID order
  const BuiltinProc* core_end = std::find_if(std::begin(kProcs), std::end(kProcs), [](const BuiltinProc& p) { return *p.extension; });
  const BuiltinProc* at = std::lower_bound(std::begin(kProcs), core_end, oid, [](const BuiltinProc& p, uint32_t o) { return p.oid < o; });
  if (at != core_end && at->oid == oid) {
    size_t i = static_cast<size_t>(at - std::begin(kProcs));
    if (!listed(i)) return std::nullopt;
    return ListedProc{at, oid, catalog_oid::kPgCatalog};
  }
  if (auto f = cat.FindFunction(oid)) return ListedProc{&f->proc, oid, NamespaceOid(cat, f->schema)};
  // an installed extension's member: position oid - members_oid among that extension's rows
  for (const auto& [name, ext] : cat.extensions()) {
    if (!ext.members_oid || oid < ext.members_oid || oid >= ext.members_oid + kExtensionMemberOids) continue;
    uint32_t position = oid - ext.members_oid;
    for (const BuiltinProc* p = core_end; p != std::end(kProcs); ++p)
      if (name == p->extension && position-- == 0) {
        if (!listed(static_cast<size_t>(p - std::begin(kProcs)))) return std::nullopt;
        return ListedProc{p, oid, NamespaceOid(cat, ext.schema)};
      }
  }
  return std::nullopt;
}

namespace {
std::string SchemaNameOf(const Catalog& cat, uint32_t ns) {
  auto it = cat.schemas().find(ns);
  return it == cat.schemas().end() ? "" : it->second.name;
}
}  // namespace

bool FunctionIsVisible(const Catalog& cat, const ListedProc& proc, const std::vector<std::string>& search_path) {
  std::vector<ListedProc> all = ListedProcs(cat, ProcSet::kAll);
  for (const std::string& schema : EffectiveSearchPath(cat, search_path)) {
    uint32_t ns = NamespaceOid(cat, schema);
    for (const ListedProc& other : all)
      if (other.namespace_oid == ns && !strcmp(other.proc->name, proc.proc->name) &&
          !strcmp(other.proc->arg_types, proc.proc->arg_types))
        return other.oid == proc.oid;
  }
  return false;
}

std::string RegprocName(const Catalog& cat, const ListedProc& proc, const std::vector<std::string>& search_path) {
  int named = 0;
  bool visible = false;
  const std::vector<ListedProc> all = ListedProcs(cat, ProcSet::kAll);
  for (const std::string& schema : EffectiveSearchPath(cat, search_path)) {
    uint32_t ns = NamespaceOid(cat, schema);
    for (const ListedProc& other : all)
      if (other.namespace_oid == ns && !strcmp(other.proc->name, proc.proc->name)) {
        named++;
        visible |= other.oid == proc.oid;
      }
  }
  if (named == 1 && visible) return QuoteIdent(proc.proc->name);
  return QuoteIdent(SchemaNameOf(cat, proc.namespace_oid)) + "." + QuoteIdent(proc.proc->name);
}

namespace {
// The schema a qualified function name gives, or else the search path's, in order.
std::vector<uint32_t> SchemasToSearch(const Catalog& cat, const std::vector<std::string>& name_parts,
                                      const std::vector<std::string>& search_path) {
  std::vector<uint32_t> schemas;
  if (name_parts.size() == 2) {
    const SchemaDef* s = cat.FindSchema(name_parts[0]);
    if (!s) throw Error(sqlstate::kUndefinedSchema, "schema \"" + name_parts[0] + "\" does not exist");
    schemas.push_back(s->oid);
  } else {
    for (const std::string& schema : EffectiveSearchPath(cat, search_path)) schemas.push_back(NamespaceOid(cat, schema));
  }
  return schemas;
}
}  // namespace

uint32_t RegprocByName(const Catalog& cat, const std::vector<std::string>& name_parts,
                       const std::string& text, const std::vector<std::string>& search_path) {
  if (name_parts.size() > 2) throw Error(sqlstate::kInvalidName, "improper qualified name (too many dotted names): " + text);
  const std::vector<uint32_t> schemas = SchemasToSearch(cat, name_parts, search_path);
  std::vector<uint32_t> found;
  for (const ListedProc& p : ListedProcs(cat, ProcSet::kAll))
    if (p.proc->name == name_parts.back() && std::find(schemas.begin(), schemas.end(), p.namespace_oid) != schemas.end())
      found.push_back(p.oid);
  if (found.empty()) throw Error(sqlstate::kUndefinedFunction, "function \"" + text + "\" does not exist");
  if (found.size() > 1) throw Error(sqlstate::kAmbiguousFunction, "more than one function named \"" + text + "\"");
  return found[0];
}

std::string RegprocedureName(const Catalog& cat, const ListedProc& proc, const std::vector<std::string>& search_path) {
  if (FunctionIsVisible(cat, proc, search_path)) return QuoteIdent(proc.proc->name);
  return QuoteIdent(SchemaNameOf(cat, proc.namespace_oid)) + "." + QuoteIdent(proc.proc->name);
}

uint32_t RegprocedureBySignature(const Catalog& cat, const std::vector<std::string>& name_parts,
                                 const std::vector<uint32_t>& arg_types, const std::string& text,
                                 const std::vector<std::string>& search_path) {
  if (name_parts.size() > 2) {
    std::string joined;
    for (const std::string& p : name_parts) joined += (joined.empty() ? "" : ".") + p;
    throw Error(sqlstate::kSyntaxError, "improper qualified name (too many dotted names): " + joined);
  }
  const std::vector<uint32_t> schemas = SchemasToSearch(cat, name_parts, search_path);
  const std::vector<ListedProc> all = ListedProcs(cat, ProcSet::kAll);
  for (uint32_t ns : schemas)
    for (const ListedProc& p : all)
      if (p.namespace_oid == ns && p.proc->name == name_parts.back() && ProcArgTypes(*p.proc) == arg_types) return p.oid;
  throw Error(sqlstate::kUndefinedFunction, "function \"" + text + "\" does not exist");
}

namespace {

Value TextArray(const char* literal, const Type& type) {
  if (!*literal) return Value::Null();
  return ParseText(type, literal, DateTimeContext());
}

Value OidVector(const std::vector<uint32_t>& oids) {
  std::vector<Value> out;
  for (uint32_t o : oids) out.push_back(OidValue(o));
  return Value::Array(std::move(out), 0);
}

// proconfig: a user function's SET clauses as name=value, NULL when it has none.
Value Config(const Catalog& cat, uint32_t oid) {
  auto f = oid >= oid::kFirstUserOid ? cat.FindFunction(oid) : nullptr;
  if (!f || f->config.empty()) return Value::Null();
  std::vector<Value> out;
  for (const std::string& c : f->config) out.push_back(Value::Str(c));
  return Value::Array(std::move(out));
}

void RegisterProc() {
  SystemRelation r = ShapedCatalog(1255);
  r.rows = [](ExecState& st, std::vector<Row>* rows) {
    for (const ListedProc& l : ListedProcs(*st.catalog)) {
      const BuiltinProc& p = *l.proc;
      std::vector<uint32_t> args = ProcArgTypes(p);
      const ObjectSecurity* sec = l.oid >= oid::kFirstUserOid ? st.catalog->FindSecurity(l.oid) : nullptr;
      rows->push_back({OidValue(l.oid), NameValue(p.name), OidValue(l.namespace_oid), OidValue(sec ? sec->owner : catalog_oid::kBootstrapSuperuser),
                       OidValue(p.language), Value::Float(p.cost), Value::Float(p.rows), OidValue(p.variadic), OidValue(0),
                       CharValue(p.kind), Value::Bool(p.security_definer), Value::Bool(p.leakproof), Value::Bool(p.strict),
                       Value::Bool(p.retset), CharValue(p.volatility), CharValue(p.parallel),
                       Value::Int(static_cast<int64_t>(args.size())), Value::Int(p.arg_defaults), OidValue(p.result_type),
                       OidVector(args), TextArray(p.all_arg_types, Type(oid::kOid, -1, true)),
                       TextArray(p.arg_modes, Type(oid::kChar, -1, true)), TextArray(p.arg_names, Type(oid::kText, -1, true)),
                       Value::Null(), Value::Null(), Value::Str(p.source), Value::Null(), Value::Null(), Config(*st.catalog, l.oid), sec ? AclArray(st, sec->acl) : Value::Null()});
    }
  };
  RegisterSystemRelation(std::move(r));
}

void RegisterOperator() {
  SystemRelation r = ShapedCatalog(2617);
  r.rows = [](ExecState&, std::vector<Row>* rows) {
    const std::vector<bool>& callable = Callable().operators;
    for (size_t i = 0; i < std::size(kOperators); i++) {
      if (!callable[i]) continue;
      const BuiltinOperator& o = kOperators[i];
      rows->push_back({OidValue(o.oid), NameValue(o.name), OidValue(catalog_oid::kPgCatalog), OidValue(catalog_oid::kBootstrapSuperuser),
                       CharValue(o.kind), Value::Bool(o.can_merge), Value::Bool(o.can_hash), OidValue(o.left), OidValue(o.right),
                       OidValue(o.result), OidValue(o.commutator), OidValue(o.negator), OidValue(o.function),
                       OidValue(o.restrict_fn), OidValue(o.join_fn)});
    }
  };
  RegisterSystemRelation(std::move(r));
}

void RegisterCast() {
  SystemRelation r = ShapedCatalog(2605);
  r.rows = [](ExecState&, std::vector<Row>* rows) {
    const std::vector<char>& contexts = Callable().casts;
    for (size_t i = 0; i < std::size(kCasts); i++) {
      if (!contexts[i]) continue;
      const BuiltinCast& c = kCasts[i];
      rows->push_back({OidValue(c.oid), OidValue(c.source), OidValue(c.target), OidValue(c.function), CharValue(contexts[i]),
                       CharValue(c.method)});
    }
  };
  RegisterSystemRelation(std::move(r));
}

// The languages initdb leaves: PostgreSQL's OIDs, handlers and validators.
void RegisterLanguage() {
  SystemRelation r = ShapedCatalog(2612);
  r.rows = [](ExecState& st, std::vector<Row>* rows) {
    struct Language { uint32_t oid; const char* name; bool pl, trusted; uint32_t handler, inline_fn, validator; };
    static const Language kLanguages[] = {{12, "internal", false, false, 0, 0, 2246}, {13, "c", false, false, 0, 0, 2247},
                                          {14, "sql", false, true, 0, 0, 2248}, {13563, "plpgsql", true, true, 13560, 13561, 13562}};
    for (const Language& l : kLanguages) {
      if (l.pl && !st.catalog->HasExtension(l.name)) continue;
      rows->push_back({OidValue(l.oid), NameValue(l.name), OidValue(catalog_oid::kBootstrapSuperuser), Value::Bool(l.pl),
                       Value::Bool(l.trusted), OidValue(l.handler), OidValue(l.inline_fn), OidValue(l.validator), Value::Null()});
    }
  };
  RegisterSystemRelation(std::move(r));
}

}  // namespace

void RegisterFunctionCatalogs() {
  RegisterLanguage();
  RegisterProc();
  RegisterOperator();
  RegisterCast();
}

}  // namespace tusk
