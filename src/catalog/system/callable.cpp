#include "catalog/system/callable.hpp"

#include <mutex>
#include <optional>

#include "binder/binder.hpp"
#include "catalog/system/builtin_procs.hpp"
#include "execution/exec_state.hpp"
#include "function/set_returning.hpp"
#include "parser/parser.hpp"

namespace tusk {

namespace {

bool IsPseudoType(uint32_t type) {
  const BuiltinTypeInfo* t = FindBuiltinType(type);
  return !t || t->typtype == 'p';
}

// The type a probe passes for a parameter of type `type`: a concrete stand-in for the
// polymorphic ones (anyelement: integer, anyarray: integer[]), nothing for a type Tusk lacks
// (cstring, internal, ranges, the text search types ...).
std::optional<Type> ProbeType(uint32_t type) {
  switch (type) {
    case oid::kAny: case oid::kAnyElement: case oid::kAnyNonArray: case oid::kAnyCompatible: case oid::kAnyCompatibleNonArray:
      return Type(oid::kInt4);
    case oid::kAnyArray: case oid::kAnyCompatibleArray:
      return Type(oid::kInt4, -1, true);
    default: break;
  }
  if (uint32_t elem = ElementOfArrayOid(type)) {
    if (IsPseudoType(elem)) return std::nullopt;
    return Type(elem, -1, true);
  }
  if (IsPseudoType(type)) return std::nullopt;
  return Type(type);
}

// Whether a call that bound to `got` matches PostgreSQL's declared result: exactly, unless the
// declared one is a pseudo-type Tusk has (polymorphic, record, void), which the probe cannot pin
// down. A result type Tusk lacks (xid8, tsvector, ...) never matches.
bool ResultMatches(const Type& got, uint32_t declared) {
  const BuiltinTypeInfo* t = FindBuiltinType(declared);
  if (t && t->typtype == 'p') return true;
  if (!t && !ElementOfArrayOid(declared)) return false;
  return got.WireOid() == declared;
}

enum class ProbeKind { kPlain, kAggregate, kWindow, kSetReturning };

// Binds `sql` (a call over $1..$n of `types`) and answers whether it binds to `result`.
bool Binds(ExecState& st, const std::string& sql, std::vector<Type> types, uint32_t result, ProbeKind kind) {
  try {
    std::unique_ptr<Script> holder;
    Node* node = kind == ProbeKind::kSetReturning ? nullptr : ParseStoredExpr(sql, &holder);
    ParamTypes params;
    params.types = std::move(types);
    Binder binder(&st, &params);
    NoFold no_fold;
    Scope scope;
    switch (kind) {
      case ProbeKind::kPlain: return ResultMatches(binder.Bind(node, scope)->type, result);
      case ProbeKind::kAggregate: {
        AggContext agg;
        agg.from = &scope;
        binder.BindAgg(node, scope, &agg);
        return !agg.aggs.empty() && ResultMatches(agg.aggs.back().result, result);
      }
      case ProbeKind::kSetReturning: {  // `sql` is the function's name; the call is bound as a FROM item
        std::vector<ExprP> args;
        for (size_t i = 0; i < params.types.size(); i++) {
          std::unique_ptr<Script> arg_holder;
          args.push_back(binder.Bind(ParseStoredExpr("$" + std::to_string(i + 1), &arg_holder), scope));
        }
        SetFunction f = BindSetFunction(binder, sql, std::move(args), 0);
        return f.types.size() != 1 || ResultMatches(f.types[0], result);
      }
      case ProbeKind::kWindow: {
        WindowContext window;
        window.scope = &scope;
        binder.set_window(&window);
        binder.Bind(node, scope);
        return !window.calls.empty() && ResultMatches(window.calls.back().type, result);
      }
    }
  } catch (...) {
  }
  return false;
}

std::string Parameters(size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to; i++) out += (i > from ? ", $" : "$") + std::to_string(i + 1);
  return out;
}

bool ProcCallable(ExecState& st, const BuiltinProc& p) {
  if (p.kind == 'p') return false;  // procedures are called with CALL
  std::vector<uint32_t> arg_oids = ProcArgTypes(p);
  // VARIADIC of a concrete type: the probe passes one element (VARIADIC "any" takes anything).
  if (p.variadic && p.variadic != oid::kAny && !arg_oids.empty()) arg_oids.back() = p.variadic;
  std::vector<Type> types;
  for (uint32_t a : arg_oids) {
    std::optional<Type> t = ProbeType(a);
    if (!t) return false;
    types.push_back(*t);
  }
  std::string name = std::string(*p.extension ? "" : "pg_catalog.") + "\"" + p.name + "\"";
  size_t n = types.size();
  switch (p.kind) {
    case 'w': return Binds(st, name + "(" + Parameters(0, n) + ") OVER ()", types, p.result_type, ProbeKind::kWindow);
    case 'a':
      if (n == 0) return Binds(st, name + "(*)", types, p.result_type, ProbeKind::kAggregate);
      // An ordered-set aggregate takes its last argument in WITHIN GROUP.
      return Binds(st, name + "(" + Parameters(0, n) + ")", types, p.result_type, ProbeKind::kAggregate) ||
             Binds(st, name + "(" + Parameters(0, n - 1) + ") WITHIN GROUP (ORDER BY $" + std::to_string(n) + ")", types,
                   p.result_type, ProbeKind::kAggregate);
    default:
      if (p.retset && IsSetReturningFunction(p.name)) return Binds(st, p.name, types, p.result_type, ProbeKind::kSetReturning);
      return Binds(st, name + "(" + Parameters(0, n) + ")", types, p.result_type, ProbeKind::kPlain);
  }
}

bool OperatorCallable(ExecState& st, const BuiltinOperator& o) {
  std::vector<Type> types;
  for (uint32_t a : {o.left, o.right}) {
    if (!a) continue;
    std::optional<Type> t = ProbeType(a);
    if (!t) return false;
    types.push_back(*t);
  }
  std::string sql = o.kind == 'l' ? std::string(o.name) + " $1" : std::string("$1 ") + o.name + " $2";
  return Binds(st, sql, types, o.result, ProbeKind::kPlain);
}

char CastContextOf(const BuiltinCast& c) {
  std::optional<Type> from = ProbeType(c.source), to = ProbeType(c.target);
  if (!from || !to || !CanCast(*from, *to, CastContext::kExplicit)) return 0;
  if (CanCast(*from, *to, CastContext::kImplicit)) return 'i';
  return CanCast(*from, *to, CastContext::kAssignment) ? 'a' : 'e';
}

}  // namespace

const CallableBuiltins& Callable() {
  static CallableBuiltins answers;
  static std::once_flag once;
  std::call_once(once, [] {
    ExecState st;
    st.catalog = Catalog::Bootstrap();
    for (const BuiltinProc& p : BuiltinProcs()) answers.procs.push_back(ProcCallable(st, p));
    for (const BuiltinOperator& o : BuiltinOperators()) answers.operators.push_back(OperatorCallable(st, o));
    for (const BuiltinCast& c : BuiltinCasts()) answers.casts.push_back(CastContextOf(c));
  });
  return answers;
}

}  // namespace tusk
