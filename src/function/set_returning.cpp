#include "function/set_returning.hpp"

#include "binder/operators_impl.hpp"
#include "common/error.hpp"
#include "engine/session.hpp"
#include "function/overload_resolution.hpp"
#include "function/registry.hpp"
#include "function/regex_functions.hpp"
#include "partition/maintenance.hpp"
#include "types/compare.hpp"
#include "types/numeric.hpp"

namespace tusk {

void EnsureBuiltinFunctions();  // function/builtins.cpp: every built-in family registered

[[noreturn]] void NoSuchSetFunction(const std::string& name, const std::vector<ExprP>& args, int location) {
  std::string sig;
  for (size_t i = 0; i < args.size(); i++) sig += (i ? ", " : "") + TypeName(args[i]->type);
  throw Error(sqlstate::kUndefinedFunction, "function " + name + "(" + sig + ") does not exist")
      .WithHint("No function matches the given name and argument types. You might need to add explicit type casts.")
      .WithPosition(location + 1);
}

namespace {
[[noreturn]] void NoSuch(const std::string& name, const std::vector<ExprP>& args, int location) {
  NoSuchSetFunction(name, args, location);
}
}  // namespace

RowGenerator YieldRows(std::vector<Row> rows) {
  return [rows = std::move(rows), pos = size_t{0}](Row* out) mutable {
    if (pos >= rows.size()) return false;
    *out = std::move(rows[pos++]);
    return true;
  };
}

namespace {
void BindPartitionAncestors(Binder& b, const std::string& shown, std::vector<ExprP> args, int location, SetFunction& f) {
  // The relation and the partitioned tables above it (an OID that names no table has none).
  if (args.size() != 1) NoSuch(shown, args, location);
  args[0] = b.Coerce(args[0], Type(oid::kRegclass), CastContext::kImplicit, location);
  f.args = args;
  f.types = {Type(oid::kRegclass)};
  f.columns = {"relid"};
  f.generate = [](const std::vector<Value>& v, EvalContext& ctx) -> RowGenerator {
    std::vector<Row> rows;
    if (v[0].is_null()) return YieldRows({});
    for (const TableDef* t = ctx.state->catalog->FindTable(static_cast<uint32_t>(v[0].i())); t;
         t = t->partition_parent ? ctx.state->catalog->FindTable(t->partition_parent) : nullptr)
      rows.push_back({Value::Int(t->oid)});
    return YieldRows(std::move(rows));
  };
}

void BindPartitionTree(Binder& b, const std::string& shown, std::vector<ExprP> args, int location, SetFunction& f) {
  // The table and every partition below it, level by level (each level's in OID order), as
  // PostgreSQL's find_all_inheritors lists them.
  if (args.size() != 1) NoSuch(shown, args, location);
  args[0] = b.Coerce(args[0], Type(oid::kRegclass), CastContext::kImplicit, location);
  f.args = args;
  f.types = {Type(oid::kRegclass), Type(oid::kRegclass), Type(oid::kBool), Type(oid::kInt4)};
  f.columns = {"relid", "parentrelid", "isleaf", "level"};
  f.select_column = -1;
  f.generate = [](const std::vector<Value>& v, EvalContext& ctx) -> RowGenerator {
    const Catalog& cat = *ctx.state->catalog;
    const TableDef* root = v[0].is_null() ? nullptr : cat.FindTable(static_cast<uint32_t>(v[0].i()));
    if (!root || (!root->partition_key && !root->partition_parent)) return YieldRows({});  // not in a partition tree
    std::vector<std::pair<const TableDef*, int>> level{{root, 0}};
    for (size_t k = 0; k < level.size(); k++)
      for (const auto& [oid, t] : cat.tables())
        if (t.partition_parent == level[k].first->oid) level.push_back({&t, level[k].second + 1});
    std::vector<Row> rows;
    for (const auto& [t, depth] : level)
      rows.push_back({Value::Int(t->oid), t->partition_parent ? Value::Int(t->partition_parent) : Value::Null(),
                      Value::Bool(!t->partition_key), Value::Int(depth)});
    return YieldRows(std::move(rows));
  };
}

void BindListeningChannels(Binder&, const std::string& shown, std::vector<ExprP> args, int location, SetFunction& f) {
  // The channels this session listens on (LISTENs committed so far).
  if (!args.empty()) NoSuch(shown, args, location);
  f.types = {Type(oid::kText)};
  f.columns = {"pg_listening_channels"};
  f.generate = [](const std::vector<Value>&, EvalContext& ctx) -> RowGenerator {
    std::vector<Row> rows;
    for (const std::string& c : ctx.state->session->ListeningChannels()) rows.push_back({Value::Str(c)});
    return YieldRows(std::move(rows));
  };
}

void BindOptionsToTable(Binder& b, const std::string& shown, std::vector<ExprP> args, int location, SetFunction& f) {
  // Storage and foreign-data options ("name=value" items) as (option_name, option_value).
  if (args.size() != 1) NoSuch(shown, args, location);
  args[0] = b.Coerce(args[0], Type(oid::kText, -1, true), CastContext::kImplicit, location);
  f.args = args;
  f.types = {Type(oid::kText), Type(oid::kText)};
  f.columns = {"option_name", "option_value"};
  f.generate = [](const std::vector<Value>& v, EvalContext&) -> RowGenerator {
    std::vector<Row> rows;
    if (!v[0].is_null())
      for (const auto& item : v[0].arr()) {
        if (item.is_null()) continue;
        const std::string& s = item.s();
        size_t eq = s.find('=');
        rows.push_back({Value::Str(s.substr(0, eq)), eq == std::string::npos ? Value::Null() : Value::Str(s.substr(eq + 1))});
      }
    return YieldRows(std::move(rows));
  };
}

void BindUnnest(Binder& b, const std::string& shown, std::vector<ExprP> args, int location, SetFunction& f) {
  if (args.empty()) NoSuch(shown, args, location);
  for (auto& a : args) {
    if (!a->type.array && (a->type.id == oid::kInt2Vector || a->type.id == oid::kOidVector))
      a = b.Coerce(a, Type(a->type.id == oid::kInt2Vector ? oid::kInt2 : oid::kOid, -1, true), CastContext::kImplicit, location);
    if (!a->type.array) NoSuch(shown, args, location);
    f.types.push_back(a->type.Element());
    f.columns.push_back(args.size() == 1 ? "unnest" : "unnest");
  }
  f.args = args;
  f.generate = [](const std::vector<Value>& v, EvalContext&) -> RowGenerator {
    size_t n = 0;
    for (const auto& a : v) if (!a.is_null()) n = std::max(n, a.arr().size());
    return [v, n, i = size_t{0}](Row* out) mutable {
      if (i >= n) return false;
      out->assign(v.size(), Value::Null());
      for (size_t c = 0; c < v.size(); c++)
        if (!v[c].is_null() && i < v[c].arr().size()) (*out)[c] = v[c].arr()[i];
      i++;
      return true;
    };
  };
}

void BindExpandArray(Binder& b, const std::string& shown, std::vector<ExprP> args, int location, SetFunction& f) {
  // information_schema._pg_expandarray(anyarray) -> (x anyelement, n int): each element
  // with its position from 1 (drivers read pg_index.indkey through it).
  if (args.size() != 1) NoSuch(shown, args, location);
  ExprP& a = args[0];
  if (!a->type.array && (a->type.id == oid::kInt2Vector || a->type.id == oid::kOidVector))
    a = b.Coerce(a, Type(a->type.id == oid::kInt2Vector ? oid::kInt2 : oid::kOid, -1, true), CastContext::kImplicit, location);
  if (!a->type.array) NoSuch(shown, args, location);
  f.args = args;
  f.types = {a->type.Element(), Type(oid::kInt4)};
  f.columns = {"x", "n"};
  f.generate = [](const std::vector<Value>& v, EvalContext&) -> RowGenerator {
    if (v[0].is_null()) return YieldRows({});
    return [v, i = size_t{0}](Row* out) mutable {
      const auto& items = v[0].arr();
      if (i >= items.size()) return false;
      *out = {items[i], Value::Int(static_cast<int64_t>(i) + 1)};
      i++;
      return true;
    };
  };
}

void BindGenerateSubscripts(Binder& b, const std::string& shown, std::vector<ExprP> args, int location, SetFunction& f) {
  // generate_subscripts(array, dim [, reverse]): the subscripts of dimension dim, in order or
  // reversed.
  if (args.size() < 2 || args.size() > 3) NoSuch(shown, args, location);
  ExprP& a = args[0];
  if (!a->type.array && (a->type.id == oid::kInt2Vector || a->type.id == oid::kOidVector))
    a = b.Coerce(a, Type(a->type.id == oid::kInt2Vector ? oid::kInt2 : oid::kOid, -1, true), CastContext::kImplicit, location);
  if (!a->type.array)
    NoSuch(shown, args, location);
  Type array = a->type;
  if (!CoerceArgs(b, args, {array, Type(oid::kInt4), Type(oid::kBool)}, location) &&
      !CoerceArgs(b, args, {array, Type(oid::kInt4)}, location))
    NoSuch(shown, args, location);
  f.args = args;
  f.types = {Type(oid::kInt4)};
  f.columns = {f.name};
  f.generate = [](const std::vector<Value>& v, EvalContext&) -> RowGenerator {
    std::vector<Row> rows;
    if (v[0].is_null() || v[1].is_null() || v[1].i() < 1 || v[1].i() > v[0].array_ndim()) return YieldRows({});
    bool reverse = v.size() > 2 && !v[2].is_null() && v[2].b();
    int d = static_cast<int>(v[1].i() - 1);
    int64_t lower = v[0].array_lower(d), n = v[0].array_length(d);
    for (int64_t i = 0; i < n; i++) rows.push_back({Value::Int(reverse ? lower + n - 1 - i : lower + i)});
    return YieldRows(std::move(rows));
  };
}

void BindRegexp(Binder& b, const std::string& shown, std::vector<ExprP> args, int location, SetFunction& f) {
  if (args.size() < 2 || args.size() > 3) NoSuch(shown, args, location);
  for (auto& a : args) {
    if (a->type.array || !(IsStringType(a->type.id) || a->type.id == oid::kUnknown)) NoSuch(shown, args, location);
    a = b.Coerce(a, Type(oid::kText), CastContext::kImplicit, location);
  }
  f.args = args;
  bool split = f.name == "regexp_split_to_table";
  f.types = {split ? Type(oid::kText) : Type(oid::kText, -1, true)};
  f.columns = {f.name};
  f.generate = [split](const std::vector<Value>& v, EvalContext& ctx) -> RowGenerator {
    std::vector<Row> rows;
    for (const auto& x : v) if (x.is_null()) return YieldRows({});
    bool global = false, icase = false;
    if (v.size() > 2)
      for (char c : v[2].s()) {
        if (c == 'g') global = true;
        else if (c == 'i') icase = true;
        else if (c == 'c') icase = false;
        else throw Error(sqlstate::kInvalidParameterValue, std::string("invalid regular expression option: \"") + c + "\"");
      }
    if (split) {
      for (auto& piece : RegexSplit(v[0].s(), v[1].s(), icase, ctx.state)) rows.push_back({piece});
      return YieldRows(std::move(rows));
    }
    const std::string& s = v[0].s();
    RegexForEach(*CompileRegex(v[1].s(), icase), s, ctx.state, [&](const RegexMatch& m) {
      rows.push_back({RegexMatchArray(m, s)});
      return global;
    });
    return YieldRows(std::move(rows));
  };
}

void BindGenerateSeries(Binder& b, const std::string& shown, std::vector<ExprP> args, int location, SetFunction& f) {
  // generate_series(start, stop [, step]) over integers, numerics or timestamps
  static const std::vector<std::vector<Type>> kSeriesSignatures = [] {
    std::vector<std::vector<Type>> sigs;
    for (uint32_t t : {oid::kInt4, oid::kInt8, oid::kNumeric}) {
      sigs.push_back({Type(t), Type(t)});
      sigs.push_back({Type(t), Type(t), Type(t)});
    }
    for (uint32_t t : {oid::kTimestamp, oid::kTimestamptz}) sigs.push_back({Type(t), Type(t), Type(oid::kInterval)});
    return sigs;
  }();
  int chosen = ResolveOverload(f.name, kSeriesSignatures, args, location);
  if (chosen < 0) NoSuch(shown, args, location);
  const auto& sig = kSeriesSignatures[chosen];
  for (size_t i = 0; i < args.size(); i++) f.args.push_back(b.Coerce(args[i], sig[i], CastContext::kImplicit, location));
  f.types = {sig[0]};
  f.columns = {"generate_series"};
  if (sig.back().id == oid::kInterval) {
    bool tz = sig[0].id == oid::kTimestamptz;
    f.generate = [tz](const std::vector<Value>& v, EvalContext& ctx) -> RowGenerator {
      if (v[0].is_null() || v[1].is_null() || v[2].is_null()) return YieldRows({});
      Interval step = v[2].iv();
      if (step.month == 0 && step.day == 0 && step.time == 0)
        throw Error(sqlstate::kInvalidParameterValue, "step size cannot equal zero");
      bool up = CompareIntervals(step, Interval{}) > 0;
      ExecState* st = ctx.state;
      return [=, cur = v[0].i(), stop = v[1].i()](Row* out) mutable {
        if (up ? cur > stop : cur < stop) return false;
        *out = {Value::Int(cur)};
        cur = TimestampPlusInterval(cur, step, tz ? st->dt.tz.get() : nullptr);
        return true;
      };
    };
    return;
  }
  uint32_t tid = sig[0].id;
  f.generate = [tid](const std::vector<Value>& v, EvalContext&) -> RowGenerator {
    for (const auto& x : v) if (x.is_null()) return YieldRows({});
    if (tid == oid::kNumeric) {
      Numeric cur, stop, step = Numeric::FromInt(1);
      Numeric::Parse(v[0].s(), &cur);
      Numeric::Parse(v[1].s(), &stop);
      if (v.size() == 3) Numeric::Parse(v[2].s(), &step);
      // NaN compares above every number: the series would never end (PostgreSQL refuses it).
      if (cur.is_nan()) throw Error(sqlstate::kInvalidParameterValue, "start value cannot be NaN");
      if (stop.is_nan()) throw Error(sqlstate::kInvalidParameterValue, "stop value cannot be NaN");
      if (step.is_nan()) throw Error(sqlstate::kInvalidParameterValue, "step size cannot be NaN");
      if (step.is_zero()) throw Error(sqlstate::kInvalidParameterValue, "step size cannot equal zero");
      bool up = !step.is_negative();
      return [=](Row* out) mutable {
        if (up ? cur.Compare(stop) > 0 : cur.Compare(stop) < 0) return false;
        *out = {Value::Str(cur.ToString())};
        cur = cur.Add(step);
        return true;
      };
    }
    int64_t step = v.size() == 3 ? v[2].i() : 1;
    if (step == 0) throw Error(sqlstate::kInvalidParameterValue, "step size cannot equal zero");
    return [step, cur = v[0].i(), stop = v[1].i(), done = false](Row* out) mutable {
      if (done || (step > 0 ? cur > stop : cur < stop)) return false;
      *out = {Value::Int(cur)};
      done = __builtin_add_overflow(cur, step, &cur);  // the last value before int64 overflows
      return true;
    };
  };
}

// Every set-returning function: its name, the schema it lives in and how a call binds. Type
// families add theirs with RegisterSetFunction.
struct SetFunctionEntry {
  std::string name;
  std::string schema;
  SetFunctionBinder bind;
};
std::vector<SetFunctionEntry>& Entries() {
  static std::vector<SetFunctionEntry> functions = {
      {"generate_series", "pg_catalog", BindGenerateSeries},
      {"generate_subscripts", "pg_catalog", BindGenerateSubscripts},
      {"unnest", "pg_catalog", BindUnnest},
      {"regexp_matches", "pg_catalog", BindRegexp},
      {"regexp_split_to_table", "pg_catalog", BindRegexp},
      {"pg_partition_ancestors", "pg_catalog", BindPartitionAncestors},
      {"pg_partition_tree", "pg_catalog", BindPartitionTree},
      {"pg_options_to_table", "pg_catalog", BindOptionsToTable},
      {"pg_listening_channels", "pg_catalog", BindListeningChannels},
      {"_pg_expandarray", "information_schema", BindExpandArray},
  };
  return functions;
}

const std::vector<SetFunctionEntry>& SetFunctions() {
  static bool families = [] {
    EnsureBuiltinFunctions();  // the scalar families register set-returning functions too
    RegisterJsonbSetFunctions();
    RegisterJsonSetFunctions();
    RegisterJsonRecordSetFunctions();
    RegisterJsonPathSetFunctions();
    RegisterPartitionSetFunctions();  // partition/maintenance.hpp
    return true;
  }();
  (void)families;
  return Entries();
}

const SetFunctionEntry* FindSetFunction(const std::string& name) {
  for (const auto& e : SetFunctions())
    if (name == e.name) return &e;
  return nullptr;
}
}  // namespace

void RegisterSetFunction(const std::string& name, SetFunctionBinder bind) {
  Entries().push_back({name, "pg_catalog", bind});
}

bool IsSetReturningFunction(const std::string& name) { return FindSetFunction(name) != nullptr; }

void CheckSetFunctionSchema(PgQuery__FuncCall* call, const std::vector<ExprP>& args) {
  std::string name = StrVal(call->funcname[call->n_funcname - 1]);
  const SetFunctionEntry* e = FindSetFunction(name);
  std::string home = e ? e->schema : std::string("pg_catalog");
  std::string schema = call->n_funcname == 2 ? StrVal(call->funcname[0]) : "";
  if (schema == home || (schema.empty() && home == "pg_catalog")) return;
  NoSuch(NameListToString(call->funcname, call->n_funcname), args, call->location);
}

SetFunction BindSetFunction(Binder& b, const std::string& name, std::vector<ExprP> args, int location,
                            const std::string& written) {
  // A name may have several entries (unnest of an array, of a tsvector): each binder throws
  // 42883 for arguments it does not take, and the next one is tried.
  std::vector<const SetFunctionEntry*> entries;
  for (const auto& e : SetFunctions())
    if (e.name == name) entries.push_back(&e);
  if (entries.empty()) throw Error(sqlstate::kInternalError, "no set-returning function " + name);
  for (size_t i = 0;; i++) {
    SetFunction f;
    f.name = name;
    try {
      entries[i]->bind(b, written.empty() ? name : written, i + 1 < entries.size() ? args : std::move(args), location, f);
      return f;
    } catch (const Error& e) {
      if (i + 1 == entries.size() || std::string(e.state()) != sqlstate::kUndefinedFunction) throw;
    }
  }
}

}  // namespace tusk
