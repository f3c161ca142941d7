#include "text/ascii_transliteration.hpp"

#include "text/string_hash.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unordered_map>

namespace gazette {
namespace {

// Building an ICU transliterator from rules is costly, and one instance is
// not safe to share between threads: each rule set is built once, and every
// thread that transliterates (all cores at load time, a server thread for a
// search query) works with its own clone.
class TransliteratorRules {
public:
  explicit TransliteratorRules(const char16_t* rules) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error;
    prototype_.reset(icu::Transliterator::createFromRules("gazette-ascii", rules, UTRANS_FORWARD, parse_error, status));
    if (U_FAILURE(status)) prototype_.reset();
  }

  // Null when the rules did not build.
  std::unique_ptr<icu::Transliterator> clone() const {
    std::lock_guard lock(mutex_);
    return std::unique_ptr<icu::Transliterator>(prototype_ ? prototype_->clone() : nullptr);
  }

private:
  std::unique_ptr<icu::Transliterator> prototype_;
  mutable std::mutex mutex_;
};

void transliterate(icu::Transliterator* transliterator, icu::UnicodeString& text) {
  if (transliterator) transliterator->transliterate(text);
}

// The global filter sends only non-ASCII characters through the rules, which
// keeps long ASCII runs cheap. Latin-ASCII alone makes an em dash "-"; the
// rule before it keeps the typewriter's "--" readers expect.
icu::Transliterator* latin_transliterator() {
  static const TransliteratorRules rules(u":: [^\\u0000-\\u007F] ; \u2014 > '--'; \u2015 > '--'; :: Latin-ASCII;");
  thread_local const std::unique_ptr<icu::Transliterator> transliterator = rules.clone();
  return transliterator.get();
}

// Other scripts are romanized first; finding script runs is what makes this
// one slow, so it is kept for text that needs it.
icu::Transliterator* any_script_transliterator() {
  static const TransliteratorRules rules(
      u":: [^\\u0000-\\u007F] ; \u2014 > '--'; \u2015 > '--'; :: Any-Latin; :: Latin-ASCII;");
  thread_local const std::unique_ptr<icu::Transliterator> transliterator = rules.clone();
  return transliterator.get();
}

// The same text is often transliterated again soon after (an article's
// paragraphs for its Gopher text, then for search), and ICU is slow, so each
// thread remembers its recent results, one per slot of a small table.
class RecentResults {
public:
  const std::string* find(std::string_view text) const {
    const Entry& entry = slot(text);
    return entry.used && entry.text == text ? &entry.ascii : nullptr;
  }
  void remember(std::string_view text, const std::string& ascii) {
    Entry& entry = slot(text);
    entry.used = true;
    entry.text.assign(text);
    entry.ascii = ascii;
  }

private:
  struct Entry {
    bool used = false;
    std::string text;
    std::string ascii;
  };
  Entry& slot(std::string_view text) { return entries_[std::hash<std::string_view>{}(text) % entries_.size()]; }
  const Entry& slot(std::string_view text) const {
    return entries_[std::hash<std::string_view>{}(text) % entries_.size()];
  }
  std::array<Entry, 64> entries_;
};

// Latin letters, general punctuation and currency signs: all Latin-ASCII needs.
bool is_latin_or_punctuation(char32_t c) {
  return c < 0x0250 || (c >= 0x1E00 && c <= 0x1EFF) || (c >= 0x2000 && c <= 0x20CF) || (c >= 0x2100 && c <= 0x215F);
}

// Whether `utf8` is valid and holds nothing Latin-ASCII cannot take alone.
bool only_latin_beyond_ascii(std::string_view utf8) { return every_code_point_beyond_ascii(utf8, is_latin_or_punctuation); }

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Runs the rules over `utf8` and keeps the ASCII of the result, one "?" for
// each code point still outside it.
std::string transliterate_to_ascii(icu::Transliterator* transliterator, std::string_view utf8) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  transliterate(transliterator, text);
  std::string out;
  text.toUTF8String(out);
  std::string ascii;
  ascii.reserve(out.size());
  for (char byte : out) {
    const auto c = static_cast<unsigned char>(byte);
    if (c < 0x80) ascii += static_cast<char>(c);
    else if ((c & 0xC0) != 0x80) ascii += '?';
  }
  return ascii;
}

// Latin-ASCII's rules never look past ASCII whitespace: its one context rule
// drops combining marks after a Latin letter or digit, and normalization
// never joins across a space. So Latin text can be taken a word at a time,
// and news repeats its words (names, quoted words, dashes): each thread
// remembers the words it has seen, and most never reach ICU at all.
class LatinWords {
public:
  void append(std::string_view word, std::string& out) {
    // Long "words" (a search query can hold one of a kilobyte) are not
    // remembered: they rarely repeat, and they would let a client fill a
    // server thread's memory with them.
    if (word.size() > longest_remembered) {
      out += transliterate_to_ascii(latin_transliterator(), word);
      return;
    }
    if (auto found = known_.find(word); found != known_.end()) {
      out += found->second;
      return;
    }
    if (known_.size() >= capacity) known_.clear();
    const std::string& ascii = known_.emplace(std::string(word), transliterate_to_ascii(latin_transliterator(), word)).first->second;
    out += ascii;
  }

private:
  static constexpr std::size_t longest_remembered = 64; // bytes
  static constexpr std::size_t capacity = 16384;         // a few MiB at most
  std::unordered_map<std::string, std::string, StringHash, std::equal_to<>> known_;
};

