// LISTEN / NOTIFY: which backends listen on which channels of which database, and the
// notifications each has yet to read. A transaction's NOTIFYs are published when it commits
// (Session); a listener reads its inbox when it is idle, outside a transaction block, and is
// woken by `wake` when one arrives (server/connection.cpp).
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace tusk {

struct Notification {
  int32_t pid;  // the notifying backend
  std::string channel, payload;
};

class NotificationHub {
 public:
  // A backend that can be woken when a notification reaches it (a server connection); `wake`
  // runs under the hub's lock and must not block.
  void SetWaker(int32_t pid, std::function<void()> wake);
  // Forgets the backend: its channels, its inbox and its waker.
  void Remove(int32_t pid);
  void Listen(uint32_t db, int32_t pid, const std::string& channel);
  void Unlisten(int32_t pid, const std::string& channel);
  void UnlistenAll(int32_t pid);
  std::vector<std::string> Channels(int32_t pid);
  bool Listening(int32_t pid);
  // Whether a listener on `channel` of `db` already holds kMaxUnread notifications it has not
  // read (a NOTIFY then fails, as PostgreSQL's does when its queue is full).
  static constexpr size_t kMaxUnread = 1000000;
  bool Full(uint32_t db, const std::string& channel);
  // Hands each notification to every backend of `db` listening on its channel.
  void Publish(uint32_t db, const std::vector<Notification>& notifications);
  std::vector<Notification> Take(int32_t pid);

 private:
  std::mutex mu_;
  struct Listener {
    uint32_t db = 0;
    std::set<std::string> channels;
    std::vector<Notification> inbox;
    std::function<void()> wake;
  };
  std::map<int32_t, Listener> listeners_;
};

}  // namespace tusk
