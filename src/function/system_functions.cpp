#include "security/object_privileges.hpp"
#include "types/domain.hpp"
#include "common/error.hpp"
#include "common/strings.hpp"
#include "engine/session.hpp"
#include "function/registry.hpp"
#include "types/text_io.hpp"

namespace tusk {

namespace {
const Type kText(oid::kText);

}  // namespace

// Resolves a relation name written as text ('public.users_id_seq', '"Mixed"') to a sequence.
const SequenceDef* ResolveSequenceName(const Catalog& cat, const std::string& text, const std::vector<std::string>& path) {
  std::vector<std::string> parts;
  std::string cur;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); i++) {
    char c = text[i];
    if (c == '"') { if (quoted && i + 1 < text.size() && text[i + 1] == '"') { cur += '"'; i++; } else quoted = !quoted; continue; }
    if (c == '.' && !quoted) { parts.push_back(cur); cur.clear(); continue; }
    cur += quoted ? c : static_cast<char>(tolower(static_cast<unsigned char>(c)));
  }
  parts.push_back(cur);
  std::string schema = parts.size() > 1 ? parts[parts.size() - 2] : "";
  auto rel = cat.FindRelation(schema, parts.back(), path);
  if (!rel) throw Error(sqlstate::kUndefinedTable, "relation \"" + text + "\" does not exist");
  if (rel->first != RelKind::kSequence)
    throw Error(sqlstate::kWrongObjectType, "\"" + text + "\" is not a sequence");
  return cat.FindSequence(rel->second);
}

namespace {
// Binds the regclass argument of nextval & co: constants resolve now, others at run time.
std::function<const SequenceDef*(const Value&, EvalContext&)> SequenceArg(Binder& b, ExprP& arg, int loc) {
  if (auto* c = dynamic_cast<ConstExpr*>(arg.get()); c && !c->value.is_null() && (c->type.id == oid::kUnknown || IsStringType(c->type.id))) {
    const SequenceDef* s;
    try {
      s = ResolveSequenceName(b.catalog(), c->value.s(), b.SearchPath());
    } catch (Error& e) {
      if (std::string(e.state()) == sqlstate::kUndefinedTable && c->location >= 0) e.WithPosition(c->location + 1);
      throw;
    }
    // a name qualified with a schema the user may not use: as a relation so named in a query
    if (c->value.s().find('.') != std::string::npos) RequireSchemaUsage(b.state(), s->schema, c->location);
    uint32_t oid = s->oid;
    arg = std::make_shared<ConstExpr>(Value::Int(oid), Type(oid::kRegclass));
  } else if (arg->type.id != oid::kRegclass && arg->type.id != oid::kOid) {
    arg = b.Coerce(arg, Type(oid::kText), CastContext::kImplicit, loc);
  }
  bool by_name = arg->type.id == oid::kText;
  return [by_name](const Value& v, EvalContext& ctx) -> const SequenceDef* {
    auto cat = ctx.state->catalog;
    if (by_name) return ResolveSequenceName(*cat, v.s(), ctx.state->session->SearchPath());
    const SequenceDef* s = cat->FindSequence(static_cast<uint32_t>(v.i()));
    if (!s) throw Error(sqlstate::kUndefinedTable, "could not open relation with OID " + std::to_string(v.i()));
    return s;
  };
}
}  // namespace

