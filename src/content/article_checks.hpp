// The checks a story gets against the rest of the capsule (the stories its
// `related` entries name, its aliases, its lead photo), worded once for the
// loader and for an upload checked before it is written.
#pragma once
#include <string>
#include <string_view>

namespace gazette {

std::string related_names_no_article(std::string_view target);
std::string alias_not_a_path(std::string_view alias);
std::string alias_collides(std::string_view alias);
std::string alias_takes_listing(std::string_view alias);
std::string reserved_story_slug(std::string_view section, std::string_view slug);
std::string image_not_in_capsule(std::string_view src_as_written);

// Whether a capsule path ("images/pier.png") lies in a hidden file or folder
// (a name starting with "." or "_") or climbs out with "..": never a photo.
bool is_hidden_capsule_path(std::string_view relative);

} // namespace gazette
