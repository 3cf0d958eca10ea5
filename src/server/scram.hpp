// SCRAM-SHA-256 (RFC 5802/7677) as PostgreSQL uses it: verifiers stored as
// "SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>" (base64 parts), and the
// server side of the exchange.
#pragma once
#include <string>

namespace tusk {

std::string MakeScramVerifier(const std::string& password);

class ScramServer {
 public:
  explicit ScramServer(std::string verifier) : verifier_(std::move(verifier)) {}
  // Handles client-first-message; returns server-first-message, or "" when malformed.
  std::string HandleClientFirst(const std::string& msg);
  // Handles client-final-message; returns server-final-message, or "" when the proof is wrong.
  std::string HandleClientFinal(const std::string& msg);

 private:
  std::string verifier_;
  std::string client_first_bare_, server_first_, nonce_;
  std::string salt_, stored_key_, server_key_;
  int iterations_ = 0;
};

std::string Base64Encode(const std::string& in);
std::string Base64Decode(const std::string& in);

}  // namespace tusk
