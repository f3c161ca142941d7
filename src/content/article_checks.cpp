#include "content/article_checks.hpp"

#include <fmt/format.h>

namespace gazette {

std::string related_names_no_article(std::string_view target) {
  return fmt::format("related \"{}\" names no article; write section/slug of an existing article, or a full URL", target);
}

std::string alias_not_a_path(std::string_view alias) {
  return fmt::format("alias \"{}\" must be a path starting with /", alias);
}

std::string alias_collides(std::string_view alias) {
  return fmt::format("alias \"{}\" collides with another article's path or alias; remove one of them", alias);
}

std::string alias_takes_listing(std::string_view alias) {
  return fmt::format("alias \"{}\" is where the publication lists its stories (the archive, topics, a section's "
                     "older pages); choose another path", alias);
}

std::string reserved_story_slug(std::string_view section, std::string_view slug) {
  return fmt::format("a story may not be called \"{}\": /{}/{}/ is where the section's older stories are listed; "
                     "rename the file (this article is skipped)", slug, section, slug);
}

std::string image_not_in_capsule(std::string_view src_as_written) {
  return fmt::format("image.src \"{}\" is not a file in the capsule; add the file or fix the path "
                     "(the photo is left out meanwhile)",
                     src_as_written);
}

bool is_hidden_capsule_path(std::string_view relative) {
  return relative.starts_with('.') || relative.starts_with('_') || relative.find("/.") != std::string_view::npos ||
         relative.find("/_") != std::string_view::npos || relative.find("..") != std::string_view::npos;
}

} // namespace gazette
