// The publication's pages as gemtext: article, front page, sections, tags.
// Rendered once per snapshot; the request path only looks the bytes up.
#pragma once
#include "content/listings.hpp"
#include "content/publication.hpp"
#include "snapshot/shared_bytes.hpp"

#include <functional>
#include <memory>
#include <string>

namespace gazette {

// A story as the lists show it (front page, section, tags): rendered once
// per article and shared by every list that holds it.
struct GemtextStoryEntry {
  SharedBytes lines;        // one piece: the dated link line, then the teaser and "Keep reading"
  std::size_t link_end = 0; // where lists that name the section put it

  std::string_view text() const { return lines.piece(0); }
  std::string_view link() const { return text().substr(0, link_end); }
  std::string_view rest() const { return text().substr(link_end); }
};
GemtextStoryEntry render_story_entry_gemtext(const Article& article);

// Where lists find each story's entry, which they share rather than copy;
// without it they render entries as they go.
using GemtextEntries = std::function<std::shared_ptr<const GemtextStoryEntry>(const Article&)>;

// The article's page, appended to `out` (a response's header, say).
std::string render_article_gemtext(const Publication& publication, const Article& article, std::string out = {});
// How the front page links search: a link to the page that asks for
// words (Gemini's status 10), or Spartan's prompt line ("=:"), which asks
// for them itself.
enum class SearchLink { link, prompt };

// The list pages, in pieces (see SharedBytes).
SharedBytes render_front_page_gemtext(const Publication& publication, const GemtextEntries& entries = {},
                                      SearchLink search = SearchLink::link);
// A section, topic or archive page, or the index of topics (see listing_plans),
// after `head` (a response's header, say).
SharedBytes render_listing_gemtext(const Publication& publication, const ListingPlan& plan,
                                   const GemtextEntries& entries = {}, std::string head = {});

// "/tags/<tag>/" as a URL path, escaped.
std::string tag_url(const std::string& tag);

} // namespace gazette
