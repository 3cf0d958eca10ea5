// One client connection: startup and authentication, then the simple and extended query
// protocols. Protocol errors (malformed messages) end this connection only.
#include <cerrno>
#include <cstdio>
#include <string_view>
#include <openssl/rand.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <map>

#include "common/error.hpp"
#include "common/strings.hpp"
#include "engine/session.hpp"
#include "server/md5_password.hpp"
#include "server/scram.hpp"
#include "server/server.hpp"
#include "server/wire.hpp"
#include "types/binary_io.hpp"
#include "types/text_io.hpp"

namespace tusk {

namespace {
constexpr int32_t kSslRequest = 80877103;
constexpr int32_t kGssRequest = 80877104;
constexpr int32_t kCancelRequest = 80877102;

struct ProtocolError {
  std::string message;
};

std::string ErrorMessage(const Error& e, const char* severity) {
  MessageBuilder m('E');
  m.Byte('S').Str(severity).Byte('V').Str(severity).Byte('C').Str(e.state()).Byte('M').Str(e.what());
  if (!e.detail().empty()) m.Byte('D').Str(e.detail());
  if (!e.hint().empty()) m.Byte('H').Str(e.hint());
  if (e.position() > 0) m.Byte('P').Str(std::to_string(e.position()));
  if (e.internal_position() > 0) m.Byte('p').Str(std::to_string(e.internal_position()));
  if (!e.internal_query().empty()) m.Byte('q').Str(e.internal_query());
  if (!e.context().empty()) m.Byte('W').Str(e.context());
  if (!e.table().empty()) m.Byte('t').Str(e.table());
  if (!e.constraint().empty()) m.Byte('n').Str(e.constraint());
  m.Byte('\0');
  return m.Done();
}

// Converts byte offsets (libpg_query) into character positions (PostgreSQL reports characters).
int CharPosition(const std::string& sql, int byte_pos) {
  if (byte_pos <= 0) return byte_pos;
  int chars = 0;
  for (int i = 0; i < byte_pos - 1 && i < static_cast<int>(sql.size()); i++)
    if ((static_cast<unsigned char>(sql[static_cast<size_t>(i)]) & 0xC0) != 0x80) chars++;
  return chars + 1;
}

struct Portal {
  std::shared_ptr<PreparedStatement> stmt;
  std::vector<Value> params;
  std::vector<int16_t> result_formats;
  // A SELECT bound inside a transaction block is also the session's cursor of this name, which
  // Executes with a row limit read from as they go (Session::FetchPortal).
  bool cursor = false;
  // Otherwise results are produced on first Execute and handed out in max_rows chunks.
  bool executed = false;
  std::vector<Row> rows;
  std::shared_ptr<MemoryCharge> held = std::make_shared<MemoryCharge>("portal");
  size_t pos = 0;
  std::string tag;
  std::vector<Notice> notices;
};

class Connection {
 public:
  Connection(Server* server, int fd) : server_(server), sock_(fd) {}

  void Run() {
    try {
      if (!Startup()) return;
      MainLoop();
    } catch (const ProtocolError& e) {
      SendFatal(Error(sqlstate::kProtocolViolation, e.message));
    } catch (const Error& e) {
      SendFatal(e);
    } catch (const std::exception& e) {
      SendFatal(Error(sqlstate::kInternalError, e.what()));
    }
    if (session_) {
      server_->Unregister(session_->pid());
      session_->Close();
      session_->db()->notifications().Remove(session_->pid());  // before its waker's fd goes
    }
    if (wake_fd_ >= 0) close(wake_fd_);
    sock_.Flush();
  }

 private:
  void SendFatal(const Error& e) {
    sock_.Write(ErrorMessage(e, "FATAL"));
    sock_.Flush();
  }

