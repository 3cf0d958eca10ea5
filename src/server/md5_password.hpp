// MD5 passwords, as PostgreSQL keeps them under password_encryption = md5: "md5" followed by
// the hex MD5 of password + user name; the client answers a 4-byte salt with
// "md5" + md5hex(md5hex(password + user) + salt). Kept for the roles a dump or an old setup
// brings; new passwords are SCRAM-SHA-256 unless the setting asks otherwise.
#pragma once
#include <string>

namespace tusk {

bool IsMd5Verifier(const std::string& s);
std::string MakeMd5Verifier(const std::string& password, const std::string& user);
// What a client that knows the password sends for `salt` (4 bytes).
std::string Md5Response(const std::string& verifier, const std::string& salt);

}  // namespace tusk
