// Text for places that only take ASCII: legacy Gopher clients, and slugs.
#pragma once
#include <string>
#include <string_view>

namespace gazette {

// Curly quotes to straight ones, dashes to "-" or "--", "…" to "...",
// accented letters to their base letters, other scripts romanized, through
// ICU's transliterators. Whatever still is not ASCII becomes "?".
std::string to_ascii(std::string_view utf8);

// Whether `text` is ASCII already, so that to_ascii would only copy it.
bool is_ascii(std::string_view text);

// "Ukraine & Russia: (quietly) talking" -> "ukraine-russia-quietly-talking".
std::string slug_from_title(std::string_view title);

} // namespace gazette
