// Types that live in a folder of their own (types/tsearch, later types/vector) register how
// their values are read, written, sent and compared here, at start-up, instead of adding cases
// to text_io, binary_io and compare. A registered type's Value is a string holding its stored
// form.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace tusk {

struct TypeHooks {
  std::string (*parse_text)(std::string_view text) = nullptr;     // input function: text -> stored form
  std::string (*format_text)(std::string_view stored) = nullptr;  // output function
  std::string (*send)(std::string_view stored) = nullptr;         // binary output
  std::string (*recv)(std::string_view binary) = nullptr;         // binary input -> stored form
  int (*compare)(std::string_view a, std::string_view b) = nullptr;  // the btree order: <0, 0, >0
  size_t (*hash)(std::string_view stored) = nullptr;               // equal values hash alike
  // Appends a btree key whose bytes sort as `compare` orders (a column's key in an index).
  void (*encode_key)(std::string_view stored, std::string* out) = nullptr;
};

// Registers the hooks of a type (once, at start-up, before any session runs).
void RegisterTypeHooks(uint32_t type_oid, const TypeHooks& hooks);
// The hooks of a type, or nullptr when it registered none.
const TypeHooks* FindTypeHooks(uint32_t type_oid);

}  // namespace tusk
