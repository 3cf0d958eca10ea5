#include "binder/volatility.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "catalog/system/builtin_procs.hpp"
#include "execution/sql_value_functions.hpp"
#include "types/domain.hpp"

namespace tusk {

namespace {
// PostgreSQL's I/O functions of each built-in type (typinput, typoutput, ...), as pg_type has
// them; only the first two are read here.
struct TypeIo {
  uint32_t type, functions[8];
};
const TypeIo kTypeIo[] = {
#include "catalog/system/builtin_type_io.inc"
};

char MoreVolatile(char a, char b) {
  auto rank = [](char v) { return v == 'v' ? 2 : v == 's' ? 1 : 0; };
  return rank(a) >= rank(b) ? a : b;
}

const std::multimap<std::string, const BuiltinProc*>& ProcsByName() {
  static const std::multimap<std::string, const BuiltinProc*> by_name = [] {
    std::multimap<std::string, const BuiltinProc*> m;
    for (const BuiltinProc& p : BuiltinProcs())
      if (p.kind == 'f') m.emplace(p.name, &p);
    return m;
  }();
  return by_name;
}

char ProcVolatility(uint32_t oid) {
  static const std::map<uint32_t, char> by_oid = [] {
    std::map<uint32_t, char> m;
    for (const BuiltinProc& p : BuiltinProcs())
      if (p.oid) m[p.oid] = p.volatility;
    return m;
  }();
  auto it = by_oid.find(oid);
  return it == by_oid.end() ? 'i' : it->second;
}

// The pg_type OID a value of `t` has for the catalogs' signatures: a domain's base type.
uint32_t SignatureOid(const Type& t) { return CatalogTypeOid(BaseTypeOf(t)); }

// How well arguments of types `given` fit the parameters `declared`: -1 not at all, else the
// number that match exactly (a polymorphic or otherwise different parameter fits loosely: the
// binder has already chosen and coerced; this only finds which catalog entry it chose).
int Fit(const std::vector<uint32_t>& given, const std::vector<uint32_t>& declared) {
  if (given.size() != declared.size()) return -1;
  int exact = 0;
  for (size_t i = 0; i < given.size(); i++) exact += given[i] == declared[i];
  return exact;
}

// The volatility of the candidate that fits `given` best; ties: the most volatile of them.
template <typename Candidates, typename Declared, typename Volatility>
char BestFit(const Candidates& candidates, const std::vector<uint32_t>& given, Declared declared, Volatility volatility,
             bool* found) {
  int best = -1;
  char v = 'i';
  for (const auto& c : candidates) {
    int fit = Fit(given, declared(c));
    if (fit < 0 || fit < best) continue;
    if (fit > best) v = 'i';
    best = fit;
    v = MoreVolatile(v, volatility(c));
  }
  *found = best >= 0;
  return v;
}

char TypeIoVolatility(uint32_t type, int which) {
  for (const TypeIo& t : kTypeIo)
    if (t.type == type) return ProcVolatility(t.functions[which]);
  return 'i';
}

char CastVolatility(const Type& from_type, const Type& to_type) {
  Type from = BaseTypeOf(from_type), to = BaseTypeOf(to_type);
  uint32_t src = CatalogTypeOid(from), dst = CatalogTypeOid(to);
  if (src == dst || src == oid::kUnknown) return 'i';  // a length coercion, or a literal's input (done at parse time)
  for (const BuiltinCast& c : BuiltinCasts()) {
    if (c.source != src || c.target != dst) continue;
    if (c.method == 'f') return ProcVolatility(c.function);
    if (c.method == 'b') return 'i';
    break;  // 'i': through text, below
  }
  if (from.array && to.array) {  // element by element
    Type fe = from, te = to;
    fe.array = te.array = false;
    return CastVolatility(fe, te);
  }
  auto is_string = [](uint32_t t) { return t == oid::kText || t == oid::kVarchar || t == oid::kBpchar || t == oid::kName; };
  if (is_string(src) && is_string(dst)) return 'i';
  // An I/O conversion: the source's output function, the target's input function.
  // (arrays: array_in / array_out, enums: enum_in / enum_out, rows: record_in / record_out, all
  // stable)
  auto io = [&](const Type& t, uint32_t type_oid, int which) {
    if (is_string(type_oid)) return 'i';
    if (t.array || t.enumdef || t.IsRow()) return 's';
    return TypeIoVolatility(type_oid, which);
  };
  return MoreVolatile(io(from, src, 1), io(to, dst, 0));
}

// A function call's volatility as PostgreSQL's catalog has it; *found false when the catalog
// has no function of that name taking that many arguments.
char FunctionVolatility(const CallExpr& call, bool* found) {
  std::vector<uint32_t> given;
  for (const auto& a : call.args) given.push_back(SignatureOid(a->type));
  std::string name = call.name;
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  auto range = ProcsByName().equal_range(name);
  std::vector<const BuiltinProc*> procs;
  for (auto it = range.first; it != range.second; ++it) procs.push_back(it->second);
  return BestFit(procs, given, [](const BuiltinProc* p) { return ProcArgTypes(*p); },
                 [](const BuiltinProc* p) { return p->volatility; }, found);
}

char CallVolatility(const CallExpr& call) {
  std::vector<uint32_t> given;
  for (const auto& a : call.args) given.push_back(SignatureOid(a->type));
  if (call.infix) {
    // An operator (a row comparison's arguments alternate left and right: judge one pair).
    if (given.size() > 2) given.resize(2);
    std::vector<const BuiltinOperator*> ops;
    for (const BuiltinOperator& o : BuiltinOperators())
      if (call.name == o.name && (given.size() == 2) == (o.kind == 'b')) ops.push_back(&o);
    bool found = false;
    char v = BestFit(ops, given, [&](const BuiltinOperator* o) {
      return o->kind == 'b' ? std::vector<uint32_t>{o->left, o->right} : std::vector<uint32_t>{o->right};
    }, [&](const BuiltinOperator* o) {
      // text || anynonarray and the reverse are SQL functions that PostgreSQL inlines into a
      // cast to text: as volatile as that cast
      if (o->kind == 'b' && (o->right == oid::kAnyNonArray || o->left == oid::kAnyNonArray))
        return o->right == oid::kAnyNonArray ? CastVolatility(call.args[1]->type, Type(oid::kText))
                                             : CastVolatility(call.args[0]->type, Type(oid::kText));
      return ProcVolatility(o->function);
    }, &found);
    return found ? v : 'i';
  }
  if (IsSqlValueFunction(call.name)) return 's';
  bool found = false;
  char v = FunctionVolatility(call, &found);
  return found ? v : 'i';
}
}  // namespace

char ExprVolatility(const Expr& e) {
  char v = 'i';
  if (char declared = e.DeclaredVolatility()) v = declared;
  else if (auto* call = dynamic_cast<const CallExpr*>(&e)) v = CallVolatility(*call);
  else if (auto* cast = dynamic_cast<const CastExpr*>(&e)) v = CastVolatility(cast->arg->type, cast->type);
  e.ForEachChild([&](const ExprP& child) {
    if (v != 'v' && child) v = MoreVolatile(v, ExprVolatility(*child));
  });
  return v;
}

bool CatalogImmutableCall(const CallExpr& call) {
  bool found = false;
  char v = FunctionVolatility(call, &found);
  return found && v == 'i' && !IsSqlValueFunction(call.name);
}

}  // namespace tusk
