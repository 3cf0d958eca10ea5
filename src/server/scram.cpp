#include "server/scram.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <cstring>

namespace tusk {

std::string Base64Encode(const std::string& in) {
  std::string out(4 * ((in.size() + 2) / 3) + 1, '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), reinterpret_cast<const unsigned char*>(in.data()), static_cast<int>(in.size()));
  out.resize(static_cast<size_t>(n));
  return out;
}

std::string Base64Decode(const std::string& in) {
  if (in.empty() || in.size() % 4) return "";
  std::string out(in.size() / 4 * 3 + 1, '\0');
  int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()), reinterpret_cast<const unsigned char*>(in.data()), static_cast<int>(in.size()));
  if (n < 0) return "";
  size_t pad = 0;
  if (in.size() >= 1 && in.back() == '=') pad++;
  if (in.size() >= 2 && in[in.size() - 2] == '=') pad++;
  out.resize(static_cast<size_t>(n) - pad);
  return out;
}

namespace {
std::string Hmac(const std::string& key, const std::string& data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(data.data()), data.size(), out, &len);
  return std::string(reinterpret_cast<char*>(out), len);
}
std::string Sha256(const std::string& data) {
  unsigned char out[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), out);
  return std::string(reinterpret_cast<char*>(out), SHA256_DIGEST_LENGTH);
}
std::string SaltedPassword(const std::string& password, const std::string& salt, int iterations) {
  unsigned char out[32];
  PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()), reinterpret_cast<const unsigned char*>(salt.data()), static_cast<int>(salt.size()), iterations, EVP_sha256(), 32, out);
  return std::string(reinterpret_cast<char*>(out), 32);
}
std::string Attr(const std::string& msg, char name) {
  size_t pos = 0;
  while (pos < msg.size()) {
    size_t end = msg.find(',', pos);
    if (end == std::string::npos) end = msg.size();
    if (end - pos >= 2 && msg[pos] == name && msg[pos + 1] == '=') return msg.substr(pos + 2, end - pos - 2);
    pos = end + 1;
  }
  return "";
}
}  // namespace

std::string MakeScramVerifier(const std::string& password) {
  if (password.rfind("SCRAM-SHA-256$", 0) == 0) return password;  // already a verifier
  unsigned char salt[16];
  RAND_bytes(salt, 16);
  std::string s(reinterpret_cast<char*>(salt), 16);
  const int iterations = 4096;
  std::string salted = SaltedPassword(password, s, iterations);
  std::string client_key = Hmac(salted, "Client Key");
  std::string stored = Sha256(client_key);
  std::string server = Hmac(salted, "Server Key");
  return "SCRAM-SHA-256$" + std::to_string(iterations) + ":" + Base64Encode(s) + "$" + Base64Encode(stored) + ":" + Base64Encode(server);
}

std::string ScramServer::HandleClientFirst(const std::string& msg) {
  // gs2 header "n,," (no channel binding) then "n=user,r=nonce"
  if (msg.size() < 3 || (msg[0] != 'n' && msg[0] != 'y')) return "";
  size_t second_comma = msg.find(',', msg.find(',') + 1);
  if (second_comma == std::string::npos) return "";
  client_first_bare_ = msg.substr(second_comma + 1);
  std::string client_nonce = Attr(client_first_bare_, 'r');
  if (client_nonce.empty()) return "";
  // parse verifier
  size_t d1 = verifier_.find('$'), colon = verifier_.find(':'), d2 = verifier_.find('$', colon), colon2 = verifier_.find(':', d2);
  if (d1 == std::string::npos || colon == std::string::npos || d2 == std::string::npos || colon2 == std::string::npos) return "";
  iterations_ = std::atoi(verifier_.substr(d1 + 1, colon - d1 - 1).c_str());
  salt_ = Base64Decode(verifier_.substr(colon + 1, d2 - colon - 1));
  stored_key_ = Base64Decode(verifier_.substr(d2 + 1, colon2 - d2 - 1));
  server_key_ = Base64Decode(verifier_.substr(colon2 + 1));
  unsigned char rnd[18];
  RAND_bytes(rnd, 18);
  nonce_ = client_nonce + Base64Encode(std::string(reinterpret_cast<char*>(rnd), 18));
  server_first_ = "r=" + nonce_ + ",s=" + Base64Encode(salt_) + ",i=" + std::to_string(iterations_);
  return server_first_;
}

std::string ScramServer::HandleClientFinal(const std::string& msg) {
  size_t p = msg.rfind(",p=");
  if (p == std::string::npos) return "";
  std::string without_proof = msg.substr(0, p);
  if (Attr(msg, 'r') != nonce_) return "";
  std::string proof = Base64Decode(msg.substr(p + 3));
  std::string auth_message = client_first_bare_ + "," + server_first_ + "," + without_proof;
  std::string client_signature = Hmac(stored_key_, auth_message);
  if (proof.size() != client_signature.size()) return "";
  std::string client_key(proof.size(), '\0');
  for (size_t i = 0; i < proof.size(); i++) client_key[i] = static_cast<char>(proof[i] ^ client_signature[i]);
  if (Sha256(client_key) != stored_key_) return "";
  return "v=" + Base64Encode(Hmac(server_key_, auth_message));
}

}  // namespace tusk