// Only the words holding a byte outside ASCII go through the rules; the
// text between them is copied as it is.
std::string latin_to_ascii(std::string_view utf8, std::size_t first_outside) {
  thread_local LatinWords words;
  std::string ascii;
  ascii.reserve(utf8.size());
  std::size_t copied = 0;
  for (std::size_t at = first_outside; at < utf8.size(); at = first_non_ascii(utf8, copied)) {
    std::size_t start = at, end = at;
    while (start > copied && !is_ascii_space(utf8[start - 1])) --start;
    while (end < utf8.size() && !is_ascii_space(utf8[end])) ++end;
    ascii += utf8.substr(copied, start - copied);
    words.append(utf8.substr(start, end - start), ascii);
    copied = end;
  }
  ascii += utf8.substr(copied);
  return ascii;
}

// What the rules make of the punctuation news text is full of (quotes,
// dashes, ellipses, spaces of U+2000 to U+200A), by the last byte of its
// UTF-8 form E2 80 xx; empty for the code points of that block left to ICU.
constexpr std::array<std::string_view, 64> general_punctuation = [] {
  std::array<std::string_view, 64> ascii{};
  for (int i = 0x00; i <= 0x0A; ++i) ascii[i] = " ";
  for (int i = 0x10; i <= 0x13; ++i) ascii[i] = "-";
  ascii[0x14] = ascii[0x15] = "--";
  ascii[0x18] = ascii[0x19] = ascii[0x1B] = ascii[0x32] = "'";
  ascii[0x1A] = ",";
  ascii[0x1C] = ascii[0x1D] = ascii[0x1F] = ascii[0x33] = "\"";
  ascii[0x1E] = ",,";
  ascii[0x26] = "...";
  ascii[0x39] = "<";
  ascii[0x3A] = ">";
  return ascii;
}();

// `utf8` in ASCII when everything in it beyond ASCII is punctuation the
// table above holds, or U+00A0, U+00AB or U+00BB: each becomes what the
// rules would make of it, with no lookups. Otherwise nothing.
std::optional<std::string> punctuation_to_ascii(std::string_view utf8, std::size_t first_outside) {
  std::string ascii;
  ascii.reserve(utf8.size());
  std::size_t copied = 0;
  for (std::size_t at = first_outside; at < utf8.size(); at = first_non_ascii(utf8, copied)) {
    ascii.append(utf8, copied, at - copied);
    const auto lead = static_cast<unsigned char>(utf8[at]);
    const auto second = at + 1 < utf8.size() ? static_cast<unsigned char>(utf8[at + 1]) : 0;
    if (lead == 0xC2 && (second == 0xA0 || second == 0xAB || second == 0xBB)) {
      ascii += second == 0xA0 ? " " : second == 0xAB ? "<<" : ">>";
      copied = at + 2;
      continue;
    }
    if (lead != 0xE2 || second != 0x80 || at + 2 >= utf8.size()) return std::nullopt;
    const auto last = static_cast<unsigned char>(utf8[at + 2]);
    if ((last & 0xC0) != 0x80) return std::nullopt;
    const std::string_view replacement = general_punctuation[last & 0x3F];
    if (replacement.empty()) return std::nullopt;
    ascii += replacement;
    copied = at + 3;
  }
  ascii.append(utf8, copied);
  return ascii;
}

} // namespace

std::string_view ascii_text(std::string_view text, std::string& transliterated) {
  if (is_ascii(text)) return text;
  transliterated = to_ascii(text);
  return transliterated;
}

std::string to_ascii(std::string_view utf8) {
  // Most text is ASCII already; ICU is only worth calling for the rest.
  const std::size_t first_outside = first_non_ascii(utf8, 0);
  if (first_outside == utf8.size()) return std::string(utf8);
  if (auto ascii = punctuation_to_ascii(utf8, first_outside)) return std::move(*ascii);
  if (only_latin_beyond_ascii(utf8.substr(first_outside))) return latin_to_ascii(utf8, first_outside);
  // Romanizing other scripts needs the whole text: its rules look further.
  thread_local RecentResults recent;
  if (const std::string* known = recent.find(utf8)) return *known;
  std::string ascii = transliterate_to_ascii(any_script_transliterator(), utf8);
  recent.remember(utf8, ascii);
  return ascii;
}

std::string slug_from_title(std::string_view title) {
  std::string slug;
  for (char c : to_ascii(title)) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) slug += c;
    else if (c != '\'' && !slug.empty() && slug.back() != '-') slug += '-';
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  if (slug.size() > 80) {
    slug.resize(80);
    if (auto cut = slug.rfind('-'); cut != std::string::npos && cut > 40) slug.resize(cut);
  }
  return slug.empty() ? "story" : slug;
}

} // namespace gazette
