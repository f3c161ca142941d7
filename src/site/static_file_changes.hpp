// A reload after static files (photos, documents: anything served as it
// is) were saved, replaced or removed. The new build takes the last one's
// and changes only their answers on every protocol, their folders' Gopher
// menus, and the warnings of links that may lead to them: at 100,000
// stories a whole build takes seconds, and a photo is often saved just
// before the story that shows it. Built whole instead: gemtext pages
// (Gopher renders them, and they have links of their own), files the
// publication answers for (a feed's name, a story's alias, a page the
// front page links), files in a folder the last build did not serve, and a
// story's photo that comes or goes (the story is shown without it while
// it is missing).
#pragma once
#include "site/in_place_builds.hpp"
#include "site/snapshot_builder.hpp"

#include <chrono>
#include <memory>
#include <optional>

namespace gazette {

// The build after the static files among `reading.changed` changed, made
// from `previous`, which it then leaves empty. The other files named (story
// sources, settings) are left in `rest.changed` for the builds that change
// stories, with `rest.serving` the new snapshot; files no build serves (an
// editor's leftovers, hidden folders) change nothing. None, with `previous`
// untouched, when no static file changed beside story files, or one calls
// for a whole build.
std::optional<BuiltSnapshot> change_static_files_in_place(BuiltSnapshot& previous,
                                                          const std::shared_ptr<const Config>& config,
                                                          const std::shared_ptr<asio::ssl::context>& tls,
                                                          std::chrono::sys_seconds now, const CapsuleReading& reading,
                                                          CapsuleReading& rest);

// Adds where `article`'s photo is to `photo_paths`, when it is a file of
// the capsule.
void add_photo_path(LinkTargets& photo_paths, const Article& article);

} // namespace gazette
