#include "search_pages.hpp"

#include "gemini_site.hpp"
#include "gemtext.hpp"

#include <fmt/format.h>

namespace gazette {

SearchPages::SearchPages(const Publication& publication, const RendersByArticle& renders, GopherStyle gopher)
    : index_(publication, renders), site_title_(publication.site.title), lang_(publication.site.lang), gopher_(std::move(gopher)) {}

namespace {

std::string found_line(const SearchResults& results, std::string_view query) {
  if (results.total == 0) {
    // A Gopher client sends what was typed, even nothing; so may a Gemini one.
    if (search_words(query).empty()) return "Type one or more words to search for.";
    return fmt::format("No stories found for \"{}\".", query);
  }
  std::string line = fmt::format("{} {} found for \"{}\".", results.total, results.total == 1 ? "story" : "stories", query);
  if (results.total > results.hits.size()) line += fmt::format(" The first {} are shown.", results.hits.size());
  return line;
}

// Query text shown back to the reader: one line, no control characters.
std::string printable_query(std::string_view text) {
  std::string out;
  for (unsigned char c : text) out += c < 0x20 || c == 0x7F ? ' ' : static_cast<char>(c);
  return out;
}

} // namespace

std::string SearchPages::gemini_response(std::string_view query_text) const {
  const std::string query = printable_query(query_text);
  const SearchResults results = index_.find(query, max_search_results);

  std::string out = gemini_header(20, gemtext_mime_type(lang_));
  out += "# Search: " + query + "\n\n";
  out += escape_gemtext_line(found_line(results, query)) + "\n\n";
  for (const ArticleRenders* story : results.hits) {
    out += story->gemini_entry.link;
    out += story->gemini_entry.rest;
  }
  out += fmt::format("=> {} Search again\n=> / Front page: {}\n", search_path, site_title_);
  return out;
}

std::string SearchPages::gopher_response(std::string_view words) const {
  const std::string query = printable_query(words);
  const SearchResults results = index_.find(query, max_search_results);
  GopherMenu menu(gopher_.origin, gopher_.ascii);
  menu.info("Search: " + query);
  menu.info(found_line(results, query));
  menu.blank();
  for (const ArticleRenders* story : results.hits) {
    menu.splice(story->gopher_entry.dateline);
    menu.splice(story->gopher_entry.rest);
  }
  menu.item('7', "Search again", search_path);
  menu.item('1', "Front page: " + site_title_, "/");
  return menu.finish();
}

} // namespace gazette
