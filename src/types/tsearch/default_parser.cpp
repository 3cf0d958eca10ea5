// PostgreSQL 15's default text-search parser (wparser_def.c), rewritten for Tusk.
//
// The parser is a pushdown recogniser. Each state has an ordered list of rules; the first
// rule whose test accepts the current character fires. A rule may emit the token read so far,
// push a copy of the current position (a choice point), pop back to the last choice point,
// drop choice points, or re-examine the same character in another state. After a pop the
// state that pushed resumes at the rule after the one that pushed, so two rules with the same
// test are two alternatives tried in order. Two tests (an e-mail's host, a URL's path) run a
// nested parser from the current position and look at the type of the first token it finds.
//
// Characters are classified as PostgreSQL does for a multibyte database: the text is taken
// as wide characters and classified with the C library's isw* functions in C.UTF-8 (see
// ts_ctype.hpp); "marks" are the characters PostgreSQL shows with zero width or lists as
// spacing combining signs: they continue a word but never start one.
#include "types/tsearch/default_parser.hpp"

#include <locale.h>
#include <wctype.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <optional>

#include "types/tsearch/ts_ctype.hpp"

namespace tusk {

namespace {

// ---------------------------------------------------------------------------------------
// Character classes

// Non-spacing and enclosing marks (Unicode 14's Mn and Me, as PostgreSQL 15's width table
// groups them) together with the spacing signs of Indic and South-East Asian scripts that
// PostgreSQL also treats as word-internal.
struct CodeRange {
  uint32_t lo, hi;
};
constexpr CodeRange kMarks[] = {
    {0x300, 0x36F}, {0x483, 0x489}, {0x591, 0x5BD}, {0x5BF, 0x5BF}, {0x5C1, 0x5C2},
    {0x5C4, 0x5C5}, {0x5C7, 0x5C7}, {0x610, 0x61A}, {0x64B, 0x65F}, {0x670, 0x670},
    {0x6D6, 0x6DC}, {0x6DF, 0x6E4}, {0x6E7, 0x6E8}, {0x6EA, 0x6ED}, {0x711, 0x711},
    {0x730, 0x74A}, {0x7A6, 0x7B0}, {0x7EB, 0x7F3}, {0x7FD, 0x7FD}, {0x816, 0x819},
    {0x81B, 0x823}, {0x825, 0x827}, {0x829, 0x82D}, {0x859, 0x85B}, {0x898, 0x89F},
    {0x8CA, 0x8E1}, {0x8E3, 0x903}, {0x93A, 0x93A}, {0x93C, 0x93C}, {0x93E, 0x94D},
    {0x951, 0x957}, {0x962, 0x963}, {0x981, 0x983}, {0x9BC, 0x9BC}, {0x9BE, 0x9C4},
    {0x9C7, 0x9C8}, {0x9CB, 0x9CD}, {0x9D7, 0x9D7}, {0x9E2, 0x9E3}, {0x9FE, 0xA03},
    {0xA3C, 0xA3C}, {0xA3E, 0xA51}, {0xA70, 0xA71}, {0xA75, 0xA75}, {0xA81, 0xA83},
    {0xABC, 0xABC}, {0xABE, 0xAC9}, {0xACB, 0xACD}, {0xAE2, 0xAE3}, {0xAFA, 0xB03},
    {0xB3C, 0xB3C}, {0xB3E, 0xB44}, {0xB47, 0xB48}, {0xB4B, 0xB57}, {0xB62, 0xB63},
    {0xB82, 0xB82}, {0xBBE, 0xBC2}, {0xBC6, 0xBC8}, {0xBCA, 0xBCD}, {0xBD7, 0xBD7},
    {0xC00, 0xC04}, {0xC3C, 0xC3C}, {0xC3E, 0xC44}, {0xC46, 0xC56}, {0xC62, 0xC63},
    {0xC81, 0xC83}, {0xCBC, 0xCBC}, {0xCBE, 0xCC4}, {0xCC6, 0xCC8}, {0xCCA, 0xCCD},
    {0xCD5, 0xCD6}, {0xCE2, 0xCE3}, {0xD00, 0xD03}, {0xD3B, 0xD3C}, {0xD3E, 0xD44},
    {0xD46, 0xD48}, {0xD4A, 0xD4D}, {0xD57, 0xD57}, {0xD62, 0xD63}, {0xD81, 0xD83},
    {0xDCA, 0xDCA}, {0xDCF, 0xDD6}, {0xDD8, 0xDDF}, {0xDF2, 0xDF3}, {0xE31, 0xE31},
    {0xE34, 0xE3A}, {0xE47, 0xE4E}, {0xEB1, 0xEB1}, {0xEB4, 0xEBC}, {0xEC8, 0xECD},
    {0xF18, 0xF19}, {0xF35, 0xF35}, {0xF37, 0xF37}, {0xF39, 0xF39}, {0xF3E, 0xF3F},
    {0xF71, 0xF84}, {0xF86, 0xF87}, {0xF8D, 0xFBC}, {0xFC6, 0xFC6}, {0x102B, 0x103E},
    {0x1056, 0x1059}, {0x105E, 0x1060}, {0x1062, 0x1064}, {0x1067, 0x106D}, {0x1071, 0x1074},
    {0x1082, 0x108D}, {0x108F, 0x108F}, {0x109D, 0x109D}, {0x135D, 0x135F}, {0x1712, 0x1714},
    {0x1732, 0x1733}, {0x1752, 0x1753}, {0x1772, 0x1773}, {0x17B4, 0x17D3}, {0x17DD, 0x17DD},
    {0x180B, 0x180D}, {0x180F, 0x180F}, {0x1885, 0x1886}, {0x18A9, 0x18A9}, {0x1920, 0x192B},
    {0x1930, 0x193B}, {0x19B0, 0x19C0}, {0x19C8, 0x19C9}, {0x1A17, 0x1A1B}, {0x1A56, 0x1A56},
    {0x1A58, 0x1A60}, {0x1A62, 0x1A62}, {0x1A65, 0x1A6C}, {0x1A73, 0x1A7F}, {0x1AB0, 0x1B04},
    {0x1B34, 0x1B44}, {0x1B6B, 0x1B73}, {0x1B80, 0x1B82}, {0x1BA1, 0x1BAD}, {0x1BE6, 0x1BE6},
    {0x1BE8, 0x1BE9}, {0x1BED, 0x1BED}, {0x1BEF, 0x1BF1}, {0x1C24, 0x1C37}, {0x1CD0, 0x1CD2},
    {0x1CD4, 0x1CE0}, {0x1CE2, 0x1CE8}, {0x1CED, 0x1CED}, {0x1CF4, 0x1CF4}, {0x1CF8, 0x1CF9},
    {0x1DC0, 0x1DFF}, {0x20D0, 0x20F0}, {0x2CEF, 0x2CF1}, {0x2D7F, 0x2D7F}, {0x2DE0, 0x2DFF},
    {0x302A, 0x302D}, {0x3099, 0x309A}, {0xA66F, 0xA672}, {0xA674, 0xA67D}, {0xA69E, 0xA69F},
    {0xA6F0, 0xA6F1}, {0xA802, 0xA802}, {0xA806, 0xA806}, {0xA80B, 0xA80B}, {0xA823, 0xA827},
    {0xA82C, 0xA82C}, {0xA880, 0xA881}, {0xA8B4, 0xA8C5}, {0xA8E0, 0xA8F1}, {0xA8FF, 0xA8FF},
    {0xA926, 0xA92D}, {0xA947, 0xA953}, {0xA980, 0xA982}, {0xA9B3, 0xA9B3}, {0xA9B6, 0xA9B9},
    {0xA9BC, 0xA9BD}, {0xA9E5, 0xA9E5}, {0xAA29, 0xAA36}, {0xAA43, 0xAA43}, {0xAA4C, 0xAA4D},
    {0xAA7C, 0xAA7C}, {0xAAB0, 0xAAB0}, {0xAAB2, 0xAAB4}, {0xAAB7, 0xAAB8}, {0xAABE, 0xAABF},
    {0xAAC1, 0xAAC1}, {0xAAEC, 0xAAED}, {0xAAF6, 0xAAF6}, {0xABE5, 0xABE5}, {0xABE8, 0xABE8},
    {0xABED, 0xABED}, {0xFB1E, 0xFB1E}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0x101FD, 0x101FD},
    {0x102E0, 0x102E0}, {0x10376, 0x1037A}, {0x10A01, 0x10A0F}, {0x10A38, 0x10A3F},
    {0x10AE5, 0x10AE6}, {0x10D24, 0x10D27}, {0x10EAB, 0x10EAC}, {0x10F46, 0x10F50},
    {0x10F82, 0x10F85}, {0x11001, 0x11001}, {0x11038, 0x11046}, {0x11070, 0x11070},
    {0x11073, 0x11074}, {0x1107F, 0x11081}, {0x110B3, 0x110B6}, {0x110B9, 0x110BA},
    {0x110C2, 0x110C2}, {0x11100, 0x11102}, {0x11127, 0x1112B}, {0x1112D, 0x11134},
    {0x11173, 0x11173}, {0x11180, 0x11181}, {0x111B6, 0x111BE}, {0x111C9, 0x111CC},
    {0x111CF, 0x111CF}, {0x1122F, 0x11231}, {0x11234, 0x11234}, {0x11236, 0x11237},
    {0x1123E, 0x1123E}, {0x112DF, 0x112DF}, {0x112E3, 0x112EA}, {0x11300, 0x11301},
    {0x1133B, 0x1133C}, {0x11340, 0x11340}, {0x11366, 0x11374}, {0x11438, 0x1143F},
    {0x11442, 0x11444}, {0x11446, 0x11446}, {0x1145E, 0x1145E}, {0x114B3, 0x114B8},
    {0x114BA, 0x114BA}, {0x114BF, 0x114C0}, {0x114C2, 0x114C3}, {0x115B2, 0x115B5},
    {0x115BC, 0x115BD}, {0x115BF, 0x115C0}, {0x115DC, 0x115DD}, {0x11633, 0x1163A},
    {0x1163D, 0x1163D}, {0x1163F, 0x11640}, {0x116AB, 0x116AB}, {0x116AD, 0x116AD},
    {0x116B0, 0x116B5}, {0x116B7, 0x116B7}, {0x1171D, 0x1171F}, {0x11722, 0x11725},
    {0x11727, 0x1172B}, {0x1182F, 0x11837}, {0x11839, 0x1183A}, {0x1193B, 0x1193C},
    {0x1193E, 0x1193E}, {0x11943, 0x11943}, {0x119D4, 0x119DB}, {0x119E0, 0x119E0},
    {0x11A01, 0x11A0A}, {0x11A33, 0x11A38}, {0x11A3B, 0x11A3E}, {0x11A47, 0x11A47},
    {0x11A51, 0x11A56}, {0x11A59, 0x11A5B}, {0x11A8A, 0x11A96}, {0x11A98, 0x11A99},
    {0x11C30, 0x11C3D}, {0x11C3F, 0x11C3F}, {0x11C92, 0x11CA7}, {0x11CAA, 0x11CB0},
    {0x11CB2, 0x11CB3}, {0x11CB5, 0x11CB6}, {0x11D31, 0x11D45}, {0x11D47, 0x11D47},
    {0x11D90, 0x11D91}, {0x11D95, 0x11D95}, {0x11D97, 0x11D97}, {0x11EF3, 0x11EF4},
    {0x16AF0, 0x16AF4}, {0x16B30, 0x16B36}, {0x16F4F, 0x16F4F}, {0x16F8F, 0x16F92},
    {0x16FE4, 0x16FE4}, {0x1BC9D, 0x1BC9E}, {0x1CF00, 0x1CF46}, {0x1D167, 0x1D169},
    {0x1D17B, 0x1D182}, {0x1D185, 0x1D18B}, {0x1D1AA, 0x1D1AD}, {0x1D242, 0x1D244},
    {0x1DA00, 0x1DA36}, {0x1DA3B, 0x1DA6C}, {0x1DA75, 0x1DA75}, {0x1DA84, 0x1DA84},
    {0x1DA9B, 0x1DAAF}, {0x1E000, 0x1E02A}, {0x1E130, 0x1E136}, {0x1E2AE, 0x1E2AE},
    {0x1E2EC, 0x1E2EF}, {0x1E8D0, 0x1E8D6}, {0x1E944, 0x1E94A}, {0xE0100, 0xE01EF},
};

bool IsMark(uint32_t cp) {
  auto it = std::upper_bound(std::begin(kMarks), std::end(kMarks), cp,
                             [](uint32_t c, const CodeRange& r) { return c < r.lo; });
  return it != std::begin(kMarks) && cp <= (it - 1)->hi;
}

// The two classes ts_ctype.hpp lacks, classified the same way.
bool IsAlnum(std::string_view ch, uint32_t cp) {
  if (ch.size() == 1) return std::isalnum(static_cast<unsigned char>(ch[0])) != 0;
  return iswalnum_l(static_cast<wint_t>(cp), TsUtf8Locale()) != 0;
}
bool IsXDigit(std::string_view ch, uint32_t cp) {
  if (ch.size() == 1) return std::isxdigit(static_cast<unsigned char>(ch[0])) != 0;
  return iswxdigit_l(static_cast<wint_t>(cp), TsUtf8Locale()) != 0;
}

// Printable ASCII that RFC 3986 allows in a URL.
bool IsUrlByte(unsigned char b) {
  if (b <= 0x20 || b >= 0x7f) return false;
  switch (b) {
    case '"': case '<': case '>': case '\\': case '^': case '`': case '{': case '|': case '}':
      return false;
    default:
      return true;
  }
}

enum ClassBit : uint16_t {
  kAscii = 1 << 0,
  kAlpha = 1 << 1,
  kDigit = 1 << 2,
  kAlnum = 1 << 3,
  kSpace = 1 << 4,
  kXDigit = 1 << 5,
  kMark = 1 << 6,
  kUrl = 1 << 7,
};

struct CharInfo {
  size_t off;         // byte offset in the text
  uint8_t len;        // bytes; 0 for the end-of-text sentinel
  unsigned char byte; // the byte itself, for one-byte characters
  uint16_t cls;       // ClassBit set
};

// The text cut into characters, each classified once; chars.back() is a sentinel at the end.
struct Text {
  std::string_view bytes;
  std::vector<CharInfo> chars;
  size_t size() const { return chars.size() - 1; }
};

uint16_t ClassesOf(std::string_view ch, uint32_t cp) {
  uint16_t cls = 0;
  if (ch.size() == 1 && static_cast<unsigned char>(ch[0]) < 0x80) cls |= kAscii;
  if (TsIsAlpha(ch)) cls |= kAlpha;
  if (TsIsDigit(ch)) cls |= kDigit;
  if (TsIsSpace(ch)) cls |= kSpace;
  if (IsAlnum(ch, cp)) cls |= kAlnum;
  if (IsXDigit(ch, cp)) cls |= kXDigit;
  if (ch.size() > 1 && IsMark(cp)) cls |= kMark;
  if (ch.size() == 1 && IsUrlByte(static_cast<unsigned char>(ch[0]))) cls |= kUrl;
  return cls;
}

// One-byte characters' classes, most of most texts, from a table made once with the same tests.
const std::array<uint16_t, 256>& ByteClasses() {
  static const auto table = [] {
    std::array<uint16_t, 256> t{};
    for (int b = 0; b < 256; b++) {
      const char c = static_cast<char>(b);
      t[static_cast<size_t>(b)] = ClassesOf(std::string_view(&c, 1), static_cast<uint32_t>(b));
    }
    return t;
  }();
  return table;
}

void Classify(std::string_view s, Text* t) {
  const std::array<uint16_t, 256>& kByteClasses = ByteClasses();
  t->bytes = s;
  t->chars.clear();
  t->chars.reserve(s.size() + 1);
  size_t off = 0;
  while (off < s.size()) {
    const unsigned char first = static_cast<unsigned char>(s[off]);
    size_t len = first < 0x80 ? 1 : TsCharLength(s.substr(off));
    if (len == 1) {
      t->chars.push_back(CharInfo{off, 1, first, kByteClasses[first]});
    } else {
      std::string_view ch = s.substr(off, len);
      t->chars.push_back(CharInfo{off, static_cast<uint8_t>(len), first, ClassesOf(ch, TsCodePoint(ch))});
    }
    off += len;
  }
  t->chars.push_back(CharInfo{s.size(), 0, 0, 0});
}

// ---------------------------------------------------------------------------------------
// The rule table

enum class State : uint8_t {
  Stay,  // as a rule's target: keep the current state
  Start,
  // words and numbers
  AsciiWord, Word, NumWord, UInt, SignSeen, SInt, Blank,
  UIntDot, UFloat, SIntDot, SFloat, SFloatDot, SignSplit, VersionDot, Version,
  ExpMark, ExpSign, ExpDigits,
  // XML entities: &name; &#123; &#x1F;
  Amp, EntityName, EntityHash, EntityDec, EntityHexX, EntityHex, EntityDone,
  // tags and comments
  Lt, LtQuestion, LtSlash, TagName, TagSlash, TagBody, TagSingleQuoted, TagDoubleQuoted,
  TagEscaped, TagDone, LtBang, LtBangDash, Comment, CommentDash, CommentDashDash, CommentDone,
  // hosts, ports, e-mail
  HostDot, HostLabel1, HostLabel, PortColon, Port, HostJoin, HostPart, At,
  // file paths
  Slash, Tilde, DotAfterSlash, LeadingDot, DotDot, File, FileDot,
  // URLs and protocols
  UrlPathBegin, UrlPathResume, UrlPath, UrlAfterHost, Colon, ColonSlash, ProtocolDone,
  // hyphenated words, then the pass that splits them into parts
  AsciiHyphen, AsciiHword, Hyphen, Hword, NumHyphen, NumHword, HyphenDigits,
  SplitHword, SplitHyphen, PartWord, PartAscii, PartNum, PartDigits,
};

enum class Test : uint8_t {
  Any,
  End,
  Char,         // the one-byte character Rule::ch
  AsciiLetter,
  Alpha,
  Digit,
  Alnum,
  NotAlnum,
  Space,
  XDigit,
  Mark,
  UrlChar,
  Ignoring,     // inside <script> or <style>
  HostWanted,   // a host is wanted (consumes the wish)
  HostAhead,    // a host starts here (it is consumed)
  UrlPathAhead, // a URL path starts here (it is consumed)
};

// What a rule does, besides moving to its target state and (unless it pops, reruns or emits)
// stepping over the character.
enum Action : uint8_t {
  kStep = 0,
  kEmit = 1 << 0,       // the token read so far is complete
  kPop = 1 << 1,        // back to the last choice point
  kPush = 1 << 2,       // make a choice point here
  kRerun = 1 << 3,      // look at the same character again
  kDropBelow = 1 << 4,  // forget the last choice point, keep the current position
  kFold = 1 << 5,       // return to the last choice point's state, at the current position
  kDropAll = 1 << 6,    // forget every choice point
};

enum class Hook : uint8_t { None, TagName, RewindForUrl, RewindHyphen, RewindSign };

struct Rule {
  Test test;
  char ch;
  uint8_t act;
  State to;
  uint8_t token;
  Hook hook;
};

constexpr Rule If(Test t, uint8_t act, State to = State::Stay, int token = 0, Hook h = Hook::None) {
  return Rule{t, 0, act, to, static_cast<uint8_t>(token), h};
}
constexpr Rule On(char c, uint8_t act, State to = State::Stay, int token = 0, Hook h = Hook::None) {
  return Rule{Test::Char, c, act, to, static_cast<uint8_t>(token), h};
}

using S = State;
using T = Test;
constexpr uint8_t kEmitAll = kEmit | kDropAll;

// Each list ends with a Test::Any rule, so some rule always fires.
const Rule* RulesFor(State s) {
  switch (s) {
    case S::Stay:
    case S::Start: {
      static const Rule r[] = {
          If(T::End, kStep), On('<', kPush, S::Lt), If(T::Ignoring, kStep, S::Blank),
          If(T::AsciiLetter, kStep, S::AsciiWord), If(T::Alpha, kStep, S::Word),
          If(T::Digit, kStep, S::UInt), On('-', kPush, S::SignSeen), On('+', kPush, S::SignSeen),
          On('&', kPush, S::Amp), On('~', kPush, S::Tilde), On('/', kPush, S::Slash),
          On('.', kPush, S::LeadingDot), If(T::Any, kStep, S::Blank)};
      return r;
    }
    case S::NumWord: {
      static const Rule r[] = {
          If(T::End, kEmit, S::Start, kTsNumWord), If(T::Alnum, kStep), If(T::Mark, kStep),
          On('@', kPush, S::At), On('/', kPush, S::Slash), On('.', kPush, S::FileDot),
          On('-', kPush, S::NumHyphen), If(T::Any, kEmit, S::Start, kTsNumWord)};
      return r;
    }
    case S::AsciiWord: {
      // A dot or hyphen may continue a host name, else a file name or a hyphenated word.
      static const Rule r[] = {
          If(T::End, kEmit, S::Start, kTsAsciiWord), If(T::AsciiLetter, kStep),
          On('.', kPush, S::HostDot), On('.', kPush, S::FileDot),
          On('-', kPush, S::HostJoin), On('-', kPush, S::AsciiHyphen),
          On('_', kPush, S::HostJoin), On('@', kPush, S::At), On(':', kPush, S::Colon),
          On('/', kPush, S::Slash), If(T::Digit, kPush, S::HostPart),
          If(T::Digit, kStep, S::NumWord), If(T::Alpha, kStep, S::Word),
          If(T::Mark, kStep, S::Word), If(T::Any, kEmit, S::Start, kTsAsciiWord)};
      return r;
    }
    case S::Word: {
      static const Rule r[] = {
          If(T::End, kEmit, S::Start, kTsWord), If(T::Alpha, kStep), If(T::Mark, kStep),
          If(T::Digit, kStep, S::NumWord), On('-', kPush, S::Hyphen),
          If(T::Any, kEmit, S::Start, kTsWord)};
      return r;
    }
    case S::UInt: {
      static const Rule r[] = {
          If(T::End, kEmit, S::Start, kTsUint), If(T::Digit, kStep),
          On('.', kPush, S::HostDot), On('.', kPush, S::UIntDot),
          On('e', kPush, S::ExpMark), On('E', kPush, S::ExpMark),
          On('-', kPush, S::HostJoin), On('_', kPush, S::HostJoin), On('@', kPush, S::At),
          If(T::AsciiLetter, kPush, S::HostPart), If(T::Alpha, kStep, S::NumWord),
          If(T::Mark, kStep, S::NumWord), On('/', kPush, S::Slash),
          If(T::Any, kEmit, S::Start, kTsUint)};
      return r;
    }
    case S::SignSeen: {
      static const Rule r[] = {If(T::End, kPop), If(T::Digit, kDropBelow, S::SInt), If(T::Any, kPop)};
      return r;
    }
    case S::SInt: {
      static const Rule r[] = {
          If(T::End, kEmit, S::Start, kTsInt), If(T::Digit, kStep),
          On('.', kPush, S::SIntDot), On('e', kPush, S::ExpMark), On('E', kPush, S::ExpMark),
          If(T::Any, kEmit, S::Start, kTsInt)};
      return r;
    }
    case S::Blank: {
      // A run of non-alphanumerics, stopping before anything that may start another token.
      static const Rule r[] = {
          If(T::End, kEmit, S::Start, kTsBlank), On('<', kEmit, S::Start, kTsBlank),
          If(T::Ignoring, kStep), On('-', kEmit, S::Start, kTsBlank),
          On('+', kEmit, S::Start, kTsBlank), On('&', kEmit, S::Start, kTsBlank),
          On('/', kEmit, S::Start, kTsBlank), If(T::NotAlnum, kStep),
          If(T::Any, kEmit, S::Start, kTsBlank)};
      return r;
    }
    case S::UIntDot:
    case S::SIntDot: {
      static const Rule u[] = {If(T::End, kPop), If(T::Digit, kDropBelow, S::UFloat), If(T::Any, kPop)};
      static const Rule v[] = {If(T::End, kPop), If(T::Digit, kDropBelow, S::SFloat), If(T::Any, kPop)};
      return s == S::UIntDot ? u : v;
    }
    case S::UFloat: {
      static const Rule r[] = {
          If(T::End, kEmit, S::Start, kTsFloat), If(T::Digit, kStep),
          On('.', kPush, S::VersionDot), On('e', kPush, S::ExpMark), On('E', kPush, S::ExpMark),
          If(T::Any, kEmit, S::Start, kTsFloat)};
      return r;
    }
    case S::SFloat: {
      static const Rule r[] = {
          If(T::End, kEmit, S::Start, kTsFloat), If(T::Digit, kStep),
          On('.', kPush, S::SFloatDot), On('e', kPush, S::ExpMark), On('E', kPush, S::ExpMark),
          If(T::Any, kEmit, S::Start, kTsFloat)};
      return r;
    }
    case S::SFloatDot: {
      // "-1.2.3": a signed number cannot be a version; rescan from the sign, which becomes a
      // blank token, and read the rest unsigned.
      static const Rule r[] = {If(T::End, kPop), If(T::Digit, kRerun, S::SignSplit, 0, Hook::RewindSign),
                               If(T::Any, kPop)};
      return r;
    }
    case S::SignSplit: {
      static const Rule r[] = {If(T::End, kPop), If(T::Digit, kEmitAll, S::UInt, kTsBlank), If(T::Any, kStep)};
      return r;
    }
    case S::VersionDot: {
      static const Rule r[] = {If(T::End, kPop), If(T::Digit, kDropBelow, S::Version), If(T::Any, kPop)};
      return r;
    }
    case S::Version: {
      static const Rule r[] = {
          If(T::End, kEmit, S::Start, kTsVersion), If(T::Digit, kStep),
          On('.', kPush, S::VersionDot), If(T::Any, kEmit, S::Start, kTsVersion)};
      return r;
    }
    case S::ExpMark: {
      static const Rule r[] = {
          If(T::End, kPop), If(T::Digit, kDropBelow, S::ExpDigits), On('+', kStep, S::ExpSign),
          On('-', kStep, S::ExpSign), If(T::Any, kPop)};
      return r;
    }
    case S::ExpSign: {
      static const Rule r[] = {If(T::End, kPop), If(T::Digit, kDropBelow, S::ExpDigits), If(T::Any, kPop)};
      return r;
    }
    case S::ExpDigits: {
      static const Rule r[] = {If(T::End, kEmit, S::Start, kTsSciFloat), If(T::Digit, kStep),
                               If(T::Any, kEmit, S::Start, kTsSciFloat)};
      return r;
    }
    case S::Amp: {
      static const Rule r[] = {
          If(T::End, kPop), On('#', kStep, S::EntityHash), If(T::AsciiLetter, kStep, S::EntityName),
          On(':', kStep, S::EntityName), On('_', kStep, S::EntityName), If(T::Any, kPop)};
      return r;
    }
    case S::EntityName: {
      static const Rule r[] = {
          If(T::End, kPop), If(T::Alnum, kStep), On(':', kStep), On('_', kStep), On('.', kStep),
          On('-', kStep), On(';', kStep, S::EntityDone), If(T::Any, kPop)};
      return r;
    }
    case S::EntityHash: {
      static const Rule r[] = {
          If(T::End, kPop), On('x', kStep, S::EntityHexX), On('X', kStep, S::EntityHexX),
          If(T::Digit, kStep, S::EntityDec), If(T::Any, kPop)};
      return r;
    }
    case S::EntityHexX: {
      static const Rule r[] = {If(T::End, kPop), If(T::XDigit, kStep, S::EntityHex), If(T::Any, kPop)};
      return r;
    }
    case S::EntityDec: {
      static const Rule r[] = {If(T::End, kPop), If(T::Digit, kStep), On(';', kStep, S::EntityDone),
                               If(T::Any, kPop)};
      return r;
    }
    case S::EntityHex: {
      static const Rule r[] = {If(T::End, kPop), If(T::XDigit, kStep), On(';', kStep, S::EntityDone),
                               If(T::Any, kPop)};
      return r;
    }
    case S::EntityDone: {
      static const Rule r[] = {If(T::Any, kEmit | kDropBelow, S::Start, kTsEntity)};
      return r;
    }
    case S::Lt: {
      static const Rule r[] = {
          If(T::End, kPop), On('/', kPush, S::LtSlash), On('!', kPush, S::LtBang),
          On('?', kPush, S::LtQuestion), If(T::AsciiLetter, kPush, S::TagName),
          On(':', kPush, S::TagName), On('_', kPush, S::TagName), If(T::Any, kPop)};
      return r;
    }
    case S::LtQuestion: {
      // "<?x": the rest of "xml" is not checked.
      static const Rule r[] = {If(T::End, kPop), On('x', kStep, S::TagBody), If(T::Any, kPop)};
      return r;
    }
    case S::LtSlash: {
      static const Rule r[] = {If(T::End, kPop), If(T::AsciiLetter, kStep, S::TagName), If(T::Any, kPop)};
      return r;
    }
    case S::TagName: {
      static const Rule r[] = {
          If(T::End, kPop), On('/', kStep, S::TagSlash),
          On('>', kStep, S::TagDone, 0, Hook::TagName), If(T::Space, kStep, S::TagBody, 0, Hook::TagName),
          If(T::Alnum, kStep), On(':', kStep), On('_', kStep), On('.', kStep), On('-', kStep),
          If(T::Any, kPop)};
      return r;
    }
    case S::TagSlash: {
      static const Rule r[] = {If(T::End, kPop), On('>', kStep, S::TagDone), If(T::Any, kPop)};
      return r;
    }
    case S::TagBody: {
      static const Rule r[] = {
          If(T::End, kPop), On('>', kStep, S::TagDone, 0, Hook::TagName),
          On('\'', kStep, S::TagSingleQuoted), On('"', kStep, S::TagDoubleQuoted),
          If(T::AsciiLetter, kStep), If(T::Digit, kStep), On('=', kStep), On('-', kStep),
          On('_', kStep), On('#', kStep), On('/', kStep), On(':', kStep), On('.', kStep),
          On('&', kStep), On('?', kStep), On('%', kStep), On('~', kStep),
          If(T::Space, kStep, S::Stay, 0, Hook::TagName), If(T::Any, kPop)};
      return r;
    }
    case S::TagSingleQuoted: {
      static const Rule r[] = {If(T::End, kPop), On('\\', kPush, S::TagEscaped),
                               On('\'', kStep, S::TagBody), If(T::Any, kStep)};
      return r;
    }
    case S::TagDoubleQuoted: {
      static const Rule r[] = {If(T::End, kPop), On('\\', kPush, S::TagEscaped),
                               On('"', kStep, S::TagBody), If(T::Any, kStep)};
      return r;
    }
    case S::TagEscaped: {
      // Back in the quoted state, the escaped character's successor is tested from the rule
      // after the backslash one (kFold keeps the pending resume point).
      static const Rule r[] = {If(T::End, kPop), If(T::Any, kFold)};
      return r;
    }
    case S::TagDone:
    case S::CommentDone: {
      static const Rule r[] = {If(T::Any, kEmitAll, S::Start, kTsTag)};
      return r;
    }
    case S::LtBang: {
      // "<!--" opens a comment; "<!D" (DOCTYPE) is read as a tag.
      static const Rule r[] = {If(T::End, kPop), On('-', kStep, S::LtBangDash), On('D', kStep, S::TagBody),
                               On('d', kStep, S::TagBody), If(T::Any, kPop)};
      return r;
    }
    case S::LtBangDash: {
      static const Rule r[] = {If(T::End, kPop), On('-', kStep, S::Comment), If(T::Any, kPop)};
      return r;
    }
    case S::Comment: {
      static const Rule r[] = {If(T::End, kPop), On('-', kStep, S::CommentDash), If(T::Any, kStep)};
      return r;
    }
    case S::CommentDash: {
      static const Rule r[] = {If(T::End, kPop), On('-', kStep, S::CommentDashDash), If(T::Any, kStep, S::Comment)};
      return r;
    }
    case S::CommentDashDash: {
      static const Rule r[] = {If(T::End, kPop), On('-', kStep), On('>', kStep, S::CommentDone),
                               If(T::Any, kStep, S::Comment)};
      return r;
    }
    case S::HostDot: {
      static const Rule r[] = {If(T::End, kPop), If(T::AsciiLetter, kStep, S::HostLabel1),
                               If(T::Digit, kStep, S::HostPart), If(T::Any, kPop)};
      return r;
    }
    case S::HostLabel1: {
      // One letter after a dot: a top-level domain needs two.
      static const Rule r[] = {
          If(T::End, kPop), If(T::AsciiLetter, kStep, S::HostLabel), If(T::Digit, kPush, S::HostPart),
          On('-', kPush, S::HostJoin), On('_', kPush, S::HostJoin), On('.', kPush, S::HostDot),
          On('@', kPush, S::At), If(T::Any, kPop)};
      return r;
    }
    case S::HostLabel: {
      static const Rule r[] = {
          If(T::End, kEmitAll, S::Start, kTsHost), If(T::AsciiLetter, kStep),
          If(T::Digit, kPush, S::HostPart), On(':', kPush, S::PortColon),
          On('-', kPush, S::HostJoin), On('_', kPush, S::HostJoin), On('.', kPush, S::HostDot),
          On('@', kPush, S::At), If(T::Digit, kPop),
          If(T::HostWanted, kEmitAll, S::UrlPathResume, kTsHost), On('/', kPush, S::UrlAfterHost),
          If(T::Any, kEmitAll, S::Start, kTsHost)};
      return r;
    }
    case S::PortColon: {
      static const Rule r[] = {If(T::End, kPop), If(T::Digit, kStep, S::Port), If(T::Any, kPop)};
      return r;
    }
    case S::Port: {
      static const Rule r[] = {
          If(T::End, kEmitAll, S::Start, kTsHost), If(T::Digit, kStep),
          If(T::HostWanted, kEmitAll, S::UrlPathResume, kTsHost), On('/', kPush, S::UrlAfterHost),
          If(T::Any, kEmitAll, S::Start, kTsHost)};
      return r;
    }
    case S::HostJoin: {
      static const Rule r[] = {If(T::End, kPop), If(T::Digit, kStep, S::HostPart),
                               If(T::AsciiLetter, kStep, S::HostPart), If(T::Any, kPop)};
      return r;
    }
    case S::HostPart: {
      static const Rule r[] = {
          If(T::End, kPop), If(T::Digit, kStep), If(T::AsciiLetter, kStep), On('@', kPush, S::At),
          On('.', kPush, S::HostDot), On('-', kPush, S::HostJoin), On('_', kPush, S::HostJoin),
          If(T::Any, kPop)};
      return r;
    }
    case S::At: {
      // Inside the nested parser that looks for an e-mail's host, a second '@' ends the try.
      static const Rule r[] = {If(T::HostWanted, kPop), If(T::HostAhead, kEmitAll, S::Start, kTsEmail),
                               If(T::Any, kPop)};
      return r;
    }
    case S::Slash: {
      static const Rule r[] = {
          If(T::End, kPop), If(T::AsciiLetter, kStep, S::File), If(T::Digit, kStep, S::File),
          On('.', kStep, S::DotAfterSlash), On('_', kStep, S::File), On('~', kPush, S::Tilde),
          If(T::Any, kPop)};
      return r;
    }
    case S::Tilde: {
      static const Rule r[] = {
          If(T::End, kPop), If(T::AsciiLetter, kStep, S::File), If(T::Digit, kStep, S::File),
          On('_', kStep, S::File), On('/', kStep, S::Slash), If(T::Any, kPop)};
      return r;
    }
    case S::DotAfterSlash: {
      static const Rule r[] = {
          If(T::End, kPop), If(T::AsciiLetter, kStep, S::File), If(T::Digit, kStep, S::File),
          On('_', kStep, S::File), On('.', kStep, S::DotDot), On('/', kStep, S::Slash),
          If(T::Any, kPop)};
      return r;
    }
    case S::LeadingDot: {
      static const Rule r[] = {If(T::End, kPop), On('.', kStep, S::DotDot), On('/', kStep, S::Slash),
                               If(T::Any, kPop)};
      return r;
    }
    case S::DotDot: {
      static const Rule r[] = {
          If(T::End, kEmit | kDropBelow, S::Start, kTsFile), On('/', kPush, S::Slash),
          On('/', kEmit | kDropBelow, S::Start, kTsFile), If(T::Space, kEmit | kDropBelow, S::Start, kTsFile),
          If(T::Any, kPop)};
      return r;
    }
    case S::File: {
      static const Rule r[] = {
          If(T::End, kEmit, S::Start, kTsFile), If(T::AsciiLetter, kStep), If(T::Digit, kStep),
          On('.', kPush, S::FileDot), On('_', kStep), On('-', kStep), On('/', kPush, S::Slash),
          If(T::Any, kEmit, S::Start, kTsFile)};
      return r;
    }
    case S::FileDot: {
      static const Rule r[] = {
          If(T::End, kPop), If(T::AsciiLetter, kDropBelow, S::File), If(T::Digit, kDropBelow, S::File),
          On('_', kDropBelow, S::File), If(T::Any, kPop)};
      return r;
    }
    case S::UrlPathBegin: {
      static const Rule r[] = {If(T::End, kPop), If(T::UrlChar, kStep, S::UrlPath), If(T::Any, kPop)};
      return r;
    }
    case S::UrlPathResume: {
      static const Rule r[] = {If(T::Any, kStep, S::UrlPath)};
      return r;
    }
    case S::UrlPath: {
      static const Rule r[] = {If(T::End, kEmit, S::Start, kTsUrlPath), If(T::UrlChar, kStep),
                               If(T::Any, kEmit, S::Start, kTsUrlPath)};
      return r;
    }
    case S::UrlAfterHost: {
      // host/path: emit the whole URL, then rescan it as host and path (RewindForUrl).
      static const Rule r[] = {If(T::End, kPop),
                               If(T::UrlPathAhead, kEmitAll, S::Start, kTsUrl, Hook::RewindForUrl),
                               If(T::Any, kPop)};
      return r;
    }
    case S::Colon: {
      static const Rule r[] = {If(T::End, kPop), On('/', kStep, S::ColonSlash), If(T::Any, kPop)};
      return r;
    }
    case S::ColonSlash: {
      static const Rule r[] = {If(T::End, kPop), On('/', kStep, S::ProtocolDone), If(T::Any, kPop)};
      return r;
    }
    case S::ProtocolDone: {
      static const Rule r[] = {If(T::Any, kEmitAll, S::Start, kTsProtocol)};
      return r;
    }
    // A complete hyphenated word is emitted, then rescanned (RewindHyphen) in the Split*/Part*
    // states, which emit its parts and the hyphens between them as blanks.
    case S::AsciiHyphen: {
      static const Rule r[] = {
          If(T::End, kPop), If(T::AsciiLetter, kStep, S::AsciiHword), If(T::Alpha, kStep, S::Hword),
          If(T::Digit, kStep, S::HyphenDigits), If(T::Any, kPop)};
      return r;
    }
    case S::AsciiHword: {
      static const Rule r[] = {
          If(T::End, kEmitAll, S::SplitHword, kTsAsciiHword, Hook::RewindHyphen),
          If(T::AsciiLetter, kStep), If(T::Alpha, kStep, S::Hword), If(T::Mark, kStep, S::Hword),
          If(T::Digit, kStep, S::NumHword), On('-', kPush, S::AsciiHyphen),
          If(T::Any, kEmitAll, S::SplitHword, kTsAsciiHword, Hook::RewindHyphen)};
      return r;
    }
    case S::Hyphen: {
      static const Rule r[] = {If(T::End, kPop), If(T::Alpha, kStep, S::Hword),
                               If(T::Digit, kStep, S::HyphenDigits), If(T::Any, kPop)};
      return r;
    }
    case S::Hword: {
      static const Rule r[] = {
          If(T::End, kEmitAll, S::SplitHword, kTsHword, Hook::RewindHyphen), If(T::Alpha, kStep),
          If(T::Mark, kStep), If(T::Digit, kStep, S::NumHword), On('-', kPush, S::Hyphen),
          If(T::Any, kEmitAll, S::SplitHword, kTsHword, Hook::RewindHyphen)};
      return r;
    }
    case S::NumHyphen: {
      static const Rule r[] = {If(T::End, kPop), If(T::Alpha, kStep, S::NumHword),
                               If(T::Digit, kStep, S::HyphenDigits), If(T::Any, kPop)};
      return r;
    }
    case S::NumHword: {
      static const Rule r[] = {
          If(T::End, kEmitAll, S::SplitHword, kTsNumHword, Hook::RewindHyphen), If(T::Alnum, kStep),
          If(T::Mark, kStep), On('-', kPush, S::NumHyphen),
          If(T::Any, kEmitAll, S::SplitHword, kTsNumHword, Hook::RewindHyphen)};
      return r;
    }
    case S::HyphenDigits: {
      // Digits after a hyphen count only if a letter follows ("a-12b", not "a-12").
      static const Rule r[] = {If(T::End, kPop), If(T::Digit, kStep), If(T::Alpha, kStep, S::NumHword),
                               If(T::Mark, kStep, S::NumHword), If(T::Any, kPop)};
      return r;
    }
    case S::SplitHword: {
      static const Rule r[] = {
          If(T::End, kRerun, S::Start), If(T::AsciiLetter, kStep, S::PartAscii),
          If(T::Alpha, kStep, S::PartWord), If(T::Digit, kPush, S::PartDigits),
          On('-', kPush, S::SplitHyphen), If(T::Any, kRerun, S::Start)};
      return r;
    }
    case S::SplitHyphen: {
      static const Rule r[] = {If(T::End, kPop), If(T::Alnum, kEmit | kDropBelow, S::SplitHword, kTsBlank),
                               If(T::Mark, kEmit | kDropBelow, S::SplitHword, kTsBlank), If(T::Any, kPop)};
      return r;
    }
    case S::PartWord: {
      static const Rule r[] = {
          If(T::End, kEmit, S::Start, kTsHwordPart), If(T::Alpha, kStep), If(T::Mark, kStep),
          If(T::Digit, kStep, S::PartNum), If(T::Any, kEmit, S::SplitHword, kTsHwordPart)};
      return r;
    }
    case S::PartAscii: {
      static const Rule r[] = {
          If(T::End, kEmit, S::Start, kTsHwordAsciiPart), If(T::AsciiLetter, kStep),
          If(T::Alpha, kStep, S::PartWord), If(T::Mark, kStep, S::PartWord),
          If(T::Digit, kStep, S::PartNum), If(T::Any, kEmit, S::SplitHword, kTsHwordAsciiPart)};
      return r;
    }
    case S::PartNum: {
      static const Rule r[] = {
          If(T::End, kEmit, S::Start, kTsHwordNumPart), If(T::Alnum, kStep), If(T::Mark, kStep),
          If(T::Any, kEmit, S::SplitHword, kTsHwordNumPart)};
      return r;
    }
    case S::PartDigits: {
      static const Rule r[] = {If(T::End, kPop), If(T::Digit, kStep), If(T::Alpha, kDropBelow, S::PartNum),
                               If(T::Mark, kDropBelow, S::PartNum), If(T::Any, kPop)};
      return r;
    }
  }
  return RulesFor(S::Start);
}

// ---------------------------------------------------------------------------------------
// The machine

struct Frame {
  size_t at = 0;         // index of the current character
  size_t tok_chars = 0;  // the token so far, in characters and in bytes
  size_t tok_bytes = 0;
  State state = State::Start;
  int resume = -1;       // the rule that pushed the frame above, while there is one
};

class Scanner {
 public:
  Scanner(const Text& text, size_t at) : t_(text) {
    stack_.emplace_back();
    stack_.back().at = at;
  }

