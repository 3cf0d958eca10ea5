// jsonb as a tree. A stored jsonb value is its canonical text (keys of an object unique and in
// jsonb's order, numbers in numeric form, ", " and ": " between items); operators and functions
// read that text into a Jsonb, work on the tree and write it back.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tusk {

struct JsonbMember;

struct Jsonb {
  // In the order jsonb's btree class sorts kinds: null < string < number < boolean < array < object.
  enum class Kind : uint8_t { kNull, kString, kNumber, kBool, kArray, kObject };
  using Member = JsonbMember;

  Kind kind = Kind::kNull;
  bool boolean = false;
  std::string text;              // a string's characters, or a number's numeric text
  std::vector<Jsonb> items;      // an array's elements
  std::vector<Member> members;   // an object's pairs, keys unique, in KeyLess order

  static Jsonb Null();
  static Jsonb String(std::string s);
  static Jsonb Number(std::string numeric_text);
  static Jsonb Bool(bool b);
  static Jsonb Array(std::vector<Jsonb> items);
  static Jsonb Object();

  bool is_scalar() const { return kind < Kind::kArray; }
  bool is_array() const { return kind == Kind::kArray; }
  bool is_object() const { return kind == Kind::kObject; }

  // The value under key in an object, or null.
  const Jsonb* Find(std::string_view key) const;
  Jsonb* Find(std::string_view key);
  // Sets key to value (replacing an existing pair), keeping the pairs in order.
  void Set(std::string key, Jsonb value);
  // Removes key; false when the object had no such key.
  bool Erase(std::string_view key);
  // Puts pairs collected in any order into jsonb's order; of duplicate keys the last one wins.
  void SortMembers();

  // jsonb's key order: shorter keys first, then bytewise.
  static bool KeyLess(std::string_view a, std::string_view b) {
    return a.size() != b.size() ? a.size() < b.size() : a < b;
  }
};

// An object's pair (a struct rather than std::pair: Jsonb is still incomplete in its members).
struct JsonbMember {
  JsonbMember() = default;
  JsonbMember(std::string k, Jsonb v) : first(std::move(k)), second(std::move(v)) {}
  std::string first;
  Jsonb second;
};

inline Jsonb Jsonb::Null() { return Jsonb(); }
inline Jsonb Jsonb::Object() {
  Jsonb j;
  j.kind = Kind::kObject;
  return j;
}

// Reads JSON text as the jsonb input function does: 22P02 with PostgreSQL's DETAIL and CONTEXT
// for bad input, numbers normalized, duplicate keys resolved.
Jsonb ParseJsonb(std::string_view text);
// Reads a stored jsonb value (text that ParseJsonb's writer produced), trusting its form.
Jsonb ReadStoredJsonb(std::string_view canonical);
// The canonical text (jsonb's output function).
std::string WriteJsonb(const Jsonb& v);
void AppendJsonb(const Jsonb& v, std::string* out);
// jsonb_pretty's layout: four-space indents, one item per line.
std::string WriteJsonbPretty(const Jsonb& v);
// What ->> and the *_text functions give for a value: a string's characters, other scalars
// and containers as their jsonb text (a JSON null is SQL NULL: callers check first).
std::string JsonbAsText(const Jsonb& v);
// jsonb_typeof's names: object, array, string, number, boolean, null.
const char* JsonbTypeName(const Jsonb& v);

// jsonb's btree order, as PostgreSQL compares two top-level values (a top-level scalar counts
// as a one-element "raw scalar" array there, which puts an empty array before null).
int CompareJsonb(const Jsonb& a, const Jsonb& b);
// Consistent with CompareJsonb's equality: numbers that compare equal hash alike.
size_t HashJsonb(const Jsonb& v);
// a @> b as PostgreSQL's JsonbDeepContains decides it.
bool JsonbContains(const Jsonb& a, const Jsonb& b);
// The same, with `a` a stored value's canonical text, read without building its tree.
bool StoredJsonbContains(std::string_view a, const Jsonb& b);
// a ? key: a top-level key of an object, a string element of an array, or a string scalar.
bool JsonbHasKey(const Jsonb& a, std::string_view key);

}  // namespace tusk
