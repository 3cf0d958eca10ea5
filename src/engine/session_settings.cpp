// A session's settings: SET / SHOW / RESET / ALTER SYSTEM and the values statements read.
// A session keeps only what differs from the server's values (settings/server_config.hpp):
// its SETs (settings_), the startup packet's values that RESET returns to (reset_values_), and
// SET LOCAL values until the transaction ends (local_settings_). Reading and checking a value
// is the settings registry's job (settings/settings.hpp).
#include "engine/session.hpp"

#include <algorithm>

#include "common/error.hpp"
#include "common/strings.hpp"
#include "security/roles.hpp"
#include "settings/server_config.hpp"
#include "settings/setting_checks.hpp"
#include "settings/settings.hpp"
#include "types/tsearch/ts_lookup.hpp"

namespace tusk {

namespace {

// Names PostgreSQL accepts a list for in SET (GUC_LIST_INPUT); the others take one value.
bool TakesList(const std::string& key) {
  return key == "search_path" || key == "datestyle" || key == "temp_tablespaces" || key == "session_preload_libraries" ||
         key == "local_preload_libraries" || key == "shared_preload_libraries" || key == "log_destination";
}

std::string SettingValueText(Node* n) {
  if (!n) return "";
  if (n->node_case == PG_QUERY__NODE__NODE_A_CONST) {
    auto* c = n->a_const;
    switch (c->val_case) {
      case PG_QUERY__A__CONST__VAL_IVAL: return std::to_string(c->ival->ival);
      case PG_QUERY__A__CONST__VAL_FVAL: return c->fval->fval;
      case PG_QUERY__A__CONST__VAL_SVAL: return c->sval->sval;
      case PG_QUERY__A__CONST__VAL_BOOLVAL: return c->boolval->boolval ? "on" : "off";
      default: return "";
    }
  }
  if (n->node_case == PG_QUERY__NODE__NODE_STRING) return n->string->sval;
  if (n->node_case == PG_QUERY__NODE__NODE_TYPE_CAST) return SettingValueText(n->type_cast->arg);
  return "";
}

// SET's arguments as one value, as PostgreSQL flattens them: list settings join their items
// with ", ", quoting search_path's names where needed.
std::string FlattenSetArgs(const std::string& name, Node** args, size_t n) {
  std::string key = ToLower(name);
  if (n > 1 && !TakesList(key)) throw Error(sqlstate::kInvalidParameterValue, "SET " + name + " takes only one argument");
  std::string value;
  for (size_t i = 0; i < n; i++) {
    if (i) value += ", ";
    Node* a = args[i];
    std::string v = SettingValueText(a);
    if ((key == "search_path" || key == "temp_tablespaces") && a->node_case == PG_QUERY__NODE__NODE_A_CONST &&
        a->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL)
      v = QuoteIdent(v);
    value += v;
  }
  return value;
}

// The lower-case key a setting is kept under; 42704 for a name that is neither a setting nor a
// custom "prefix.name".
std::string SettingKey(const std::string& name, const SettingDef** def) {
  *def = FindSetting(name);
  if (*def) return ToLower((*def)->name);
  if (!IsCustomSettingName(name)) throw Error(sqlstate::kUndefinedObject, "unrecognized configuration parameter \"" + name + "\"");
  CheckCustomSettingName(name);
  return ToLower(name);
}

}  // namespace

void Session::InitSettings() {
  server_ = db_->config().Current();
  server_generation_ = db_->config().generation();
  reset_values_["session_authorization"] = user_;
  reset_values_["is_superuser"] = superuser() ? "on" : "off";
  settings_ = reset_values_;
  ApplyScopedSettings();
}

void Session::RefreshServerSettings() {
  uint64_t gen = db_->config().generation();
  if (gen == server_generation_) return;
  auto fresh = db_->config().Current();
  for (const auto& name : ReportedSettings())
    if (!settings_.count(name) && fresh->values.at(name) != server_->values.at(name)) changed_reported_.insert(name);
  server_ = std::move(fresh);
  server_generation_ = gen;
}

const std::set<std::string>& Session::ReportedSettings() {
  static const std::set<std::string> s = {"application_name", "client_encoding", "datestyle",
                                          "integer_datetimes", "intervalstyle", "is_superuser",
                                          "server_encoding", "server_version", "session_authorization",
                                          "standard_conforming_strings", "timezone"};
  return s;
}

std::string Session::SettingDisplayName(const std::string& name) {
  const SettingDef* def = FindSetting(name);
  return def ? def->name : ToLower(name);
}

std::vector<std::pair<std::string, std::string>> Session::TakeChangedReported() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& n : changed_reported_) out.emplace_back(SettingDisplayName(n), *GetSetting(n));
  changed_reported_.clear();
  return out;
}