  bool ReadStartupPacket(std::string* body) {
    char len_buf[4];
    if (!sock_.ReadExact(len_buf, 4)) return false;
    uint32_t len = (static_cast<uint32_t>(static_cast<unsigned char>(len_buf[0])) << 24) | (static_cast<unsigned char>(len_buf[1]) << 16) |
                   (static_cast<unsigned char>(len_buf[2]) << 8) | static_cast<unsigned char>(len_buf[3]);
    if (len < 8 || len > 10000) throw ProtocolError{"invalid length of startup packet"};
    body->resize(len - 4);
    return sock_.ReadExact(body->data(), body->size());
  }

  bool Startup() {
    std::string body;
    for (;;) {
      if (!ReadStartupPacket(&body)) return false;
      MessageReader r(body);
      int32_t code = r.Int32();
      if (code == kSslRequest || code == kGssRequest) {
        sock_.Write("N");
        sock_.Flush();
        continue;
      }
      if (code == kCancelRequest) {
        int32_t pid = r.Int32(), secret = r.Int32();
        server_->Cancel(pid, secret);
        return false;
      }
      if (code >> 16 != 3) throw Error(sqlstate::kFeatureNotSupported, "unsupported frontend protocol " + std::to_string(code >> 16) + "." + std::to_string(code & 0xffff) + ": server supports 3.0 to 3.0");
      std::map<std::string, std::string> params;
      while (r.remaining() > 1) {
        std::string k = r.Str(), v = r.Str();
        if (r.failed()) throw ProtocolError{"invalid startup packet layout: expected terminator as last byte"};
        params[k] = v;
      }
      std::string user = params["user"];
      if (user.empty()) throw Error(sqlstate::kInvalidAuthorizationSpecification, "no PostgreSQL user name specified in startup packet");
      std::string database = params.count("database") ? params["database"] : user;
      auto cluster = server_->db()->cluster();
      const RoleDef* role = cluster->FindRole(user);
      if (!role) throw Error(sqlstate::kInvalidAuthorizationSpecification, "role \"" + user + "\" does not exist");
      if (!role->login) throw Error(sqlstate::kInvalidAuthorizationSpecification, "role \"" + user + "\" is not permitted to log in");
      if (!role->password.empty() && !Authenticate(user, role->password)) return false;
      sock_.Write(MessageBuilder('R').Int32(0).Done());
      session_ = std::make_unique<Session>(server_->db(), user, database);
      for (const auto& [k, v] : params) {
        std::string key = ToLower(k);
        if (key == "user" || key == "database" || key == "options" || key == "replication") continue;
        try {
          session_->SetSetting(key, v, false, SettingSource::kClient);
        } catch (const Error&) {
          // unknown startup options are ignored, like PostgreSQL ignores ones it cannot apply
        }
      }
      for (const auto& name : Session::ReportedSettings()) {
        sock_.Write(MessageBuilder('S').Str(Session::SettingDisplayName(name)).Str(*session_->GetSetting(name)).Done());
      }
      session_->TakeChangedReported();
      RAND_bytes(reinterpret_cast<unsigned char*>(&secret_), sizeof secret_);
      server_->Register(session_->pid(), secret_, &session_->cancel_requested);
      // pg_terminate_backend: stop reading, so an idle connection ends at once too.
      int fd = sock_.fd();
      Session* session = session_.get();
      session_->db()->backends().SetTerminator(session_->pid(), [fd, session] {
        session->terminate_requested = true;
        shutdown(fd, SHUT_RD);
      });
      // NOTIFY to this session's channels wakes its idle wait (WaitForClient)
      wake_fd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
      if (wake_fd_ >= 0) {
        int wake = wake_fd_;
        session_->db()->notifications().SetWaker(session_->pid(), [wake] {
          uint64_t one = 1;
          [[maybe_unused]] ssize_t n = write(wake, &one, sizeof one);
        });
      }
      sock_.Write(MessageBuilder('K').Int32(session_->pid()).Int32(secret_).Done());
      ReadyForQuery();
      return true;
    }
  }

