// jsonb_path_ops' extraction straight from a stored value's canonical text (stored_text.hpp).
// An index build and every write extract the entries of each row's document; building its
// Jsonb tree first (parsing, and a string and a vector per node) was a tenth of a GIN index
// build, for entries that need only each leaf's key path and text.
#include <string>
#include <string_view>
#include <vector>

#include "common/stack_depth.hpp"
#include "types/json/jsonb_gin.hpp"
#include "types/json/stored_text.hpp"

namespace tusk {

namespace {

class StoredPathWalker {
 public:
  StoredPathWalker(std::string_view text, std::vector<std::string>* out) : c_(text), out_(out) {}

  void Run() {
    Value(0);
    if (!c_.at_end()) StoredJsonbCursor::Corrupt();
  }

 private:
  void Value(size_t path) {
    CheckStackDepth();
    switch (c_.Peek()) {
      case '{': Object(path); return;
      case '[': Array(path); return;
      default: Leaf(path);
    }
  }

  void Object(size_t path) {
    c_.Elements('}', [&] {
      scratch_.clear();
      c_.AppendString(&scratch_);
      const size_t member_path = JsonbGinPathStep(path, scratch_);
      c_.Expect(": ");
      Value(member_path);
    });
  }

  // Array levels do not count in a path: containment reaches through them.
  void Array(size_t path) {
    c_.Elements(']', [&] { Value(path); });
  }

  // The leaf's scalar entry, as JsonbGinScalarEntry makes it from the parsed value.
  void Leaf(size_t path) {
    scratch_.clear();
    const char c = c_.Peek();
    if (c == '"') {
      scratch_ += 'S';
      c_.AppendString(&scratch_);
    } else if (c == 't') {
      c_.Expect("true");
      scratch_ = "Bt";
    } else if (c == 'f') {
      c_.Expect("false");
      scratch_ = "Bf";
    } else if (c == 'n') {
      c_.Expect("null");
      scratch_ = "Z";
    } else {
      AppendJsonbGinNumberEntry(c_.Number(), &scratch_);
    }
    out_->push_back(JsonbGinLeafEntry(path, scratch_));
  }

  StoredJsonbCursor c_;
  std::vector<std::string>* out_;
  std::string scratch_;  // a key, then a leaf's entry: neither is needed once hashed
};

}  // namespace

void JsonbStoredPathEntries(std::string_view canonical, std::vector<std::string>* out) {
  StoredPathWalker(canonical, out).Run();
}

}  // namespace tusk
