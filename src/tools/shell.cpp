// tusk shell: an interactive SQL shell on a data directory, without a server.
#include <readline/history.h>
#include <readline/readline.h>

#include <cstdio>
#include <iostream>
#include <string>
#include <unistd.h>

#include "common/strings.hpp"
#include "tools/commands.hpp"
#include "tusk/tusk.hpp"

namespace tusk {

namespace {
const char* kShellHelp =
    "Usage: tusk shell DIR\n"
    "\n"
    "Opens the data directory DIR in-process (no server needed; it must not be open in a\n"
    "running server) and reads SQL statements. Statements end with ';' and may span lines.\n"
    "Meta-commands: \\q quit, \\? help.\n";

size_t DisplayWidth(const std::string& s) {
  size_t w = 0;
  for (unsigned char c : s) w += (c & 0xC0) != 0x80;
  return w;
}

bool IsNumericType(uint32_t oid) {
  return oid == 20 || oid == 21 || oid == 23 || oid == 700 || oid == 701 || oid == 1700 || oid == 26;
}

// psql's aligned format.
void PrintResult(const Result& r) {
  if (r.ColumnNames().empty()) {
    std::cout << r.Tag() << "\n";
    return;
  }
  size_t n = r.ColumnNames().size();
  std::vector<size_t> width(n);
  for (size_t c = 0; c < n; c++) width[c] = DisplayWidth(r.ColumnNames()[c]);
  for (size_t i = 0; i < r.RowCount(); i++)
    for (size_t c = 0; c < n; c++) width[c] = std::max(width[c], DisplayWidth(r.GetText(i, c)));
  std::string line;
  for (size_t c = 0; c < n; c++) {
    const std::string& h = r.ColumnNames()[c];
    size_t pad = width[c] - DisplayWidth(h);
    line += (c ? "|" : "") + std::string(" ") + std::string(pad / 2, ' ') + h + std::string(pad - pad / 2, ' ') + " ";
  }
  std::cout << line.substr(0, line.find_last_not_of(' ') + 1) << "\n";
  line.clear();
  for (size_t c = 0; c < n; c++) line += (c ? "+" : "") + std::string(width[c] + 2, '-');
  std::cout << line << "\n";
  for (size_t i = 0; i < r.RowCount(); i++) {
    line.clear();
    for (size_t c = 0; c < n; c++) {
      std::string v = r.GetText(i, c);
      size_t pad = width[c] - DisplayWidth(v);
      bool right = IsNumericType(r.ColumnTypes()[c]);
      line += (c ? "|" : "") + std::string(" ") + (right ? std::string(pad, ' ') + v : v + std::string(pad, ' ')) + " ";
    }
    std::cout << line.substr(0, line.find_last_not_of(' ') + 1) << "\n";
  }
  std::cout << "(" << r.RowCount() << (r.RowCount() == 1 ? " row)" : " rows)") << "\n\n";
}

// True when `buf` holds a complete statement: a ';' outside quotes and comments.
bool StatementComplete(const std::string& buf) {
  bool in_str = false, in_ident = false, in_dollar = false;
  std::string dollar_tag;
  for (size_t i = 0; i < buf.size(); i++) {
    char c = buf[i];
    if (in_str) { if (c == '\'') in_str = false; continue; }
    if (in_ident) { if (c == '"') in_ident = false; continue; }
    if (in_dollar) {
      if (buf.compare(i, dollar_tag.size(), dollar_tag) == 0) { in_dollar = false; i += dollar_tag.size() - 1; }
      continue;
    }
    if (c == '-' && i + 1 < buf.size() && buf[i + 1] == '-') { i = buf.find('\n', i); if (i == std::string::npos) return false; continue; }
    if (c == '\'') in_str = true;
    else if (c == '"') in_ident = true;
    else if (c == '$') {
      size_t e = buf.find('$', i + 1);
      if (e != std::string::npos) {
        std::string tag = buf.substr(i, e - i + 1);
        bool ok = true;
        for (size_t k = 1; k + 1 < tag.size(); k++) ok &= isalnum(static_cast<unsigned char>(tag[k])) || tag[k] == '_';
        if (ok) { in_dollar = true; dollar_tag = tag; i = e; }
      }
    } else if (c == ';') return true;
  }
  return false;
}
}  // namespace

int ShellCommand(int argc, char** argv) {
  if (argc != 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h") {
    std::fputs(kShellHelp, argc == 2 ? stdout : stderr);
    return argc == 2 ? 0 : 2;
  }
  std::unique_ptr<EmbeddedDatabase> db;
  std::unique_ptr<Connection> conn;
  try {
    db = EmbeddedDatabase::Open(argv[1]);
    conn = db->Connect();
  } catch (const Error& e) {
    std::fprintf(stderr, "tusk shell: %s\n", e.what());
    return 1;
  }
  bool tty = isatty(0);
  if (tty) std::printf("tusk shell on %s. Type \\q to quit, \\? for help.\n\n", argv[1]);
  std::string buf;
  for (;;) {
    const char* prompt = buf.empty() ? (conn->TransactionStatus() == 'I' ? "tusk=# " : conn->TransactionStatus() == 'T' ? "tusk=*# " : "tusk=!# ") : "tusk-# ";
    char* line = tty ? readline(prompt) : nullptr;
    std::string l;
    if (tty) {
      if (!line) break;
      l = line;
      free(line);
    } else if (!std::getline(std::cin, l)) {
      break;
    }
    std::string t = Trim(l);
    if (buf.empty() && !t.empty() && t[0] == '\\') {
      if (t == "\\q") break;
      if (t == "\\?") std::puts("  \\q  quit\n  \\?  this help\nEnd SQL statements with ';'.");
      else std::printf("invalid command %s\n", t.c_str());
      continue;
    }
    if (buf.empty() && t.empty()) continue;
    buf += l + "\n";
    if (!StatementComplete(buf)) continue;
    if (tty) add_history(Trim(buf).c_str());
    try {
      PrintResult(conn->Execute(buf));
    } catch (const Error& e) {
      std::fprintf(stderr, "ERROR:  %s\n", e.what());
      if (!e.detail().empty()) std::fprintf(stderr, "DETAIL:  %s\n", e.detail().c_str());
      if (!e.hint().empty()) std::fprintf(stderr, "HINT:  %s\n", e.hint().c_str());
    }
    buf.clear();
  }
  return 0;
}

}  // namespace tusk
