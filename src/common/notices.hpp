// A NOTICE raised below any statement state (a type's input function, such as tsquery's
// "text-search query doesn't contain lexemes"): the session running a statement on this
// thread installs where it goes (ScopedNoticeSink); with none installed it is dropped.
#pragma once
#include <functional>
#include <set>
#include <string>
#include <utility>

#include "common/error.hpp"

namespace tusk {

// A notice that points at a literal is sent once per statement, however many times the
// statement's binding reads that literal.
class ScopedNoticeSink {
 public:
  explicit ScopedNoticeSink(std::function<void(const Notice&)> sink);
  ~ScopedNoticeSink();
  ScopedNoticeSink(const ScopedNoticeSink&) = delete;
  ScopedNoticeSink& operator=(const ScopedNoticeSink&) = delete;

 private:
  std::function<void(const Notice&)> sink_;
  ScopedNoticeSink* saved_;
  std::set<std::pair<int, std::string>> sent_;  // (position, message) of notices at literals
  friend void RaiseNotice(Notice n);
};

// The statement position (1-based) a notice raised meanwhile points at: the literal being read.
class ScopedNoticePosition {
 public:
  explicit ScopedNoticePosition(int position);
  ~ScopedNoticePosition();
  ScopedNoticePosition(const ScopedNoticePosition&) = delete;
  ScopedNoticePosition& operator=(const ScopedNoticePosition&) = delete;

 private:
  int saved_;
};

void RaiseNotice(Notice n);

}  // namespace tusk
