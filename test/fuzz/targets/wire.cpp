// libFuzzer target: the PostgreSQL v3 protocol as a client sends it, one whole connection per
// input, served by ServeConnection on one end of a socketpair against a real Database.
//
// Input: byte 0 picks the mode, the rest is what the client sends.
//   (byte0 & 0x0F) == 0x0F   raw: the bytes are the connection from its first byte (startup
//                            phase: SSLRequest, CancelRequest, StartupMessage, SASL)
//   otherwise                a valid StartupMessage for user postgres is sent first, so the
//                            input is the message phase (Q, P, B, D, E, C, S, H, X, d/c/f, ...)
// The client end writes everything, then shutdown(SHUT_WR), and reads and discards the
// responses until the server closes its end; ServeConnection must return (on EOF, X or a
// protocol error) and must never crash. A statement still running when the input is exhausted
// is stopped by the server's client watch (it sees the half-close), so long queries are bounded.
//
// The database (a temporary directory, with a small schema so that names resolve) is opened
// once per process. An input that changed the catalog (committed DDL, roles, ...) is followed by
// a fresh copy of the initial data directory, and so is every 1000th input, so that the state
// an input runs against stays close to the initial one (and a saved crash input reproduces).
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "common/error.hpp"
#include "engine/database.hpp"
#include "engine/session.hpp"
#include "schema.hpp"
#include "server/server.hpp"

namespace {

namespace fs = std::filesystem;

struct Env {
  std::string root;      // scratch directory of this process
  std::string tmpl;      // the initial data directory, never opened after setup
  std::string live;      // the copy in use
  std::unique_ptr<tusk::Database> db;
  std::unique_ptr<tusk::Server> server;
  std::shared_ptr<const tusk::Catalog> initial_catalog;
  uint64_t inputs_since_reset = 0;

  void OpenLive() {
    std::error_code ec;
    fs::remove_all(live, ec);
    fs::copy(tmpl, live, fs::copy_options::recursive);
    db = tusk::Database::Open(live, 8 << 20);
    server = std::make_unique<tusk::Server>(db.get(), tusk::ServerOptions{});
    initial_catalog = db->catalog();
    inputs_since_reset = 0;
  }
  void Close() {
    server.reset();
    initial_catalog.reset();
    db.reset();
  }
  ~Env() {
    Close();
    std::error_code ec;
    fs::remove_all(root, ec);
  }
};

Env* env = nullptr;

void Setup() {
  env = new Env;
  std::string pattern = (fs::temp_directory_path() / "tusk-fuzz-wire-XXXXXX").string();
  if (!mkdtemp(pattern.data())) { perror("mkdtemp"); abort(); }
  env->root = pattern;
  env->tmpl = env->root + "/template";
  env->live = env->root + "/live";
  {
    auto db = tusk::Database::Open(env->tmpl, 8 << 20);
    tusk::Session s(db.get(), "postgres", "postgres");
    tusk::ResultSink sink;
    for (const char* sql : fuzz::kSchema) {
      try {
        s.ExecuteSimple(sql, &sink);
      } catch (const tusk::Error& e) {
        fprintf(stderr, "fuzz_wire: schema statement failed (%s %s): %s\n", e.state(), e.what(), sql);
      }
    }
    s.Close();
  }
  env->OpenLive();
  // Static destructors run when libFuzzer exits normally: close the database, remove the dir.
  atexit([] { delete env; env = nullptr; });
}

void Put32(std::string* s, uint32_t v) {
  for (int sh = 24; sh >= 0; sh -= 8) s->push_back(static_cast<char>((v >> sh) & 0xff));
}

std::string StartupPacket() {
  std::string body;
  Put32(&body, 196608);
  for (const char* kv : {"user", "postgres", "database", "postgres", "application_name", "fuzz_wire"}) {
    body += kv;
    body.push_back('\0');
  }
  body.push_back('\0');
  std::string pkt;
  Put32(&pkt, static_cast<uint32_t>(body.size() + 4));
  return pkt + body;
}

// The client: writes `in`, half-closes, drains the responses until EOF. Never blocks on a
// write while the server is blocked on one (poll on both directions).
void Client(int fd, const std::string& in) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  size_t off = 0;
  bool wr_open = true;
  if (in.empty()) { shutdown(fd, SHUT_WR); wr_open = false; }
  char buf[65536];
  for (;;) {
    pollfd p{fd, static_cast<short>(POLLIN | (wr_open ? POLLOUT : 0)), 0};
    int r = poll(&p, 1, -1);
    if (r < 0) { if (errno == EINTR) continue; break; }
    if (p.revents & POLLIN || p.revents & (POLLHUP | POLLERR)) {
      ssize_t n = recv(fd, buf, sizeof buf, 0);
      if (n == 0) break;  // the server closed its end: ServeConnection returned
      if (n < 0 && errno != EAGAIN && errno != EINTR) break;
    }
    if (wr_open && (p.revents & POLLOUT)) {
      ssize_t n = send(fd, in.data() + off, in.size() - off, MSG_NOSIGNAL);
      if (n > 0) off += static_cast<size_t>(n);
      else if (n < 0 && errno != EAGAIN && errno != EINTR) { wr_open = false; }
      if (off == in.size()) { shutdown(fd, SHUT_WR); wr_open = false; }
    }
  }
  close(fd);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (!env) Setup();
  if (size < 1) return 0;
  bool raw = (data[0] & 0x0F) == 0x0F;
  std::string in = raw ? std::string() : StartupPacket();
  in.append(reinterpret_cast<const char*>(data + 1), size - 1);

  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) { perror("socketpair"); abort(); }
  std::thread client(Client, sv[1], std::move(in));
  tusk::ServeConnection(env->server.get(), sv[0]);  // closes sv[0]
  client.join();

  if (++env->inputs_since_reset >= 1000 || env->db->catalog() != env->initial_catalog) {
    env->Close();
    env->OpenLive();
  }
  return 0;
}