  // Reads the next token; false at the end of the text.
  bool Next();

  bool want_host = false;
  int type = 0;
  size_t begin = 0;  // the token: its first character, length in bytes and characters
  size_t bytes = 0;
  size_t chars = 0;

  // For the URL-path probe: start in `s`, over a choice point in the start state.
  void PushState(State s) {
    stack_.push_back(stack_.back());
    stack_.back().state = s;
  }

 private:
  bool Passes(const Rule& r, Frame& f);
  bool Probe(Frame& f, State first, int want);
  void RunHook(Hook h, Frame& f);

  const Text& t_;
  std::vector<Frame> stack_;
  bool ignore_ = false;  // inside <script> or <style>: everything but tags is blank
};

// Runs a nested parser from f's position; if its first token has type `want`, f takes it in.
bool Scanner::Probe(Frame& f, State first, int want) {
  Scanner sub(t_, f.at);
  if (first == State::Start) {
    sub.want_host = true;
  } else {
    sub.PushState(first);
  }
  if (!sub.Next() || sub.type != want) return false;
  f.at += sub.chars;
  f.tok_chars += sub.chars;
  f.tok_bytes += sub.bytes;
  return true;
}

// Whether a rule's test passes for the character c, when that depends on the character alone;
// nullopt for the tests that depend on the scanner.
std::optional<bool> CharPasses(const Rule& r, const CharInfo& c, bool at_end) {
  switch (r.test) {
    case T::Any: return true;
    case T::End: return at_end;
    case T::Char: return c.len == 1 && c.byte == static_cast<unsigned char>(r.ch);
    case T::AsciiLetter: return (c.cls & (kAscii | kAlpha)) == (kAscii | kAlpha);
    case T::Alpha: return (c.cls & kAlpha) != 0;
    case T::Digit: return (c.cls & kDigit) != 0;
    case T::Alnum: return (c.cls & kAlnum) != 0;
    case T::NotAlnum: return (c.cls & kAlnum) == 0;
    case T::Space: return (c.cls & kSpace) != 0;
    case T::XDigit: return (c.cls & kXDigit) != 0;
    case T::Mark: return (c.cls & kMark) != 0;
    case T::UrlChar: return (c.cls & kUrl) != 0;
    default: return std::nullopt;
  }
}

bool IsAsciiLetter(const CharInfo& c) { return (c.cls & (kAscii | kAlpha)) == (kAscii | kAlpha); }

// Whether in state s every ASCII letter passes the same rule first, a plain step that stays:
// then the scanner steps over a run of them (a word's letters, most of most texts) without
// asking the rules letter by letter.
bool StepsOverAsciiLetters(State s) {
  static const auto table = [] {
    std::array<bool, static_cast<size_t>(State::PartDigits) + 1> t{};
    for (size_t st = 0; st < t.size(); st++) {
      const Rule* rules = RulesFor(static_cast<State>(st));
      int chosen = -1;
      bool same = true;
      for (int letter = 0; letter < 256 && same; letter++) {
        const CharInfo c{0, 1, static_cast<unsigned char>(letter), ByteClasses()[static_cast<size_t>(letter)]};
        if (!IsAsciiLetter(c)) continue;
        int i = 0;
        std::optional<bool> passes;
        while ((passes = CharPasses(rules[i], c, false)) && !*passes) i++;
        same = passes && (chosen < 0 || chosen == i);  // a test of the scanner's own state: no
        chosen = i;
      }
      const Rule& r = rules[std::max(chosen, 0)];
      t[st] = same && chosen >= 0 && r.act == kStep && r.hook == Hook::None &&
              (r.to == State::Stay || r.to == static_cast<State>(st));
    }
    return t;
  }();
  return table[static_cast<size_t>(s)];
}

bool Scanner::Passes(const Rule& r, Frame& f) {
  if (std::optional<bool> p = CharPasses(r, t_.chars[f.at], f.at >= t_.size())) return *p;
  switch (r.test) {
    case T::Ignoring: return ignore_;
    case T::HostWanted:
      if (!want_host) return false;
      want_host = false;
      return true;
    case T::HostAhead: return Probe(f, State::Start, kTsHost);
    case T::UrlPathAhead: return Probe(f, State::UrlPathBegin, kTsUrlPath);
    default: return false;
  }
}

// tok equals name (lower-case ASCII), ignoring ASCII case.
bool TokenIs(std::string_view tok, const char* name) {
  std::string_view n(name);
  if (tok.size() != n.size()) return false;
  for (size_t i = 0; i < n.size(); i++) {
    unsigned char a = static_cast<unsigned char>(tok[i]);
    if (a < 0x80) a = static_cast<unsigned char>(std::tolower(a));
    if (a != static_cast<unsigned char>(n[i])) return false;
  }
  return true;
}

void Scanner::RunHook(Hook h, Frame& f) {
  switch (h) {
    case Hook::None: return;
    case Hook::TagName: {
      // The tag's first f.tok_chars characters: "<script" and "<style" start ignoring text,
      // "</script" and "</style" stop. A byte comparison: a name with non-ASCII letters has
      // more bytes than characters and never matches.
      size_t n = f.tok_chars;
      if (n < 6 || n > 8) return;
      size_t off = t_.chars[begin].off;
      if (t_.bytes.size() - off < n) return;
      std::string_view tok = t_.bytes.substr(off, n);
      if (TokenIs(tok, "</script") || TokenIs(tok, "</style")) ignore_ = false;
      else if (TokenIs(tok, "<script") || TokenIs(tok, "<style")) ignore_ = true;
      return;
    }
    case Hook::RewindForUrl:
      want_host = true;
      f.at -= f.tok_chars;
      return;
    case Hook::RewindHyphen:
      f.at -= f.tok_chars;
      return;
    case Hook::RewindSign:
      f.at -= f.tok_chars;
      f.tok_chars = f.tok_bytes = 0;
      return;
  }
}

bool Scanner::Next() {
  const size_t end = t_.size();
  if (stack_.back().at >= end) return false;
  begin = stack_.back().at;
  stack_.back().resume = -1;
  for (;;) {
    Frame& f = stack_.back();
    if (f.resume < 0 && StepsOverAsciiLetters(f.state)) {
      for (; f.at < end && IsAsciiLetter(t_.chars[f.at]); f.at++) {
        f.tok_bytes++;
        f.tok_chars++;
      }
    }
    const Rule* rules = RulesFor(f.state);
    int i = 0;
    if (f.resume >= 0) {  // back from a failed choice: try the rules after the one that pushed
      i = f.resume + 1;
      f.resume = -1;
    }
    while (!Passes(rules[i], f)) i++;
    const Rule& r = rules[i];
    RunHook(r.hook, f);

    const bool emit = (r.act & kEmit) != 0;
    if (emit) {
      type = r.token;
      bytes = f.tok_bytes;
      chars = f.tok_chars;
      f.tok_bytes = f.tok_chars = 0;
    }
    if (r.act & kPop) {
      if (stack_.size() < 2) return false;  // unreachable: every pop has a matching push
      stack_.pop_back();
    } else if (r.act & kPush) {
      f.resume = i;
      Frame copy = f;
      copy.resume = -1;
      stack_.push_back(copy);
    } else if (r.act & kDropBelow) {
      if (stack_.size() >= 2) stack_.erase(stack_.end() - 2);
    } else if (r.act & kDropAll) {
      stack_.erase(stack_.begin(), stack_.end() - 1);
    } else if ((r.act & kFold) && stack_.size() >= 2) {
      Frame top = stack_.back();
      stack_.pop_back();
      Frame& below = stack_.back();  // keeps its state and its resume point
      below.at = top.at;
      below.tok_chars = top.tok_chars;
      below.tok_bytes = top.tok_bytes;
    }

    Frame& now = stack_.back();
    if (r.to != State::Stay) now.state = r.to;
    if (emit) return true;
    if (now.at >= end && !(r.act & kRerun)) return false;
    if (r.act & (kRerun | kPop)) continue;
    now.tok_bytes += t_.chars[now.at].len;
    now.at++;
    now.tok_chars++;
  }
}

}  // namespace

