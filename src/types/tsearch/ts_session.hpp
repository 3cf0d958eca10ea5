// The configuration a text search function works with: the one its regconfig argument names,
// or the session's default_text_search_config when it has none (to_tsany.cpp defines both).
#pragma once
#include "function/registry.hpp"
#include "types/tsearch/ts_config.hpp"

namespace tusk {

// The configuration a regconfig value names; XX000 (cache lookup failed) for an unknown OID.
const TsConfig& ConfigOf(const Value& regconfig);
// default_text_search_config, as the session has it.
const TsConfig& CurrentConfig(EvalContext& ctx);

}  // namespace tusk
