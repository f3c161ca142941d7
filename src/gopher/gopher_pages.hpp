// The publication as Gopher menus and 70-column text documents.
//
// Selectors mirror Gemini's paths:
//   ""  or "/"          front page menu
//   "/<section>/"       section menu
//   "/<section>/<slug>" the article as text (type 0)
//   "/<section>/<slug>/" the article's menu: the text, the photo, related
//                        stories, and links back
//   "/tags/", "/tags/<tag>/" topic menus
#pragma once
#include "config/config.hpp"
#include "gopher/gopher_menu.hpp"
#include "content/listings.hpp"
#include "content/publication.hpp"
#include "snapshot/shared_bytes.hpp"

#include <functional>
#include <memory>
#include <string>

namespace gazette {

struct GopherStyle {
  GopherOrigin origin;
  std::size_t wrap = 70;
  bool ascii = true;
};

GopherStyle gopher_style(const GopherSettings& settings);

// A story as the lists show it (front page, section, tags): rendered once
// per article and spliced into every list that holds it, as menu lines.
struct GopherStoryEntry {
  SharedBytes lines;                 // one piece: the day, then the title, teaser and the link to its menu
  std::size_t dateline_end = 0;      // where the day's line ends
  std::size_t title_end = 0;         // where the title's item, after it, ends
  SharedBytes dateline_with_section; // one piece: the day and the section's title, for lists of every section

  std::string_view text() const { return lines.piece(0); }
  std::string_view rest() const { return text().substr(dateline_end); }
  std::string_view title() const { return text().substr(dateline_end, title_end - dateline_end); }
};
GopherStoryEntry render_story_entry_menu(const Publication& publication, const Article& article,
                                         const GopherStyle& style);

// Where lists find each story's entry, which they share rather than copy;
// without it they render entries as they go.
using GopherEntries = std::function<std::shared_ptr<const GopherStoryEntry>(const Article&)>;

// The list menus, in pieces (see SharedBytes).
SharedBytes render_front_page_menu(const Publication& publication, const GopherStyle& style,
                                   const GopherEntries& entries = {});
// A section, topic or archive page, or the index of topics (see listing_plans).
SharedBytes render_listing_menu(const Publication& publication, const ListingPlan& plan, const GopherStyle& style,
                                const GopherEntries& entries = {});
std::string render_article_menu(const Publication& publication, const Article& article, const GopherStyle& style);
// LF-terminated lines; the caller turns them into CRLF for the wire.
std::string render_article_text(const Publication& publication, const Article& article, const GopherStyle& style);

// A gemtext page of the capsule (about.gmi), read with parse_gemtext, as
// plain text: LF lines, its links numbered and listed as References.
// `publication` may be null (a capsule of files only).
std::string render_gemtext_page_text(const Publication* publication, std::string_view url_path, const Body& page,
                                     const GopherStyle& style);

// The Gopher item type for a file, from its extension.
char gopher_item_type(std::string_view extension);

// "gopher://host:port/<type><selector>", as printed in text documents.
std::string gopher_url(const GopherOrigin& origin, char type, std::string_view selector);

} // namespace gazette
