#include "ascii_transliteration.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <memory>
#include <mutex>
#include <unicode/translit.h>
#include <unicode/unistr.h>

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
bool only_latin_beyond_ascii(const icu::UnicodeString& text) {
  for (int32_t i = 0; i < text.length();) {
    const UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    const bool latin = c < 0x0250 || (c >= 0x1E00 && c <= 0x1EFF) || (c >= 0x2000 && c <= 0x20CF) ||
                       (c >= 0x2100 && c <= 0x215F);
    if (!latin) return false;
  }
  return true;
}

} // namespace

std::string to_ascii(std::string_view utf8) {
  // Most text is ASCII already; ICU is only worth calling for the rest.
  if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
    return std::string(utf8);
  thread_local RecentResults recent;
  if (const std::string* known = recent.find(utf8)) return *known;
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  transliterate(only_latin_beyond_ascii(text) ? latin_transliterator() : any_script_transliterator(), text);
  std::string out;
  text.toUTF8String(out);
  std::string ascii;
  ascii.reserve(out.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(out[i]);
    if (c < 0x80) {
      ascii += static_cast<char>(c);
    } else if ((c & 0xC0) != 0x80) {
      ascii += '?'; // one "?" per code point left over
    }
  }
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
