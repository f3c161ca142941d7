// Text for places that only take ASCII: legacy Gopher clients, and slugs.
#pragma once
#include <string>
#include <string_view>

namespace gazette {

// Curly quotes to straight ones, dashes to "-" or "--", "…" to "...",
// accented letters to their base letters, other scripts romanized, through
// ICU's transliterators. Whatever still is not ASCII becomes "?".
std::string to_ascii(std::string_view utf8);

// `text` itself when it is ASCII already; else its to_ascii, kept in
// `transliterated`. Spares a copy of the text that needs no transliteration.
std::string_view ascii_text(std::string_view text, std::string& transliterated);

// "Ukraine & Russia: (quietly) talking" -> "ukraine-russia-quietly-talking".
std::string slug_from_title(std::string_view title);

} // namespace gazette
