#include "content/story_changes.hpp"

#include <fmt/format.h>

namespace gazette {

PublishedStories published_stories(const Publication& publication) {
  PublishedStories stories;
  stories.reserve(publication.published.size());
  for (const Article* article : publication.published) stories.emplace(article->path(), article->content_hash);
  return stories;
}

StoryChanges compare_stories(const PublishedStories& before, const PublishedStories& after) {
  StoryChanges changes;
  for (const auto& [path, hash] : after) {
    auto found = before.find(path);
    if (found == before.end()) ++changes.added;
    else if (found->second != hash) ++changes.updated;
  }
  for (const auto& [path, hash] : before)
    if (!after.count(path)) ++changes.removed;
  return changes;
}

std::string describe_changes(const StoryChanges& changes, std::size_t files_with_errors) {
  return fmt::format("{} added, {} updated, {} removed; {} file{} with errors", changes.added, changes.updated,
                     changes.removed, files_with_errors, files_with_errors == 1 ? "" : "s");
}

} // namespace gazette
