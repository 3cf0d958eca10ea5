#include "server/server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>
#include <thread>

#include "common/error.hpp"

namespace tusk {

int OpenListenSocket(const ServerOptions& opts) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw Error(sqlstate::kIoError, std::string("could not create socket: ") + strerror(errno));
  int one = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(opts.port));
  std::string host = opts.listen == "localhost" ? "127.0.0.1" : opts.listen == "*" ? "0.0.0.0" : opts.listen;
  if (inet_pton(AF_INET, host.c_str(), &addr.sin_addr) != 1)
    throw Error(sqlstate::kInvalidParameterValue, "invalid listen address \"" + opts.listen + "\"");
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) < 0)
    throw Error(sqlstate::kIoError, "could not bind to " + opts.listen + ":" + std::to_string(opts.port) + ": " + strerror(errno));
  if (listen(fd, 1024) < 0) throw Error(sqlstate::kIoError, std::string("could not listen: ") + strerror(errno));
  return fd;
}

void Server::Run() {
  while (!stopping_) {
    pollfd p{listen_fd_, POLLIN, 0};
    int r = poll(&p, 1, 200);
    if (r <= 0) continue;
    int fd = accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) continue;
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    active_++;
    std::thread([this, fd] {
      ServeConnection(this, fd);
      active_--;
    }).detach();
  }
  close(listen_fd_);
}

void Server::Register(int32_t pid, int32_t secret, std::atomic<bool>* flag) {
  std::lock_guard<std::mutex> lock(mu_);
  cancel_keys_[pid] = {secret, flag};
}

void Server::Unregister(int32_t pid) {
  std::lock_guard<std::mutex> lock(mu_);
  cancel_keys_.erase(pid);
}

void Server::Cancel(int32_t pid, int32_t secret) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = cancel_keys_.find(pid);
  if (it != cancel_keys_.end() && it->second.first == secret) it->second.second->store(true);
}

}  // namespace tusk