  bool Authenticate(const std::string& user, const std::string& verifier) {
    if (IsMd5Verifier(verifier)) {
      unsigned char salt[4];
      RAND_bytes(salt, 4);
      std::string s(reinterpret_cast<char*>(salt), 4);
      sock_.Write(MessageBuilder('R').Int32(5).Bytes(s).Done());
      sock_.Flush();
      char type;
      std::string body;
      if (!ReadMessage(&type, &body) || type != 'p') return false;
      MessageReader r(body);
      if (r.Str() != Md5Response(verifier, s))
        throw Error(sqlstate::kInvalidPassword, "password authentication failed for user \"" + user + "\"");
      return true;
    }
    sock_.Write(MessageBuilder('R').Int32(10).Str("SCRAM-SHA-256").Byte('\0').Done());
    sock_.Flush();
    char type;
    std::string body;
    if (!ReadMessage(&type, &body) || type != 'p') return false;
    MessageReader r(body);
    std::string mech = r.Str();
    int32_t len = r.Int32();
    std::string first = len > 0 ? r.Bytes(static_cast<size_t>(len)) : "";
    if (r.failed() || mech != "SCRAM-SHA-256") throw ProtocolError{"malformed SASL message"};
    ScramServer scram(verifier);
    std::string server_first = scram.HandleClientFirst(first);
    if (server_first.empty()) throw ProtocolError{"malformed SCRAM message"};
    sock_.Write(MessageBuilder('R').Int32(11).Bytes(server_first).Done());
    sock_.Flush();
    if (!ReadMessage(&type, &body) || type != 'p') return false;
    std::string final_msg = scram.HandleClientFinal(body);
    if (final_msg.empty())
      throw Error(sqlstate::kInvalidPassword, "password authentication failed for user \"" + user + "\"");
    sock_.Write(MessageBuilder('R').Int32(12).Bytes(final_msg).Done());
    return true;
  }

  bool ReadMessage(char* type, std::string* body) {
    char hdr[5];
    if (!sock_.ReadExact(hdr, 5)) return false;
    *type = hdr[0];
    uint32_t len = (static_cast<uint32_t>(static_cast<unsigned char>(hdr[1])) << 24) | (static_cast<unsigned char>(hdr[2]) << 16) |
                   (static_cast<unsigned char>(hdr[3]) << 8) | static_cast<unsigned char>(hdr[4]);
    if (len < 4) throw ProtocolError{"invalid message length"};
    if (len > kMaxMessageSize) throw ProtocolError{"message too large (" + std::to_string(len) + " bytes)"};
    // As PostgreSQL (PQ_SMALL_MESSAGE_LIMIT): messages that carry no statement or data are short.
    if (len - 4 > kSmallMessageLimit && std::strchr("CDEHScfXp", *type) != nullptr) throw ProtocolError{"invalid message length"};
    // The body grows with the bytes that arrive, not with the length the header claims: a
    // header announcing a gigabyte costs nothing until the gigabyte is sent.
    body->clear();
    size_t want = len - 4;
    while (body->size() < want) {
      size_t have = body->size();
      body->resize(have + std::min(want - have, kReadChunk));
      if (!sock_.ReadExact(body->data() + have, body->size() - have)) return false;
    }
    return true;
  }
  static constexpr uint32_t kSmallMessageLimit = 65535;
  static constexpr size_t kReadChunk = size_t{1} << 20;

  // NotificationResponse for each notification that reached this session, once it is outside a
  // transaction block (PostgreSQL delivers them then, before ReadyForQuery or while idle).
  void DeliverNotifications() {
    if (session_->TransactionStatus() != 'I') return;
    for (const Notification& n : session_->db()->notifications().Take(session_->pid()))
      sock_.Write(MessageBuilder('A').Int32(n.pid).Str(n.channel).Str(n.payload).Done());
  }

