// Links that lead nowhere: each link and image of an article's body, and
// each link line of the capsule's own gemtext pages, resolved as a Gemini
// client resolves it and looked up among the answers a snapshot holds.
#pragma once
#include "content/capsule_files.hpp"
#include "content/diagnostic.hpp"
#include "content/publication.hpp"
#include "snapshot/snapshot.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace gazette {

// A warning with file and line for every link without a scheme (a path,
// absolute or relative to its page) that the server would answer with no
// page or file (20), redirect (30, 31) or prompt (10). Links with a scheme
// lead elsewhere and are not checked. `publication` may be null.
Diagnostics check_links(const Publication* publication, const CapsuleFiles& files, const Resources& gemini);

// The same for one article of `publication`.
Diagnostics check_article_links(const Publication& publication, const Article& article, const Resources& gemini);

// A gemtext link line's target, with its 1-based line.
struct GemtextLink {
  std::string url;
  int line = 0;
};

// Every link line's target in gemtext, outside preformatted blocks.
std::vector<GemtextLink> gemtext_links(std::string_view text);

} // namespace gazette
