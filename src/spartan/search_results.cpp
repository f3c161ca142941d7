#include "spartan/search_results.hpp"

#include "spartan/spartan_response.hpp"
#include "text/ascii_transliteration.hpp"

#include <fmt/format.h>

namespace gazette {

std::string spartan_search_response(const Snapshot& snapshot, std::string_view words, bool ascii) {
  const std::string query = printable_query(words);
  const SearchResults results = snapshot.search->find(query, max_search_results);

  std::string page = fmt::format("# Search: {}\n\n{}\n\n", query, describe_results(results, query));
  for (std::uint32_t story : results.hits) page += snapshot.search_entries[story].gemini.joined();
  page += fmt::format("=: {} Search again\n=> / Front page: {}\n", search_path, snapshot.site_title);
  return spartan_header(2, "text/gemini") + (ascii ? to_ascii(page) : page);
}

} // namespace gazette