void RegisterSystemFunctions() {
  auto& reg = FunctionRegistry();
  Register("version", {}, kText, [](const std::vector<Value>&, EvalContext&) {
    return Value::Str("PostgreSQL 15.0 (Tusk 0.1) on x86_64-pc-linux-gnu, compiled by g++, 64-bit");
  });
  Register("current_database", {}, Type(oid::kName), [](const std::vector<Value>&, EvalContext& ctx) { return Value::Str(ctx.state->session->database()); }, false);
  Register("current_schema", {}, Type(oid::kName), [](const std::vector<Value>&, EvalContext& ctx) {
    for (auto& s : ctx.state->session->SearchPath()) if (ctx.state->catalog->FindSchema(s)) return Value::Str(s);
    return Value::Null();
  }, false);
  Register("pg_backend_pid", {}, Type(oid::kInt4), [](const std::vector<Value>&, EvalContext& ctx) { return Value::Int(ctx.state->session->pid()); }, false);
  reg["current_setting"] = [](Binder& b, std::vector<ExprP>& args, int loc) -> ExprP {
    std::vector<Type> sig{kText};
    if (args.size() == 2) sig.push_back(Type(oid::kBool));
    if (!CoerceArgs(b, args, sig, loc)) return nullptr;
    return Fn(kText, "current_setting", args, [](const std::vector<Value>& a, EvalContext& ctx) {
      if (a[0].is_null()) return Value::Null();
      bool missing_ok = a.size() == 2 && !a[1].is_null() && a[1].b();
      auto v = ctx.state->session->GetSetting(ToLower(a[0].s()));
      if (!v) {
        if (missing_ok) return Value::Null();
        throw Error(sqlstate::kUndefinedObject, "unrecognized configuration parameter \"" + a[0].s() + "\"");
      }
      return Value::Str(*v);
    }, false);
  };
  Register("set_config", {kText, kText, Type(oid::kBool)}, kText, [](const std::vector<Value>& a, EvalContext& ctx) {
    if (a[0].is_null()) throw Error(sqlstate::kNullValueNotAllowed, "SET requires parameter name");
    std::string name = a[0].s();
    bool is_local = !a[2].is_null() && a[2].b();
    // A NULL value resets the setting, as RESET does.
    if (a[1].is_null()) ctx.state->session->ResetSetting(name, is_local);
    else ctx.state->session->SetSetting(name, a[1].s(), is_local);
    for (const auto& n : ctx.state->session->TakeSettingNotices())
      if (ctx.state->notify) ctx.state->notify({"NOTICE", "42622", n});
    return Value::Str(*ctx.state->session->GetSetting(name));
  }, false);
  Register("pg_reload_conf", {}, Type(oid::kBool), [](const std::vector<Value>&, EvalContext& ctx) {
    if (!ctx.state->session->superuser())
      throw Error(sqlstate::kInsufficientPrivilege, "permission denied for function pg_reload_conf");
    ctx.state->db->config().Reload();
    return Value::Bool(true);
  }, false);
  reg["nextval"] = [](Binder& b, std::vector<ExprP>& args, int loc) -> ExprP {
    if (args.size() != 1) return nullptr;
    auto resolve = SequenceArg(b, args[0], loc);
    return Fn(Type(oid::kInt8), "nextval", args, [resolve](const std::vector<Value>& a, EvalContext& ctx) {
      const SequenceDef* s = resolve(a[0], ctx);
      RequireSequencePrivilege(ctx.state, s->oid, privilege::kUsage | privilege::kUpdate);
      if (*ctx.state->session->GetSetting("transaction_read_only") == "on")
        throw Error(sqlstate::kReadOnlySqlTransaction, "cannot execute nextval() in a read-only transaction");
      int64_t v = ctx.state->db->NextVal(*s);
      ctx.state->session->set_currval(s->oid, v);
      return Value::Int(v);
    });
  };
  reg["currval"] = [](Binder& b, std::vector<ExprP>& args, int loc) -> ExprP {
    if (args.size() != 1) return nullptr;
    auto resolve = SequenceArg(b, args[0], loc);
    return Fn(Type(oid::kInt8), "currval", args, [resolve](const std::vector<Value>& a, EvalContext& ctx) {
      const SequenceDef* s = resolve(a[0], ctx);
      RequireSequencePrivilege(ctx.state, s->oid, privilege::kSelect | privilege::kUsage);
      auto v = ctx.state->session->currval(s->oid);
      if (!v) throw Error(sqlstate::kObjectNotInPrerequisiteState, "currval of sequence \"" + s->name + "\" is not yet defined in this session");
      return Value::Int(*v);
    });
  };
  Register("lastval", {}, Type(oid::kInt8), [](const std::vector<Value>&, EvalContext& ctx) {
    auto v = ctx.state->session->lastval();
    if (!v) throw Error(sqlstate::kObjectNotInPrerequisiteState, "lastval is not yet defined in this session");
    return Value::Int(*v);
  }, false);
  reg["setval"] = [](Binder& b, std::vector<ExprP>& args, int loc) -> ExprP {
    if (args.size() != 2 && args.size() != 3) return nullptr;
    auto resolve = SequenceArg(b, args[0], loc);
    args[1] = b.Coerce(args[1], Type(oid::kInt8), CastContext::kImplicit, loc);
    if (args.size() == 3) args[2] = b.Coerce(args[2], Type(oid::kBool), CastContext::kImplicit, loc);
    return Fn(Type(oid::kInt8), "setval", args, [resolve](const std::vector<Value>& a, EvalContext& ctx) {
      const SequenceDef* s = resolve(a[0], ctx);
      RequireSequencePrivilege(ctx.state, s->oid, privilege::kUpdate);
      if (*ctx.state->session->GetSetting("transaction_read_only") == "on")
        throw Error(sqlstate::kReadOnlySqlTransaction, "cannot execute setval() in a read-only transaction");
      int64_t v = a[1].i();
      if (v < s->min || v > s->max)
        throw Error(sqlstate::kNumericValueOutOfRange, "setval: value " + std::to_string(v) + " is out of bounds for sequence \"" + s->name + "\" (" + std::to_string(s->min) + ".." + std::to_string(s->max) + ")");
      bool called = a.size() < 3 || a[2].b();
      ctx.state->db->SetVal(*s, v, called);
      if (called) ctx.state->session->set_currval(s->oid, v);
      return Value::Int(v);
    });
  };
  reg["pg_typeof"] = [](Binder&, std::vector<ExprP>& args, int) -> ExprP {
    if (args.size() != 1) return nullptr;
    int64_t type_oid = CatalogTypeOid(args[0]->type);
    return Fn(Type(oid::kRegtype), "pg_typeof", args, [type_oid](const std::vector<Value>&, EvalContext&) { return Value::Int(type_oid); }, false);
  };
  auto array_fn = [&](const char* name, std::function<Value(const Value&, int64_t)> f, bool with_dim) {
    reg[name] = [=](Binder& b, std::vector<ExprP>& args, int loc) -> ExprP {
      if (args.size() != (with_dim ? 2u : 1u) || !args[0]->type.array) return nullptr;
      if (with_dim) args[1] = b.Coerce(args[1], Type(oid::kInt4), CastContext::kImplicit, loc);
      return Fn(Type(oid::kInt4), name, args, [f, with_dim](const std::vector<Value>& a, EvalContext&) {
        return f(a[0], with_dim ? a[1].i() : 1);
      });
    };
  };
  // dimension d of the array (from 1), or NULL when it has no such dimension
  auto in_range = [](const Value& a, int64_t d) { return d >= 1 && d <= a.array_ndim(); };
  array_fn("array_length", [in_range](const Value& a, int64_t d) {
    return in_range(a, d) ? Value::Int(a.array_length(static_cast<int>(d - 1))) : Value::Null();
  }, true);
  array_fn("cardinality", [](const Value& a, int64_t) { return Value::Int(static_cast<int64_t>(a.arr().size())); }, false);
  array_fn("array_lower", [in_range](const Value& a, int64_t d) {
    return in_range(a, d) ? Value::Int(a.array_lower(static_cast<int>(d - 1))) : Value::Null();
  }, true);
  array_fn("array_upper", [in_range](const Value& a, int64_t d) {
    if (!in_range(a, d)) return Value::Null();
    int k = static_cast<int>(d - 1);
    return Value::Int(static_cast<int64_t>(a.array_lower(k)) + a.array_length(k) - 1);
  }, true);
  reg["array_to_string"] = [](Binder& b, std::vector<ExprP>& args, int loc) -> ExprP {
    if (args.size() < 2 || args.size() > 3 || !args[0]->type.array) return nullptr;
    Type et = args[0]->type.Element();
    for (size_t i = 1; i < args.size(); i++) args[i] = b.Coerce(args[i], kText, CastContext::kImplicit, loc);
    return Fn(kText, "array_to_string", args, [et](const std::vector<Value>& a, EvalContext& ctx) {
      if (a[0].is_null() || a[1].is_null()) return Value::Null();
      std::string r;
      bool first = true;
      for (const Value& e : a[0].arr()) {
        if (e.is_null() && (a.size() < 3 || a[2].is_null())) continue;
        if (!first) r += a[1].s();
        first = false;
        r += e.is_null() ? a[2].s() : FormatText(et, e, ctx.state->dt);
      }
      return Value::Str(r);
    }, false);
  };
  reg["string_to_array"] = [](Binder& b, std::vector<ExprP>& args, int loc) -> ExprP {
    if (args.size() < 2 || args.size() > 3) return nullptr;
    for (auto& a : args) a = b.Coerce(a, kText, CastContext::kImplicit, loc);
    return Fn(Type(oid::kText, -1, true), "string_to_array", args, [](const std::vector<Value>& a, EvalContext&) {
      if (a[0].is_null()) return Value::Null();
      const std::string& s = a[0].s();
      std::vector<Value> out;
      if (s.empty()) return Value::Array({});
      auto push = [&](const std::string& part) {
        if (a.size() == 3 && !a[2].is_null() && part == a[2].s()) out.push_back(Value::Null());
        else out.push_back(Value::Str(part));
      };
      if (a[1].is_null()) {
        for (size_t i = 0; i < s.size();) {
          unsigned char c = static_cast<unsigned char>(s[i]);
          size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
          push(s.substr(i, n));
          i += n;
        }
      } else if (a[1].s().empty()) {
        push(s);
      } else {
        size_t pos = 0, hit;
        while ((hit = s.find(a[1].s(), pos)) != std::string::npos) { push(s.substr(pos, hit - pos)); pos = hit + a[1].s().size(); }
        push(s.substr(pos));
      }
      return Value::Array(std::move(out));
    }, false);
  };
}

}  // namespace tusk
