// Atom feeds (RFC 4287) of the publication and of each section, with
// gemini:// links, RFC 3339 dates, and entry ids that stay the same across
// restarts and reloads (they are the article's URL).
#pragma once
#include "content/publication.hpp"

#include <string>
#include <vector>

namespace gazette {

// The latest stories, as many as site.toml's feed_entries. `base_url` is "gemini://host[:port]", without a trailing slash.
// `path` is the feed's own path ("/atom.xml", "/<section>/atom.xml").
std::string render_atom_feed(const Publication& publication, const std::string& title, const std::string& path,
                             const std::string& page_path, const std::vector<const Article*>& stories,
                             const std::string& base_url);

} // namespace gazette
