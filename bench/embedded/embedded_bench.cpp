// Embedded Tusk vs SQLite 3: the same three jobs through each library's own API, in one process.
//
//   embedded_bench [--rows N] [--inserts N] [--lookups N] [--dir D]
//
// 1. single-row inserts: N autocommit transactions of one INSERT each;
// 2. bulk insert: N rows in one transaction;
// 3. point lookups: N random primary-key lookups over everything inserted.
// Both use prepared statements with bound parameters. Durability is matched: SQLite runs in WAL
// mode with synchronous=NORMAL (a commit is in the OS's page cache, survives a process crash, not
// a power loss), Tusk with synchronous_commit = off (the same promise); a second single-row line
// compares the fsync'd settings (SQLite synchronous=FULL, Tusk synchronous_commit = on).
// Prints one line per job: ops/s for each engine and the ratio Tusk/SQLite.
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "tusk/tusk.hpp"

namespace {

struct Sizes {
  int inserts = 20000;
  int rows = 1000000;
  int lookups = 200000;
  int synced_inserts = 2000;
};

double Seconds(const std::function<void()>& f) {
  auto t0 = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

std::string NameFor(int64_t id) { return "user-" + std::to_string(id * 7919 % 1000003); }

// The keys looked up: the same pseudo-random sequence for both engines.
std::vector<int64_t> LookupKeys(int n, int64_t max_id) {
  std::mt19937_64 rng(42);
  std::uniform_int_distribution<int64_t> pick(1, max_id);
  std::vector<int64_t> keys(n);
  for (auto& k : keys) k = pick(rng);
  return keys;
}

struct Timings {
  double inserts, synced, bulk, lookups;
};

// --- Tusk -----------------------------------------------------------------------------------

Timings RunTusk(const std::string& dir, const Sizes& n) {
  auto db = tusk::EmbeddedDatabase::Open(dir);
  auto conn = db->Connect();
  conn->Execute("CREATE TABLE kv (id bigint PRIMARY KEY, name text NOT NULL, score integer NOT NULL)");
  auto insert = conn->Prepare("INSERT INTO kv VALUES ($1, $2, $3)");
  int64_t id = 0;
  auto insert_one = [&] {
    id++;
    insert->Execute({tusk::Param(id), tusk::Param(NameFor(id)), tusk::Param(static_cast<int>(id % 1000))});
  };
  Timings t{};
  conn->Execute("SET synchronous_commit = off");
  t.inserts = Seconds([&] { for (int i = 0; i < n.inserts; i++) insert_one(); });
  conn->Execute("SET synchronous_commit = on");
  t.synced = Seconds([&] { for (int i = 0; i < n.synced_inserts; i++) insert_one(); });
  t.bulk = Seconds([&] {
    conn->Begin();
    for (int i = 0; i < n.rows; i++) insert_one();
    conn->Commit();
  });
  auto keys = LookupKeys(n.lookups, id);
  auto lookup = conn->Prepare("SELECT name, score FROM kv WHERE id = $1");
  size_t found = 0;
  t.lookups = Seconds([&] {
    for (int64_t k : keys) found += lookup->Execute({tusk::Param(k)}).RowCount();
  });
  if (found != keys.size()) {
    std::fprintf(stderr, "tusk: %zu of %zu lookups found a row\n", found, keys.size());
    std::exit(1);
  }
  return t;
}

// --- SQLite ---------------------------------------------------------------------------------

void Check(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    std::fprintf(stderr, "sqlite %s: %s\n", what, sqlite3_errmsg(db));
    std::exit(1);
  }
}

void Exec(sqlite3* db, const char* sql) { Check(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), db, sql); }

