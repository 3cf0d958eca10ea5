// Memory for one unpacked parse tree. Unpacking a statement allocates a few hundred small
// nodes, and freeing them one by one cost as much as unpacking them; an arena hands out
// memory from a few blocks and frees the blocks together with the tree.
#pragma once
#include <cstddef>
#include <memory>
#include <vector>

#include <protobuf-c/protobuf-c.h>

namespace tusk {

class ParseArena {
 public:
  ParseArena();
  ParseArena(const ParseArena&) = delete;
  ParseArena& operator=(const ParseArena&) = delete;
  void* Allocate(size_t size);
  // For protobuf-c's unpack functions; its free is a no-op.
  ProtobufCAllocator* allocator() { return &allocator_; }

 private:
  std::vector<std::unique_ptr<unsigned char[]>> blocks_;
  size_t used_ = 0, capacity_ = 0;
  ProtobufCAllocator allocator_;
};

}  // namespace tusk
