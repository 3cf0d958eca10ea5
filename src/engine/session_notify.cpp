// LISTEN / UNLISTEN / NOTIFY and pg_notify: kept with the transaction until it commits, then
// handed to the database's NotificationHub (engine/notifications.hpp).
#include <algorithm>

#include "common/error.hpp"
#include "engine/database.hpp"
#include "engine/session.hpp"

namespace tusk {

void Session::Listen(const std::string& channel) { pending_listens_.emplace_back('L', channel); }

void Session::Unlisten(const std::string& channel) { pending_listens_.emplace_back('U', channel); }

void Session::Notify(const std::string& channel, const std::string& payload) {
  if (channel.empty()) throw Error(sqlstate::kInvalidParameterValue, "channel name cannot be empty");
  if (channel.size() >= 64) throw Error(sqlstate::kInvalidParameterValue, "channel name too long");
  if (payload.size() >= 8000) throw Error(sqlstate::kInvalidParameterValue, "payload string too long");
  if (db_->notifications().Full(database_oid_, channel))
    throw Error(sqlstate::kProgramLimitExceeded, "too many notifications in the NOTIFY queue")
        .WithHint("A listener on channel \"" + channel + "\" has " + std::to_string(NotificationHub::kMaxUnread) +
                  " notifications it has not read: it is inside a long transaction block, or not reading.");
  auto same = [&](const Notification& n) { return n.channel == channel && n.payload == payload; };
  if (std::none_of(pending_notifies_.begin(), pending_notifies_.end(), same))
    pending_notifies_.push_back({pid_, channel, payload});
}

std::vector<std::string> Session::ListeningChannels() const { return db_->notifications().Channels(pid_); }

// At commit the LISTENs apply first, so a transaction hears its own NOTIFY, as in PostgreSQL.
void Session::FinishNotifications(bool committed) {
  if (committed) {
    NotificationHub& hub = db_->notifications();
    for (const auto& [op, channel] : pending_listens_) {
      if (op == 'L') hub.Listen(database_oid_, pid_, channel);
      else if (channel == "*") hub.UnlistenAll(pid_);
      else hub.Unlisten(pid_, channel);
    }
    if (!pending_notifies_.empty()) hub.Publish(database_oid_, pending_notifies_);
  }
  pending_listens_.clear();
  pending_notifies_.clear();
}

}  // namespace tusk
