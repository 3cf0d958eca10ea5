#include "types/tsearch/ts_dictionary.hpp"

#include <libstemmer.h>
#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <type_traits>
#include <unordered_set>

#include "catalog/text_search_def.hpp"
#include "common/error.hpp"
#include "types/tsearch/ts_ctype.hpp"
#include "types/tsearch/ts_template.hpp"

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

// PostgreSQL's dict_simple: the token in lower case; a stop word (or an empty token) gives no
// lexeme; any other is kept, or, with accept = false, reported unknown (the next dictionary is asked).
class SimpleDictionary : public TsDictionary {
 public:
  SimpleDictionary() = default;
  SimpleDictionary(std::unordered_set<std::string> stop, bool accept) : stop_(std::move(stop)), accept_(accept) {}

  std::optional<std::vector<std::string>> Lexize(std::string_view token) const override {
    std::string lower = TsLower(token);
    if (lower.empty() || stop_.count(lower)) return std::vector<std::string>{};
    if (!accept_) return std::nullopt;
    return std::vector<std::string>{std::move(lower)};
  }

 private:
  std::unordered_set<std::string> stop_;
  bool accept_ = true;
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
  SnowballDictionary(std::string language, std::unordered_set<std::string> stop)
      : language_(std::move(language)), stop_(std::move(stop)) {}

  std::optional<std::vector<std::string>> Lexize(std::string_view token) const override {
    std::string lower = TsLower(token);
    // As dict_snowball.c: longer tokens are surely no words of any language; kept as they are.
    if (token.size() > 1000) return std::vector<std::string>{std::move(lower)};
    if (lower.empty() || stop_.count(lower)) return std::vector<std::string>{};
    if (sb_stemmer* stemmer = ThreadStemmer(language_.c_str())) {
      const sb_symbol* out = sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(lower.data()), static_cast<int>(lower.size()));
      int len = sb_stemmer_length(stemmer);
      if (out && len > 0) lower.assign(reinterpret_cast<const char*>(out), static_cast<size_t>(len));
    }
    return std::vector<std::string>{std::move(lower)};
  }

 private:
  std::string language_;
  std::unordered_set<std::string> stop_;
};

using StopSet = std::unordered_set<std::string>;

// One of the embedded lists (every name given here has one).
StopSet BuiltinStopList(std::string_view language) {
  for (const auto& f : kStopWordFiles)
    if (language == f.language) return ReadStopList(f.words);
  return {};
}

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
      if (b.language) one = std::make_unique<SnowballDictionary>(b.language, b.stop_file ? BuiltinStopList(b.stop_file) : StopSet{});
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
  uint64_t instance;                    // 0: empty (all zero bytes is an empty slot)
  uint64_t hash;
  uint8_t token_length;
  uint8_t lexeme_length;
  TsDictionary::Answer::Outcome outcome;
  char bytes[kBytes];
};
static_assert(std::is_trivial_v<RememberedAnswer>);
static_assert(sizeof(RememberedAnswer) == 64);
constexpr size_t kRememberedAnswers = 16384;  // 1 MiB a thread

[[noreturn]] void NeedsParameter(const TsDictOption& o) {
  throw Error(sqlstate::kSyntaxError, o.name + " requires a parameter");
}

// A stop-word list by the name a STOPWORDS option gives, as PostgreSQL's readstoplist finds
// its file: the same names (a-z, 0-9, _), the lists PostgreSQL ships; "" is none.
StopSet StopListOption(const TsDictOption& o) {
  if (!o.value) NeedsParameter(o);
  const std::string& name = *o.value;
  if (name.empty()) return {};
  if (name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos)
    throw Error(sqlstate::kInvalidParameterValue, "invalid text search configuration file name \"" + name + "\"");
  for (const auto& f : kStopWordFiles)
    if (name == f.language) return ReadStopList(f.words);
  throw Error("F0000", "could not open stop-word file \"" + std::string(kTsearchDataDir) + name +
                                              ".stop\": No such file or directory");
}

// A STOPWORDS option, given once (both templates read it alike); false for another option.
bool StopWordsOption(const TsDictOption& o, StopSet* stop, bool* seen) {
  if (o.name != "stopwords") return false;
  if (*seen) throw Error(sqlstate::kInvalidParameterValue, "multiple StopWords parameters");
  *stop = StopListOption(o);
  *seen = true;
  return true;
}

