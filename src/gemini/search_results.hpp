// The one page made per request: search results, from the snapshot's index.
#pragma once
#include "snapshot/snapshot.hpp"

#include <string>
#include <string_view>

namespace gazette {

// The whole response for "/search?<query>", given the query as
// parse_gemini_request decoded it (GeminiRequest::query_text).
std::string gemini_search_response(const Snapshot& snapshot, std::string_view query_text);

} // namespace gazette
