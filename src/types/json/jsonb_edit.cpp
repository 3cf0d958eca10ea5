#include "types/json/jsonb_edit.hpp"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>

#include "common/error.hpp"
#include "common/stack_depth.hpp"

namespace tusk {

namespace {
// A path step as an array index: C's strtol over the whole text (leading blanks and a sign
// allowed, nothing after the digits), within int.
std::optional<int> ArrayIndex(const std::string& step) {
  const char* s = step.c_str();
  char* end = nullptr;
  errno = 0;
  long v = std::strtol(s, &end, 10);
  if (end == s || *end != '\0' || errno != 0 || v < INT_MIN || v > INT_MAX) return std::nullopt;
  return static_cast<int>(v);
}

size_t RootCount(const Jsonb& v) { return v.is_array() ? v.items.size() : v.is_object() ? v.members.size() : 1; }
}  // namespace

const Jsonb* JsonbElement(const Jsonb& doc, int64_t index) {
  if (doc.is_object()) return nullptr;
  const int64_t n = doc.is_array() ? static_cast<int64_t>(doc.items.size()) : 1;
  if (index < 0) index += n;
  if (index < 0 || index >= n) return nullptr;
  return doc.is_array() ? &doc.items[static_cast<size_t>(index)] : &doc;
}

const Jsonb* JsonbAtPath(const Jsonb& doc, const JsonbPath& path) {
  const Jsonb* at = &doc;
  for (const auto& step : path) {
    if (!step) return nullptr;
    if (at->is_object()) {
      at = at->Find(*step);
    } else if (at->is_array()) {
      std::optional<int> index = ArrayIndex(*step);
      if (!index) return nullptr;
      int64_t i = *index;
      if (i < 0) i += static_cast<int64_t>(at->items.size());
      at = i >= 0 && i < static_cast<int64_t>(at->items.size()) ? &at->items[static_cast<size_t>(i)] : nullptr;
    } else {
      return nullptr;
    }
    if (!at) return nullptr;
  }
  return at;
}

namespace {
struct PathEditor {
  const JsonbPath& path;
  const Jsonb& value;
  JsonbPathEdit edit;

  bool creates() const { return edit != JsonbPathEdit::kReplace && edit != JsonbPathEdit::kDelete; }
  bool fills() const { return edit == JsonbPathEdit::kAssign; }
  bool inserts() const { return edit == JsonbPathEdit::kInsertBefore || edit == JsonbPathEdit::kInsertAfter; }
  bool last(size_t level) const { return level + 1 == path.size(); }

  void Edit(Jsonb* v, size_t level) {
    CheckStackDepth();
    if (!path[level])
      throw Error(sqlstate::kNullValueNotAllowed, "path element at position " + std::to_string(level + 1) + " is null");
    if (v->is_object()) EditObject(v, level);
    else if (v->is_array()) EditArray(v, level);
    else if (fills())
      throw Error(sqlstate::kInvalidParameterValue, "cannot replace existing key")
          .WithDetail("The path assumes key is a composite object, but it is a scalar value.");
  }

  // The value at path[level..], made of empty containers: an array (padded with nulls to the
  // index) where a step is an integer, else an object.
  Jsonb Built(size_t level) const {
    if (level == path.size()) return value;
    std::optional<int> index = path[level] ? ArrayIndex(*path[level]) : std::nullopt;
    if (!index) {
      Jsonb obj = Jsonb::Object();
      obj.Set(path[level] ? *path[level] : std::string(), Built(level + 1));
      return obj;
    }
    std::vector<Jsonb> items(static_cast<size_t>(std::max(0, *index)));
    items.push_back(Built(level + 1));
    return Jsonb::Array(std::move(items));
  }

  void EditObject(Jsonb* obj, size_t level) {
    const std::string& key = *path[level];
    Jsonb* found = obj->Find(key);
    if (!found) {
      if (creates() && last(level)) obj->Set(key, value);
      else if (fills()) obj->Set(key, Built(level + 1));
      return;
    }
    if (!last(level)) return Edit(found, level + 1);
    if (inserts())
      throw Error(sqlstate::kInvalidParameterValue, "cannot replace existing key")
          .WithHint("Try using the function jsonb_set to replace key value.");
    if (edit == JsonbPathEdit::kDelete) obj->Erase(key);
    else *found = value;
  }

