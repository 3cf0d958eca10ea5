#include "types/tsearch/ts_dictionary.hpp"

#include <libstemmer.h>
#include <algorithm>
#include <atomic>
#include <cstring>
#include <memory>
#include <unordered_set>

#include "types/tsearch/ts_ctype.hpp"

namespace tusk {

namespace {

// Each language's stop words, embedded from src/types/tsearch/stopwords/ at build time.
struct StopWordFile {
  const char* language;
  const char* words;
};
const StopWordFile kStopWordFiles[] = {
#include "ts_stopwords.inc"
};

// A stop list as PostgreSQL's readstoplist reads a file: each line up to its first blank, in
// lower case; empty lines skipped.
std::unordered_set<std::string> ReadStopList(std::string_view file) {
  std::unordered_set<std::string> words;
  while (!file.empty()) {
    size_t eol = file.find('\n');
    std::string_view line = file.substr(0, eol);
    file.remove_prefix(eol == std::string_view::npos ? file.size() : eol + 1);
    size_t end = 0;
    while (end < line.size()) {
      size_t n = TsCharLength(line.substr(end));
      if (TsIsSpace(line.substr(end, n))) break;
      end += n;
    }
    if (end > 0) words.insert(TsLower(line.substr(0, end)));
  }
  return words;
}

class SimpleDictionary : public TsDictionary {
 public:
  std::optional<std::vector<std::string>> Lexize(std::string_view token) const override {
    std::string lower = TsLower(token);
    if (lower.empty()) return std::vector<std::string>{};
    return std::vector<std::string>{std::move(lower)};
  }
};

struct FreeStemmer {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

// A libstemmer stemmer keeps its state in itself, so it is not thread-safe: each thread has its
// own, per language (sessions stemming at once never wait for each other); null for a language
// libstemmer does not know.
sb_stemmer* ThreadStemmer(const char* language) {
  thread_local std::vector<std::pair<std::string, std::unique_ptr<sb_stemmer, FreeStemmer>>> mine;
  for (auto& [name, stemmer] : mine)
    if (name == language) return stemmer.get();
  mine.emplace_back(language, sb_stemmer_new(language, "UTF_8"));
  return mine.back().second.get();
}

class SnowballDictionary : public TsDictionary {
 public:
  SnowballDictionary(const char* language, const char* stop_file) : language_(language) {
    if (stop_file)
      for (const auto& f : kStopWordFiles)
        if (std::string_view(f.language) == stop_file) stop_ = ReadStopList(f.words);
  }

  std::optional<std::vector<std::string>> Lexize(std::string_view token) const override {
    std::string lower = TsLower(token);
    // As dict_snowball.c: longer tokens are surely no words of any language; kept as they are.
    if (token.size() > 1000) return std::vector<std::string>{std::move(lower)};
    if (lower.empty() || stop_.count(lower)) return std::vector<std::string>{};
    if (sb_stemmer* stemmer = ThreadStemmer(language_)) {
      const sb_symbol* out = sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(lower.data()), static_cast<int>(lower.size()));
      int len = sb_stemmer_length(stemmer);
      if (out && len > 0) lower.assign(reinterpret_cast<const char*>(out), static_cast<size_t>(len));
    }
    return std::vector<std::string>{std::move(lower)};
  }

