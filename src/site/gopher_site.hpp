// Renders what a Gopher client can fetch into a snapshot's Gopher index.
#pragma once
#include "site/article_renders.hpp"
#include "site/listing_pages.hpp"
#include "content/capsule_files.hpp"
#include "config/config.hpp"
#include "gopher/gopher_pages.hpp"
#include "content/publication.hpp"
#include "snapshot/snapshot.hpp"

namespace gazette {

// Every Gopher answer. Reads nothing of snapshot.gemini, so the two sites
// can be built at the same time. The Atom feeds are Gemini's alone: their
// links are gemini:// URLs, and Gopher readers have the menus.
void add_gopher_resources(Snapshot& snapshot, const CapsuleFiles& files, const Publication* publication,
                          const std::vector<std::pair<std::string, std::string>>& redirects,
                          const GopherSettings& settings, const RendersByArticle& renders,
                          const std::vector<ListingPage>& listings);

} // namespace gazette
