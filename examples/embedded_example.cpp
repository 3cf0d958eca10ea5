// Embedding Tusk: open a data directory, create a table, insert with parameters, query.
// Build: part of the project (`make build`); run: build/embedded_example [DIR]
#include <cstdio>
#include <filesystem>

#include "tusk/tusk.hpp"

int main(int argc, char** argv) {
  std::string dir = argc > 1 ? argv[1] : "./example-data";
  try {
    auto db = tusk::EmbeddedDatabase::Open(dir);
    auto conn = db->Connect();
    conn->Execute("CREATE TABLE IF NOT EXISTS notes (id bigserial PRIMARY KEY, body text NOT NULL, created_at timestamptz DEFAULT now())");
    conn->Begin();
    conn->Execute("INSERT INTO notes (body) VALUES ($1)", {tusk::Param("hello from an embedded program")});
    conn->Execute("INSERT INTO notes (body) VALUES ($1)", {tusk::Param("transactions work too")});
    conn->Commit();
    tusk::Result r = conn->Execute("SELECT id, body FROM notes ORDER BY id DESC LIMIT 2");
    for (size_t i = 0; i < r.RowCount(); i++) std::printf("%lld: %s\n", static_cast<long long>(r.GetInt(i, 0)), r.GetText(i, 1).c_str());
    // A statement run many times is prepared once: parsed and planned on its first execution.
    auto by_id = conn->Prepare("SELECT body FROM notes WHERE id = $1");
    std::printf("note 1: %s\n", by_id->Execute({tusk::Param(1)}).GetText(0, 0).c_str());
    tusk::Result count = conn->Execute("SELECT count(*) FROM notes");
    std::printf("%lld notes in total\n", static_cast<long long>(count.GetInt(0, 0)));
  } catch (const tusk::Error& e) {
    std::fprintf(stderr, "error %s: %s\n", e.state(), e.what());
    return 1;
  }
  return 0;
}
