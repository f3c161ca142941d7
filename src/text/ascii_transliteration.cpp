#include "text/ascii_transliteration.hpp"

#include "text/utf8.hpp"

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace gazette {
namespace {

// Building an ICU transliterator from rules is costly, and one instance is
// not safe to share between threads: the rules are built once, and every
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

// The global filter sends only non-ASCII characters through the rules, which
// keeps long ASCII runs cheap. Any-Latin romanizes other scripts, then
// Latin-ASCII takes the rest to ASCII; it alone would make an em dash "-",
// so the rule before them keeps the typewriter's "--" readers expect.
icu::Transliterator* transliterator() {
  static const TransliteratorRules rules(
      u":: [^\\u0000-\\u007F] ; \u2014 > '--'; \u2015 > '--'; :: Any-Latin; :: Latin-ASCII;");
  thread_local const std::unique_ptr<icu::Transliterator> transliterator = rules.clone();
  return transliterator.get();
}

// What the rules make of the punctuation news text is full of: spaces,
// dashes, quotes, ellipses, guillemets. Empty for any other code point.
std::string_view ascii_punctuation(UChar32 c) {
  if (c == 0xA0 || (c >= 0x2000 && c <= 0x200A)) return " ";
  switch (c) {
  case 0xAB: return "<<";
  case 0xBB: return ">>";
  case 0x2010: case 0x2011: case 0x2012: case 0x2013: return "-";
  case 0x2014: case 0x2015: return "--";
  case 0x2018: case 0x2019: case 0x201B: case 0x2032: return "'";
  case 0x201A: return ",";
  case 0x201C: case 0x201D: case 0x201F: case 0x2033: return "\"";
  case 0x201E: return ",,";
  case 0x2026: return "...";
  case 0x2039: return "<";
  case 0x203A: return ">";
  default: return {};
  }
}

// `utf8` in ASCII when all it holds beyond ASCII is that punctuation, each
// code point as the rules would make it; otherwise nothing. `utf8` is ASCII
// before `first_beyond`.
std::optional<std::string> punctuation_to_ascii(std::string_view utf8, std::size_t first_beyond) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(utf8.data());
  const auto length = static_cast<std::int64_t>(utf8.size());
  std::string ascii;
  ascii.reserve(utf8.size());
  ascii.append(utf8.substr(0, first_beyond));
  for (auto i = static_cast<std::int64_t>(first_beyond); i < length;) {
    // The ASCII between two quotes is copied whole, not byte by byte.
    const auto ascii_end = static_cast<std::int64_t>(first_non_ascii(utf8, static_cast<std::size_t>(i)));
    ascii.append(utf8.data() + i, static_cast<std::size_t>(ascii_end - i));
    i = ascii_end;
    if (i == length) break;
    UChar32 c;
    U8_NEXT(bytes, i, length, c); // negative for a broken sequence
    const std::string_view replacement = ascii_punctuation(c);
    if (replacement.empty()) return std::nullopt;
    ascii += replacement;
  }
  return ascii;
}

// `utf8`, not all ASCII, in ASCII; it is ASCII before `first_beyond`.
std::string beyond_ascii_to_ascii(std::string_view utf8, std::size_t first_beyond) {
  // Most of it holds nothing beyond ASCII but typographic punctuation, and
  // ICU's rules cost far more than a lookup of it.
  if (auto ascii = punctuation_to_ascii(utf8, first_beyond)) return std::move(*ascii);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  if (icu::Transliterator* rules = transliterator()) rules->transliterate(text);
  std::string out;
  text.toUTF8String(out);
  // Whatever is still outside ASCII becomes one "?" per code point.
  std::string ascii;
  ascii.reserve(out.size());
  for (char byte : out) {
    const auto c = static_cast<unsigned char>(byte);
    if (c < 0x80) ascii += static_cast<char>(c);
    else if ((c & 0xC0) != 0x80) ascii += '?';
  }
  return ascii;
}

} // namespace

std::string_view ascii_text(std::string_view text, std::string& transliterated) {
  const std::size_t first_beyond = first_non_ascii(text);
  if (first_beyond == text.size()) return text;
  transliterated = beyond_ascii_to_ascii(text, first_beyond);
  return transliterated;
}

std::string to_ascii(std::string_view utf8) {
  // Most text is ASCII already; ICU is only worth calling for the rest.
  const std::size_t first_beyond = first_non_ascii(utf8);
  if (first_beyond == utf8.size()) return std::string(utf8);
  return beyond_ascii_to_ascii(utf8, first_beyond);
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
