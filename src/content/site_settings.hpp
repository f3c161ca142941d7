// site.toml and _section.toml: pure parsers, text in, settings and problems out.
#pragma once
#include "content/diagnostic.hpp"
#include "content/publication.hpp"

#include <string_view>

namespace gazette {

struct ParsedSite {
  Site site;
  Diagnostics diagnostics;
};
ParsedSite parse_site_settings(std::string_view text, const std::string& source);

struct ParsedSection {
  Section section;
  Diagnostics diagnostics;
};
ParsedSection parse_section_settings(std::string_view text, const std::string& source);

// Section folders and article files: lowercase ASCII letters, digits and "-".
bool is_valid_slug(std::string_view name);

} // namespace gazette
