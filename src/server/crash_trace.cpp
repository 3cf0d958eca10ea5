#include "server/crash_trace.hpp"

#include <dlfcn.h>
#include <elf.h>
#include <execinfo.h>
#include <link.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <map>

namespace tusk {

namespace {

constexpr int kMaxFrames = 64;
constexpr int kFatalSignals[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT};
int g_trace_fd = -1;

// Async-signal-safe: backtrace() was called once before (it loads libgcc lazily), write() is safe.
// The record is [count][count addresses]; when two threads crash at once, the first wins.
void OnFatalSignal(int sig) {
  void* frames[kMaxFrames];
  int n = backtrace(frames, kMaxFrames);
  if (g_trace_fd >= 0) {
    uint32_t count = static_cast<uint32_t>(n);
    if (write(g_trace_fd, &count, sizeof count) == sizeof count) {
      (void)!write(g_trace_fd, frames, sizeof(void*) * static_cast<size_t>(n));
    }
    g_trace_fd = -1;
  }
  // SA_RESETHAND restored the default action: dying of `sig` tells the supervisor what happened.
  raise(sig);
}

bool SanitizerBuild() {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
  return true;
#endif
#endif
  return false;
}

struct Frame {
  std::string object;  // file the address belongs to
  std::string name;    // its short name, for "(tusk+0x...)"
  uintptr_t offset;    // address within that file, as addr2line reads it
  std::string symbol;  // filled by addr2line, or dladdr's exported name
};

std::string BaseName(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Where the executable itself starts in memory: dl_iterate_phdr lists it first.
uintptr_t ExecutableBase() {
  uintptr_t base = 0;
  dl_iterate_phdr(
      [](dl_phdr_info* info, size_t, void* out) {
        uintptr_t lowest = UINTPTR_MAX;
        for (int i = 0; i < info->dlpi_phnum; i++)
          if (info->dlpi_phdr[i].p_type == PT_LOAD && info->dlpi_phdr[i].p_vaddr < lowest) lowest = info->dlpi_phdr[i].p_vaddr;
        *static_cast<uintptr_t*>(out) = info->dlpi_addr + lowest;
        return 1;  // the first entry is enough
      },
      &base);
  return base;
}

// The executable's own path: "/proc/self/exe" would mean addr2line itself in addr2line.
std::string ExecutablePath() {
  char path[4096];
  ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
  return n > 0 ? std::string(path, static_cast<size_t>(n)) : std::string();
}

Frame Locate(uintptr_t address) {
  Frame f{"", "?", address, ""};
  Dl_info info{};
  if (!dladdr(reinterpret_cast<void*>(address), &info) || !info.dli_fname) return f;
  auto base = reinterpret_cast<uintptr_t>(info.dli_fbase);
  // Position-independent files (ET_DYN) are read by addr2line at offsets from their base; a
  // fixed-address executable (ET_EXEC) at the address itself.
  auto* header = static_cast<const Elf64_Ehdr*>(info.dli_fbase);
  f.offset = header && header->e_type == ET_EXEC ? address : address - base;
  bool executable = base == ExecutableBase();
  f.object = executable ? ExecutablePath() : info.dli_fname;
  f.name = executable ? "tusk" : BaseName(info.dli_fname);
  if (info.dli_sname) f.symbol = info.dli_sname;
  return f;
}

// Names the frames of one file with addr2line (binutils), which reads the full symbol table,
// static functions included, and demangles. Without it the dladdr name or the offset remains.
void NameWithAddr2line(const std::string& object, std::vector<Frame*>& frames) {
  std::string cmd = "addr2line -C -f -e '" + object + "'";
  char hex[32];
  for (Frame* f : frames) {
    std::snprintf(hex, sizeof hex, " 0x%jx", static_cast<uintmax_t>(f->offset));
    cmd += hex;
  }
  cmd += " 2>/dev/null";
  FILE* out = popen(cmd.c_str(), "r");
  if (!out) return;
  char line[4096];
  for (Frame* f : frames) {
    if (!std::fgets(line, sizeof line, out)) break;
    std::string name(line);
    if (!name.empty() && name.back() == '\n') name.pop_back();
    if (!std::fgets(line, sizeof line, out)) break;  // file:line, "??:0" without debug info
    std::string where(line);
    if (!where.empty() && where.back() == '\n') where.pop_back();
    if (name != "??") f->symbol = name;
    if (where.rfind("??", 0) != 0 && where.find(":?") == std::string::npos) f->symbol += " at " + where;
  }
  pclose(out);
}

}  // namespace

void InstallCrashTrace(int fd) {
  if (SanitizerBuild()) return;
  g_trace_fd = fd;
  void* warm[1];
  backtrace(warm, 1);
  struct sigaction sa {};
  sa.sa_handler = OnFatalSignal;
  sa.sa_flags = SA_RESETHAND | SA_NODEFER;
  sigemptyset(&sa.sa_mask);
  for (int sig : kFatalSignals) sigaction(sig, &sa, nullptr);
}

std::vector<std::string> ReadCrashTrace(int fd) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  uint32_t count = 0;
  if (read(fd, &count, sizeof count) != sizeof count || count == 0 || count > kMaxFrames) return {};
  void* raw[kMaxFrames];
  ssize_t got = read(fd, raw, sizeof(void*) * count);
  if (got <= 0) return {};
  size_t n = static_cast<size_t>(got) / sizeof(void*);
  // Frame 0 is OnFatalSignal and frame 1 the kernel's signal trampoline; frame 2 is where the
  // crash happened, and every frame after it a return address, which points past its call.
  std::vector<Frame> frames;
  for (size_t i = 2; i < n; i++) frames.push_back(Locate(reinterpret_cast<uintptr_t>(raw[i]) - (i > 2 ? 1 : 0)));
  std::map<std::string, std::vector<Frame*>> by_object;
  for (Frame& f : frames)
    if (!f.object.empty()) by_object[f.object].push_back(&f);
  for (auto& [object, list] : by_object) NameWithAddr2line(object, list);
  std::vector<std::string> lines;
  char where[64];
  for (const Frame& f : frames) {
    std::snprintf(where, sizeof where, "+0x%jx", static_cast<uintmax_t>(f.offset));
    lines.push_back((f.symbol.empty() ? std::string("??") : f.symbol) + " (" + f.name + where + ")");
  }
  return lines;
}

}  // namespace tusk
