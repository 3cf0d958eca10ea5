// What jsonb's GIN classes (jsonb_gin.cpp) and their jsonpath queries (jsonpath_gin.cpp) share:
// how a scalar, a key path and a leaf become index entries.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "access/gin/gin.hpp"
#include "types/json/jsonb.hpp"

namespace tusk {

// jsonb_ops' entry for a scalar value ('S' string, 'N' number, 'B' boolean, 'Z' null).
std::string JsonbGinScalarEntry(const Jsonb& v);
// A number's entry ('N' and its text, where equal values agree: 1.50 and 1.5) appended to *out.
void AppendJsonbGinNumberEntry(std::string_view number, std::string* out);
// jsonb_path_ops: the hash of a key path extended by one key, and a leaf's entry under a path
// (from the leaf's scalar entry, or from the scalar).
size_t JsonbGinPathStep(size_t path_hash, std::string_view key);
std::string JsonbGinLeafEntry(size_t path_hash, std::string_view scalar_entry);
std::string JsonbGinLeafEntry(size_t path_hash, const Jsonb& scalar);
// jsonb_path_ops' entries of a value under a path (0 for a whole document)...
void JsonbPathEntries(const Jsonb& v, size_t path_hash, std::vector<std::string>* out);
// ... and of a stored value, read from its canonical text without building its tree
// (jsonb_gin_stored.cpp). The same entries, in the same order.
void JsonbStoredPathEntries(std::string_view canonical, std::vector<std::string>* out);
// The entries a jsonpath query needs, as PostgreSQL's extract_jsp_query finds them (a
// conservative superset when its AND/OR tree does not fit one GinQuery): `exists` for @?,
// else @@; `path_ops` for jsonb_path_ops.
GinQuery JsonPathGinQuery(const std::string& path_text, bool exists, bool path_ops);

}  // namespace tusk
