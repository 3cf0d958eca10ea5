#include "server/wire.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sys/socket.h>
#include <unistd.h>

namespace tusk {

MessageBuilder& MessageBuilder::Int32(int32_t v) {
  uint32_t u = static_cast<uint32_t>(v);
  for (int s = 24; s >= 0; s -= 8) buf_.push_back(static_cast<char>((u >> s) & 0xff));
  return *this;
}

MessageBuilder& MessageBuilder::Int16(int16_t v) {
  uint16_t u = static_cast<uint16_t>(v);
  buf_.push_back(static_cast<char>(u >> 8));
  buf_.push_back(static_cast<char>(u & 0xff));
  return *this;
}

std::string MessageBuilder::Done() {
  uint32_t len = static_cast<uint32_t>(buf_.size() - 1);
  for (int i = 0; i < 4; i++) buf_[static_cast<size_t>(1 + i)] = static_cast<char>((len >> (24 - 8 * i)) & 0xff);
  return std::move(buf_);
}

int32_t MessageReader::Int32() {
  if (in_.size() < 4) { failed_ = true; in_ = {}; return 0; }
  uint32_t v = 0;
  for (int i = 0; i < 4; i++) v = (v << 8) | static_cast<unsigned char>(in_[static_cast<size_t>(i)]);
  in_.remove_prefix(4);
  return static_cast<int32_t>(v);
}

int16_t MessageReader::Int16() {
  if (in_.size() < 2) { failed_ = true; in_ = {}; return 0; }
  uint16_t v = static_cast<uint16_t>((static_cast<unsigned char>(in_[0]) << 8) | static_cast<unsigned char>(in_[1]));
  in_.remove_prefix(2);
  return static_cast<int16_t>(v);
}

char MessageReader::Byte() {
  if (in_.empty()) { failed_ = true; return 0; }
  char c = in_[0];
  in_.remove_prefix(1);
  return c;
}

std::string MessageReader::Str() {
  size_t z = in_.find('\0');
  if (z == std::string_view::npos) { failed_ = true; in_ = {}; return ""; }
  std::string s(in_.substr(0, z));
  in_.remove_prefix(z + 1);
  return s;
}

std::string MessageReader::Bytes(size_t n) {
  if (in_.size() < n) { failed_ = true; in_ = {}; return ""; }
  std::string s(in_.substr(0, n));
  in_.remove_prefix(n);
  return s;
}

Socket::~Socket() {
  Flush();
  close(fd_);
}

size_t Socket::Receive(char* buf, size_t n) {
  for (;;) {
    ssize_t r = recv(fd_, buf, n, 0);
    if (r >= 0) return static_cast<size_t>(r);
    if (errno != EINTR) return 0;
  }
}

bool Socket::ReadExact(char* buf, size_t n) {
  while (n > 0) {
    if (in_pos_ < in_.size()) {
      size_t take = std::min(n, in_.size() - in_pos_);
      std::memcpy(buf, in_.data() + in_pos_, take);
      in_pos_ += take;
      buf += take;
      n -= take;
      continue;
    }
    if (n >= kReadChunk) {  // a large body: straight into place
      size_t r = Receive(buf, n);
      if (r == 0) return false;
      buf += r;
      n -= r;
      continue;
    }
    in_.resize(kReadChunk);
    size_t r = Receive(in_.data(), kReadChunk);
    in_.resize(r);
    in_pos_ = 0;
    if (r == 0) return false;
  }
  return true;
}

bool Socket::Flush() {
  size_t sent = 0;
  while (sent < out_.size()) {
    ssize_t r = send(fd_, out_.data() + sent, out_.size() - sent, MSG_NOSIGNAL);
    if (r < 0) {
      if (errno == EINTR) continue;
      out_.clear();
      return false;
    }
    sent += static_cast<size_t>(r);
  }
  out_.clear();
  return true;
}

}  // namespace tusk
