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

void Server::Listen() {
  listen_fd_ = socket(AF_INET, SOCK_STREAM, 0);
  if (listen_fd_ < 0) throw Error(sqlstate::kIoError, std::string("could not create socket: ") + strerror(errno));
  int one = 1;
  setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(opts_.port));
  std::string host = opts_.listen == "localhost" ? "127.0.0.1" : opts_.listen == "*" ? "0.0.0.0" : opts_.listen;
  if (inet_pton(AF_INET, host.c_str(), &addr.sin_addr) != 1)
    throw Error(sqlstate::kInvalidParameterValue, "invalid listen address \"" + opts_.listen + "\"");
  if (bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) < 0)
    throw Error(sqlstate::kIoError, "could not bind to " + opts_.listen + ":" + std::to_string(opts_.port) + ": " + strerror(errno));
  if (listen(listen_fd_, 1024) < 0) throw Error(sqlstate::kIoError, std::string("could not listen: ") + strerror(errno));
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
