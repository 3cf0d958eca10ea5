// Views written through their INSTEAD OF triggers. An INSERT, UPDATE or DELETE on a view with
// an INSTEAD OF ROW trigger for that event is not rewritten onto a base table (updatable.hpp):
// engine/dml.cpp plans it against the view seen as a table (ViewAsTable): INSERT's rows are
// the view's columns, UPDATE's and DELETE's rows are the view's query's, and each row goes to
// the trigger, whose result is what RETURNING reads and whether the row counts. The view's
// statement triggers fire around them; PostgreSQL fires them only in this case.
#pragma once
#include <cstdint>

#include "catalog/catalog.hpp"

namespace tusk {

struct ExecState;

// The view's columns, name and triggers in a TableDef, for binding a write's rows and firing
// the triggers with the code tables use. It has no storage, no constraints and no defaults.
TableDef ViewAsTable(const ViewDef& v);

// Whether one of the view's INSTEAD OF ROW triggers fires for `event` (TriggerDef::kInsert,
// kUpdate, kDelete) in this session.
bool HasInsteadTrigger(const ViewDef& v, int16_t event, ExecState* st);

}  // namespace tusk
