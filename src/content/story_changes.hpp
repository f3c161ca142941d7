// What a reload changed for readers: the stories it added, updated and
// removed, told apart by path and by the text of their files.
#pragma once
#include "content/publication.hpp"

#include <cstdint>
#include <string>
#include <unordered_map>

namespace gazette {

// Every published story's path, with its file's content hash.
using PublishedStories = std::unordered_map<std::string, std::uint64_t>;

PublishedStories published_stories(const Publication& publication);

struct StoryChanges {
  std::size_t added = 0, updated = 0, removed = 0;
};

StoryChanges compare_stories(const PublishedStories& before, const PublishedStories& after);

// "1 added, 2 updated, 0 removed; 1 file with errors"
std::string describe_changes(const StoryChanges& changes, std::size_t files_with_errors);

} // namespace gazette