  void EditArray(Jsonb* arr, size_t level) {
    const std::string& step = *path[level];
    std::optional<int> parsed = ArrayIndex(step);
    if (!parsed)
      throw Error(sqlstate::kInvalidTextRepresentation,
                  "path element at position " + std::to_string(level + 1) + " is not an integer: \"" + step + "\"");
    const int64_t n = static_cast<int64_t>(arr->items.size());
    int64_t index = *parsed;
    bool before_all = false;  // a negative index past the start: a new element goes first
    if (index < 0) {
      if (-index > n && fills())
        throw Error(sqlstate::kInvalidParameterValue, "path element at position " + std::to_string(level + 1) +
                                                          " is out of range: " + std::to_string(index));
      if (-index > n) before_all = true;
      else index += n;
    }
    if (index > n && fills()) {  // past the end: nulls up to the index
      arr->items.resize(static_cast<size_t>(index));
      arr->items.push_back(Built(level + 1));
      return;
    }
    if (index > n) index = n;
    if ((before_all || n == 0) && last(level) && creates()) {
      arr->items.insert(arr->items.begin(), value);
      return;
    }
    if (!before_all && index < n) {
      auto at = arr->items.begin() + index;
      if (!last(level)) return Edit(&*at, level + 1);
      switch (edit) {
        case JsonbPathEdit::kCreate:
        case JsonbPathEdit::kAssign:
        case JsonbPathEdit::kReplace: *at = value; break;
        case JsonbPathEdit::kInsertBefore: arr->items.insert(at, value); break;
        case JsonbPathEdit::kInsertAfter: arr->items.insert(at + 1, value); break;
        case JsonbPathEdit::kDelete: arr->items.erase(at); break;
      }
      return;
    }
    if (creates() && last(level)) arr->items.push_back(value);
    else if (fills()) arr->items.push_back(Built(level + 1));
  }
};
}  // namespace

void EditJsonbPath(Jsonb* doc, const JsonbPath& path, const Jsonb& value, JsonbPathEdit edit) {
  if (path.empty()) return;
  PathEditor{path, value, edit}.Edit(doc, 0);
}

Jsonb ConcatJsonb(Jsonb a, Jsonb b) {
  // Of two objects or two arrays, an empty one gives the other unchanged.
  if (a.is_object() == b.is_object()) {
    if (RootCount(a) == 0 && !b.is_scalar()) return b;
    if (RootCount(b) == 0 && !a.is_scalar()) return a;
  }
  if (a.is_object() && b.is_object()) {
    for (auto& [key, v] : b.members) a.Set(std::move(key), std::move(v));
    return a;
  }
  // Otherwise an array: a top-level scalar counts as a one-element array, an object as one element.
  auto elements = [](Jsonb v) {
    if (v.is_array()) return std::move(v.items);
    std::vector<Jsonb> one;
    one.push_back(std::move(v));
    return one;
  };
  std::vector<Jsonb> items = elements(std::move(a));
  for (Jsonb& e : elements(std::move(b))) items.push_back(std::move(e));
  return Jsonb::Array(std::move(items));
}

Jsonb DeleteJsonbKeys(Jsonb a, const std::vector<std::string>& keys) {
  if (a.is_scalar()) throw Error(sqlstate::kInvalidParameterValue, "cannot delete from scalar");
  if (a.is_object()) {
    for (const std::string& k : keys) a.Erase(k);
    return a;
  }
  std::erase_if(a.items, [&](const Jsonb& e) {
    return e.kind == Jsonb::Kind::kString && std::find(keys.begin(), keys.end(), e.text) != keys.end();
  });
  return a;
}

Jsonb DeleteJsonbIndex(Jsonb a, int64_t index) {
  if (a.is_scalar()) throw Error(sqlstate::kInvalidParameterValue, "cannot delete from scalar");
  if (a.is_object()) throw Error(sqlstate::kInvalidParameterValue, "cannot delete from object using integer index");
  const int64_t n = static_cast<int64_t>(a.items.size());
  if (index < 0) index += n;
  if (index >= 0 && index < n) a.items.erase(a.items.begin() + index);
  return a;
}

}  // namespace tusk
