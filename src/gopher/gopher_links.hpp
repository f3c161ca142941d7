// Where a link of the publication leads for a Gopher client: an item on
// this server, an item on another Gopher server, or a "URL:" item, which
// this server answers with a page that sends the reader on.
#pragma once
#include "content/body.hpp"
#include "content/publication.hpp"
#include "gopher/gopher_menu.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace gazette {

struct GopherLink {
  char type = '1';
  std::string selector;
  std::string host;
  std::uint16_t port = 70;
  std::string url; // as text documents print it: gopher://... for Gopher items, else the link as written

  bool leaves_gopher() const { return selector.starts_with("URL:"); }
};

// `link` as written in the page at `page_path` ("/section/slug" for an
// article, "/about.gmi" for a page). A path on this capsule is resolved as a
// Gemini client would and typed by what it names: a story is its text (0),
// a section, topic or folder a menu (1), a file by its extension; a
// gopher:// URL is an item on its server; any other URL is a "URL:" item.
// `publication` may be null (a capsule of files only).
GopherLink gopher_link(const GopherOrigin& origin, const Publication* publication, std::string_view page_path,
                       std::string_view link);

// A link in an article's body, with the words it is shown by.
struct BodyLink {
  std::string_view url;
  std::string label;
};

// Every link of the body in the order its text numbers them: each block's
// inline links, and link lines and images, which are links themselves.
std::vector<BodyLink> body_links(const Body& body);

// The label an image block is shown by: "Photo: caption".
std::string image_label(const Block& block);

} // namespace gazette