// defGetBoolean: no value is true; 0 and 1; true, false, on, off in any case.
bool BooleanOption(const TsDictOption& o) {
  if (!o.value) return true;
  std::string v = *o.value;
  for (char& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (o.number ? v == "1" : v == "true" || v == "on") return true;
  if (o.number ? v == "0" : v == "false" || v == "off") return false;
  throw Error(sqlstate::kSyntaxError, o.name + " requires a Boolean value");
}

// The Snowball stemmers PostgreSQL 15 has (dict_snowball.c's list for UTF8), matched in any case.
const char* const kSnowballLanguages[] = {"arabic", "armenian", "basque", "catalan", "danish", "dutch", "english",
                                          "finnish", "french", "german", "greek", "hindi", "hungarian", "indonesian",
                                          "irish", "italian", "lithuanian", "nepali", "norwegian", "porter",
                                          "portuguese", "romanian", "russian", "serbian", "spanish", "swedish",
                                          "tamil", "turkish", "yiddish"};

std::string SnowballLanguage(const TsDictOption& o) {
  if (!o.value) NeedsParameter(o);
  std::string lower = *o.value;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* l : kSnowballLanguages)
    if (lower == l) {
      sb_stemmer* probe = sb_stemmer_new(l, "UTF_8");
      if (!probe) throw Error(sqlstate::kFeatureNotSupported, "the Snowball stemmer for language \"" + lower + "\" is not available");
      sb_stemmer_delete(probe);
      return lower;
    }
  throw Error(sqlstate::kUndefinedObject, "no Snowball stemmer available for language \"" + *o.value + "\" and encoding \"UTF8\"");
}

}  // namespace

uint64_t TsDictionary::NextInstance() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

void TsDictionary::LexizeRemembered(std::string_view token, Answer* answer) const {
  // Two ways: a token looks in two neighbouring slots, and a new answer goes in the first,
  // moving the one there to the second.
  // Zeroed pages from calloc (all slots empty): a session pays memory for the slots its words
  // reach, not for the whole table, and nothing until it first parses text.
  struct Free {
    void operator()(RememberedAnswer* p) const { std::free(p); }
  };
  thread_local std::unique_ptr<RememberedAnswer, Free> memory(
      static_cast<RememberedAnswer*>(std::calloc(kRememberedAnswers, sizeof(RememberedAnswer))));
  if (!memory) throw std::bad_alloc();
  const uint64_t hash = std::hash<std::string_view>{}(token) ^ (instance_ * 0x9e3779b97f4a7c15ULL);
  RememberedAnswer* ways = memory.get() + hash % (kRememberedAnswers / 2) * 2;
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
  // memcpy from an empty view's null data() is undefined, even for 0 bytes
  if (!token.empty()) std::memcpy(slot.bytes, token.data(), token.size());
  if (!one.empty()) std::memcpy(slot.bytes + token.size(), one.data(), one.size());
  answer->one = std::string_view(slot.bytes + slot.token_length, slot.lexeme_length);
}



std::shared_ptr<const TsDictionary> MakeSimpleDictionary(const std::vector<TsDictOption>& options) {
  StopSet stop;
  bool accept = true, have_stop = false, have_accept = false;
  for (const TsDictOption& o : options) {
    if (StopWordsOption(o, &stop, &have_stop)) continue;
    if (o.name == "accept") {
      if (have_accept) throw Error(sqlstate::kInvalidParameterValue, "multiple Accept parameters");
      accept = BooleanOption(o);
      have_accept = true;
    } else {
      throw Error(sqlstate::kInvalidParameterValue, "unrecognized simple dictionary parameter: \"" + o.name + "\"");
    }
  }
  return std::make_shared<SimpleDictionary>(std::move(stop), accept);
}

std::shared_ptr<const TsDictionary> MakeSnowballDictionary(const std::vector<TsDictOption>& options) {
  StopSet stop;
  std::string language;
  bool have_stop = false;
  for (const TsDictOption& o : options) {
    if (StopWordsOption(o, &stop, &have_stop)) continue;
    if (o.name == "language") {
      if (!language.empty()) throw Error(sqlstate::kInvalidParameterValue, "multiple Language parameters");
      language = SnowballLanguage(o);
    } else {
      throw Error(sqlstate::kInvalidParameterValue, "unrecognized Snowball parameter: \"" + o.name + "\"");
    }
  }
  if (language.empty()) throw Error(sqlstate::kInvalidParameterValue, "missing Language parameter");
  return std::make_shared<SnowballDictionary>(std::move(language), std::move(stop));
}

std::vector<BuiltinTsDictionaryInfo> BuiltinTsDictionaries() {
  std::vector<BuiltinTsDictionaryInfo> out;
  for (const auto& b : kBuiltins) {
    std::string options;
    if (b.language) options = "language = '" + std::string(b.language) + "'";
    if (b.stop_file) options += ", stopwords = '" + std::string(b.stop_file) + "'";
    out.push_back({b.oid, b.name, b.language ? kTsSnowballTemplateOid : kTsSimpleTemplateOid, options});
  }
  return out;
}

const TsDictionary* FindBuiltinTsDictionary(std::string_view name) {
  for (const auto& d : Dictionaries())
    if (d->name == name) return d.get();
  return nullptr;
}

const TsDictionary* FindBuiltinTsDictionary(uint32_t oid) {
  for (const auto& d : Dictionaries())
    if (d->oid == oid) return d.get();
  return nullptr;
}

}  // namespace tusk
