#include "catalog/function_def.hpp"

#include "common/strings.hpp"

namespace tusk {

std::shared_ptr<FunctionDef> FunctionDef::Clone() const {
  auto f = std::make_shared<FunctionDef>();
  f->oid = oid; f->schema = schema; f->name = name; f->kind = kind; f->language = language; f->args = args;
  f->result = result; f->retset = retset; f->volatility = volatility; f->parallel = parallel; f->strict = strict;
  f->security_definer = security_definer; f->leakproof = leakproof; f->cost = cost; f->rows = rows;
  f->body = body; f->config = config; f->security = security;
  f->Describe();
  return f;
}

std::string FunctionDef::Signature() const {
  std::string out = name + "(";
  bool first = true;
  for (const FunctionArg* a : CallArgs()) {
    out += (first ? "" : ",") + TypeName(a->type);
    first = false;
  }
  return out + ")";
}

std::vector<const FunctionArg*> FunctionDef::CallArgs() const {
  std::vector<const FunctionArg*> out;
  for (const auto& a : args)
    if (a.mode == 'i' || a.mode == 'b' || a.mode == 'v') out.push_back(&a);
  return out;
}

std::vector<const FunctionArg*> FunctionDef::InvocationArgs() const {
  std::vector<const FunctionArg*> out;
  for (const auto& a : args)
    if (a.mode == 'i' || a.mode == 'b' || a.mode == 'v' || (a.mode == 'o' && kind == 'p')) out.push_back(&a);
  return out;
}

namespace {
const char* ModeWord(char mode) {
  switch (mode) {
    case 'o': return "OUT ";
    case 'b': return "INOUT ";
    case 'v': return "VARIADIC ";
    default: return "";
  }
}
}  // namespace

FunctionTexts DescribeTexts(const FunctionDef& f, const std::function<std::string(const Type&)>& type_name) {
  FunctionTexts t;
  std::string table_columns;
  for (const auto& a : f.args) {
    std::string shown = (a.name.empty() ? "" : QuoteIdent(a.name) + " ") + type_name(a.type);
    if (a.mode == 't') {
      table_columns += (table_columns.empty() ? "" : ", ") + shown;
      continue;
    }
    // a procedure's arguments say IN too (PostgreSQL prints it so they read apart from OUT)
    std::string with_mode = (f.kind == 'p' && a.mode == 'i' ? "IN " : ModeWord(a.mode)) + shown;
    // a procedure's OUT arguments identify it too (CALL writes them)
    if (a.mode != 'o' || f.kind == 'p') t.identity_arguments += (t.identity_arguments.empty() ? "" : ", ") + with_mode;
    t.arguments += (t.arguments.empty() ? "" : ", ") + with_mode;
    if (!a.default_sql.empty()) t.arguments += " DEFAULT " + a.default_sql;
  }
  if (f.kind == 'p') t.result.clear();
  else if (!table_columns.empty()) t.result = "TABLE(" + table_columns + ")";
  else t.result = (f.retset ? "SETOF " : "") + type_name(f.result.record && !f.result.record->type_oid ? Type(oid::kRecord) : f.result);
  return t;
}

void FunctionDef::Describe() {
  arg_types_.clear();
  all_arg_types_.clear();
  arg_modes_.clear();
  arg_names_.clear();
  bool only_in = true, any_name = false;
  int defaults = 0;
  for (const auto& a : args) {
    only_in &= a.mode == 'i';
    any_name |= !a.name.empty();
    defaults += !a.default_sql.empty();
    std::string oid_text = std::to_string(a.type.WireOid());
    if (a.mode == 'i' || a.mode == 'b' || a.mode == 'v') arg_types_ += (arg_types_.empty() ? "" : " ") + oid_text;
    all_arg_types_ += (all_arg_types_.empty() ? "" : ",") + oid_text;
    arg_modes_ += (arg_modes_.empty() ? "" : ",") + std::string(1, a.mode);
    arg_names_ += (arg_names_.empty() ? "" : ",") + (a.name.empty() ? std::string("\"\"") : a.name);
  }
  texts_ = DescribeTexts(*this, [](const Type& t) { return TypeName(t); });
  if (only_in) {
    all_arg_types_.clear();
    arg_modes_.clear();
  } else {
    all_arg_types_ = "{" + all_arg_types_ + "}";
    arg_modes_ = "{" + arg_modes_ + "}";
  }
  arg_names_ = any_name ? "{" + arg_names_ + "}" : "";
  // identity arguments differ from the arguments only by OUT arguments and defaults
  if (texts_.identity_arguments == texts_.arguments) texts_.identity_arguments.clear();
  proc = BuiltinProc{};
  proc.oid = oid;
  proc.extension = "";
  proc.name = name.c_str();
  proc.kind = kind;
  proc.volatility = volatility;
  proc.parallel = parallel;
  proc.strict = strict;
  proc.retset = retset;
  proc.security_definer = security_definer;
  proc.leakproof = leakproof;
  proc.language = language;
  proc.cost = cost;
  proc.rows = rows;
  proc.variadic = 0;
  for (const auto& a : args)
    if (a.mode == 'v') proc.variadic = a.type.array ? a.type.Element().WireOid() : a.type.WireOid();
  proc.result_type = result.WireOid();
  proc.arg_types = arg_types_.c_str();
  proc.all_arg_types = all_arg_types_.c_str();
  proc.arg_modes = arg_modes_.c_str();
  proc.arg_names = arg_names_.c_str();
  proc.arg_defaults = defaults;
  proc.arguments = texts_.arguments.c_str();
  proc.identity_arguments = texts_.identity_arguments.c_str();
  proc.result = texts_.result.c_str();
  proc.source = body.c_str();
  proc.description = "";
}

}  // namespace tusk
