// PostgreSQL v3 protocol message framing: a reader over a socket with a size limit, and a
// message builder. All integers are big-endian as the protocol requires.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace tusk {

// Largest message we accept; a bigger length ends the connection (PostgreSQL allows up to 1 GB
// for some messages; we keep a lower bound to protect the server).
inline constexpr uint32_t kMaxMessageSize = 256u << 20;

class MessageBuilder {
 public:
  explicit MessageBuilder(char type) { buf_.push_back(type); buf_.append(4, '\0'); }
  MessageBuilder& Int32(int32_t v);
  MessageBuilder& Int16(int16_t v);
  MessageBuilder& Byte(char c) { buf_.push_back(c); return *this; }
  MessageBuilder& Str(std::string_view s) { buf_.append(s); buf_.push_back('\0'); return *this; }
  MessageBuilder& Bytes(std::string_view s) { buf_.append(s); return *this; }
  // Finishes the length field and returns the bytes.
  std::string Done();
 private:
  std::string buf_;
};

// Reads fields of one received message body; sets failed() on underflow.
class MessageReader {
 public:
  explicit MessageReader(std::string_view body) : in_(body) {}
  int32_t Int32();
  int16_t Int16();
  char Byte();
  std::string Str();
  std::string Bytes(size_t n);
  bool failed() const { return failed_; }
  size_t remaining() const { return in_.size(); }
 private:
  std::string_view in_;
  bool failed_ = false;
};

// Socket I/O with a read and a write buffer. Reads take whatever the client has sent, up to
// kReadChunk bytes: a driver's Bind, Execute and Sync arrive in one packet and cost one recv,
// not two per message.
class Socket {
 public:
  static constexpr size_t kReadChunk = 8192;
  explicit Socket(int fd) : fd_(fd) {}
  ~Socket();
  // Reads exactly n bytes; false on EOF or error.
  bool ReadExact(char* buf, size_t n);
  // Whether bytes already received are waiting to be read (poll would not see them).
  bool HasBuffered() const { return in_pos_ < in_.size(); }
  void Write(const std::string& bytes) { out_ += bytes; if (out_.size() > 65536) Flush(); }
  bool Flush();
  int fd() const { return fd_; }
 private:
  // recv into buf (at most n bytes), retrying on EINTR; 0 on EOF or error.
  size_t Receive(char* buf, size_t n);
  int fd_;
  std::string in_;
  size_t in_pos_ = 0;
  std::string out_;
};

}  // namespace tusk