  // A session that listens waits for the client and for notifications at once.
  void WaitForClient() {
    if (wake_fd_ < 0 || session_->TransactionStatus() != 'I' || sock_.HasBuffered() ||
        !session_->db()->notifications().Listening(session_->pid()))
      return;
    for (;;) {
      pollfd p[2] = {{sock_.fd(), POLLIN, 0}, {wake_fd_, POLLIN, 0}};
      int r = poll(p, 2, -1);
      if (r < 0 && errno == EINTR) continue;
      if (r < 0 || p[0].revents) return;
      uint64_t count;
      [[maybe_unused]] ssize_t n = read(wake_fd_, &count, sizeof count);
      DeliverNotifications();
      sock_.Flush();
    }
  }

  void ReadyForQuery() {
    DeliverNotifications();
    for (const auto& [k, v] : session_->TakeChangedReported()) sock_.Write(MessageBuilder('S').Str(k).Str(v).Done());
    sock_.Write(MessageBuilder('Z').Byte(session_->TransactionStatus()).Done());
    sock_.Flush();
  }

  static Error Terminated() { return Error(sqlstate::kAdminShutdown, "terminating connection due to administrator command"); }

  void SendError(const Error& e, const std::string& sql) {
    if (session_ && session_->terminate_requested) throw Terminated();
    // An internal error (class XX) is a bug in Tusk: the server log keeps it with its statement.
    if (std::string_view(e.state()).substr(0, 2) == "XX")
      std::fprintf(stderr, "tusk: ERROR:  %s (SQLSTATE %s)\ntusk: STATEMENT:  %s\n", e.what(), e.state(), sql.c_str());
    Error copy = e;
    if (e.position() > 0) copy.ClearPosition().WithPosition(CharPosition(sql, e.position()));
    if (e.internal_position() > 0) copy.SetInternalPosition(CharPosition(e.internal_query(), e.internal_position()));
    sock_.Write(ErrorMessage(copy, e.severity()));
  }

  std::string RowDescription(const std::vector<ColumnInfo>& cols, const std::vector<int16_t>& formats) {
    MessageBuilder m('T');
    m.Int16(static_cast<int16_t>(cols.size()));
    for (size_t i = 0; i < cols.size(); i++) {
      const ColumnInfo& c = cols[i];
      int16_t fmt = formats.empty() ? 0 : formats.size() == 1 ? formats[0] : formats[i];
      m.Str(c.name).Int32(static_cast<int32_t>(c.table_oid)).Int16(c.attnum).Int32(static_cast<int32_t>(c.type.WireOid()))
          .Int16(static_cast<int16_t>(c.type.array ? -1 : TypeLength(c.type.id))).Int32(c.type.typmod).Int16(fmt);
    }
    return m.Done();
  }

  std::string DataRow(const Row& row, const std::vector<Type>& types, const std::vector<int16_t>& formats) {
    MessageBuilder m('D');
    m.Int16(static_cast<int16_t>(row.size()));
    std::optional<DateTimeContext> dt;  // read when a text value needs it
    for (size_t i = 0; i < row.size(); i++) {
      if (row[i].is_null()) { m.Int32(-1); continue; }
      int16_t fmt = formats.empty() ? 0 : formats.size() == 1 ? formats[0] : formats[i];
      if (fmt != 1 && !dt) dt = session_->DateTime();
      std::string v = fmt == 1 ? EncodeBinary(types[i], row[i]) : FormatText(types[i], row[i], *dt);
      m.Int32(static_cast<int32_t>(v.size())).Bytes(v);
    }
    return m.Done();
  }

  // Severity order of client_min_messages: a notice below the setting is not sent.
  static int SeverityRank(std::string_view s) {
    if (s.rfind("debug", 0) == 0 || s.rfind("DEBUG", 0) == 0) return 0;
    if (s == "log" || s == "LOG") return 1;
    if (s == "notice" || s == "NOTICE" || s == "info" || s == "INFO") return 2;
    if (s == "warning" || s == "WARNING") return 3;
    return 4;  // error
  }

