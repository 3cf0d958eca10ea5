// A NOTICE raised below any statement state (a type's input function, such as tsquery's
// "text-search query doesn't contain lexemes"): the session running a statement on this
// thread installs where it goes (ScopedNoticeSink); with none installed it is dropped.
#pragma once
#include <functional>

#include "common/error.hpp"

namespace tusk {

class ScopedNoticeSink {
 public:
  explicit ScopedNoticeSink(std::function<void(const Notice&)> sink);
  ~ScopedNoticeSink();
  ScopedNoticeSink(const ScopedNoticeSink&) = delete;
  ScopedNoticeSink& operator=(const ScopedNoticeSink&) = delete;

 private:
  std::function<void(const Notice&)> sink_;
  const std::function<void(const Notice&)>* saved_;
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
