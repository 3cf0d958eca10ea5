// Text search (types/tsearch): what the rest of Tusk calls to register the family.
#pragma once

namespace tusk {

void RegisterTextSearchTypes();      // I/O and order hooks of tsvector and tsquery (types/type_hooks.hpp)
void RegisterTsVectorFunctions();    // from function/builtins.cpp
void RegisterTsVectorOperators();    // from binder/operator_registry.cpp
void RegisterTsQueryFunctions();
void RegisterTsQueryOperators();
void RegisterTextSearchFunctions();  // to_tsvector, to_tsquery, ... (to_tsany.cpp); calls the next two
void RegisterTsDebugFunctions();     // ts_lexize, ts_debug (ts_debug.cpp)
void RegisterTsHeadlineFunctions();  // ts_headline (ts_headline.cpp)
void RegisterTextSearchOperators();  // text @@ tsquery, text @@ text
void RegisterTsRankFunctions();      // ts_rank (ts_rank.cpp); calls the next one
void RegisterTsRankCdFunctions();    // ts_rank_cd (ts_rank_cd.cpp)
void RegisterTsRewriteFunctions();   // ts_rewrite (ts_rewrite.cpp); calls the next two
void RegisterTsRewriteQueryFunction();  // ts_rewrite(query, select text) (ts_rewrite_query.cpp)
void RegisterTsStatFunctions();      // ts_stat (ts_stat.cpp)

}  // namespace tusk
