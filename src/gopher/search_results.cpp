#include "gopher/search_results.hpp"

namespace gazette {

std::string gopher_search_response(const Snapshot& snapshot, std::string_view words) {
  const std::string query = printable_query(words);
  const SearchResults results = snapshot.search->find(query, max_search_results);
  const GopherSettings& settings = snapshot.config->gopher;
  GopherMenu menu({settings.host, settings.port}, settings.ascii);
  menu.info("Search: " + query);
  menu.info(describe_results(results, query));
  menu.blank();
  for (std::uint32_t story : results.hits) menu.splice(snapshot.search_entries[story].gopher.joined());
  menu.item('7', "Search again", search_path);
  menu.item('1', "Front page: " + snapshot.site_title, "/");
  return menu.finish();
}

} // namespace gazette
