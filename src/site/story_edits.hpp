// A reload after edits that leave each story where it was: the same path,
// date, topics, section, aliases, related links and photo. That is most of
// a newsroom's saves (a fix in a story's text or headline), and such an
// edit changes the story's own pages, its search words, the front pages
// and the feeds, and when its title or teaser changed, the pages that list
// it and those of stories that name it as related: the new build takes the
// last one's publication, renders, lists and answers, and changes only
// those. Any other change is built whole.
#pragma once
#include "site/snapshot_builder.hpp"

#include <chrono>
#include <memory>
#include <optional>

namespace gazette {

// The build after the edits `reading.changed` names, made from `previous`,
// which it then leaves empty; none, with `previous` untouched, when the
// change is more than such edits.
std::optional<BuiltSnapshot> edit_stories_in_place(BuiltSnapshot& previous, const std::shared_ptr<const Config>& config,
                                                   const std::shared_ptr<asio::ssl::context>& tls,
                                                   std::chrono::sys_seconds now, const CapsuleReading& reading);

} // namespace gazette
