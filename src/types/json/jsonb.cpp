// The jsonb tree's pieces, and what PostgreSQL's jsonb_util.c decides over it: the btree order,
// a hash consistent with it, containment (@>) and key existence (?).
#include "types/json/jsonb.hpp"

#include <algorithm>
#include <functional>

#include "common/stack_depth.hpp"
#include "types/compare.hpp"
#include "types/numeric.hpp"

namespace tusk {

Jsonb Jsonb::String(std::string s) {
  Jsonb j;
  j.kind = Kind::kString;
  j.text = std::move(s);
  return j;
}

Jsonb Jsonb::Number(std::string numeric_text) {
  Jsonb j;
  j.kind = Kind::kNumber;
  j.text = std::move(numeric_text);
  return j;
}

Jsonb Jsonb::Bool(bool b) {
  Jsonb j;
  j.kind = Kind::kBool;
  j.boolean = b;
  return j;
}

Jsonb Jsonb::Array(std::vector<Jsonb> items) {
  Jsonb j;
  j.kind = Kind::kArray;
  j.items = std::move(items);
  return j;
}

namespace {
template <typename Members>
auto LowerBound(Members& members, std::string_view key) {
  return std::lower_bound(members.begin(), members.end(), key,
                          [](const Jsonb::Member& m, std::string_view k) { return Jsonb::KeyLess(m.first, k); });
}
}  // namespace

const Jsonb* Jsonb::Find(std::string_view key) const {
  auto it = LowerBound(members, key);
  return it != members.end() && it->first == key ? &it->second : nullptr;
}

Jsonb* Jsonb::Find(std::string_view key) {
  auto it = LowerBound(members, key);
  return it != members.end() && it->first == key ? &it->second : nullptr;
}

void Jsonb::Set(std::string key, Jsonb value) {
  auto it = LowerBound(members, key);
  if (it != members.end() && it->first == key) it->second = std::move(value);
  else members.emplace(it, std::move(key), std::move(value));
}

bool Jsonb::Erase(std::string_view key) {
  auto it = LowerBound(members, key);
  if (it == members.end() || it->first != key) return false;
  members.erase(it);
  return true;
}

void Jsonb::SortMembers() {
  // Stable, so that of equal keys the one written last ends up last: keep that one.
  std::stable_sort(members.begin(), members.end(), [](const Member& a, const Member& b) { return KeyLess(a.first, b.first); });
  size_t out = 0;
  for (size_t i = 0; i < members.size(); i++) {
    if (i + 1 < members.size() && members[i + 1].first == members[i].first) continue;
    if (out != i) members[out] = std::move(members[i]);
    out++;
  }
  members.resize(out);
}

namespace {
int CompareNumbers(const std::string& a, const std::string& b) {
  if (a == b) return 0;
  Numeric x, y;
  Numeric::Parse(a, &x);
  Numeric::Parse(b, &y);
  return x.Compare(y);
}

// Strings compare bytewise (the "C" collation), a prefix first.
int CompareStrings(const std::string& a, const std::string& b) {
  int c = a.compare(b);
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

int CompareScalars(const Jsonb& a, const Jsonb& b) {
  switch (a.kind) {
    case Jsonb::Kind::kNull: return 0;
    case Jsonb::Kind::kString: return CompareStrings(a.text, b.text);
    case Jsonb::Kind::kNumber: return CompareNumbers(a.text, b.text);
    case Jsonb::Kind::kBool: return static_cast<int>(a.boolean) - static_cast<int>(b.boolean);
    default: return 0;
  }
}

// Two values at the same place of both documents. Containers of one kind compare by size
// first (an array's length, an object's number of pairs), then item by item: for objects the
// keys in jsonb's key order, each key before its value.
int CompareNested(const Jsonb& a, const Jsonb& b) {
  CheckStackDepth();
  if (a.kind != b.kind) return a.kind > b.kind ? 1 : -1;
  if (a.is_array()) {
    if (a.items.size() != b.items.size()) return a.items.size() > b.items.size() ? 1 : -1;
    for (size_t i = 0; i < a.items.size(); i++)
      if (int c = CompareNested(a.items[i], b.items[i])) return c;
    return 0;
  }
  if (a.is_object()) {
    if (a.members.size() != b.members.size()) return a.members.size() > b.members.size() ? 1 : -1;
    for (size_t i = 0; i < a.members.size(); i++) {
      if (int c = CompareStrings(a.members[i].first, b.members[i].first)) return c;
      if (int c = CompareNested(a.members[i].second, b.members[i].second)) return c;
    }
    return 0;
  }
  return CompareScalars(a, b);
}

bool EqualScalars(const Jsonb& a, const Jsonb& b) { return a.kind == b.kind && CompareScalars(a, b) == 0; }
}  // namespace

int CompareJsonb(const Jsonb& a, const Jsonb& b) {
  // A top-level scalar is a one-element "raw scalar" array to PostgreSQL: against a real array
  // it sorts first unless the lengths differ, which is why '[]' < 'null'.
  if (a.is_scalar() != b.is_scalar() && (a.is_array() || b.is_array())) {
    size_t na = a.is_scalar() ? 1 : a.items.size(), nb = b.is_scalar() ? 1 : b.items.size();
    if (na != nb) return na > nb ? 1 : -1;
    return a.is_scalar() ? -1 : 1;
  }
  return CompareNested(a, b);
}

size_t HashJsonb(const Jsonb& v) {
  size_t h = static_cast<size_t>(v.kind) * 0x9e3779b97f4a7c15ULL;
  auto mix = [&h](size_t x) { h ^= x + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2); };
  switch (v.kind) {
    case Jsonb::Kind::kNull: break;
    case Jsonb::Kind::kString: mix(std::hash<std::string>()(v.text)); break;
    case Jsonb::Kind::kNumber: mix(HashValue(Type(oid::kNumeric), Value::Str(v.text))); break;  // 1.50 as 1.5
    case Jsonb::Kind::kBool: mix(v.boolean ? 1 : 2); break;
    case Jsonb::Kind::kArray:
      for (const Jsonb& e : v.items) mix(HashJsonb(e));
      break;
    case Jsonb::Kind::kObject:
      for (const auto& [k, e] : v.members) {
        mix(std::hash<std::string>()(k));
        mix(HashJsonb(e));
      }
      break;
  }
  return h;
}

namespace {
bool DeepContains(const Jsonb& a, const Jsonb& b) {
  CheckStackDepth();
  if (a.kind != b.kind) return false;
  if (a.is_object()) {
    if (a.members.size() < b.members.size()) return false;
    for (const auto& [key, want] : b.members) {
      const Jsonb* have = a.Find(key);
      if (!have || have->kind != want.kind) return false;
      if (want.is_scalar() ? !EqualScalars(*have, want) : !DeepContains(*have, want)) return false;
    }
    return true;
  }
  // Arrays: every element of b is somewhere in a. A scalar must equal one of a's scalars; a
  // container must be contained in one of a's containers.
  for (const Jsonb& want : b.items) {
    bool found = false;
    for (const Jsonb& have : a.items) {
      if (want.is_scalar() ? EqualScalars(have, want) : (!have.is_scalar() && DeepContains(have, want))) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}
}  // namespace

bool JsonbContains(const Jsonb& a, const Jsonb& b) {
  // Top-level scalars are raw-scalar arrays: an array may contain one, a scalar contains only
  // an equal scalar, never an array.
  if (a.is_scalar() || b.is_scalar()) {
    if (a.is_scalar() && b.is_scalar()) return EqualScalars(a, b);
    if (a.is_array() && b.is_scalar()) {
      for (const Jsonb& have : a.items)
        if (EqualScalars(have, b)) return true;
      return false;
    }
    return false;
  }
  return DeepContains(a, b);
}

bool JsonbHasKey(const Jsonb& a, std::string_view key) {
  if (a.is_object()) return a.Find(key) != nullptr;
  if (a.is_array()) {
    for (const Jsonb& e : a.items)
      if (e.kind == Jsonb::Kind::kString && e.text == key) return true;
    return false;
  }
  return a.kind == Jsonb::Kind::kString && a.text == key;
}

}  // namespace tusk
