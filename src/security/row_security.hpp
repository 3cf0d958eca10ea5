// Row-level security as PostgreSQL 15 applies it (its rowsecurity.c): when a table has it
// enabled and the user is subject to it (not a superuser, not BYPASSRLS, not the owner unless
// FORCE), the policies for the command and the user's roles decide. Their USING conditions
// filter the rows a statement reads or changes: the permissive ones OR'ed (none: no row), each
// restrictive one AND'ed. New rows must pass the WITH CHECK conditions (USING where a policy
// has none), or the statement fails with 42501. The conditions are bound like the statement's
// own WHERE, so a scan can use an index on them.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "execution/expr.hpp"

namespace tusk {

class Planner;
struct Scope;
struct ExecState;

// PostgreSQL's polcmd letters for the statement's command.
namespace policy_command {
inline constexpr char kSelect = 'r', kInsert = 'a', kUpdate = 'w', kDelete = 'd', kAll = '*';
}

// Whether the table's policies apply to `user` (0: the current user). With row_security off
// that is 42501 instead, as PostgreSQL refuses rather than show a filtered result.
bool RowSecurityApplies(ExecState* st, const TableDef& t, uint32_t user = 0);

// Whether an error may show the current user a row's values (PostgreSQL's
// BuildIndexValueDescription and ri_ReportViolation): not when row-level security applies to
// it, nor without SELECT on the table. Never throws.
bool RowValuesVisible(ExecState* st, const TableDef& t);

// The conditions the rows of `t` a `command` reads must meet, bound over `scope` (holding the
// table's columns at their positions): empty when row-level security does not apply.
std::vector<ExprP> PolicyUsingConditions(Planner& planner, const TableDef& t, char command, const Scope& scope,
                                         uint32_t user = 0);

// A condition a new row must meet, and the error when it does not.
struct PolicyCheck {
  ExprP condition;
  std::string policy;  // a restrictive policy's name; "" for the permissive ones together
  bool using_expression = false;  // ON CONFLICT DO UPDATE's check of the existing row
};
void ThrowPolicyViolation(const PolicyCheck& check, const std::string& table);
// The checks of new rows a `command` writes (INSERT, UPDATE), bound over the table's row.
std::vector<PolicyCheck> PolicyWithChecks(Planner& planner, const TableDef& t, char command, uint32_t user = 0);
// The USING conditions as checks of a row: ON CONFLICT DO UPDATE's of the existing row
// (`conflict`: the error says "USING expression"), and the SELECT policies' of a new row a
// statement that reads its target (RETURNING, WHERE) would otherwise not see.
std::vector<PolicyCheck> PolicyUsingChecks(Planner& planner, const TableDef& t, char command, bool conflict, uint32_t user = 0);

}  // namespace tusk