  void SendNotice(const Notice& n) {
    auto min = session_ ? session_->GetSetting("client_min_messages") : std::nullopt;
    if (min && SeverityRank(n.severity) < SeverityRank(*min) && std::string_view(n.severity) != "INFO") return;
    MessageBuilder m('N');
    m.Byte('S').Str(n.severity).Byte('V').Str(n.severity).Byte('C').Str(n.state).Byte('M').Str(n.message);
    if (!n.detail.empty()) m.Byte('D').Str(n.detail);
    if (!n.hint.empty()) m.Byte('H').Str(n.hint);
    if (n.position > 0) m.Byte('P').Str(std::to_string(n.position));
    if (!n.context.empty()) m.Byte('W').Str(n.context);
    m.Byte('\0');
    sock_.Write(m.Done());
  }

  // Streams results of the simple query protocol.
  struct SimpleSink : ResultSink {
    Connection* c;
    std::vector<Type> types;
    void Columns(const std::vector<ColumnInfo>& cols) override {
      types.clear();
      for (auto& col : cols) types.push_back(col.type);
      c->sock_.Write(c->RowDescription(cols, {}));
    }
    void AddRow(const Row& row) override { c->sock_.Write(c->DataRow(row, types, {})); }
    void Complete(const std::string& tag) override {
      if (tag.empty()) c->sock_.Write(MessageBuilder('I').Done());
      else c->sock_.Write(MessageBuilder('C').Str(tag).Done());
    }
    void SendNotice(const Notice& n) override { c->SendNotice(n); }
    void CopyOutBegin(size_t columns, bool binary) override {
      MessageBuilder m('H');
      m.Byte(binary ? 1 : 0).Int16(static_cast<int16_t>(columns));
      for (size_t i = 0; i < columns; i++) m.Int16(binary ? 1 : 0);
      c->sock_.Write(m.Done());
    }
    void CopyOutData(const std::string& data) override { c->sock_.Write(MessageBuilder('d').Bytes(data).Done()); }
    void CopyOutEnd() override { c->sock_.Write(MessageBuilder('c').Done()); }
    void CopyInBegin(size_t columns, bool binary) override {
      MessageBuilder m('G');
      m.Byte(binary ? 1 : 0).Int16(static_cast<int16_t>(columns));
      for (size_t i = 0; i < columns; i++) m.Int16(binary ? 1 : 0);
      c->sock_.Write(m.Done());
      c->sock_.Flush();
      copy_in_ = true;
    }
    bool CopyInRead(std::string* chunk) override {
      while (copy_in_) {
        char type;
        std::string body;
        if (!c->ReadMessage(&type, &body)) throw ProtocolError{"unexpected EOF on client connection with an open transaction"};
        switch (type) {
          case 'd': *chunk = std::move(body); return true;
          case 'c': copy_in_ = false; return false;
          case 'f': {
            copy_in_ = false;
            MessageReader r(body);
            throw Error(sqlstate::kQueryCanceled, "COPY from stdin failed: " + r.Str());
          }
          case 'H': case 'S': break;
          default:
            copy_in_ = false;
            throw Error(sqlstate::kProtocolViolation, "unexpected message type 0x" + std::to_string(static_cast<int>(type)) + " during COPY from stdin");
        }
      }
      return false;
    }
    bool copy_in_ = false;
  };

  // Sends the rows of a portal that streams as they come.
  struct StreamSink : ResultSink {
    Connection* c;
    std::vector<Type> types;
    const std::vector<int16_t>* formats;
    void AddRow(const Row& row) override { c->sock_.Write(c->DataRow(row, types, *formats)); }
    void Complete(const std::string& tag) override { c->sock_.Write(MessageBuilder('C').Str(tag).Done()); }
    void SendNotice(const Notice& n) override { c->SendNotice(n); }
  };

