// The capsule's own pages (about.gmi, a masthead, a corrections policy):
// which of them the front page links, and what each is called.
#pragma once
#include "content/diagnostic.hpp"
#include "content/publication.hpp"

#include <filesystem>

namespace gazette {

struct FoundPages {
  std::vector<CapsulePage> pages;
  Diagnostics diagnostics;
};

// The pages site.toml's `pages` names, in its order; without `pages`, every
// gemtext file (.gmi, .gemini) at the top of the capsule but index.gmi, by
// name. Each is called by its first "# " heading, else by its file name. A
// `pages` entry that is no gemtext file of the capsule is a warning, and
// is left out.
FoundPages find_capsule_pages(const std::filesystem::path& capsule, const Site& site);

} // namespace gazette
