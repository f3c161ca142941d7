// A reload after one new story: a file saved in a section, published at
// once. That is how most of a newsroom's news arrives, and at 100,000
// stories a whole build takes seconds. The new build takes the last one's
// publication, renders, lists and answers, and adds the story to each: its
// own pages, the lists that show it or count it, the pages of the stories
// it now ranks among as related, search, the front pages and the feeds.
// A story that changes more than that (one with aliases, one a link or a
// related entry named before it was there, one whose photo is missing, one
// whose slug Finger would share) is built whole, as is any other change.
#pragma once
#include "site/in_place_builds.hpp"
#include "site/snapshot_builder.hpp"

#include <chrono>
#include <memory>
#include <optional>

namespace gazette {

// The build after the new story `reading.changed` names, made from
// `previous`, which it then leaves empty; none, with `previous` untouched,
// when the change is more than such an addition. With `moved`, the second
// half of a move (see withdraw_moved_story): the lists the story left are
// planned with its new ones, and may lose pages.
std::optional<BuiltSnapshot> add_story_in_place(BuiltSnapshot& previous, const std::shared_ptr<const Config>& config,
                                                const std::shared_ptr<asio::ssl::context>& tls,
                                                std::chrono::sys_seconds now, const CapsuleReading& reading,
                                                const MovedStory* moved = nullptr);

} // namespace gazette
