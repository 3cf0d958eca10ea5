// CREATE DATABASE, DROP DATABASE [WITH (FORCE)] and ALTER DATABASE (RENAME TO, WITH options;
// OWNER TO is engine/ddl_owner.cpp): entries of
// the cluster catalog (catalog/cluster_catalog.hpp), each database with a catalog of its own
// under its own storage key. A new database starts as a copy of its template: its catalog, with
// new OIDs for the relations, and their rows (ops/template_copy.hpp). A dropped database's keys
// go once the DROP commits.
#include <chrono>
#include <optional>
#include <thread>

#include "common/error.hpp"
#include "common/strings.hpp"
#include "binder/binder.hpp"
#include "engine/database.hpp"
#include "engine/statements.hpp"
#include "ops/maintenance.hpp"
#include "ops/template_copy.hpp"

namespace tusk {

namespace {
std::string OptionText(PgQuery__DefElem* option) {
  Node* arg = option->arg;
  if (!arg) return "";
  switch (arg->node_case) {
    case PG_QUERY__NODE__NODE_STRING: return arg->string->sval;
    case PG_QUERY__NODE__NODE_INTEGER: return std::to_string(arg->integer->ival);
    case PG_QUERY__NODE__NODE_FLOAT: return arg->float_->fval;
    case PG_QUERY__NODE__NODE_BOOLEAN: return arg->boolean->boolval ? "true" : "false";
    case PG_QUERY__NODE__NODE_TYPE_NAME: return StrVal(arg->type_name->names[arg->type_name->n_names - 1]);
    default: return "";
  }
}

int32_t ConnectionLimit(PgQuery__DefElem* option) {
  Node* arg = option->arg;
  int64_t limit = arg && arg->node_case == PG_QUERY__NODE__NODE_INTEGER ? arg->integer->ival : -2;
  if (limit < -1) throw Error(sqlstate::kInvalidParameterValue, "invalid connection limit: " + std::to_string(limit));
  return static_cast<int32_t>(limit);
}

// Other sessions connected to the database: PostgreSQL waits up to 5 seconds for them to go
// (FORCE has asked them to) before it gives up.
void WaitForOtherSessions(ExecState* st, uint32_t db, const std::string& message) {
  std::vector<int32_t> others;
  for (int tries = 0; tries < 50; tries++) {
    others = st->db->backends().OthersIn(db, st->session->pid());
    if (others.empty()) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CheckInterrupts(st);
  }
  size_t n = others.size();
  throw Error(sqlstate::kObjectInUse, message)
      .WithDetail(n == 1 ? "There is 1 other session using the database."
                         : "There are " + std::to_string(n) + " other sessions using the database.");
}

bool IsUtf8Name(std::string name) {
  name = ToLower(name);
  return name == "utf8" || name == "utf-8" || name == "unicode";
}

constexpr const char* kDatabaseLocale = "C.UTF-8";

// The locale names that mean what Tusk does: bytewise comparison.
bool IsCLocale(const std::string& name) { return name == "C" || name == "POSIX" || name == "C.UTF-8" || name == "C.utf8"; }
}  // namespace

void ExecuteCreateDatabase(PgQuery__CreatedbStmt* stmt, ExecState* st, ResultSink* sink, bool in_transaction_block) {
  if (in_transaction_block)
    throw Error(sqlstate::kActiveSqlTransaction, "CREATE DATABASE cannot run inside a transaction block");
  auto cluster = st->session->CurrentCluster();
  DatabaseDef d;
  d.name = stmt->dbname;
  std::string template_name = "template1";
  std::optional<std::string> collate, ctype;
  for (size_t i = 0; i < stmt->n_options; i++) {
    PgQuery__DefElem* option = stmt->options[i]->def_elem;
    const std::string name = option->defname, value = OptionText(option);
    if (name == "owner") {
      const RoleDef* owner = cluster->FindRole(value);
      if (!owner) throw Error(sqlstate::kUndefinedObject, "role \"" + value + "\" does not exist");
      d.owner = owner->oid;
    } else if (name == "template") {
      template_name = value;
    } else if (name == "encoding") {
      if (!IsUtf8Name(value))
        throw Error(sqlstate::kFeatureNotSupported, "encoding \"" + value + "\" is not supported: Tusk databases are UTF8");
    } else if (name == "locale" || name == "lc_collate" || name == "lc_ctype") {
      std::string locale = value == "POSIX" ? "C" : value;  // as setlocale() names it
      if (name != "lc_ctype") collate = locale;
      if (name != "lc_collate") ctype = locale;
    } else if (name == "locale_provider" || name == "icu_locale" || name == "collation_version") {
      if (name != "locale_provider" || ToLower(value) != "libc")
        throw Error(sqlstate::kFeatureNotSupported, "ICU locales are not supported: Tusk compares text bytewise");
    } else if (name == "tablespace") {
      if (value != "pg_default") throw Error(sqlstate::kUndefinedObject, "tablespace \"" + value + "\" does not exist");
    } else if (name == "strategy") {
      std::string strategy = ToLower(value);
      if (strategy != "wal_log" && strategy != "file_copy")
        throw Error(sqlstate::kInvalidParameterValue, "invalid create database strategy \"" + value + "\"")
            .WithHint("Valid strategies are \"wal_log\" and \"file_copy\".");
    } else if (name == "connection_limit") {
      d.connection_limit = ConnectionLimit(option);
    } else if (name == "allow_connections") {
      d.allow_connections = OptionIsOn(option);
    } else if (name == "is_template") {
      d.is_template = OptionIsOn(option);
    } else if (name == "oid") {
      throw Error(sqlstate::kFeatureNotSupported, "CREATE DATABASE with an OID is not supported");
    } else {
      throw Error(sqlstate::kSyntaxError, "option \"" + name + "\" not recognized").WithPosition(option->location + 1);
    }
  }
  const RoleDef* me = cluster->FindRole(st->session->CurrentUserName());
  if (!me || !(me->superuser || me->createdb)) throw Error(sqlstate::kInsufficientPrivilege, "permission denied to create database");
  const DatabaseDef* source = cluster->FindDatabase(template_name);
  if (!source) throw Error(sqlstate::kInvalidCatalogName, "template database \"" + template_name + "\" does not exist");
  if (!source->is_template && !me->superuser && source->owner != me->oid)
    throw Error(sqlstate::kInsufficientPrivilege, "permission denied to copy database \"" + template_name + "\"");
  // Every database has the template's locale, C.UTF-8, unless made from template0 (as in
  // PostgreSQL); Tusk compares text bytewise, so only the C locales can be asked for there.
  for (const auto& [what, value] : {std::pair{"collation", collate}, std::pair{"LC_CTYPE", ctype}}) {
    if (!value || *value == kDatabaseLocale) continue;
    if (source->oid != kTemplate0Oid)
      throw Error(sqlstate::kInvalidParameterValue, std::string("new ") + what + " (" + *value + ") is incompatible with the " + what +
                                                        " of the template database (" + kDatabaseLocale + ")")
          .WithHint(std::string("Use the same ") + what + " as in the template database, or use template0 as template.");
    if (!IsCLocale(*value))
      throw Error(sqlstate::kFeatureNotSupported, "locale \"" + *value + "\" is not supported: Tusk compares text bytewise (the C locale)");
  }
  if (cluster->FindDatabase(d.name)) throw Error(sqlstate::kDuplicateDatabase, "database \"" + d.name + "\" already exists");
  WaitForOtherSessions(st, source->oid, "source database \"" + template_name + "\" is being accessed by other users");
  std::shared_ptr<const Catalog> template_catalog = st->db->catalog(source->oid);
  auto catalog = std::make_shared<Catalog>(*template_catalog);
  CopyTemplateRows(st, *template_catalog, catalog, catalog->RenumberRelations());
  ClusterCatalog* writable = st->session->MutableCluster();
  d.oid = writable->AllocateOid();
  CheckStatus(st->txn->Put(Database::CatalogKey(d.oid), catalog->Serialize()), "create database");
  writable->AddDatabase(d);
  sink->Complete("CREATE DATABASE");
}

void ExecuteDropDatabase(PgQuery__DropdbStmt* stmt, ExecState* st, ResultSink* sink, bool in_transaction_block) {
  if (in_transaction_block)
    throw Error(sqlstate::kActiveSqlTransaction, "DROP DATABASE cannot run inside a transaction block");
  bool force = false;
  for (size_t i = 0; i < stmt->n_options; i++) {
    PgQuery__DefElem* option = stmt->options[i]->def_elem;
    if (std::string(option->defname) != "force")
      throw Error(sqlstate::kSyntaxError, "unrecognized DROP DATABASE option \"" + std::string(option->defname) + "\"")
          .WithPosition(option->location + 1);
    force = true;
  }
  const std::string name = stmt->dbname;
  ClusterCatalog* cluster = st->session->MutableCluster();
  const DatabaseDef* d = cluster->FindDatabase(name);
  if (!d) {
    if (!stmt->missing_ok) throw Error(sqlstate::kInvalidCatalogName, "database \"" + name + "\" does not exist");
    sink->SendNotice({"NOTICE", "00000", "database \"" + name + "\" does not exist, skipping", ""});
    sink->Complete("DROP DATABASE");
    return;
  }
  const RoleDef* me = cluster->FindRole(st->session->CurrentUserName());
  if (!me || (!me->superuser && me->oid != d->owner))
    throw Error(sqlstate::kInsufficientPrivilege, "must be owner of database " + name);
  if (d->is_template) throw Error(sqlstate::kWrongObjectType, "cannot drop a template database");
  if (d->oid == st->session->database_oid()) throw Error(sqlstate::kObjectInUse, "cannot drop the currently open database");
  if (force)
    for (int32_t pid : st->db->backends().OthersIn(d->oid, st->session->pid())) st->db->backends().Terminate(pid);
  WaitForOtherSessions(st, d->oid, "database \"" + name + "\" is being accessed by other users");
  const uint32_t oid = d->oid;
  cluster->DropDatabase(oid);
  st->session->DropDatabaseOnCommit(oid);
  sink->Complete("DROP DATABASE");
}

void ExecuteAlterDatabase(PgQuery__AlterDatabaseStmt* stmt, ExecState* st, ResultSink* sink) {
  ClusterCatalog* cluster = st->session->MutableCluster();
  const std::string name = stmt->dbname;
  const DatabaseDef* found = cluster->FindDatabase(name);
  if (!found) throw Error(sqlstate::kInvalidCatalogName, "database \"" + name + "\" does not exist");
  DatabaseDef changed = *found;
  for (size_t i = 0; i < stmt->n_options; i++) {
    PgQuery__DefElem* option = stmt->options[i]->def_elem;
    const std::string option_name = option->defname;
    if (option_name == "connection_limit") {
      changed.connection_limit = ConnectionLimit(option);
    } else if (option_name == "allow_connections") {
      changed.allow_connections = OptionIsOn(option);
      if (!changed.allow_connections && changed.oid == st->session->database_oid())
        throw Error(sqlstate::kInvalidParameterValue, "cannot disallow connections for current database");
    } else if (option_name == "is_template") {
      changed.is_template = OptionIsOn(option);
    } else if (option_name == "tablespace") {
      if (stmt->n_options != 1)
        throw Error(sqlstate::kFeatureNotSupported, "option \"tablespace\" cannot be specified with other options")
            .WithPosition(option->location + 1);
      if (OptionText(option) != "pg_default")
        throw Error(sqlstate::kUndefinedObject, "tablespace \"" + OptionText(option) + "\" does not exist");
    } else {
      throw Error(sqlstate::kSyntaxError, "option \"" + option_name + "\" not recognized").WithPosition(option->location + 1);
    }
  }
  const RoleDef* me = cluster->FindRole(st->session->CurrentUserName());
  if (!me || (!me->superuser && me->oid != found->owner))
    throw Error(sqlstate::kInsufficientPrivilege, "must be owner of database " + name);
  *cluster->MutableDatabase(found->oid) = changed;
  sink->Complete("ALTER DATABASE");
}

void ExecuteRenameDatabase(const std::string& name, const std::string& new_name, ExecState* st, ResultSink* sink) {
  ClusterCatalog* cluster = st->session->MutableCluster();
  DatabaseDef* d = nullptr;
  if (const DatabaseDef* found = cluster->FindDatabase(name)) d = cluster->MutableDatabase(found->oid);
  if (!d) throw Error(sqlstate::kInvalidCatalogName, "database \"" + name + "\" does not exist");
  const RoleDef* me = cluster->FindRole(st->session->CurrentUserName());
  if (!me || !(me->superuser || (me->createdb && me->oid == d->owner)))
    throw Error(sqlstate::kInsufficientPrivilege, "permission denied to rename database");
  if (cluster->FindDatabase(new_name)) throw Error(sqlstate::kDuplicateDatabase, "database \"" + new_name + "\" already exists");
  if (d->oid == st->session->database_oid()) throw Error(sqlstate::kFeatureNotSupported, "current database cannot be renamed");
  WaitForOtherSessions(st, d->oid, "database \"" + name + "\" is being accessed by other users");
  d->name = new_name;
  sink->Complete("ALTER DATABASE");
}

}  // namespace tusk
