// What jsonb's GIN classes (jsonb_gin.cpp) and their jsonpath queries (jsonpath_gin.cpp) share:
// how a scalar, a key path and a leaf become index entries.
#pragma once
#include <string>

#include "access/gin/gin.hpp"
#include "types/json/jsonb.hpp"

namespace tusk {

// jsonb_ops' entry for a scalar value ('S' string, 'N' number, 'B' boolean, 'Z' null).
std::string JsonbGinScalarEntry(const Jsonb& v);
// jsonb_path_ops: the hash of a key path extended by one key, and a leaf's entry under a path.
size_t JsonbGinPathStep(size_t path_hash, const std::string& key);
std::string JsonbGinLeafEntry(size_t path_hash, const Jsonb& scalar);
// The entries a jsonpath query needs, as PostgreSQL's extract_jsp_query finds them (a
// conservative superset when its AND/OR tree does not fit one GinQuery): `exists` for @?,
// else @@; `path_ops` for jsonb_path_ops.
GinQuery JsonPathGinQuery(const std::string& path_text, bool exists, bool path_ops);

}  // namespace tusk
