#include "routines/body_position.hpp"

namespace tusk {

namespace {
// Where the body starts in the statement, as written there; -1 when not found. *doubled tells
// whether it matched with its quotes doubled (PostgreSQL's match_prosrc_to_query).
long BodyOffset(const std::string& statement, const std::string& body, bool* doubled) {
  *doubled = false;
  size_t at = statement.find(body);
  if (at != std::string::npos) return static_cast<long>(at);
  std::string quoted;
  for (char c : body) quoted += c == '\'' ? std::string("''") : std::string(1, c);
  at = statement.find(quoted);
  if (at == std::string::npos) return -1;
  *doubled = true;
  return static_cast<long>(at);
}
}  // namespace

bool MovePositionIntoStatement(Error& e, const std::string& statement, const std::string& body) {
  if (e.position() <= 0) return false;
  bool doubled = false;
  long start = BodyOffset(statement, body, &doubled);
  long inner = e.position() - 1;
  e.ClearPosition();
  if (start < 0) return false;
  long shift = 0;
  for (long i = 0; doubled && i < inner && i < static_cast<long>(body.size()); i++) shift += body[static_cast<size_t>(i)] == '\'';
  e.WithPosition(static_cast<int>(start + inner + shift + 1));
  return true;
}

}  // namespace tusk
