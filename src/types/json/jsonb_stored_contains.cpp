// `stored @> query` read straight from the stored value's canonical text (stored_text.hpp).
// A GIN scan re-checks every candidate row this way; building each row's Jsonb tree first (a
// string and a vector per node, for a document the query mostly does not look into) was a
// sixth of a jsonb_path_ops count query. Objects are walked in key order against the query's
// keys, which are in the same order (jsonb's: length, then bytes), and values the query does
// not name are skipped without being read. Decides as JsonbContains does (jsonb.cpp).
#include <string>
#include <string_view>
#include <vector>

#include "common/stack_depth.hpp"
#include "types/json/jsonb.hpp"
#include "types/json/stored_text.hpp"

namespace tusk {

namespace {

class StoredContains {
 public:
  explicit StoredContains(std::string_view stored) : root_(stored) {}

  bool Run(const Jsonb& query) { return Contains(&root_, query); }

 private:
  // Whether the container at *c holds `want` (a container). On true the cursor is past the
  // value; on false it is anywhere in it (callers that go on use a cursor of their own).
  bool Contains(StoredJsonbCursor* c, const Jsonb& want) {
    CheckStackDepth();
    const char open = c->Peek();
    if (want.is_object()) return open == '{' && ObjectContains(c, want);
    return open == '[' && ArrayContains(c, want);
  }

  bool ObjectContains(StoredJsonbCursor* c, const Jsonb& want) {
    const size_t n = want.members.size();
    size_t next = 0;  // the first wanted member not yet met
    c->Enter();
    for (bool first = true; c->More('}', first); first = false) {
      key_.clear();
      c->AppendString(&key_);
      c->Expect(": ");
      if (next < n && Jsonb::KeyLess(want.members[next].first, key_)) return false;  // passed: absent
      if (next < n && want.members[next].first == key_) {
        const Jsonb& value = want.members[next++].second;
        if (!(value.is_scalar() ? ScalarEquals(c, value) : Contains(c, value))) return false;
      } else {
        c->SkipValue();
      }
    }
    return next == n;
  }

  bool ArrayContains(StoredJsonbCursor* c, const Jsonb& want) {
    std::vector<std::string_view> elements;
    c->Elements(']', [&] {
      const size_t start = c->position();
      c->SkipValue();
      elements.push_back(c->text().substr(start, c->position() - start));
    });
    for (const Jsonb& item : want.items) {
      bool found = false;
      for (std::string_view element : elements) {
        StoredJsonbCursor e(element);
        if (item.is_scalar() ? ScalarEquals(&e, item) : Contains(&e, item)) {
          found = true;
          break;
        }
      }
      if (!found) return false;
    }
    return true;
  }

  // Whether the scalar at *c equals `want` (a scalar); the cursor moves past the value.
  bool ScalarEquals(StoredJsonbCursor* c, const Jsonb& want) {
    switch (c->Peek()) {
      case '"':
        key_.clear();
        c->AppendString(&key_);
        return want.kind == Jsonb::Kind::kString && key_ == want.text;
      case 't': c->Expect("true"); return want.kind == Jsonb::Kind::kBool && want.boolean;
      case 'f': c->Expect("false"); return want.kind == Jsonb::Kind::kBool && !want.boolean;
      case 'n': c->Expect("null"); return want.kind == Jsonb::Kind::kNull;
      case '{':
      case '[': c->SkipValue(); return false;
      default: {
        const std::string_view number = c->Number();
        if (want.kind != Jsonb::Kind::kNumber) return false;
        // Equal as numerics (1.0 = 1): the text decides only when it is the same.
        return number == want.text || CompareJsonb(Jsonb::Number(std::string(number)), want) == 0;
      }
    }
  }

  StoredJsonbCursor root_;
  std::string key_;
};

}  // namespace

bool StoredJsonbContains(std::string_view stored, const Jsonb& query) {
  const char first = stored.empty() ? '\0' : stored[0];
  // Top-level scalars follow their own rules (raw-scalar arrays): the tree decides those.
  if (query.is_scalar() || (first != '{' && first != '[')) return JsonbContains(ReadStoredJsonb(stored), query);
  return StoredContains(stored).Run(query);
}

}  // namespace tusk
