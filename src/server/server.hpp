// The network server: accepts PostgreSQL protocol connections and serves each on its own
// thread with its own Session.
#pragma once
#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "engine/database.hpp"
#include "server/client_watch.hpp"

namespace tusk {

class Session;

struct ServerOptions {
  std::string listen = "127.0.0.1";
  int port = 5433;
  int max_connections = 1000;
};

// A TCP socket bound to opts' address and listening; throws Error when the address is unavailable.
int OpenListenSocket(const ServerOptions& opts);

class Server {
 public:
  Server(Database* db, ServerOptions opts) : db_(db), opts_(std::move(opts)) {}
  // Serves connections arriving on `fd`, a listening socket (OpenListenSocket). The supervisor
  // opens it once and hands it to every server process it starts.
  void ListenOn(int fd) { listen_fd_ = fd; }
  // Accepts connections until Stop() is called.
  void Run();
  void Stop() { stopping_ = true; }

  // Cancel support: sessions register their pid and secret key.
  void Register(int32_t pid, int32_t secret, std::atomic<bool>* cancel_flag);
  void Unregister(int32_t pid);
  void Cancel(int32_t pid, int32_t secret);
  Database* db() { return db_; }
  ClientWatch& client_watch() { return client_watch_; }
  int active_connections() const { return active_.load(); }

 private:
  Database* db_;
  ServerOptions opts_;
  int listen_fd_ = -1;
  std::atomic<bool> stopping_{false};
  std::atomic<int> active_{0};
  std::mutex mu_;
  std::map<int32_t, std::pair<int32_t, std::atomic<bool>*>> cancel_keys_;
  ClientWatch client_watch_;
  friend class Connection;
};

// Serves one client connection until it ends. Never throws.
void ServeConnection(Server* server, int fd);

}  // namespace tusk
