#include "engine/notifications.hpp"

#include <utility>

namespace tusk {

void NotificationHub::SetWaker(int32_t pid, std::function<void()> wake) {
  std::lock_guard<std::mutex> lock(mu_);
  listeners_[pid].wake = std::move(wake);
}

void NotificationHub::Remove(int32_t pid) {
  std::lock_guard<std::mutex> lock(mu_);
  listeners_.erase(pid);
}

void NotificationHub::Listen(uint32_t db, int32_t pid, const std::string& channel) {
  std::lock_guard<std::mutex> lock(mu_);
  Listener& l = listeners_[pid];
  l.db = db;
  l.channels.insert(channel);
}

void NotificationHub::Unlisten(int32_t pid, const std::string& channel) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = listeners_.find(pid);
  if (it != listeners_.end()) it->second.channels.erase(channel);
}

void NotificationHub::UnlistenAll(int32_t pid) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = listeners_.find(pid);
  if (it != listeners_.end()) it->second.channels.clear();
}

std::vector<std::string> NotificationHub::Channels(int32_t pid) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = listeners_.find(pid);
  if (it == listeners_.end()) return {};
  return {it->second.channels.begin(), it->second.channels.end()};
}

bool NotificationHub::Listening(int32_t pid) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = listeners_.find(pid);
  return it != listeners_.end() && (!it->second.channels.empty() || !it->second.inbox.empty());
}

bool NotificationHub::Full(uint32_t db, const std::string& channel) {
  std::lock_guard<std::mutex> lock(mu_);
  for (const auto& [pid, l] : listeners_)
    if (l.db == db && l.inbox.size() >= kMaxUnread && l.channels.count(channel)) return true;
  return false;
}

void NotificationHub::Publish(uint32_t db, const std::vector<Notification>& notifications) {
  std::lock_guard<std::mutex> lock(mu_);
  for (auto& [pid, l] : listeners_) {
    if (l.db != db || l.channels.empty()) continue;
    bool got = false;
    for (const Notification& n : notifications)
      if (l.channels.count(n.channel)) {
        l.inbox.push_back(n);
        got = true;
      }
    // under the lock: a backend's waker is gone once Remove returns
    if (got && l.wake) l.wake();
  }
}

std::vector<Notification> NotificationHub::Take(int32_t pid) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = listeners_.find(pid);
  if (it == listeners_.end()) return {};
  return std::exchange(it->second.inbox, {});
}

}  // namespace tusk
