#include "server/client_watch.hpp"

#include <poll.h>

#include <vector>

namespace tusk {

namespace {
constexpr auto kInterval = std::chrono::milliseconds(100);
}

ClientWatch::ClientWatch() : thread_([this] { Loop(); }) {}

ClientWatch::~ClientWatch() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

ClientWatch::Busy ClientWatch::Watch(int fd, std::atomic<bool>* lost) {
  std::lock_guard<std::mutex> lock(mu_);
  busy_[fd] = lost;
  return Busy(this, fd);
}

void ClientWatch::Forget(int fd) {
  std::lock_guard<std::mutex> lock(mu_);
  busy_.erase(fd);
}

void ClientWatch::Loop() {
  std::vector<pollfd> fds;
  std::unique_lock<std::mutex> lock(mu_);
  while (!wake_.wait_for(lock, kInterval, [this] { return stop_; })) {
    if (busy_.empty()) continue;
    // Polled under the lock: a connection forgets its fd (and may close it) only after this.
    fds.clear();
    for (const auto& [fd, lost] : busy_) fds.push_back({fd, POLLRDHUP, 0});
    if (poll(fds.data(), fds.size(), 0) <= 0) continue;
    for (const pollfd& p : fds)
      if (p.revents & (POLLRDHUP | POLLHUP | POLLERR)) busy_[p.fd]->store(true, std::memory_order_relaxed);
  }
}

}  // namespace tusk
