#include "server/md5_password.hpp"

#include <openssl/evp.h>

namespace tusk {

namespace {
std::string Md5Hex(const std::string& data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), digest, &len, EVP_md5(), nullptr);
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < len; i++) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 15];
  }
  return out;
}
}  // namespace

bool IsMd5Verifier(const std::string& s) {
  if (s.size() != 35 || s.compare(0, 3, "md5") != 0) return false;
  for (size_t i = 3; i < s.size(); i++)
    if (!std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

std::string MakeMd5Verifier(const std::string& password, const std::string& user) {
  if (IsMd5Verifier(password) || password.rfind("SCRAM-SHA-256$", 0) == 0) return password;  // already a verifier
  return "md5" + Md5Hex(password + user);
}

std::string Md5Response(const std::string& verifier, const std::string& salt) {
  return "md5" + Md5Hex(verifier.substr(3) + salt);
}

}  // namespace tusk
