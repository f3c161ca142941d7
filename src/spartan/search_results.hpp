// The one page made per Spartan request: search results, from the
// snapshot's index and the stories' gemtext entries that Gemini shows too.
#pragma once
#include "snapshot/snapshot.hpp"

#include <string>
#include <string_view>

namespace gazette {

inline constexpr std::size_t max_spartan_query_bytes = 1024;

// The whole response for words posted to "/search" (the body, or a query
// the client left on the path); transliterated when `ascii`.
std::string spartan_search_response(const Snapshot& snapshot, std::string_view words, bool ascii);

} // namespace gazette
