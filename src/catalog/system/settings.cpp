// pg_settings: every setting the session can see (settings/settings.hpp), with its value in
// base units, where the value came from, and what RESET would return to.
#include "catalog/system/catalogs.hpp"
#include "catalog/system/system_relation.hpp"
#include "engine/session.hpp"
#include "execution/exec_state.hpp"
#include "settings/settings.hpp"

namespace tusk {

namespace {

Value TextOrNull(const char* s) { return *s ? Value::Str(s) : Value::Null(); }

}  // namespace

void RegisterSettingsCatalogs() {
  SystemRelation r;
  r.oid = 12104;
  r.schema = "pg_catalog";
  r.name = "pg_settings";
  r.kind = 'v';
  const Type text(oid::kText);
  r.columns = {{"name", text},      {"setting", text},   {"unit", text},        {"category", text},
               {"short_desc", text}, {"extra_desc", text}, {"context", text},     {"vartype", text},
               {"source", text},     {"min_val", text},    {"max_val", text},     {"enumvals", Type(oid::kText, -1, true)},
               {"boot_val", text},   {"reset_val", text},  {"sourcefile", text},  {"sourceline", Type(oid::kInt4)},
               {"pending_restart", Type(oid::kBool)}};
  r.rows = [](ExecState& st, std::vector<Row>* rows) {
    for (const SettingDef* def : AllSettings()) {
      if (def->hidden) continue;
      auto view = st.session->DescribeSetting(*def);
      Value enums = Value::Null();
      if (def->type == SettingType::kEnum) {
        std::vector<Value> items;
        for (auto& v : SettingEnumValues(*def)) items.push_back(Value::Str(v));
        enums = Value::Array(std::move(items));
      }
      bool file = view.source == SettingSource::kConfigFile;
      rows->push_back({Value::Str(def->name), Value::Str(SettingInBaseUnit(*def, view.value)), TextOrNull(def->unit),
                       Value::Str(def->category), Value::Str(def->short_desc), TextOrNull(def->extra_desc),
                       Value::Str(SettingContextName(def->context)), Value::Str(SettingTypeName(def->type)),
                       Value::Str(SettingSourceName(view.source)), TextOrNull(def->min_val), TextOrNull(def->max_val), enums,
                       Value::Str(def->boot_val), Value::Str(SettingInBaseUnit(*def, view.reset_value)),
                       file ? Value::Str(view.source_file) : Value::Null(), file ? Value::Int(view.source_line) : Value::Null(),
                       Value::Bool(view.pending_restart)});
    }
  };
  RegisterSystemRelation(std::move(r));
}

}  // namespace tusk