Timings RunSqlite(const std::string& path, const Sizes& n) {
  sqlite3* db = nullptr;
  Check(sqlite3_open(path.c_str(), &db), db, "open");
  Exec(db, "PRAGMA journal_mode = WAL");
  Exec(db, "PRAGMA synchronous = NORMAL");
  Exec(db, "CREATE TABLE kv (id INTEGER PRIMARY KEY, name TEXT NOT NULL, score INTEGER NOT NULL)");
  sqlite3_stmt* insert = nullptr;
  Check(sqlite3_prepare_v2(db, "INSERT INTO kv VALUES (?1, ?2, ?3)", -1, &insert, nullptr), db, "prepare");
  int64_t id = 0;
  auto insert_one = [&] {
    id++;
    std::string name = NameFor(id);
    sqlite3_bind_int64(insert, 1, id);
    sqlite3_bind_text(insert, 2, name.c_str(), static_cast<int>(name.size()), SQLITE_TRANSIENT);
    sqlite3_bind_int(insert, 3, static_cast<int>(id % 1000));
    Check(sqlite3_step(insert), db, "insert");
    sqlite3_reset(insert);
  };
  Timings t{};
  t.inserts = Seconds([&] { for (int i = 0; i < n.inserts; i++) insert_one(); });
  Exec(db, "PRAGMA synchronous = FULL");
  t.synced = Seconds([&] { for (int i = 0; i < n.synced_inserts; i++) insert_one(); });
  Exec(db, "PRAGMA synchronous = NORMAL");
  t.bulk = Seconds([&] {
    Exec(db, "BEGIN");
    for (int i = 0; i < n.rows; i++) insert_one();
    Exec(db, "COMMIT");
  });
  auto keys = LookupKeys(n.lookups, id);
  sqlite3_stmt* lookup = nullptr;
  Check(sqlite3_prepare_v2(db, "SELECT name, score FROM kv WHERE id = ?1", -1, &lookup, nullptr), db, "prepare");
  size_t found = 0;
  t.lookups = Seconds([&] {
    for (int64_t k : keys) {
      sqlite3_bind_int64(lookup, 1, k);
      while (sqlite3_step(lookup) == SQLITE_ROW) {
        // Read the values as the Tusk side does (it returns them as text).
        std::string name(reinterpret_cast<const char*>(sqlite3_column_text(lookup, 0)));
        found += sqlite3_column_int(lookup, 1) >= 0 && !name.empty();
      }
      sqlite3_reset(lookup);
    }
  });
  if (found != keys.size()) {
    std::fprintf(stderr, "sqlite: %zu of %zu lookups found a row\n", found, keys.size());
    std::exit(1);
  }
  sqlite3_finalize(insert);
  sqlite3_finalize(lookup);
  sqlite3_close(db);
  return t;
}

void Line(const char* job, int ops, double tusk_s, double sqlite_s) {
  double a = ops / tusk_s, b = ops / sqlite_s;
  std::printf("| %s | %d | %.0f | %.0f | %.2f× |\n", job, ops, b, a, a / b);
}

}  // namespace

int main(int argc, char** argv) {
  Sizes n;
  std::string dir;
  for (int i = 1; i < argc; i++) {
    std::string a = argv[i];
    auto next = [&]() -> const char* {
      if (i + 1 >= argc) { std::fprintf(stderr, "%s needs a value\n", a.c_str()); std::exit(2); }
      return argv[++i];
    };
    if (a == "--rows") n.rows = std::atoi(next());
    else if (a == "--inserts") n.inserts = std::atoi(next());
    else if (a == "--lookups") n.lookups = std::atoi(next());
    else if (a == "--synced-inserts") n.synced_inserts = std::atoi(next());
    else if (a == "--dir") dir = next();
    else if (a == "-h" || a == "--help") {
      std::printf("usage: embedded_bench [--inserts N] [--synced-inserts N] [--rows N] [--lookups N] [--dir DIR]\n"
                  "Embedded Tusk vs SQLite 3: single-row inserts, a bulk insert in one transaction and\n"
                  "primary-key lookups; prints ops/s per engine. DIR (default: a new temporary directory)\n"
                  "holds both databases and is removed afterwards.\n");
      return 0;
    } else {
      std::fprintf(stderr, "unknown argument %s (try --help)\n", a.c_str());
      return 2;
    }
  }
  namespace fs = std::filesystem;
  bool temporary = dir.empty();
  if (temporary) {
    char tmpl[] = "/tmp/tusk-embedded-bench-XXXXXX";
    if (!mkdtemp(tmpl)) { std::perror("mkdtemp"); return 1; }
    dir = tmpl;
  }
  fs::create_directories(dir);
  Timings s = RunSqlite(dir + "/sqlite.db", n);
  Timings t{};
  try {
    t = RunTusk(dir + "/tusk", n);
  } catch (const tusk::Error& e) {
    std::fprintf(stderr, "tusk error %s: %s\n", e.state(), e.what());
    return 1;
  }
  std::printf("| embedded job | operations | SQLite ops/s | Tusk ops/s | Tusk/SQLite |\n|---|---|---|---|---|\n");
  Line("single-row inserts (SQLite WAL synchronous=NORMAL, Tusk synchronous_commit=off)", n.inserts, t.inserts, s.inserts);
  Line("single-row inserts, fsync'd (SQLite synchronous=FULL, Tusk synchronous_commit=on)", n.synced_inserts, t.synced, s.synced);
  Line("bulk insert, one transaction", n.rows, t.bulk, s.bulk);
  Line("primary-key lookups", n.lookups, t.lookups, s.lookups);
  if (temporary) fs::remove_all(dir);
  return 0;
}
