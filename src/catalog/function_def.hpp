// A user-defined function or procedure (CREATE FUNCTION / CREATE PROCEDURE). It is immutable once
// made and shared (std::shared_ptr<const FunctionDef>): `proc` describes it in the same shape
// as PostgreSQL's built-in functions (builtin_procs.hpp), with pointers into the definition's
// own strings, so that pg_proc, regproc / regprocedure and pg_get_function_* treat user and
// built-in functions alike.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "security/acl.hpp"
#include "catalog/system/builtin_procs.hpp"
#include "types/type.hpp"

namespace tusk {

inline constexpr uint32_t kLanguageSql = 14, kLanguagePlpgsql = 13563;

struct FunctionArg {
  std::string name;         // "" when unnamed
  Type type;
  char mode = 'i';          // i IN, o OUT, b INOUT, v VARIADIC, t TABLE (a RETURNS TABLE column)
  std::string default_sql;  // the DEFAULT expression as SQL text, "" when none
};

struct FunctionDef;
// pg_get_function_arguments / _identity_arguments / _result of a function, each type spelled by
// `type_name` (which decides where a name needs its schema).
struct FunctionTexts {
  std::string arguments, identity_arguments, result;
};
FunctionTexts DescribeTexts(const FunctionDef& f, const std::function<std::string(const Type&)>& type_name);

struct FunctionDef {
  uint32_t oid = 0;
  std::string schema, name;
  char kind = 'f';  // f function, p procedure
  uint32_t language = kLanguageSql;
  std::vector<FunctionArg> args;
  Type result = Type(oid::kVoid);  // the row type's fields are the OUT / TABLE arguments when there are several
  bool retset = false;
  char volatility = 'v';   // i immutable, s stable, v volatile
  char parallel = 'u';     // s safe, r restricted, u unsafe
  bool strict = false, security_definer = false, leakproof = false;
  float cost = 100, rows = 0;
  std::string body;                 // prosrc
  std::vector<std::string> config;  // SET clauses as "name=value"
  ObjectSecurity security;          // proowner, proacl

  FunctionDef() = default;
  FunctionDef(const FunctionDef&) = delete;  // `proc` points into this object
  FunctionDef& operator=(const FunctionDef&) = delete;
  // A copy with its own `proc` (CREATE OR REPLACE keeps the OID, ALTER / RENAME change fields).
  std::shared_ptr<FunctionDef> Clone() const;

  // The input arguments: IN, INOUT and VARIADIC ones (proargtypes, the signature).
  std::vector<const FunctionArg*> CallArgs() const;
  // The arguments written in a call: the input ones, and a procedure's OUT ones too (CALL
  // passes a placeholder for each, as PostgreSQL 14 and later).
  std::vector<const FunctionArg*> InvocationArgs() const;
  // name(type,type) as regprocedure and PostgreSQL's messages print it.
  std::string Signature() const;
  // Fills `proc` and the texts it points to; call once every field is set.
  void Describe();
  BuiltinProc proc{};

 private:
  std::string arg_types_, all_arg_types_, arg_modes_, arg_names_;
  FunctionTexts texts_;
};

}  // namespace tusk
