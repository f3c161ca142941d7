// Links that lead nowhere: each link and image of an article's body, and
// each link line of the capsule's own gemtext pages, resolved as a Gemini
// client resolves it and looked up among the answers a snapshot holds.
#pragma once
#include "content/capsule_files.hpp"
#include "content/diagnostic.hpp"
#include "content/publication.hpp"
#include "snapshot/snapshot.hpp"

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace gazette {

// Where links lead: the hash of each path one resolves to. A story
// withdrawn in place checks every link again only when one may lead to a
// page that goes with it.
using LinkTargets = std::unordered_set<std::uint64_t>;
std::uint64_t link_target_hash(std::string_view path);

// A warning with file and line for every link without a scheme (a path,
// absolute or relative to its page) that the server would answer with no
// page or file (20), redirect (30, 31) or prompt (10). Links with a scheme
// lead elsewhere and are not checked. `publication` may be null. Adds where
// each link leads to `targets`, when given.
Diagnostics check_links(const Publication* publication, const CapsuleFiles& files, const Resources& gemini,
                        LinkTargets* targets = nullptr);

// The files of `files` whose links check_links reads: the gemtext pages.
CapsuleFiles gemtext_pages(const CapsuleFiles& files);

// The same for one article of `publication`.
Diagnostics check_article_links(const Publication& publication, const Article& article, const Resources& gemini,
                                LinkTargets* targets = nullptr);

// The same for the articles and pages of `files` whose files are `sources`
// (paths in the capsule, as diagnostics name them).
Diagnostics check_links_of(const Publication& publication, const CapsuleFiles& files,
                           const std::set<std::string>& sources, const Resources& gemini);

// A gemtext link line's target, with its 1-based line.
struct GemtextLink {
  std::string url;
  int line = 0;
};

// Every link line's target in gemtext, outside preformatted blocks.
std::vector<GemtextLink> gemtext_links(std::string_view text);

} // namespace gazette
