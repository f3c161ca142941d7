// Reads site.toml, every section and every article from the capsule and
// links them: sections in menu order, stories newest first, tags, related
// stories, aliases. Every problem is reported; whatever is valid is kept.
#pragma once
#include "diagnostic.hpp"
#include "publication.hpp"

#include <filesystem>
#include <memory>

namespace gazette {

struct LoadedPublication {
  // Null when the capsule has no site.toml: it is then a plain file capsule.
  std::unique_ptr<Publication> publication;
  Diagnostics diagnostics;
  std::vector<std::pair<std::string, std::string>> redirects; // alias path -> article path
};

LoadedPublication load_publication(const std::filesystem::path& capsule);

} // namespace gazette
