// The configuration a text search function works with: the one its regconfig argument names,
// or the session's default_text_search_config when it has none (to_tsany.cpp defines these).
// Both see the statement's catalog (users' configurations) and search_path (ts_lookup.hpp).
#pragma once
#include "function/registry.hpp"
#include "types/tsearch/ts_config.hpp"
#include "types/tsearch/ts_lookup.hpp"

namespace tusk {

// The statement's catalog, search_path and database; the built-in objects only without a state.
TsNameScope TsScopeOf(EvalContext& ctx);
// The configuration a regconfig value names; XX000 (cache lookup failed) for an unknown OID.
const TsConfig& ConfigOf(const Value& regconfig, EvalContext& ctx);
// The dictionary a regdictionary value names; XX000 for an unknown OID.
const TsDictionary& DictionaryOf(const Value& regdictionary, EvalContext& ctx);
// default_text_search_config, as the session has it.
const TsConfig& CurrentConfig(EvalContext& ctx);

}  // namespace tusk
