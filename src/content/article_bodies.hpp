// A story's parsed body is needed to render its pages and its search words,
// and not after: the pages are kept, and a body is about as large as both
// protocols' pages together. Once a snapshot is built, the cache of parsed
// articles lets the bodies go; a later load that must render a story again
// (its related stories or its section's name changed, say) reads its file
// again.
#pragma once
#include "content/publication_loader.hpp"

#include <filesystem>

namespace gazette {

// Lets go of the body of every article in `cache`, once the build that
// loaded it has rendered what it needs.
void release_bodies(LoadCache& cache);
void release_body(const Article& article); // likewise, one article

// Gives `article` its body again from its file in `capsule`, when
// release_bodies let it go; false when the file no longer holds the text it
// was parsed from (a broken edit kept the last good version online, say).
// Only the build that holds the article calls this, and for each article
// from one thread at a time.
bool restore_body(const std::filesystem::path& capsule, const Article& article);

} // namespace gazette
