#include "content/upload_check.hpp"

#include "content/article_checks.hpp"
#include "content/listings.hpp"
#include "text/url_path.hpp"

#include <fmt/format.h>
#include <set>
#include <string>

namespace gazette {
namespace {

void error(ParsedArticle& parsed, int line, std::string message) {
  parsed.diagnostics.push_back({parsed.article.source, line, Diagnostic::Severity::error, std::move(message)});
}

} // namespace

ParsedArticle check_uploaded_article(std::string_view text, std::string_view section, std::string_view slug,
                                     const StoryIndex& index, const CapsuleFileTest& is_capsule_file) {
  const std::string path = fmt::format("/{}/{}", section, slug);
  ParsedArticle parsed = parse_article(text, fmt::format("{}/{}.md", section, slug));
  if (is_reserved_story_slug(slug)) {
    error(parsed, 1, reserved_story_slug(section, slug));
    parsed.usable = false;
    return parsed;
  }
  // A file with errors of its own is not loaded, so the loader checks no further.
  if (!parsed.usable) return parsed;
  const Article& article = parsed.article;

  // A story not published yet (a draft, one dated later) is named rightly.
  for (const auto& entry : article.related) {
    if (is_url(entry.target)) continue;
    const std::string target = entry.story_path();
    if (target != path && !index.find(target)) error(parsed, entry.line, related_names_no_article(entry.target));
  }

  // Only a published story's aliases are taken; they may not name a section,
  // a published story, this one, or another story's alias.
  if (!article.draft && article.date.unix_seconds <= index.now) {
    std::set<std::string> own;
    for (std::size_t k = 0; k < article.aliases.size(); ++k) {
      const std::string& alias = article.aliases[k];
      const int line = k < parsed.alias_lines.size() ? parsed.alias_lines[k] : 0;
      if (!alias.starts_with('/')) {
        error(parsed, line, alias_not_a_path(alias));
        continue;
      }
      const StoryInfo* story = index.find(alias);
      const auto held = index.aliases.find(alias);
      const bool section_path = alias.size() > 2 && alias.back() == '/' &&
                                index.find_section(std::string_view(alias).substr(1, alias.size() - 2));
      if (is_listing_path(alias)) {
        error(parsed, line, alias_takes_listing(alias));
        continue;
      }
      if (alias == path || section_path || (story && story->state == StoryInfo::State::published) ||
          (held != index.aliases.end() && held->second != path) || !own.insert(alias).second)
        error(parsed, line, alias_collides(alias));
    }
  }

  if (const auto& image = article.image; image && !is_url(image->src)) {
    const std::string_view relative = capsule_relative(image->src);
    if (is_hidden_capsule_path(relative) || !is_capsule_file(relative))
      error(parsed, parsed.image_src_line, image_not_in_capsule(image->src));
  }
  return parsed;
}

} // namespace gazette
