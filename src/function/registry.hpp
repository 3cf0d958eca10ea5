// The function registry: name -> binder. A binder receives the bound arguments, picks the
// overload (coercing arguments) and returns the call, or nullptr when no overload matches
// (the caller then reports "function ... does not exist").
#pragma once
#include <functional>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "binder/binder.hpp"

namespace tusk {

using FunctionBinder = std::function<ExprP(Binder&, std::vector<ExprP>&, int location)>;
std::map<std::string, FunctionBinder>& FunctionRegistry();

// The random() generator of the calling thread (one thread per session); setseed() reseeds it.
std::mt19937_64& RandomGenerator();

void RegisterStringFunctions();
void RegisterMathFunctions();
void RegisterDateTimeFunctions();
void RegisterSystemFunctions();
void RegisterArrayFunctions();
void RegisterFormattingFunctions();
void RegisterMoreFunctions();
void RegisterBackendFunctions();
void RegisterJsonFunctions();   // src/types/json: json[b]_build_*, to_json[b], row_to_json
void RegisterJsonbFunctions();  // src/types/json: jsonb_typeof, jsonb_set, ...
void RegisterJsonTextFunctions();
void RegisterJsonRecordFunctions();
void RegisterJsonPathFunctions();  // src/types/json: jsonb_path_exists, _match, _query_array, _query_first  // src/types/json: json[b]_to_record, json[b]_populate_record  // src/types/json: json_typeof, json_array_length, ...
void RegisterCatalogFunctions();
void RegisterUuidFunctions();
void RegisterHashFunctions();  // hashint4, hashtext, hashint8extended, ...: PostgreSQL's values
void RegisterPrivilegeFunctions();  // has_*_privilege, pg_has_role

ExprP Fn(Type t, const std::string& name, std::vector<ExprP> args, ScalarFn fn, bool strict = true);
// Coerces args to the given types when every one converts implicitly; false otherwise.
// Type(oid::kAny) accepts anything as it is.
bool CoerceArgs(Binder& b, std::vector<ExprP>& args, const std::vector<Type>& types, int location);

// Registers an overload of `name` with a fixed signature. Calls pick the overload whose
// parameters the arguments reach most cheaply (exact type, then the same type category, with
// untyped literals preferring text), as PostgreSQL's function resolution does.
void Register(const std::string& name, std::vector<Type> sig, Type ret, ScalarFn fn, bool strict = true);
// Makes the registered text function NAME also take any other type, converted with its output
// function (PostgreSQL's anyelement variants such as quote_literal(anyelement)).
void AcceptAnyAsText(const std::string& name);

}  // namespace tusk
