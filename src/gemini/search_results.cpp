#include "gemini/search_results.hpp"

#include "gemini/gemini_response.hpp"
#include "gemini/gemtext.hpp"

#include <fmt/format.h>

namespace gazette {

std::string gemini_search_response(const Snapshot& snapshot, std::string_view query_text) {
  const std::string query = printable_query(query_text);
  const SearchResults results = snapshot.search->find(query, max_search_results);

  std::string out = gemini_header(20, gemtext_mime_type(snapshot.lang));
  out += "# Search: " + query + "\n\n";
  out += escape_gemtext_line(describe_results(results, query)) + "\n\n";
  for (std::uint32_t story : results.hits) out += snapshot.search_entries[story].gemini.joined();
  out += fmt::format("=> {} Search again\n=> / Front page: {}\n", search_path, snapshot.site_title);
  return out;
}

} // namespace gazette
