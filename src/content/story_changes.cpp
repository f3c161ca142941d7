#include "content/story_changes.hpp"

#include <fmt/format.h>

namespace gazette {

namespace {

const Article* published_at(const Publication* publication, std::string_view path) {
  if (!publication) return nullptr;
  const auto found = publication->by_path.find(path);
  return found == publication->by_path.end() ? nullptr : found->second;
}

} // namespace

StoryChanges compare_stories(const Publication* before, const Publication* after) {
  StoryChanges changes;
  if (after)
    for (const Article* article : after->published) {
      const Article* was = published_at(before, article->path());
      if (!was) ++changes.added;
      else if (was->content_hash != article->content_hash) ++changes.updated;
    }
  if (before)
    for (const Article* article : before->published)
      if (!published_at(after, article->path())) ++changes.removed;
  return changes;
}

std::string describe_changes(const StoryChanges& changes, std::size_t files_with_errors) {
  const std::string other_files =
      changes.other_files == 0
          ? ""
          : fmt::format(", {} other file{} changed", changes.other_files, changes.other_files == 1 ? "" : "s");
  return fmt::format("{} added, {} updated, {} removed{}; {} file{} with errors", changes.added, changes.updated,
                     changes.removed, other_files, files_with_errors, files_with_errors == 1 ? "" : "s");
}

} // namespace gazette
