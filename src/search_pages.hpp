// Search results for both protocols. The only pages rendered per request,
// from the index held in the snapshot.
#pragma once
#include "gopher_pages.hpp"
#include "search_index.hpp"

#include <string>
#include <string_view>

namespace gazette {

inline constexpr std::size_t max_search_results = 50;
inline constexpr std::string_view search_path = "/search";

class SearchPages {
public:
  SearchPages(const Publication& publication, const RendersByArticle& renders, GopherStyle gopher);

  // The whole Gemini response for "/search?<query>", given the query as
  // parse_gemini_request decoded it (GeminiRequest::query_text).
  std::string gemini_response(std::string_view query_text) const;
  // The Gopher menu for the words a client sent after the TAB.
  std::string gopher_response(std::string_view words) const;

private:
  SearchIndex index_;
  std::string site_title_;
  std::string lang_;
  GopherStyle gopher_;
};

} // namespace gazette
