// libFuzzer target: SQL text up to planning — parse, bind and plan, never execute.
//
// Input: the statement text (any bytes). Session::Prepare parses it (libpg_query), and for
// SELECT, INSERT, UPDATE, DELETE and EXPLAIN binds and plans it against the catalog, in a
// throwaway transaction (engine/query.cpp DescribeStatement). Nothing is executed, so the
// database is the same for every input: a temporary directory, opened once per process, with a
// small schema (int/text/numeric/timestamptz/jsonb/array/enum/uuid/bytea/interval columns, an
// index, a partial index, a foreign key, a check, an enum, a sequence, a second schema).
//
// tusk::Error (any SQLSTATE) is the expected way to refuse; any other exception escaping, a
// sanitizer report, a hang (-timeout) or an error without a 5-character SQLSTATE is a finding.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <memory>
#include <string>

#include "common/error.hpp"
#include "engine/database.hpp"
#include "engine/session.hpp"
#include "schema.hpp"

namespace {

namespace fs = std::filesystem;

struct Env {
  std::string root;
  std::unique_ptr<tusk::Database> db;
  std::unique_ptr<tusk::Session> session;
  ~Env() {
    if (session) session->Close();
    session.reset();
    db.reset();
    std::error_code ec;
    fs::remove_all(root, ec);
  }
};

Env* env = nullptr;

void Setup() {
  env = new Env;
  std::string pattern = (fs::temp_directory_path() / "tusk-fuzz-sql-XXXXXX").string();
  if (!mkdtemp(pattern.data())) { perror("mkdtemp"); abort(); }
  env->root = pattern;
  env->db = tusk::Database::Open(env->root + "/data", 8 << 20);
  env->session = std::make_unique<tusk::Session>(env->db.get(), "postgres", "postgres");
  tusk::ResultSink sink;
  for (const char* sql : fuzz::kSchema) {
    try {
      env->session->ExecuteSimple(sql, &sink);
    } catch (const tusk::Error& e) {
      fprintf(stderr, "fuzz_sql: schema statement failed (%s %s): %s\n", e.state(), e.what(), sql);
    }
  }
  atexit([] { delete env; env = nullptr; });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (!env) Setup();
  std::string sql(reinterpret_cast<const char*>(data), size);
  try {
    auto ps = env->session->Prepare(sql, {});
    (void)ps;
  } catch (const tusk::Error& e) {
    if (!e.state() || strlen(e.state()) != 5) {
      fprintf(stderr, "FINDING: tusk::Error without a SQLSTATE: %s\n", e.what());
      abort();
    }
  } catch (const std::exception& e) {
    fprintf(stderr, "FINDING: std::exception escaped Session::Prepare: %s\n", e.what());
    abort();
  } catch (...) {
    fprintf(stderr, "FINDING: non-std exception escaped Session::Prepare\n");
    abort();
  }
  // Prepare outside a block never leaves one open; if it did, the next input would see it.
  if (env->session->TransactionStatus() != 'I') {
    fprintf(stderr, "FINDING: Session::Prepare left transaction status '%c'\n", env->session->TransactionStatus());
    abort();
  }
  return 0;
}
