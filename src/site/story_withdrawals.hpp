// A reload after one story's file was removed. The new build takes the
// last one's publication, renders, lists and answers, and takes the story
// out of each: its own pages go, the lists that showed or counted it are
// planned again (and lose the pages they no longer fill), the stories that
// listed it as related choose again, and search, the front pages and the
// feeds forget it. A story that changes more than that when it goes (one
// with aliases, one another story names as related, the last of its
// section, one whose slug Finger shares with another) is built whole, as
// is any other change.
#pragma once
#include "site/in_place_builds.hpp"
#include "site/snapshot_builder.hpp"

#include <chrono>
#include <memory>
#include <optional>

namespace gazette {

// The build after the removal `reading.changed` names, made from
// `previous`, which it then leaves empty; none, with `previous` untouched,
// when the change is more than such a withdrawal.
std::optional<BuiltSnapshot> withdraw_story_in_place(BuiltSnapshot& previous, const std::shared_ptr<const Config>& config,
                                                     const std::shared_ptr<asio::ssl::context>& tls,
                                                     std::chrono::sys_seconds now, const CapsuleReading& reading);

// A story moved: its file saved with a new date, topics, related stories
// or photo, or renamed. The build without the story as the last build read
// it, the first half of a move in place (the second adds the story the
// file now holds, see add_story_in_place, given `moved`); its lists, the
// pages of the latest stories and the links that lead nowhere are left for
// that half. None, with `previous` untouched, when `reading.changed` names
// more than that, or its going changes more.
std::optional<BuiltSnapshot> withdraw_moved_story(BuiltSnapshot& previous, const std::shared_ptr<const Config>& config,
                                                  const std::shared_ptr<asio::ssl::context>& tls,
                                                  std::chrono::sys_seconds now, const CapsuleReading& reading,
                                                  MovedStory& moved);

} // namespace gazette
