// ALTER FUNCTION / PROCEDURE / ROUTINE name(args) attributes and ... RENAME TO new_name.
#include <set>

#include "catalog/function_def.hpp"
#include "common/error.hpp"
#include "engine/session.hpp"
#include "routines/routine_ddl.hpp"
#include "views/dependencies.hpp"

namespace tusk {

namespace {
const char* Tag(PgQuery__ObjectType kind) {
  return kind == PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE ? "ALTER PROCEDURE"
         : kind == PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE ? "ALTER ROUTINE" : "ALTER FUNCTION";
}

// Puts the changed definition in place of the old one (same OID). A view keeps a function by
// its name in its SQL text, so a rename that a view would not survive is refused.
void Replace(ExecState* st, Catalog* cat, std::shared_ptr<FunctionDef> f, const FunctionDef& old) {
  f->Describe();
  auto after = std::make_shared<Catalog>(*cat);
  after->AddFunction(f);
  if (f->name != old.name) {
    Dependents views;
    AddViewsBrokenBy(st, *cat, after, "function " + old.Signature(), &views);
    if (!views.empty())
      throw Error(sqlstate::kFeatureNotSupported, "renaming " + old.Signature() + " is not supported yet while a view calls it")
          .WithDetail(views.depends_lines[0]);
  }
  cat->AddFunction(std::move(f));
}
}  // namespace

void ExecuteAlterRoutine(PgQuery__AlterFunctionStmt* stmt, ExecState* st, ResultSink* sink) {
  auto old = ResolveRoutine(st, stmt->func, stmt->objtype, false, sink);
  Catalog* cat = st->session->MutableCatalog(st);
  std::shared_ptr<FunctionDef> f = old->Clone();
  std::set<std::string> seen;
  for (size_t i = 0; i < stmt->n_actions; i++) {
    PgQuery__DefElem* d = stmt->actions[i]->def_elem;
    std::string name = d->defname;
    if (name != "set" && !seen.insert(name).second) ThrowAt(sqlstate::kSyntaxError, "conflicting or redundant options", d->location);
    if (f->kind == 'p' && name != "set" && name != "security")
      ThrowAt(sqlstate::kInvalidFunctionDefinition, "invalid attribute in procedure definition", d->location);
    ApplyRoutineAttribute(d, f.get());
  }
  Replace(st, cat, std::move(f), *old);
  sink->Complete(Tag(stmt->objtype));
}

bool RenameRoutine(PgQuery__RenameStmt* stmt, ExecState* st, ResultSink* sink) {
  PgQuery__ObjectType kind = stmt->rename_type;
  if (kind != PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION && kind != PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE &&
      kind != PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE)
    return false;
  auto old = ResolveRoutine(st, stmt->object->object_with_args, kind, false, sink);
  Catalog* cat = st->session->MutableCatalog(st);
  std::shared_ptr<FunctionDef> f = old->Clone();
  f->name = stmt->newname;
  f->Describe();
  for (const auto& [oid, other] : cat->functions())
    if (oid != f->oid && other->name == f->name && other->schema == f->schema && other->CallArgs().size() == f->CallArgs().size()) {
      bool same = true;
      for (size_t i = 0; i < f->CallArgs().size(); i++) same = same && other->CallArgs()[i]->type == f->CallArgs()[i]->type;
      if (same)
        throw Error(sqlstate::kDuplicateFunction, std::string(f->kind == 'p' ? "procedure " : "function ") + FormatProcedure(*f) +
                                                      " already exists in schema \"" + f->schema + "\"");
    }
  Replace(st, cat, std::move(f), *old);
  sink->Complete(Tag(kind));
  return true;
}

}  // namespace tusk
