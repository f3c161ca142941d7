// Renders what a Gopher client can fetch into a snapshot's Gopher index.
#pragma once
#include "site/article_renders.hpp"
#include "content/capsule_files.hpp"
#include "config/config.hpp"
#include "gopher/gopher_pages.hpp"
#include "content/publication.hpp"
#include "snapshot/snapshot.hpp"

namespace gazette {

// Every Gopher answer but the feeds. Reads nothing of snapshot.gemini, so
// the two sites can be built at the same time.
void add_gopher_resources(Snapshot& snapshot, const CapsuleFiles& files, const Publication* publication,
                          const GopherSettings& settings, const RendersByArticle& renders);

// Feeds are copied from the Gemini index once it is built, so both protocols
// serve the same XML.
void add_gopher_feeds(Snapshot& snapshot, const GopherSettings& settings);

} // namespace gazette
