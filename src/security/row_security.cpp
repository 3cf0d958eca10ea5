#include "security/row_security.hpp"

#include "common/error.hpp"
#include "engine/session.hpp"
#include "planner/planner.hpp"
#include "security/object_privileges.hpp"
#include "security/roles.hpp"

namespace tusk {

namespace {

uint32_t UserOr(ExecState* st, uint32_t user) { return user ? user : st->session->CurrentUserId(); }

// The policies for the command that name one of the user's roles (or PUBLIC).
std::vector<const PolicyDef*> PoliciesFor(ExecState* st, const TableDef& t, char command, uint32_t user) {
  auto cluster = st->session->CurrentCluster();
  std::set<uint32_t> held = RolesWithPrivilegesOf(*cluster, user);
  std::vector<const PolicyDef*> out;
  for (const PolicyDef& p : t.row_security.policies) {
    if (p.command != policy_command::kAll && p.command != command) continue;
    bool named = false;
    for (uint32_t r : p.roles) named = named || r == 0 || held.count(r);
    if (named) out.push_back(&p);
  }
  return out;
}

ExprP BindPolicyExpr(Planner& planner, const TableDef& t, const std::string& sql, const Scope& scope) {
  std::unique_ptr<Script> holder;
  Node* e = ParseStoredExpr(sql, &holder);
  ExprP bound = planner.binder().CoerceToBool(planner.binder().BindStored(e, scope, t.schema), "POLICY", -1);
  planner.KeepParseTree(std::move(holder));
  return bound;
}

ExprP Const(bool v) { return std::make_shared<ConstExpr>(Value::Bool(v), Type(oid::kBool)); }

ExprP AnyOf(std::vector<ExprP> exprs) {
  if (exprs.empty()) return Const(false);
  if (exprs.size() == 1) return exprs[0];
  return std::make_shared<BoolExpr>(BoolExpr::kOr, std::move(exprs));
}

Scope RowScope(Planner& planner, const TableDef& t) {
  Scope scope;
  scope.Add(planner.TableScopeRel(&t, t.name));
  return scope;
}

// What a policy checks new rows with: its WITH CHECK, else its USING.
const std::string& CheckSql(const PolicyDef& p) { return p.check_sql.empty() ? p.using_sql : p.check_sql; }

}  // namespace

namespace {
// Row-level security applies to `user` on `t` (row_security aside); *owner: the user owns it.
bool Subject(ExecState* st, const TableDef& t, uint32_t user, bool* owner) {
  if (!t.row_security.enabled || !st->session) return false;
  auto cluster = st->session->CurrentCluster();
  const RoleDef* r = cluster->FindRole(user);
  if (r && (r->superuser || r->bypassrls)) return false;
  *owner = HasPrivilegesOfRole(*cluster, user, t.security.owner);
  return !*owner || t.row_security.forced;
}
}  // namespace

bool RowValuesVisible(ExecState* st, const TableDef& t) {
  if (!st->session) return true;
  const uint32_t user = st->session->CurrentUserId();
  bool owner = false;
  if (Subject(st, t, user, &owner)) return false;
  return (ObjectPrivilegesOf(st, user, t.security, AclObject::kTable) & privilege::kSelect) != 0;
}

bool RowSecurityApplies(ExecState* st, const TableDef& t, uint32_t user_in) {
  if (!t.row_security.enabled || !st->session) return false;
  const uint32_t user = UserOr(st, user_in);
  bool owner = false;
  if (!Subject(st, t, user, &owner)) return false;
  if (st->session->Setting("row_security") == "off") {
    Error e(sqlstate::kInsufficientPrivilege, "query would be affected by row-level security policy for table \"" + t.name + "\"");
    if (owner) e.WithHint("To disable the policy for the table's owner, use ALTER TABLE NO FORCE ROW LEVEL SECURITY.");
    throw e;
  }
  return true;
}

std::vector<ExprP> PolicyUsingConditions(Planner& planner, const TableDef& t, char command, const Scope& scope, uint32_t user_in) {
  ExecState* st = planner.state();
  if (!RowSecurityApplies(st, t, user_in)) return {};
  const uint32_t user = UserOr(st, user_in);
  std::vector<ExprP> permissive, out;
  std::vector<const PolicyDef*> restrictive;
  for (const PolicyDef* p : PoliciesFor(st, t, command, user)) {
    if (p->using_sql.empty()) continue;
    if (p->permissive) permissive.push_back(BindPolicyExpr(planner, t, p->using_sql, scope));
    else restrictive.push_back(p);
  }
  out.push_back(AnyOf(std::move(permissive)));
  for (const PolicyDef* p : restrictive) out.push_back(BindPolicyExpr(planner, t, p->using_sql, scope));
  return out;
}

namespace {
std::vector<PolicyCheck> Checks(Planner& planner, const TableDef& t, char command, uint32_t user_in, bool using_only, bool conflict) {
  ExecState* st = planner.state();
  if (!RowSecurityApplies(st, t, user_in)) return {};
  const uint32_t user = UserOr(st, user_in);
  Scope scope = RowScope(planner, t);
  std::vector<ExprP> permissive;
  std::vector<PolicyCheck> out;
  std::vector<const PolicyDef*> restrictive;
  for (const PolicyDef* p : PoliciesFor(st, t, command, user)) {
    const std::string& sql = using_only ? p->using_sql : CheckSql(*p);
    if (sql.empty()) continue;
    if (p->permissive) permissive.push_back(BindPolicyExpr(planner, t, sql, scope));
    else restrictive.push_back(p);
  }
  out.push_back({AnyOf(std::move(permissive)), "", conflict});
  for (const PolicyDef* p : restrictive)
    out.push_back({BindPolicyExpr(planner, t, using_only ? p->using_sql : CheckSql(*p), scope), p->name, conflict});
  return out;
}
}  // namespace

std::vector<PolicyCheck> PolicyWithChecks(Planner& planner, const TableDef& t, char command, uint32_t user) {
  return Checks(planner, t, command, user, false, false);
}

std::vector<PolicyCheck> PolicyUsingChecks(Planner& planner, const TableDef& t, char command, bool conflict, uint32_t user) {
  return Checks(planner, t, command, user, true, conflict);
}

void ThrowPolicyViolation(const PolicyCheck& check, const std::string& table) {
  std::string what = "new row violates row-level security policy";
  if (!check.policy.empty()) what += " \"" + check.policy + "\"";
  if (check.using_expression) what += " (USING expression)";
  throw Error(sqlstate::kInsufficientPrivilege, what + " for table \"" + table + "\"");
}

}  // namespace tusk