  // Buffers results of an extended-protocol Execute.
  struct PortalSink : ResultSink {
    Portal* p;
    void AddRow(const Row& row) override { p->rows.push_back(row); }
    void Complete(const std::string& tag) override { p->tag = tag; }
    void SendNotice(const Notice& n) override { p->notices.push_back(n); }
  };

  // Waits for the next message; false when idle_in_transaction_session_timeout ran out first.
  bool WaitWhileIdleInTransaction() {
    if (session_->TransactionStatus() == 'I' || sock_.HasBuffered()) return true;
    const std::string& timeout = session_->Setting("idle_in_transaction_session_timeout");
    int64_t ms = timeout.empty() ? 0 : ParseDurationMs(timeout);
    if (ms <= 0) return true;
    pollfd p{sock_.fd(), POLLIN, 0};
    int r;
    do r = poll(&p, 1, static_cast<int>(std::min<int64_t>(ms, INT32_MAX))); while (r < 0 && errno == EINTR);
    return r != 0;
  }

  void MainLoop() {
    char type;
    std::string body;
    bool skip_until_sync = false;
    for (;;) {
      if (!WaitWhileIdleInTransaction()) {
        SendFatal(Error("25P03", "terminating connection due to idle-in-transaction timeout"));
        return;
      }
      WaitForClient();
      bool got = ReadMessage(&type, &body);
      if (session_->terminate_requested) throw Terminated();
      if (!got) break;
      if (skip_until_sync && type != 'S' && type != 'X') continue;
      try {
        switch (type) {
          case 'Q': {
            MessageReader r(body);
            std::string sql = r.Str();
            if (r.failed()) throw ProtocolError{"invalid query message"};
            SimpleSink sink;
            sink.c = this;
            auto watch = server_->client_watch().Watch(sock_.fd(), &session_->client_lost);
            try {
              session_->Sync();  // a query ends the extended protocol's transaction, as a Sync would
              try {
                VerifyUtf8(sql);
              } catch (const Error&) {
                session_->AbortAfterError();  // as any error, it aborts a transaction block
                throw;
              }
              session_->ExecuteSimple(sql, &sink);
            } catch (const Error& e) {
              SendError(e, sql);
            }
            ReadyForQuery();
            break;
          }
          case 'P': HandleParse(body); break;
          case 'B': HandleBind(body); break;
          case 'D': HandleDescribe(body); break;
          case 'E': HandleExecute(body); break;
          case 'C': HandleClose(body); break;
          case 'H': sock_.Flush(); break;
          case 'S':
            skip_until_sync = false;
            try {
              session_->Sync();
            } catch (const Error& e) {
              SendError(e, current_sql_);  // the commit failed (a serialization failure, say)
            }
            unnamed_portal_cleanup();
            ReadyForQuery();
            break;
          case 'X': return;
          case 'd': case 'c': case 'f':
            break;  // COPY data outside COPY: ignored, as PostgreSQL does
          default:
            throw ProtocolError{"invalid frontend message type " + std::to_string(static_cast<int>(type))};
        }
      } catch (const Error& e) {
        session_->AbortAfterError();
        SendError(e, current_sql_);
        skip_until_sync = true;
        sock_.Flush();
      }
    }
  }

  void unnamed_portal_cleanup() {
    portals_.erase("");
    session_->ClosePortal("");
  }

  void HandleParse(const std::string& body) {
    MessageReader r(body);
    std::string name = r.Str(), sql = r.Str();
    int16_t n = r.Int16();
    std::vector<uint32_t> oids;
    for (int i = 0; i < n; i++) oids.push_back(static_cast<uint32_t>(r.Int32()));
    if (r.failed()) throw ProtocolError{"invalid Parse message"};
    current_sql_ = sql;
    VerifyUtf8(sql);
    if (!name.empty() && session_->prepared().count(name))
      throw Error("42P05", "prepared statement \"" + name + "\" already exists");
    if (session_->TransactionStatus() == 'E')
      throw Error(sqlstate::kInFailedSqlTransaction, "current transaction is aborted, commands ignored until end of transaction block");
    auto ps = session_->Prepare(sql, oids);
    session_->ClosePrepared(name);  // the unnamed statement is replaced
    session_->AddPrepared(name, std::move(ps));
    sock_.Write(MessageBuilder('1').Done());
  }

