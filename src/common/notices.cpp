#include "common/notices.hpp"

namespace tusk {

namespace {
thread_local ScopedNoticeSink* t_sink = nullptr;
thread_local int t_position = 0;
}  // namespace

ScopedNoticeSink::ScopedNoticeSink(std::function<void(const Notice&)> sink) : sink_(std::move(sink)), saved_(t_sink) {
  t_sink = this;
}

ScopedNoticeSink::~ScopedNoticeSink() { t_sink = saved_; }

ScopedNoticePosition::ScopedNoticePosition(int position) : saved_(t_position) { t_position = position; }
ScopedNoticePosition::~ScopedNoticePosition() { t_position = saved_; }

void RaiseNotice(Notice n) {
  if (!n.position) n.position = t_position;
  if (!t_sink || !t_sink->sink_) return;
  if (n.position > 0 && !t_sink->sent_.emplace(n.position, n.message).second) return;
  t_sink->sink_(n);
}

}  // namespace tusk