namespace {
// A setting's value as a session reads it: SET LOCAL's over SET's over the server's.
const std::string* LayeredValue(const SettingValues& local, const SettingValues& session, const SettingValues& server,
                                std::string_view name) {
  for (const SettingValues* in : {&local, &session, &server}) {
    auto it = in->find(name);
    if (it != in->end()) return &it->second;
  }
  return nullptr;
}
}  // namespace

const std::string& Session::Setting(std::string_view name) const {
  static const std::string kNone;
  const std::string* v = LayeredValue(local_settings_, settings_, server_->values, name);
  return v ? *v : kNone;
}

std::optional<std::string> Session::GetSetting(const std::string& name_in) const {
  const bool lower = std::none_of(name_in.begin(), name_in.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  const std::string folded = lower ? std::string() : ToLower(name_in);
  const std::string& name = lower ? name_in : folded;
  if (const std::string* v = LayeredValue(local_settings_, settings_, server_->values, name)) return *v;
  if (placeholders_.count(name)) return std::string();  // a custom setting once set, then reset
  return std::nullopt;
}

void Session::ApplyScopedSettings() {
  auto cluster = db_->cluster();
  const RoleDef* role = cluster->FindRole(user_);
  const uint32_t role_oid = role ? role->oid : 0;
  const std::pair<ClusterCatalog::SettingScope, SettingSource> scopes[] = {
      {{0, 0}, SettingSource::kGlobal},
      {{database_oid_, 0}, SettingSource::kDatabase},
      {{0, role_oid}, SettingSource::kUser},
      {{database_oid_, role_oid}, SettingSource::kDatabaseUser}};
  for (const auto& [scope, source] : scopes) {
    auto it = cluster->scoped_settings().find(scope);
    if (it == cluster->scoped_settings().end()) continue;
    for (const std::string& item : it->second) {
      size_t eq = item.find('=');
      try {
        SetSetting(item.substr(0, eq), item.substr(eq + 1), false, source);
      } catch (const Error&) {
        // a value that no longer applies is skipped, as PostgreSQL only warns about it
      }
    }
  }
  setting_notices_.clear();
}

std::pair<std::string, std::optional<std::string>> Session::ScopedSettingChange(PgQuery__VariableSetStmt* s) {
  std::string name = s->name ? s->name : "";
  switch (s->kind) {
    case PG_QUERY__VARIABLE_SET_KIND__VAR_SET_VALUE:
    case PG_QUERY__VARIABLE_SET_KIND__VAR_SET_CURRENT: {
      const SettingDef* def = nullptr;
      std::string key = SettingKey(name, &def);
      std::string value = s->kind == PG_QUERY__VARIABLE_SET_KIND__VAR_SET_CURRENT
                              ? GetSetting(key).value_or("")
                              : FlattenSetArgs(name, s->args, s->n_args);
      if (def) {
        CheckSettingChangeable(*def, SettingSource::kSession, superuser());
        std::vector<std::string> notices;
        const auto catalog = CurrentCatalog();
        const TsNameScope scope{catalog.get(), SearchPath(), database()};
        ScopedSettingNames names(&scope);
        NormalizeSetting(*def, value, name, &notices);
      }
      return {def ? std::string(def->name) : key, value};
    }
    case PG_QUERY__VARIABLE_SET_KIND__VAR_SET_DEFAULT:
    case PG_QUERY__VARIABLE_SET_KIND__VAR_RESET: {
      const SettingDef* def = nullptr;
      std::string key = SettingKey(name, &def);
      return {def ? std::string(def->name) : key, std::nullopt};
    }
    case PG_QUERY__VARIABLE_SET_KIND__VAR_RESET_ALL: return {"all", std::nullopt};
    default: throw Error(sqlstate::kFeatureNotSupported, "this form of SET is not supported here");
  }
}

Session::SettingView Session::DescribeSetting(const SettingDef& def) const {
  std::string key = ToLower(def.name);
  SettingView v;
  v.value = *GetSetting(key);
  auto r = reset_values_.find(key);
  v.reset_value = r != reset_values_.end() ? r->second : server_->values.at(key);
  auto line = server_->from_file.find(key);
  if (local_settings_.count(key) || (settings_.count(key) && (r == reset_values_.end() || settings_.at(key) != r->second)))
    v.source = SettingSource::kSession;
  else if (r != reset_values_.end())
    v.source = reset_sources_.count(key) ? reset_sources_.at(key) : SettingSource::kClient;
  else if (line != server_->from_file.end())
    v.source = SettingSource::kConfigFile;
  if (v.source == SettingSource::kConfigFile) {
    v.source_file = server_->file;
    v.source_line = line->second;
  }
  v.pending_restart = server_->pending_restart.count(key) > 0;
  return v;
}

void Session::SetSetting(const std::string& name, const std::string& value_in, bool is_local, SettingSource source) {
  const SettingDef* def = nullptr;
  std::string key = SettingKey(name, &def);
  std::string value = value_in;
  if (def) {
    CheckSettingChangeable(*def, source, superuser());
    const auto catalog = CurrentCatalog();  // the names a check finds (default_text_search_config)
    const TsNameScope scope{catalog.get(), SearchPath(), database()};
    ScopedSettingNames names(&scope);
    value = NormalizeSetting(*def, value, name, &setting_notices_);
  }
  if (key == "role" || key == "session_authorization") CheckRoleChange(key, value);
  if (source != SettingSource::kSession) {  // at connection start: what RESET returns to
    reset_values_[key] = value;
    reset_sources_[key] = source;
  }
  if (!def) custom_names_.emplace(key, name);
  StoreSetting(key, value, is_local);
}

void Session::ResetSetting(const std::string& name, bool is_local) {
  const SettingDef* def = nullptr;
  std::string key = SettingKey(name, &def);
  if (def) CheckSettingChangeable(*def, SettingSource::kSession, superuser());
  auto r = reset_values_.find(key);
  std::string value = r != reset_values_.end() ? r->second : def ? server_->values.at(key) : std::string();
  if (key == "transaction_isolation" || key == "transaction_read_only" || key == "transaction_deferrable")
    value = *GetSetting("default_" + key);
  // Back to the server's value (and its source) unless the client gave one at connection start.
  bool to_server = def && r == reset_values_.end() && !is_local && key.rfind("transaction_", 0) != 0;
  StoreSetting(key, value, is_local, to_server);
  if (!def) placeholders_.insert(key);
}

// Keeps a checked value. The transaction_* settings belong to the transaction block: outside
// one they have no effect, and some may change only before its first query.
void Session::StoreSetting(const std::string& key, const std::string& value, bool is_local, bool to_server) {
  if (key == "transaction_isolation") {
    if (!in_block_ && !txn_from_procedure_) {
      // run by a function outside a block: its statement has read already
      if (dispatch_depth_ > 1 && value != *GetSetting(key))
        throw Error(sqlstate::kActiveSqlTransaction, "SET TRANSACTION ISOLATION LEVEL must be called before any query");
      return;
    }
    if (txn_query_started_ && value != *GetSetting(key))
      throw Error(sqlstate::kActiveSqlTransaction, "SET TRANSACTION ISOLATION LEVEL must be called before any query");
    local_settings_[key] = value;
    return;
  }
  if (key == "transaction_read_only") {
    if (!in_block_) return;
    if (txn_query_started_ && value == "off" && *GetSetting(key) == "on")
      throw Error(sqlstate::kActiveSqlTransaction, "transaction read-write mode must be set before any query");
    local_settings_[key] = value;
    return;
  }
  if (key == "transaction_deferrable") {
    // Only matters for SERIALIZABLE READ ONLY transactions; accepted and remembered.
    if (in_block_) local_settings_[key] = value;
    return;
  }
  if (IsCustomSettingName(key)) placeholders_.insert(key);
  if (is_local) {
    // SET LOCAL outside a transaction block has no effect, unless a function runs it: it lasts
    // until the statement's transaction ends, as PostgreSQL's
    if (!in_block_ && dispatch_depth_ <= 1) return;
    local_settings_[key] = value;
  } else {
    // Remember the settings as they were when the transaction began, for ROLLBACK; copied on
    // the first SET rather than at every BEGIN.
    if (txn_ && !settings_saved_) {
      settings_at_begin_ = settings_;
      settings_saved_ = true;
    }
    if (to_server) settings_.erase(key);
    else settings_[key] = value;
    local_settings_.erase(key);
  }
  if (ReportedSettings().count(key)) changed_reported_.insert(key);
  if (key == "role" || key == "session_authorization") {
    // SET SESSION AUTHORIZATION ends SET ROLE; is_superuser follows the current user
    if (key == "session_authorization") StoreSetting("role", "none", is_local);
    StoreSetting("is_superuser", superuser() ? "on" : "off", is_local);
  }
}

// SET ROLE needs the session user to be a member of the role; SET SESSION AUTHORIZATION, the
// user that logged in to be a superuser (or to go back to itself).
void Session::CheckRoleChange(const std::string& key, const std::string& value) const {
  if (key == "role" && value == "none") return;
  auto cluster = CurrentCluster();
  const RoleDef* role = cluster->FindRole(value);
  if (!role) throw Error(sqlstate::kInvalidParameterValue, "role \"" + value + "\" does not exist");
  if (key == "role") {
    const RoleDef* session = cluster->FindRole(SessionUserName());
    if (!session || !IsMemberOfRole(*cluster, session->oid, role->oid))
      throw Error(sqlstate::kInsufficientPrivilege, "permission denied to set role \"" + value + "\"");
    return;
  }
  const RoleDef* login = cluster->FindRole(user_);
  if (value != user_ && !(login && login->superuser))
    throw Error(sqlstate::kInsufficientPrivilege, "permission denied to set session authorization");
}

std::string Session::CurrentUserName() const {
  if (definer_user_) return CurrentCluster()->RoleName(definer_user_);
  const std::string& role = Setting("role");
  if (!role.empty() && role != "none") return role;
  return SessionUserName();
}

std::string Session::SessionUserName() const {
  const std::string& s = Setting("session_authorization");
  return s.empty() ? user_ : s;
}

uint32_t Session::CurrentUserId() const {
  if (definer_user_) return definer_user_;
  const RoleDef* r = CurrentCluster()->FindRole(CurrentUserName());
  return r ? r->oid : 0;
}

bool Session::superuser() const {
  const RoleDef* r = CurrentCluster()->FindRole(CurrentUserName());
  return r && r->superuser;
}

// SET inside a rolled-back transaction is undone; SET LOCAL ends with any transaction.
void Session::EndTransactionSettings(bool committed) {
  if (!committed && settings_saved_) {
    for (const auto& name : ReportedSettings()) {
      auto now = settings_.find(name), then = settings_at_begin_.find(name);
      bool same = (now == settings_.end()) == (then == settings_at_begin_.end()) &&
                  (now == settings_.end() || now->second == then->second);
      if (!same) changed_reported_.insert(name);
    }
    settings_ = std::move(settings_at_begin_);
  }
  settings_at_begin_.clear();
  settings_saved_ = false;
  for (const auto& [k, v] : local_settings_)
    if (ReportedSettings().count(k)) changed_reported_.insert(k);
  local_settings_.clear();
}

namespace {
std::string ShowName(const std::string& name_in) {
  std::string name = ToLower(name_in);
  if (name == "transaction isolation level") return "transaction_isolation";
  if (name == "time zone") return "timezone";
  if (name == "session authorization") return "session_authorization";
  return name;
}
}  // namespace

std::vector<ColumnInfo> Session::ShowColumns(const std::string& name) const {
  if (ToLower(name) == "all")
    return {{"name", Type(oid::kText)}, {"setting", Type(oid::kText)}, {"description", Type(oid::kText)}};
  auto custom = custom_names_.find(ToLower(name));
  return {{custom != custom_names_.end() ? custom->second : SettingDisplayName(ShowName(name)), Type(oid::kText)}};
}

void Session::ExecuteShow(PgQuery__VariableShowStmt* s, ResultSink* sink) {
  std::string name = ShowName(s->name);
  if (name == "all") {
    sink->Columns(ShowColumns(name));
    for (const SettingDef* def : AllSettings()) {
      if (def->hidden) continue;
      sink->AddRow({Value::Str(def->name), Value::Str(*GetSetting(def->name)), Value::Str(def->short_desc)});
    }
    sink->Complete("SHOW");
    return;
  }
  auto v = GetSetting(name);
  if (!v) throw Error(sqlstate::kUndefinedObject, "unrecognized configuration parameter \"" + std::string(s->name) + "\"");
  sink->Columns(ShowColumns(name));
  sink->AddRow({Value::Str(*v)});
  sink->Complete("SHOW");
}

void Session::ExecuteSet(PgQuery__VariableSetStmt* s, ResultSink* sink) {
  std::string name = s->name ? s->name : "";
  if (s->is_local && !in_block_ && dispatch_depth_ <= 1 && s->kind != PG_QUERY__VARIABLE_SET_KIND__VAR_SET_MULTI)
    sink->SendNotice({"WARNING", "25P01", "SET LOCAL can only be used in transaction blocks", ""});
  switch (s->kind) {
    case PG_QUERY__VARIABLE_SET_KIND__VAR_SET_VALUE: {
      SetSetting(name, FlattenSetArgs(name, s->args, s->n_args), s->is_local);
      for (const auto& n : TakeSettingNotices()) sink->SendNotice({"NOTICE", "42622", n, ""});
      break;
    }
    case PG_QUERY__VARIABLE_SET_KIND__VAR_SET_DEFAULT:
    case PG_QUERY__VARIABLE_SET_KIND__VAR_RESET:
      ResetSetting(name, s->is_local);
      sink->Complete(s->kind == PG_QUERY__VARIABLE_SET_KIND__VAR_RESET ? "RESET" : "SET");
      return;
    case PG_QUERY__VARIABLE_SET_KIND__VAR_RESET_ALL: {
      // Every setting a session may change, except those PostgreSQL leaves out of RESET ALL.
      std::vector<std::string> keys;
      for (const auto& [k, v] : settings_) keys.push_back(k);
      for (const auto& k : keys) {
        const SettingDef* def = FindSetting(k);
        if (def && (def->context != SettingContext::kUser && def->context != SettingContext::kSuperuser)) continue;
        if (k == "session_authorization" || k == "is_superuser" || k == "role" || k.rfind("transaction_", 0) == 0) continue;
        ResetSetting(k, false);
      }
      sink->Complete("RESET");
      return;
    }
    case PG_QUERY__VARIABLE_SET_KIND__VAR_SET_MULTI:
      // SET TRANSACTION ... / SET SESSION CHARACTERISTICS
      if (name == "TRANSACTION" || name == "transaction") {
        if (!in_block_ && !txn_from_procedure_ && dispatch_depth_ <= 1) {
          sink->SendNotice({"WARNING", sqlstate::kNoActiveSqlTransaction, "SET TRANSACTION can only be used in transaction blocks", ""});
          break;
        }
      }
      for (size_t i = 0; i < s->n_args; i++) {
        auto* d = s->args[i]->def_elem;
        std::string opt = d->defname;
        std::string v = SettingValueText(d->arg);
        if (opt != "transaction_isolation" && opt != "transaction_read_only" && opt != "transaction_deferrable") continue;
        SetSetting(ToLower(name) == "session characteristics" ? "default_" + opt : opt, v, false);
      }
      break;
    default:
      throw Error(sqlstate::kFeatureNotSupported, "this form of SET is not supported yet");
  }
  sink->Complete("SET");
}

void Session::ApplyTransactionOptions(Node** options, size_t n) {
  for (size_t i = 0; i < n; i++) {
    auto* d = options[i]->def_elem;
    std::string name = d->defname;
    if (name == "transaction_isolation" || name == "transaction_read_only" || name == "transaction_deferrable")
      SetSetting(name, SettingValueText(d->arg), true);
  }
}

void Session::ExecuteAlterSystem(PgQuery__AlterSystemStmt* stmt, ResultSink* sink) {
  if (in_block_) throw Error(sqlstate::kActiveSqlTransaction, "ALTER SYSTEM cannot run inside a transaction block");
  auto* s = stmt->setstmt;
  std::string name = s->name ? s->name : "";
  if (!superuser()) {
    if (s->kind == PG_QUERY__VARIABLE_SET_KIND__VAR_RESET_ALL)
      throw Error(sqlstate::kInsufficientPrivilege, "permission denied to perform ALTER SYSTEM RESET ALL");
    throw Error(sqlstate::kInsufficientPrivilege, "permission denied to set parameter \"" + name + "\"");
  }
  switch (s->kind) {
    case PG_QUERY__VARIABLE_SET_KIND__VAR_SET_VALUE:
      db_->config().AlterSystem(name, FlattenSetArgs(name, s->args, s->n_args));
      break;
    case PG_QUERY__VARIABLE_SET_KIND__VAR_SET_DEFAULT:
    case PG_QUERY__VARIABLE_SET_KIND__VAR_RESET:
      db_->config().AlterSystem(name, std::nullopt);
      break;
    case PG_QUERY__VARIABLE_SET_KIND__VAR_RESET_ALL:
      db_->config().AlterSystem("all", std::nullopt);
      break;
    default:
      throw Error(sqlstate::kFeatureNotSupported, "this form of ALTER SYSTEM is not supported");
  }
  sink->Complete("ALTER SYSTEM");
}

}  // namespace tusk
