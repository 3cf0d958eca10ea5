#include "partition/key_parts.hpp"

#include "catalog/system/deparse.hpp"
#include "common/error.hpp"
#include "common/strings.hpp"
#include "parser/parser.hpp"
#include "partition/partition_def.hpp"
#include "planner/planner.hpp"

namespace tusk {

PartitionKeyParts::PartitionKeyParts(Planner* planner) : planner_(planner) {}

PartitionKeyParts::~PartitionKeyParts() = default;

const std::vector<ExprP>& PartitionKeyParts::Bound(const TableDef& t) {
  auto it = bound_.find(t.oid);
  if (it != bound_.end()) return it->second;
  return bound_.emplace(t.oid, Bind(t, t.name, false)).first->second;
}

std::vector<ExprP> PartitionKeyParts::BoundAs(const TableDef& t, const std::string& alias, bool qualified) {
  return Bind(t, alias, qualified);
}

std::vector<ExprP> PartitionKeyParts::Bind(const TableDef& t, const std::string& alias, bool qualified) {
  const PartitionKeyDef& key = *t.partition_key;
  std::vector<ExprP> parts;
  Scope scope;
  scope.qualify_names = qualified;
  bool scoped = false;
  for (size_t i = 0; i < key.columns.size(); i++) {
    if (key.columns[i] >= 0) {
      const ColumnDef& c = t.columns[static_cast<size_t>(key.columns[i])];
      parts.push_back(std::make_shared<ColumnExpr>(key.columns[i], 0, c.type, QuoteIdent(c.name)));
      continue;
    }
    if (!planner_) throw Error(sqlstate::kInternalError, "partition key expression of \"" + t.name + "\" read without a planner");
    if (!scoped) {
      scope.Add(planner_->TableScopeRel(&t, alias));
      scoped = true;
    }
    std::unique_ptr<Script> holder;
    Node* e = ParseStoredExpr(key.exprs[i], &holder);
    parts.push_back(planner_->binder().BindStored(e, scope, t.schema));
    holders_.push_back(std::move(holder));
  }
  return parts;
}

std::vector<Value> PartitionKeyParts::Values(const TableDef& t, const Row& row) {
  const PartitionKeyDef& key = *t.partition_key;
  std::vector<Value> values;
  values.reserve(key.columns.size());
  if (!key.HasExpressions()) {
    for (int c : key.columns) values.push_back(row[static_cast<size_t>(c)]);
    return values;
  }
  EvalContext ctx;
  ctx.row = &row;
  ctx.state = planner_->state();
  for (const ExprP& part : Bound(t)) values.push_back(part->Eval(ctx));
  return values;
}

std::string PartitionKeyParts::PartName(const TableDef& t, size_t part) {
  const PartitionKeyDef& key = *t.partition_key;
  if (key.columns[part] >= 0) return QuoteIdent(t.columns[static_cast<size_t>(key.columns[part])].name);
  if (!planner_) return key.exprs[part];
  return KeyExpressionDefinition(planner_->state(), &t, key.exprs[part], true);
}

}  // namespace tusk
