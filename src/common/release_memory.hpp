// Hands the allocator's free memory back to the operating system, after a statement or a
// transaction that grew large, so that one big query does not leave the server at its peak.
#pragma once

namespace tusk {

// tcmalloc's release when the program is linked with it (the tusk server), else glibc's
// malloc_trim (an application embedding the library, sanitizer trees).
void ReleaseFreeMemory();

}  // namespace tusk