 private:
  const char* language_;
  std::unordered_set<std::string> stop_;
};

// PostgreSQL 15's built-in dictionaries: simple, and one Snowball stemmer per language with
// the stop-word file its snowball_create.sql names (OIDs as initdb gives them).
struct Builtin {
  uint32_t oid;
  const char* name;
  const char* language;  // null: simple
  const char* stop_file;
};
const Builtin kBuiltins[] = {
    {3765, "simple", nullptr, nullptr},
    {13151, "arabic_stem", "arabic", nullptr},       {13153, "armenian_stem", "armenian", nullptr},
    {13155, "basque_stem", "basque", nullptr},       {13157, "catalan_stem", "catalan", nullptr},
    {13159, "danish_stem", "danish", "danish"},      {13161, "dutch_stem", "dutch", "dutch"},
    {13163, "english_stem", "english", "english"},   {13165, "finnish_stem", "finnish", "finnish"},
    {13167, "french_stem", "french", "french"},      {13169, "german_stem", "german", "german"},
    {13171, "greek_stem", "greek", nullptr},         {13173, "hindi_stem", "hindi", nullptr},
    {13175, "hungarian_stem", "hungarian", "hungarian"}, {13177, "indonesian_stem", "indonesian", nullptr},
    {13179, "irish_stem", "irish", nullptr},         {13181, "italian_stem", "italian", "italian"},
    {13183, "lithuanian_stem", "lithuanian", nullptr}, {13185, "nepali_stem", "nepali", "nepali"},
    {13187, "norwegian_stem", "norwegian", "norwegian"}, {13189, "portuguese_stem", "portuguese", "portuguese"},
    {13191, "romanian_stem", "romanian", nullptr},   {13193, "russian_stem", "russian", "russian"},
    {13195, "serbian_stem", "serbian", nullptr},     {13197, "spanish_stem", "spanish", "spanish"},
    {13199, "swedish_stem", "swedish", "swedish"},   {13201, "tamil_stem", "tamil", nullptr},
    {13203, "turkish_stem", "turkish", "turkish"},   {13205, "yiddish_stem", "yiddish", nullptr},
};

const std::vector<std::unique_ptr<TsDictionary>>& Dictionaries() {
  static const auto all = [] {
    std::vector<std::unique_ptr<TsDictionary>> d;
    for (const auto& b : kBuiltins) {
      std::unique_ptr<TsDictionary> one;
      if (b.language) one = std::make_unique<SnowballDictionary>(b.language, b.stop_file);
      else one = std::make_unique<SimpleDictionary>();
      one->oid = b.oid;
      one->name = b.name;
      d.push_back(std::move(one));
    }
    return d;
  }();
  return all;
}

// This thread's memory of dictionaries' answers: 64-byte slots, two per (dictionary, token)
// hash, the token and its one lexeme inline, a newer answer taking an older one's place. Small
// enough to stay in a core's cache even with a session per thread: a lookup is one cache
// line, where a node-based hash map walked three, mostly missing, lines.
struct RememberedAnswer {
  static constexpr size_t kBytes = 44;  // the token's bytes, then its lexeme's
  uint64_t instance = 0;                // 0: empty
  uint64_t hash = 0;
  uint8_t token_length = 0;
  uint8_t lexeme_length = 0;
  TsDictionary::Answer::Outcome outcome = TsDictionary::Answer::kUnknown;
  char bytes[kBytes];
};
static_assert(sizeof(RememberedAnswer) == 64);
constexpr size_t kRememberedAnswers = 16384;  // 1 MiB a thread

}  // namespace

uint64_t TsDictionary::NextInstance() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

void TsDictionary::LexizeRemembered(std::string_view token, Answer* answer) const {
  // Two ways: a token looks in two neighbouring slots, and a new answer goes in the first,
  // moving the one there to the second.
  thread_local std::unique_ptr<RememberedAnswer[]> memory(new RememberedAnswer[kRememberedAnswers]);
  const uint64_t hash = std::hash<std::string_view>{}(token) ^ (instance_ * 0x9e3779b97f4a7c15ULL);
  RememberedAnswer* ways = &memory[hash % (kRememberedAnswers / 2) * 2];
  answer->more.clear();
  for (int w = 0; w < 2; w++) {
    const RememberedAnswer& slot = ways[w];
    if (slot.instance == instance_ && slot.hash == hash && slot.token_length == token.size() &&
        std::memcmp(slot.bytes, token.data(), token.size()) == 0) {
      answer->outcome = slot.outcome;
      answer->one = std::string_view(slot.bytes + slot.token_length, slot.lexeme_length);
      return;
    }
  }
  std::optional<std::vector<std::string>> lexemes = Lexize(token);
  answer->outcome = !lexemes ? Answer::kUnknown : lexemes->empty() ? Answer::kStop : Answer::kLexemes;
  if (lexemes && lexemes->size() > 1) {
    answer->more = std::move(*lexemes);
    return;
  }
  std::string_view one = answer->outcome == Answer::kLexemes ? std::string_view((*lexemes)[0]) : std::string_view();
  if (token.size() + one.size() > RememberedAnswer::kBytes) {  // too long to remember
    if (answer->outcome == Answer::kLexemes) answer->more = std::move(*lexemes);
    return;
  }
  ways[1] = ways[0];
  RememberedAnswer& slot = ways[0];
  slot.instance = instance_;
  slot.hash = hash;
  slot.outcome = answer->outcome;
  slot.token_length = static_cast<uint8_t>(token.size());
  slot.lexeme_length = static_cast<uint8_t>(one.size());
  std::memcpy(slot.bytes, token.data(), token.size());
  std::memcpy(slot.bytes + token.size(), one.data(), one.size());
  answer->one = std::string_view(slot.bytes + slot.token_length, slot.lexeme_length);
}

const TsDictionary* FindTsDictionary(std::string_view name) {
  for (const auto& d : Dictionaries())
    if (d->name == name) return d.get();
  return nullptr;
}

const TsDictionary* FindTsDictionary(uint32_t oid) {
  for (const auto& d : Dictionaries())
    if (d->oid == oid) return d.get();
  return nullptr;
}

}  // namespace tusk
