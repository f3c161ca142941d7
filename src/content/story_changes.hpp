// What a reload changed for readers: the stories it added, updated and
// removed, told apart by path and by the text of their files, and the other
// files it serves anew.
#pragma once
#include "content/publication.hpp"

#include <string>

namespace gazette {

struct StoryChanges {
  std::size_t added = 0, updated = 0, removed = 0;
  // Files served as they are (photos, documents, gemtext pages) saved or
  // removed: a photo replaced changes no story, and the log says so.
  std::size_t other_files = 0;
};

// The published stories of `after` that `before` did not publish at their
// path, those it published from another text, and those it published that
// `after` does not. A null publication publishes nothing. Both must have
// their stories indexed by path.
StoryChanges compare_stories(const Publication* before, const Publication* after);

// "1 added, 2 updated, 0 removed; 1 file with errors", with ", 1 other file
// changed" after "removed" when there are such files.
std::string describe_changes(const StoryChanges& changes, std::size_t files_with_errors);

} // namespace gazette
