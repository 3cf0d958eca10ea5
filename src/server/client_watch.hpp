// Notices clients that have gone while their statement runs, as PostgreSQL does with
// client_connection_check_interval (always on here): one thread looks at the sockets of the
// connections that are executing a statement every 100 ms, and flags the session of a client
// that hung up; its statement then stops at its next interrupt check, as a cancel would, instead
// of running on for no one.
#pragma once
#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

namespace tusk {

class ClientWatch {
 public:
  ClientWatch();
  ~ClientWatch();

  // While a Busy lives, `lost` is set if the client at the other end of fd hangs up.
  class Busy {
   public:
    Busy(ClientWatch* w, int fd) : w_(w), fd_(fd) {}
    Busy(const Busy&) = delete;
    Busy& operator=(const Busy&) = delete;
    ~Busy() { w_->Forget(fd_); }
   private:
    ClientWatch* w_;
    int fd_;
  };
  [[nodiscard]] Busy Watch(int fd, std::atomic<bool>* lost);

 private:
  void Forget(int fd);
  void Loop();

  std::mutex mu_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::map<int, std::atomic<bool>*> busy_;  // fd -> its session's flag
  std::thread thread_;
};

}  // namespace tusk
