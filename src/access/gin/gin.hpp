// GIN: an inverted index. Each row puts one entry per distinct item of its value (a jsonb key,
// an array element, ...) under the index, keyed
//   index prefix + varint column + varint length + entry bytes + table key
// so that the rows holding one entry are one key range. An operator class says how a value
// becomes entries and which entries a query operator's right-hand value requires: all of them
// (@>, ?&) or any (&&, ?|). Candidates are re-checked against the operator, since entries may
// say more than a row holds (jsonb_path_ops hashes paths; containment is deeper than entries).
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "types/type.hpp"
#include "types/value.hpp"

namespace tusk {

struct BoundIndex;
struct EvalContext;

// A query that is more than all-of / any-of its entries (tsquery's & | !, prefixes): rows
// holding an entry, holding any entry that begins with some bytes, and of their combinations.
// kAtLeast: rows holding at least `at_least` of the children (pg_trgm's `%`: enough shared
// trigrams for the similarity threshold).
struct GinQueryNode {
  enum class Kind { kEntry, kPrefix, kAnd, kOr, kAtLeast, kEveryRow } kind = Kind::kEveryRow;
  std::string entry;                   // kEntry: the entry; kPrefix: what the entries begin with
  std::vector<GinQueryNode> children;  // kAnd, kOr, kAtLeast
  size_t at_least = 0;                 // kAtLeast, at least 1
};

// What a query value asks of the index.
struct GinQuery {
  std::vector<std::string> entries;
  bool all = true;          // every entry (else any one of them)
  bool every_row = false;   // no entry narrows it (@> '{}'): every row is a candidate
  // When set, it decides the candidates instead of `entries` and `all`.
  std::shared_ptr<GinQueryNode> tree;
};

struct GinOperatorClass {
  std::string name;         // jsonb_path_ops
  uint32_t oid = 0;         // pg_opclass OID
  bool is_default = false;  // the class of its type when CREATE INDEX names none
  uint32_t input_type = 0;  // pg_opclass.opcintype (anyarray for array_ops)
  std::function<bool(const Type&)> accepts;
  std::vector<std::string> operators;  // the operators whose left side it indexes
  // The distinct entries of a non-null value.
  std::function<void(const Type&, const Value&, std::vector<std::string>*)> extract;
  // The entries `column op value` needs; value is not null. ctx: the session's settings.
  std::function<GinQuery(const std::string& op, const Type&, const Value&, EvalContext& ctx)> query;
};

void RegisterGinOperatorClass(GinOperatorClass c);
const std::vector<GinOperatorClass>& GinOperatorClasses();
const GinOperatorClass* FindGinOperatorClass(const std::string& name);
// The default class for a column type, or null (42704 "has no default operator class").
const GinOperatorClass* DefaultGinOperatorClass(const Type& t);
// The class an index column uses: its named one, or its type's default.
const GinOperatorClass& GinClassOf(const BoundIndex& idx, size_t column);

// The key prefix of one entry: every row holding it is under this prefix, its table key last.
std::string GinEntryPrefix(uint32_t index, size_t column, const std::string& entry);
// The entry keys of one row (ctx.row), without its table key.
std::vector<std::string> GinRowKeys(const BoundIndex& idx, EvalContext& ctx);

// The longest entry a class may give (a tsvector lexeme's 2,046 bytes): how far a prefix
// search looks.
inline constexpr size_t kGinMaxPrefixEntryBytes = 2047;

// Registered by their type families.
void RegisterJsonbGinOperatorClasses();  // src/types/json/jsonb_gin.cpp
void RegisterTsVectorGinOperatorClass();  // src/types/tsearch/tsvector_gin.cpp
void RegisterArrayGinOperatorClass();    // array_ops.cpp
void RegisterTrigramGinOperatorClass();  // src/types/trgm/trgm_gin.cpp

}  // namespace tusk
