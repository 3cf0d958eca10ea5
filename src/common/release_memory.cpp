#include "common/release_memory.hpp"

#include <malloc.h>

// Declared weak: defined only when tcmalloc is linked in (CMakeLists.txt links it into the
// tusk program), null otherwise. With tcmalloc in place glibc's malloc_trim finds nothing.
extern "C" void MallocExtension_ReleaseFreeMemory(void) __attribute__((weak));

namespace tusk {

void ReleaseFreeMemory() {
  if (MallocExtension_ReleaseFreeMemory) MallocExtension_ReleaseFreeMemory();
  else malloc_trim(0);
}

}  // namespace tusk