void ForEachDefaultToken(std::string_view text, const std::function<void(int type, std::string_view token)>& each) {
  Text t;
  Classify(text, &t);
  Scanner scanner(t, 0);
  while (scanner.Next()) each(scanner.type, text.substr(t.chars[scanner.begin].off, scanner.bytes));
}

std::vector<TsParsedToken> ParseDefaultTokens(std::string_view text) {
  std::vector<TsParsedToken> out;
  ForEachDefaultToken(text, [&](int type, std::string_view token) { out.push_back(TsParsedToken{type, std::string(token)}); });
  return out;
}

const std::vector<TsTokenTypeInfo>& DefaultTokenTypes() {
  static const std::vector<TsTokenTypeInfo> types = {
      {kTsAsciiWord, "asciiword", "Word, all ASCII"},
      {kTsWord, "word", "Word, all letters"},
      {kTsNumWord, "numword", "Word, letters and digits"},
      {kTsEmail, "email", "Email address"},
      {kTsUrl, "url", "URL"},
      {kTsHost, "host", "Host"},
      {kTsSciFloat, "sfloat", "Scientific notation"},
      {kTsVersion, "version", "Version number"},
      {kTsHwordNumPart, "hword_numpart", "Hyphenated word part, letters and digits"},
      {kTsHwordPart, "hword_part", "Hyphenated word part, all letters"},
      {kTsHwordAsciiPart, "hword_asciipart", "Hyphenated word part, all ASCII"},
      {kTsBlank, "blank", "Space symbols"},
      {kTsTag, "tag", "XML tag"},
      {kTsProtocol, "protocol", "Protocol head"},
      {kTsNumHword, "numhword", "Hyphenated word, letters and digits"},
      {kTsAsciiHword, "asciihword", "Hyphenated word, all ASCII"},
      {kTsHword, "hword", "Hyphenated word, all letters"},
      {kTsUrlPath, "url_path", "URL path"},
      {kTsFile, "file", "File or path name"},
      {kTsFloat, "float", "Decimal notation"},
      {kTsInt, "int", "Signed integer"},
      {kTsUint, "uint", "Unsigned integer"},
      {kTsEntity, "entity", "XML entity"},
  };
  return types;
}

}  // namespace tusk
