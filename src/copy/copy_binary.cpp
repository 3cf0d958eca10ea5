#include "copy/copy_binary.hpp"

#include "common/error.hpp"
#include "types/binary_io.hpp"

namespace tusk {

namespace {
const char kSignature[] = "PGCOPY\n\377\r\n";  // and a NUL: 11 bytes
constexpr size_t kSignatureSize = 11;

void Put32(std::string* out, uint32_t v) {
  for (int s = 24; s >= 0; s -= 8) out->push_back(static_cast<char>((v >> s) & 0xff));
}
void Put16(std::string* out, uint16_t v) {
  out->push_back(static_cast<char>(v >> 8));
  out->push_back(static_cast<char>(v & 0xff));
}
[[noreturn]] void Bad(const std::string& message) { throw Error("22P04", message); }
}  // namespace

std::string CopyBinaryHeader() {
  std::string out(kSignature, kSignatureSize);
  Put32(&out, 0);  // flags: no OIDs
  Put32(&out, 0);  // no header extension
  return out;
}

std::string CopyBinaryTrailer() {
  std::string out;
  Put16(&out, 0xffff);
  return out;
}

void AppendCopyBinaryRow(const std::vector<Type>& types, const Row& row, std::string* out) {
  Put16(out, static_cast<uint16_t>(types.size()));
  for (size_t i = 0; i < types.size(); i++) {
    if (row[i].is_null()) {
      Put32(out, 0xffffffffu);
      continue;
    }
    std::string data = EncodeBinary(types[i], row[i]);
    Put32(out, static_cast<uint32_t>(data.size()));
    *out += data;
  }
}

bool CopyBinaryReader::Need(size_t n) {
  while (buf_.size() - pos_ < n) {
    std::string chunk;
    if (!next_(&chunk)) return false;
    buf_.erase(0, pos_);
    pos_ = 0;
    buf_ += chunk;
  }
  return true;
}

uint32_t CopyBinaryReader::Take32() {
  uint32_t v = 0;
  for (int i = 0; i < 4; i++) v = (v << 8) | static_cast<unsigned char>(buf_[pos_++]);
  return v;
}

uint16_t CopyBinaryReader::Take16() {
  uint16_t v = static_cast<uint16_t>((static_cast<unsigned char>(buf_[pos_]) << 8) | static_cast<unsigned char>(buf_[pos_ + 1]));
  pos_ += 2;
  return v;
}

void CopyBinaryReader::ReadHeader() {
  if (!Need(kSignatureSize) || buf_.compare(pos_, kSignatureSize, std::string(kSignature, kSignatureSize)) != 0)
    Bad("COPY file signature not recognized");
  pos_ += kSignatureSize;
  if (!Need(4)) Bad("invalid COPY file header (missing flags)");
  uint32_t flags = Take32();
  if (flags & (1u << 16)) Bad("invalid COPY file header (WITH OIDS)");
  if (flags & 0xffff0000u & ~(1u << 16)) Bad("unrecognized critical flags in COPY file header");
  if (!Need(4)) Bad("invalid COPY file header (missing length)");
  uint32_t extension = Take32();
  if (!Need(extension)) Bad("invalid COPY file header (wrong length)");
  pos_ += extension;
}

bool CopyBinaryReader::ReadRow(size_t expected, std::vector<std::optional<std::string>>* fields) {
  if (!Need(2)) Bad("unexpected EOF in COPY data");
  int16_t count = static_cast<int16_t>(Take16());
  if (count == -1) return false;
  if (count != static_cast<int16_t>(expected))
    Bad("row field count is " + std::to_string(count) + ", expected " + std::to_string(expected));
  fields->assign(expected, std::nullopt);
  for (size_t i = 0; i < expected; i++) {
    if (!Need(4)) Bad("unexpected EOF in COPY data");
    int32_t length = static_cast<int32_t>(Take32());
    if (length == -1) continue;
    if (length < 0) Bad("invalid field size");
    if (!Need(static_cast<size_t>(length))) Bad("unexpected EOF in COPY data");
    (*fields)[i] = buf_.substr(pos_, static_cast<size_t>(length));
    pos_ += static_cast<size_t>(length);
  }
  return true;
}

}  // namespace tusk
