// DROP FUNCTION / PROCEDURE / ROUTINE [IF EXISTS] name [(argument types)], ...: by name alone
// when the name is unique along the search path, else by its input argument types.
#include "catalog/function_def.hpp"
#include "catalog/system/system_relation.hpp"
#include "common/error.hpp"
#include "engine/ddl_util.hpp"
#include "planner/planner.hpp"
#include "routines/routine_ddl.hpp"
#include "views/dependencies.hpp"

namespace tusk {

namespace {
const char* KindWord(PgQuery__ObjectType t) {
  switch (t) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE: return "procedure";
    case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE: return "routine";
    default: return "function";
  }
}
}  // namespace

std::string FormatProcedure(const FunctionDef& f) {
  std::string out = f.name + "(";
  for (size_t i = 0; i < f.CallArgs().size(); i++) out += (i ? ", " : "") + TypeName(f.CallArgs()[i]->type);
  return out + ")";
}

std::shared_ptr<const FunctionDef> ResolveRoutine(ExecState* st, PgQuery__ObjectWithArgs* owa, PgQuery__ObjectType kind,
                                                  bool missing_ok, ResultSink* sink) {
  const char* word = KindWord(kind);
  const Catalog& cat = *st->catalog;
  ParamTypes params;
  ExecState bind_state = *st;
  Planner planner(&bind_state, &params);
  std::vector<std::string> parts;
  for (size_t k = 0; k < owa->n_objname; k++) parts.push_back(StrVal(owa->objname[k]));
  std::string name = parts.back();
  std::vector<std::string> schemas;
  if (parts.size() == 2) {
    if (!cat.FindSchema(parts[0])) {
      if (missing_ok) {
        Notice(sink, "schema \"" + parts[0] + "\" does not exist, skipping");
        return nullptr;
      }
      throw Error(sqlstate::kUndefinedSchema, "schema \"" + parts[0] + "\" does not exist");
    }
    schemas.push_back(parts[0]);
  } else {
    schemas = EffectiveSearchPath(cat, st->session->SearchPath());
  }
  std::vector<uint32_t> arg_oids;
  std::string shown_args, written_args;  // the types resolved, and as written (IF EXISTS's notice)
  for (size_t k = 0; k < owa->n_objargs; k++) {
    auto* tn = owa->objargs[k]->type_name;
    std::string written = NameListToString(tn->names, tn->n_names);
    for (size_t b = 0; b < tn->n_array_bounds; b++) written += "[]";
    written_args += (k ? ", " : "") + written;
    if (missing_ok) {
      try {
        arg_oids.push_back(planner.binder().ResolveType(tn).WireOid());
      } catch (const Error&) {
        arg_oids.push_back(0);  // a type that does not exist: no function takes it
      }
      continue;
    }
    Type t = planner.binder().ResolveType(tn);
    arg_oids.push_back(t.WireOid());
    shown_args += (k ? ", " : "") + TypeName(t);
  }
  std::vector<std::shared_ptr<const FunctionDef>> found;
  for (const std::string& schema : schemas) {
    for (const auto& [oid, f] : cat.functions()) {
      if (f->schema != schema || f->name != name) continue;
      if (!owa->args_unspecified) {
        // a procedure is named by its input arguments, or by all it is called with
        std::vector<uint32_t> have, called;
        for (const FunctionArg* a : f->CallArgs()) have.push_back(a->type.WireOid());
        for (const FunctionArg* a : f->InvocationArgs()) called.push_back(a->type.WireOid());
        if (have != arg_oids && (f->kind != 'p' || called != arg_oids)) continue;
      }
      found.push_back(f);
    }
    if (!found.empty()) break;
  }
  std::string shown = parts.size() == 2 ? parts[0] + "." + name : name;
  if (found.empty()) {
    if (missing_ok) {
      Notice(sink, std::string(word) + " " + shown + "(" + written_args + ") does not exist, skipping");
      return nullptr;
    }
    if (owa->args_unspecified) throw Error(sqlstate::kUndefinedFunction, std::string("could not find a ") + word + " named \"" + shown + "\"");
    throw Error(sqlstate::kUndefinedFunction, std::string(word) + " " + shown + "(" + shown_args + ") does not exist");
  }
  if (found.size() > 1)
    throw Error(sqlstate::kAmbiguousFunction, std::string(word) + " name \"" + shown + "\" is not unique")
        .WithHint(std::string("Specify the argument list to select the ") + word + " unambiguously.");
  const FunctionDef& f = *found[0];
  if (kind == PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE && f.kind != 'p')
    throw Error(sqlstate::kWrongObjectType, FormatProcedure(f) + " is not a procedure");
  if (kind == PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION && f.kind == 'p')
    throw Error(sqlstate::kWrongObjectType, FormatProcedure(f) + " is not a function");
  return found[0];
}

void ExecuteDropRoutines(PgQuery__DropStmt* stmt, ExecState* st, ResultSink* sink) {
  Catalog* cat = st->session->MutableCatalog(st);
  std::vector<uint32_t> dropping;
  for (size_t i = 0; i < stmt->n_objects; i++)
    if (auto f = ResolveRoutine(st, stmt->objects[i]->object_with_args, stmt->remove_type, stmt->missing_ok, sink))
      dropping.push_back(f->oid);
  for (uint32_t oid : dropping) {
    auto f = cat->FindFunction(oid);
    Dependents deps;
    deps.search_path = st->session->SearchPath();
    std::string what = std::string(f && f->kind == 'p' ? "procedure " : "function ") + (f ? f->Signature() : std::to_string(oid));
    AddTriggersCalling(*cat, oid, what, &deps);
    DropDependents(st, cat, what, deps, stmt->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE, sink);
    cat->DropFunction(oid);
    cat->SetComment({class_oid::kPgProc, oid, 0}, "");
  }
  sink->Complete(stmt->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE ? "DROP PROCEDURE"
                 : stmt->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE ? "DROP ROUTINE" : "DROP FUNCTION");
}

}  // namespace tusk
