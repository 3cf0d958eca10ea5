// GIN posting lists (src/access/gin/posting_list.hpp): chunks round-trip, and an entry's rows
// are read and intersected the same whatever mix of chunks and single rows holds them, against
// a plain set computation over random rows.
#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <random>
#include <set>

#include "access/gin/packed_rows.hpp"
#include "access/gin/posting_list.hpp"
#include "common/error.hpp"
#include "common/keycodec.hpp"

namespace tusk {
namespace {

// A table key; every fifth one longer (by 4 bytes with `long_tail`, else by 1).
std::string Row(uint64_t n, bool long_tail = true) {
  std::string k = RelationPrefix(42);
  AppendUint32BE(static_cast<uint32_t>(n >> 32), &k);
  AppendUint32BE(static_cast<uint32_t>(n), &k);
  if (n % 5 == 0) k += long_tail ? "tail" : "t";
  return k;
}

// An entry whose rows are `rows` (sorted, distinct): the first `chunked` of them in chunks of
// `per_chunk`, the rest as single rows.
EntryPostings MakeEntry(const std::vector<std::string>& rows, size_t chunked, size_t per_chunk) {
  EntryPostings e;
  PostingListEncoder chunk;
  std::string first;
  auto put = [&] {
    e.chunks.push_back(chunk.Value());
    e.chunk_first.push_back(first);
    e.chunk_last.push_back(std::string(PostingReader(e.chunks.back()).last()));
    e.rows += chunk.rows();
    chunk.Clear();
  };
  for (size_t i = 0; i < chunked; i++) {
    if (chunk.rows() == 0) first = rows[i];
    chunk.Add(rows[i]);
    if (chunk.rows() == per_chunk) put();
  }
  if (chunk.rows() > 0) put();
  for (size_t i = chunked; i < rows.size(); i++) e.singles.push_back(rows[i]);
  e.rows += rows.size() - chunked;
  return e;
}

std::vector<std::string> RandomRows(std::mt19937_64* rng, size_t n, uint64_t range, bool long_tail) {
  std::set<std::string> s;
  while (s.size() < n) {
    const uint64_t k = (*rng)() % range;
    // Some keys also or only with a zero byte more: such pairs differ only in length.
    const uint64_t form = k % 7 == 0 ? (*rng)() % 3 : 0;
    if (form != 1) s.insert(Row(k, long_tail));
    if (form != 0 && s.size() < n) s.insert(Row(k, long_tail) + '\0');
  }
  return {s.begin(), s.end()};
}

TEST(PostingListTest, ChunkRoundTrip) {
  std::vector<std::string> rows = {Row(1), Row(2), Row(5), Row(300), Row(1ull << 40)};
  PostingListEncoder enc;
  for (const auto& r : rows) enc.Add(r);
  std::string value = enc.Value();
  PostingReader reader(value);
  EXPECT_EQ(reader.rows(), rows.size());
  EXPECT_EQ(reader.last(), rows.back());
  std::vector<std::string> back;
  while (reader.Next()) back.emplace_back(reader.row());
  EXPECT_EQ(back, rows);
}

TEST(PostingListTest, CorruptChunkIsAnError) {
  PostingListEncoder enc;
  enc.Add(Row(1));
  enc.Add(Row(2));
  const std::string value = enc.Value();
  for (size_t cut : {1, 3}) {  // a row cut short; a row missing
    std::string bad = value.substr(0, value.size() - cut);
    PostingReader reader(bad);
    EXPECT_TRUE(reader.Next());
    EXPECT_THROW(reader.Next(), Error) << "cut " << cut;
  }
  EXPECT_THROW(PostingReader(std::string_view("\x05\x20", 2)), Error);  // a last row past the end
}

TEST(PostingListTest, ReadAndIntersectAgreeWithSets) {
  std::mt19937_64 rng(7);
  for (int round = 0; round < 400; round++) {
    const bool long_tail = round % 8 >= 4;
    const uint64_t range = 1 + rng() % 5000;
    std::vector<std::string> mine = RandomRows(&rng, rng() % std::min<uint64_t>(range, 800), range, long_tail);
    std::vector<std::string> theirs = RandomRows(&rng, rng() % std::min<uint64_t>(range, 800), range, long_tail);
    // Every row in chunks half of the time (the streamed intersection), some single otherwise.
    const size_t chunked = round % 4 < 2 ? theirs.size() : rng() % (theirs.size() + 1);
    const size_t per_chunk = 1 + rng() % 64;
    EntryPostings entry = MakeEntry(theirs, chunked, per_chunk);
    // A row in both forms (updated after a merge) is one row.
    if (chunked > 0 && round % 4 == 3) {
      entry.singles.insert(entry.singles.begin(), theirs[0]);
      entry.rows++;
    }
    EXPECT_EQ(EntryRows(entry), theirs) << "round " << round;
    std::vector<std::string> want, got = mine;
    std::set_intersection(mine.begin(), mine.end(), theirs.begin(), theirs.end(), std::back_inserter(want));
    KeepEntryRows(entry, &got);
    EXPECT_EQ(got, want) << "round " << round;
  }
}

TEST(PostingListTest, RowsInAllEntriesAgreesWithSets) {
  // Packed keys (rows of one table, short), and sets where one row does not pack (too long,
  // or of another table): the string path must give the same answer.
  std::mt19937_64 rng(11);
  for (int round = 0; round < 300; round++) {
    const uint64_t range = 1 + rng() % 3000;
    std::vector<EntryPostings> entries;
    std::vector<std::string> want;
    for (int e = 0; e < 3; e++) {
      std::vector<std::string> rows = RandomRows(&rng, rng() % std::min<uint64_t>(range, 600), range, round % 2 == 0);
      if (round % 5 == 3 && !rows.empty()) rows.back() += std::string(12, 'x');
      if (round % 5 == 4 && !rows.empty()) rows.back()[1] = '\x7f';
      std::sort(rows.begin(), rows.end());
      const size_t chunked = round % 3 == 0 ? rows.size() : rng() % (rows.size() + 1);
      entries.push_back(MakeEntry(rows, chunked, 1 + rng() % 64));
      if (e == 0) {
        want = rows;
      } else {
        std::vector<std::string> both;
        std::set_intersection(want.begin(), want.end(), rows.begin(), rows.end(), std::back_inserter(both));
        want = both;
      }
    }
    EXPECT_EQ(RowsInAllEntries(entries), want) << "round " << round;
  }
}

TEST(PostingListTest, RowsInAllEntriesOrdersKeysOfEveryLength) {
  // Keys from the relation prefix alone up to 15 bytes past it, of few byte values (zeros
  // included), so that many differ only in length or in their last byte.
  std::mt19937_64 rng(5);
  const char alphabet[] = {'\0', '\1', 'a', '\xff'};
  for (int round = 0; round < 200; round++) {
    std::vector<std::vector<std::string>> sets(2);
    for (auto& rows : sets) {
      std::set<std::string> keys;
      for (int i = 0; i < 300; i++) {
        std::string k = RelationPrefix(42);
        for (size_t n = rng() % 16; n > 0; n--) k += alphabet[rng() % 4];
        keys.insert(k);
      }
      rows.assign(keys.begin(), keys.end());
    }
    std::vector<EntryPostings> entries;
    for (const auto& rows : sets) entries.push_back(MakeEntry(rows, round % 2 ? rows.size() : rows.size() / 2, 1 + rng() % 32));
    std::vector<std::string> want;
    std::set_intersection(sets[0].begin(), sets[0].end(), sets[1].begin(), sets[1].end(), std::back_inserter(want));
    EXPECT_EQ(RowsInAllEntries(entries), want) << "round " << round;
  }
}

TEST(PostingListTest, OverlappingChunksFallBackToSorting) {
  // Two writers of one entry's chunks may leave them overlapping: answers must not change.
  std::vector<std::string> a = {Row(1), Row(5), Row(9)}, b = {Row(3), Row(5), Row(7)};
  EntryPostings e = MakeEntry(a, a.size(), 8);
  EntryPostings other = MakeEntry(b, b.size(), 8);
  e.chunks.push_back(other.chunks[0]);
  e.chunk_first.push_back(other.chunk_first[0]);
  e.chunk_last.push_back(other.chunk_last[0]);
  e.rows += other.rows;
  std::vector<std::string> all = {Row(1), Row(3), Row(5), Row(7), Row(9)};
  EXPECT_EQ(EntryRows(e), all);
  std::vector<std::string> mine = {Row(3), Row(4), Row(9)};
  KeepEntryRows(e, &mine);
  EXPECT_EQ(mine, (std::vector<std::string>{Row(3), Row(9)}));
}

TEST(PostingListTest, BuilderWritesEveryRowOnce) {
  std::map<std::string, std::vector<std::string>> written;  // chunk key -> rows
  PostingListBuilder builder([&](const std::string& key, const std::string& value) {
    auto& rows = written[key];
    for (PostingReader r(value); r.Next();) rows.emplace_back(r.row());
  });
  const std::string a = "entry-a", b = "entry-b";
  for (uint64_t i = 0; i < 5000; i++) {
    builder.Add(a, Row(i));
    if (i % 3 == 0) builder.Add(b, Row(i));
  }
  builder.Flush();
  size_t rows_a = 0, rows_b = 0;
  for (const auto& [key, rows] : written) {
    EXPECT_LE(rows.size(), kPostingChunkRows);
    EXPECT_TRUE(std::is_sorted(rows.begin(), rows.end()));
    if (key.rfind(a, 0) == 0) rows_a += rows.size();
    if (key.rfind(b, 0) == 0) rows_b += rows.size();
    EXPECT_EQ(key.substr(key.find('\0') + 1), rows.front());
  }
  EXPECT_EQ(rows_a, 5000u);
  EXPECT_EQ(rows_b, 1667u);
}

// Many entries, as a build over unique values meets them: short ones (kept in the builder's
// table slots) and long ones, entries that are prefixes of others, zero bytes inside, enough
// of them to grow the builder's table several times. Every row reaches its entry once, and
// the partial chunks of the flush come out in key order.
TEST(PostingListTest, BuilderKeepsManyEntriesApart) {
  const std::string index = RelationPrefix(16384);
  std::mt19937_64 rng(7);
  std::vector<std::string> entries;
  for (int i = 0; i < 3000; i++) {
    std::string e = index + std::to_string(i);
    if (i % 5 == 0) e += std::string(24, static_cast<char>('a' + i % 26));  // past the inline bytes
    if (i % 7 == 0) e += std::string(1, '\0') + "z";
    entries.push_back(e);
  }
  entries.push_back(index + "1");  // a prefix of "10", "100", ...
  std::map<std::string, std::vector<std::string>> expected, got;
  bool flushing = false;
  std::string last_flushed;
  PostingListBuilder builder([&](const std::string& key, const std::string& value) {
    PostingReader r(value);
    std::vector<std::string> rows;
    while (r.Next()) rows.emplace_back(r.row());
    ASSERT_FALSE(rows.empty());
    ASSERT_GT(key.size(), rows.front().size());
    const std::string entry = key.substr(0, key.size() - rows.front().size() - 1);
    if (flushing) {
      EXPECT_LT(last_flushed, key);
      last_flushed = key;
    }
    auto& all = got[entry];
    all.insert(all.end(), rows.begin(), rows.end());
  });
  for (uint64_t row = 0; row < 40000; row++) {
    for (int k = 0; k < 4; k++) {
      const std::string& e = entries[rng() % entries.size()];
      auto& rows = expected[e];
      if (!rows.empty() && rows.back() == Row(row)) continue;  // an entry names a row once
      rows.push_back(Row(row));
      builder.Add(e, Row(row));
    }
  }
  flushing = true;
  builder.Flush();
  for (auto& [entry, rows] : got) std::sort(rows.begin(), rows.end());  // chunks of one entry interleave
  EXPECT_EQ(got, expected);
}

}  // namespace
}  // namespace tusk
