// Renders what a Finger client can ask for into a snapshot's Finger index.
#pragma once
#include "config/config.hpp"
#include "content/publication.hpp"
#include "site/article_renders.hpp"
#include "snapshot/snapshot.hpp"

#include <set>
#include <string>

namespace gazette {

// Every Finger answer, by the name asked for: "" the latest stories, a
// section's name its latest, a story's "section/slug" (and its slug, when no
// other story or section has it) the story's Gopher text, shared.
void add_finger_resources(Snapshot& snapshot, const Publication* publication, const RendersByArticle& renders,
                          const Config& config);

// After an edit of `article` that leaves it where it was in every list: its
// answers, and the choice of stories its slug answers with when others
// share it.
void update_finger_story(Snapshot& snapshot, const Publication& publication, const Article& article,
                         const RendersByArticle& renders, const Config& config);

// After such edits of stories of `sections`: the lists of the latest
// stories, the site's and those sections'.
void update_finger_lists(Snapshot& snapshot, const Publication& publication, const Config& config,
                         const std::set<std::string>& sections);

} // namespace gazette