  void HandleBind(const std::string& body) {
    MessageReader r(body);
    std::string portal = r.Str(), stmt_name = r.Str();
    int16_t nf = r.Int16();
    std::vector<int16_t> formats;
    for (int i = 0; i < nf; i++) formats.push_back(r.Int16());
    int16_t np = r.Int16();
    if (r.failed() || np < 0) throw ProtocolError{"invalid Bind message"};
    auto ps = session_->FindPrepared(stmt_name);
    current_sql_ = ps->sql;
    if (static_cast<size_t>(np) != ps->param_types.size())
      throw Error(sqlstate::kProtocolViolation, "bind message supplies " + std::to_string(np) + " parameters, but prepared statement \"" + stmt_name + "\" requires " + std::to_string(ps->param_types.size()));
    Portal p;
    p.stmt = ps;
    std::optional<DateTimeContext> dt;  // read when a text parameter needs it
    for (int i = 0; i < np; i++) {
      int32_t len = r.Int32();
      if (r.failed()) throw ProtocolError{"invalid Bind message"};
      if (len == -1) { p.params.push_back(Value::Null()); continue; }
      if (len < 0) throw ProtocolError{"invalid parameter length"};
      std::string data = r.Bytes(static_cast<size_t>(len));
      if (r.failed()) throw ProtocolError{"invalid Bind message"};
      int16_t fmt = formats.empty() ? 0 : formats.size() == 1 ? formats[0] : (static_cast<size_t>(i) < formats.size() ? formats[static_cast<size_t>(i)] : 0);
      const Type& t = ps->param_types[static_cast<size_t>(i)];
      if (fmt != 1) VerifyUtf8(data);  // text arrives in the client encoding, UTF-8 (binary text is checked by its decoder)
      if (fmt != 1 && !dt) dt = session_->DateTime();
      p.params.push_back(fmt == 1 ? DecodeBinary(t, data) : ApplyTypmod(t, ParseText(t, data, *dt), true));
    }
    int16_t nr = r.Int16();
    for (int i = 0; i < nr; i++) p.result_formats.push_back(r.Int16());
    if (r.failed()) throw ProtocolError{"invalid Bind message"};
    if (session_->TransactionStatus() == 'E')
      throw Error(sqlstate::kInFailedSqlTransaction, "current transaction is aborted, commands ignored until end of transaction block");
    // A named portal is a cursor from its Bind (FETCH and MOVE may name it); the unnamed one
    // becomes one only if an Execute asks for part of its rows.
    if (!portal.empty()) p.cursor = session_->BindPortal(portal, ps, p.params);
    else session_->ClosePortal(portal);
    portals_[portal] = std::move(p);
    sock_.Write(MessageBuilder('2').Done());
  }

  void HandleDescribe(const std::string& body) {
    MessageReader r(body);
    char kind = r.Byte();
    std::string name = r.Str();
    if (r.failed()) throw ProtocolError{"invalid Describe message"};
    if (kind == 'S') {
      auto ps = session_->FindPrepared(name);
      MessageBuilder m('t');
      m.Int16(static_cast<int16_t>(ps->param_types.size()));
      for (const auto& t : ps->param_types) m.Int32(static_cast<int32_t>(t.WireOid()));
      sock_.Write(m.Done());
      if (ps->returns_rows) sock_.Write(RowDescription(ps->columns, {}));
      else sock_.Write(MessageBuilder('n').Done());
    } else if (kind == 'P') {
      auto it = portals_.find(name);
      if (it == portals_.end()) throw Error(sqlstate::kInvalidCursorName, "portal \"" + name + "\" does not exist");
      if (it->second.stmt->returns_rows) sock_.Write(RowDescription(it->second.stmt->columns, it->second.result_formats));
      else sock_.Write(MessageBuilder('n').Done());
    } else {
      throw ProtocolError{"invalid DESCRIBE message subtype " + std::to_string(static_cast<int>(kind))};
    }
  }

