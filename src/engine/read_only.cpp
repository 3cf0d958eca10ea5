#include "engine/read_only.hpp"

#include "common/error.hpp"

namespace tusk {

namespace {
const char* ObjectName(PgQuery__ObjectType t) {
  switch (t) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE: return "TABLE";
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX: return "INDEX";
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE: return "SEQUENCE";
    case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA: return "SCHEMA";
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE: return "TYPE";
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN: case PG_QUERY__OBJECT_TYPE__OBJECT_DOMCONSTRAINT: return "DOMAIN";
    case PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION: return "EXTENSION";
    case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN: return "TABLE";
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT: return "TABLE";
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW: return "VIEW";
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW: return "MATERIALIZED VIEW";
    case PG_QUERY__OBJECT_TYPE__OBJECT_ROLE: return "ROLE";
    case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION: return "FUNCTION";
    case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE: return "PROCEDURE";
    case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE: return "ROUTINE";
    default: return "OBJECT";
  }
}

bool HasModifyingCte(PgQuery__WithClause* with) {
  if (!with) return false;
  for (size_t i = 0; i < with->n_ctes; i++) {
    Node* q = with->ctes[i]->common_table_expr->ctequery;
    if (q && q->node_case != PG_QUERY__NODE__NODE_SELECT_STMT) return true;
  }
  return false;
}
}  // namespace

std::string WriteCommandName(Node* stmt) {
  switch (stmt->node_case) {
    case PG_QUERY__NODE__NODE_INSERT_STMT: return "INSERT";
    case PG_QUERY__NODE__NODE_UPDATE_STMT: return "UPDATE";
    case PG_QUERY__NODE__NODE_DELETE_STMT: return "DELETE";
    case PG_QUERY__NODE__NODE_TRUNCATE_STMT: return "TRUNCATE TABLE";
    case PG_QUERY__NODE__NODE_COPY_STMT: return stmt->copy_stmt->is_from ? "COPY FROM" : "";
    case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:
      return stmt->create_table_as_stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW ? "CREATE MATERIALIZED VIEW" : "CREATE TABLE AS";
    case PG_QUERY__NODE__NODE_REFRESH_MAT_VIEW_STMT: return "REFRESH MATERIALIZED VIEW";
    case PG_QUERY__NODE__NODE_SELECT_STMT: {
      auto* s = stmt->select_stmt;
      if (s->into_clause) return "SELECT INTO";
      if (HasModifyingCte(s->with_clause)) return "SELECT";
      if (s->n_locking_clause) {
        switch (s->locking_clause[0]->locking_clause->strength) {
          case PG_QUERY__LOCK_CLAUSE_STRENGTH__LCS_FORKEYSHARE: return "SELECT FOR KEY SHARE";
          case PG_QUERY__LOCK_CLAUSE_STRENGTH__LCS_FORSHARE: return "SELECT FOR SHARE";
          case PG_QUERY__LOCK_CLAUSE_STRENGTH__LCS_FORNOKEYUPDATE: return "SELECT FOR NO KEY UPDATE";
          default: return "SELECT FOR UPDATE";
        }
      }
      return "";
    }
    case PG_QUERY__NODE__NODE_CREATE_STMT: return "CREATE TABLE";
    case PG_QUERY__NODE__NODE_VIEW_STMT: return "CREATE VIEW";
    case PG_QUERY__NODE__NODE_INDEX_STMT: return "CREATE INDEX";
    case PG_QUERY__NODE__NODE_DROP_STMT: return std::string("DROP ") + ObjectName(stmt->drop_stmt->remove_type);
    case PG_QUERY__NODE__NODE_CREATE_SCHEMA_STMT: return "CREATE SCHEMA";
    case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT: return "CREATE TYPE";
    case PG_QUERY__NODE__NODE_COMPOSITE_TYPE_STMT: return "CREATE TYPE";
    case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT: return stmt->create_function_stmt->is_procedure ? "CREATE PROCEDURE" : "CREATE FUNCTION";
    case PG_QUERY__NODE__NODE_ALTER_FUNCTION_STMT: return std::string("ALTER ") + ObjectName(stmt->alter_function_stmt->objtype);
    case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT: return "ALTER TYPE";
    case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT: return "CREATE DOMAIN";
    case PG_QUERY__NODE__NODE_ALTER_DOMAIN_STMT: return "ALTER DOMAIN";
    case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT: return "CREATE SEQUENCE";
    case PG_QUERY__NODE__NODE_ALTER_SEQ_STMT: return "ALTER SEQUENCE";
    case PG_QUERY__NODE__NODE_CREATE_EXTENSION_STMT: return "CREATE EXTENSION";
    case PG_QUERY__NODE__NODE_CREATE_ROLE_STMT: return "CREATE ROLE";
    case PG_QUERY__NODE__NODE_ALTER_ROLE_STMT: return "ALTER ROLE";
    case PG_QUERY__NODE__NODE_ALTER_ROLE_SET_STMT: return "ALTER ROLE";
    case PG_QUERY__NODE__NODE_ALTER_DATABASE_SET_STMT: return "ALTER DATABASE";
    case PG_QUERY__NODE__NODE_DROP_ROLE_STMT: return "DROP ROLE";
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT: return std::string("ALTER ") + ObjectName(stmt->alter_table_stmt->objtype);
    case PG_QUERY__NODE__NODE_RENAME_STMT: return std::string("ALTER ") + ObjectName(stmt->rename_stmt->rename_type);
    default: return "";
  }
}

void CheckReadOnly(Node* stmt) {
  std::string name = WriteCommandName(stmt);
  if (!name.empty())
    throw Error(sqlstate::kReadOnlySqlTransaction, "cannot execute " + name + " in a read-only transaction");
}

}  // namespace tusk
