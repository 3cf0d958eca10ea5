#include "function/named_arguments.hpp"

#include <map>
#include <optional>
#include <set>

#include "common/error.hpp"

namespace tusk {

namespace {

struct Parameter {
  const char* name;
  std::optional<Value> default_value;
  Type type;
};

const std::map<std::string, std::vector<Parameter>>& Functions() {
  static const auto* functions = [] {
    auto* m = new std::map<std::string, std::vector<Parameter>>;
    const Type kInt(oid::kInt4), kNone;
    for (const char* n : {"years", "months", "weeks", "days", "hours", "mins"}) (*m)["make_interval"].push_back({n, Value::Int(0), kInt});
    (*m)["make_interval"].push_back({"secs", Value::Float(0), Type(oid::kFloat8)});
    for (const char* n : {"year", "month", "mday", "hour", "min", "sec"}) (*m)["make_timestamp"].push_back({n, std::nullopt, kNone});
    for (const char* n : {"year", "month", "day"}) (*m)["make_date"].push_back({n, std::nullopt, kNone});
    // jsonb_path_*(target, path, vars DEFAULT '{}', silent DEFAULT false)
    for (std::string f : {"jsonb_path_exists", "jsonb_path_match", "jsonb_path_query", "jsonb_path_query_array", "jsonb_path_query_first"})
      for (const std::string& name : {f, f + "_tz"})
        (*m)[name] = {{"target", std::nullopt, kNone},
                      {"path", std::nullopt, kNone},
                      {"vars", Value::Str("{}"), Type(oid::kJsonb)},
                      {"silent", Value::Bool(false), Type(oid::kBool)}};
    return m;
  }();
  return *functions;
}

}  // namespace

bool PlaceNamedArguments(const std::string& function, std::vector<ExprP>* args, const std::vector<std::string>& names,
                         int location) {
  auto it = Functions().find(function);
  if (it == Functions().end()) return false;
  const std::vector<Parameter>& params = it->second;
  std::vector<ExprP> placed(params.size());
  std::set<std::string> seen;
  for (size_t i = 0; i < args->size(); i++) {
    size_t pos = i;
    if (!names[i].empty()) {
      if (!seen.insert(names[i]).second)
        ThrowAt(sqlstate::kSyntaxError, "argument name \"" + names[i] + "\" used more than once", location);
      pos = params.size();
      for (size_t p = 0; p < params.size(); p++)
        if (names[i] == params[p].name) pos = p;
      if (pos == params.size())
        ThrowAt(sqlstate::kUndefinedFunction, "function " + function + " has no parameter named \"" + names[i] + "\"", location);
    }
    // More arguments than parameters, or two for one parameter: no such function.
    if (pos >= placed.size() || placed[pos])
      ThrowAt(sqlstate::kUndefinedFunction, "function " + function + " with these arguments does not exist", location);
    placed[pos] = (*args)[i];
  }
  size_t last = 0;
  for (size_t i = 0; i < placed.size(); i++)
    if (placed[i]) last = i + 1;
  args->clear();
  for (size_t i = 0; i < last; i++) {
    if (!placed[i] && !params[i].default_value)
      ThrowAt(sqlstate::kUndefinedFunction, "function " + function + " with these arguments does not exist", location);
    args->push_back(placed[i] ? placed[i] : std::make_shared<ConstExpr>(*params[i].default_value, params[i].type));
  }
  return true;
}

void PlaceSetFunctionArguments(const std::string& function, std::vector<ExprP>* args, const std::vector<std::string>& names,
                               int location) {
  for (const std::string& n : names)
    if (!n.empty()) {
      if (!PlaceNamedArguments(function, args, names, location))
        ThrowAt(sqlstate::kUndefinedFunction, "function " + function + " with these arguments does not exist", location);
      return;
    }
}

}  // namespace tusk