  void HandleExecute(const std::string& body) {
    MessageReader r(body);
    std::string name = r.Str();
    int32_t max_rows = r.Int32();
    if (r.failed()) throw ProtocolError{"invalid Execute message"};
    auto it = portals_.find(name);
    if (it == portals_.end()) throw Error(sqlstate::kInvalidCursorName, "portal \"" + name + "\" does not exist");
    Portal& p = it->second;
    current_sql_ = p.stmt->sql;
    if (!p.cursor && !p.executed && max_rows > 0 && name.empty()) p.cursor = session_->BindPortal(name, p.stmt, p.params);
    if (p.cursor) {
      if (!session_->PortalExists(name)) {  // its transaction has ended
        portals_.erase(it);
        throw Error(sqlstate::kInvalidCursorName, "portal \"" + name + "\" does not exist");
      }
      if (max_rows > 0 || session_->PortalOpened(name)) {
        StreamSink sink;
        sink.c = this;
        for (const auto& c : p.stmt->columns) sink.types.push_back(c.type);
        sink.formats = &p.result_formats;
        auto watch = server_->client_watch().Watch(sock_.fd(), &session_->client_lost);
        if (session_->FetchPortal(name, max_rows, &sink)) sock_.Write(MessageBuilder('s').Done());
        return;
      }
      // All of it at once: the prepared statement runs with its kept plan, not as a cursor.
      session_->ClosePortal(name);
      p.cursor = false;
    }
    if (!p.executed) {
      p.executed = true;
      PortalSink sink;
      sink.p = &p;
      sink.held = p.held.get();
      auto watch = server_->client_watch().Watch(sock_.fd(), &session_->client_lost);
      session_->ExecutePrepared(*p.stmt, p.params, &sink);
      for (const auto& n : p.notices) SendNotice(n);
    }
    std::vector<Type> types;
    for (const auto& c : p.stmt->columns) types.push_back(c.type);
    size_t limit = max_rows > 0 ? static_cast<size_t>(max_rows) : SIZE_MAX;
    size_t sent = 0;
    while (p.pos < p.rows.size() && sent < limit) {
      sock_.Write(DataRow(p.rows[p.pos++], types, p.result_formats));
      sent++;
    }
    if (p.pos < p.rows.size()) {
      sock_.Write(MessageBuilder('s').Done());
      return;
    }
    if (p.tag.empty()) sock_.Write(MessageBuilder('I').Done());
    else sock_.Write(MessageBuilder('C').Str(p.tag).Done());
  }

  void HandleClose(const std::string& body) {
    MessageReader r(body);
    char kind = r.Byte();
    std::string name = r.Str();
    if (r.failed()) throw ProtocolError{"invalid Close message"};
    if (kind == 'S') session_->ClosePrepared(name);
    else if (kind == 'P') {
      portals_.erase(name);
      session_->ClosePortal(name);  // portals and SQL cursors share their names
    }
    else throw ProtocolError{"invalid CLOSE message subtype " + std::to_string(static_cast<int>(kind))};
    sock_.Write(MessageBuilder('3').Done());
  }

  Server* server_;
  Socket sock_;
  std::unique_ptr<Session> session_;
  int wake_fd_ = -1;  // eventfd the NotificationHub signals
  int32_t secret_ = 0;
  std::map<std::string, Portal> portals_;
  std::string current_sql_;
};
}  // namespace

void ServeConnection(Server* server, int fd) {
  Connection c(server, fd);
  c.Run();
}

}  // namespace tusk
