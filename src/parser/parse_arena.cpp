#include "parser/parse_arena.hpp"

#include <algorithm>

namespace tusk {

namespace {
constexpr size_t kAlign = alignof(std::max_align_t);
constexpr size_t kFirstBlock = 4096, kLargestBlock = 1 << 20;
}  // namespace

ParseArena::ParseArena() {
  allocator_.alloc = [](void* arena, size_t size) { return static_cast<ParseArena*>(arena)->Allocate(size); };
  allocator_.free = [](void*, void*) {};
  allocator_.allocator_data = this;
}

void* ParseArena::Allocate(size_t size) {
  size = (size + kAlign - 1) / kAlign * kAlign;
  if (used_ + size > capacity_) {
    size_t next = blocks_.empty() ? kFirstBlock : std::min(capacity_ * 2, kLargestBlock);
    capacity_ = std::max(next, size);
    blocks_.emplace_back(new unsigned char[capacity_]);
    used_ = 0;
  }
  void* p = blocks_.back().get() + used_;
  used_ += size;
  return p;
}

}  // namespace tusk
