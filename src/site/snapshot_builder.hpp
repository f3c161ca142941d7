// Builds a snapshot from the capsule on disk: scan, load, render once.
#pragma once
#include "config/config.hpp"
#include "site/article_renders.hpp"
#include "site/link_check.hpp"
#include "site/listing_pages.hpp"
#include "site/static_files.hpp"
#include "content/capsule_files.hpp"
#include "content/diagnostic.hpp"
#include "content/publication_loader.hpp"
#include "content/story_changes.hpp"
#include "snapshot/snapshot.hpp"

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>

namespace gazette {

struct BuiltSnapshot {
  std::shared_ptr<const Snapshot> snapshot;
  Diagnostics diagnostics; // everything wrong with the capsule; the valid rest is served
  LoadCache cache;         // pass to the next build
  // Where the renders' pages are, and how many bytes of it they hold: the
  // next build writes there too, or starts a new store once most of it is
  // pages no longer served.
  std::shared_ptr<PageStore> pages;
  std::uint64_t page_bytes = 0;
  KeptFiles static_files; // the static files' bytes (in `pages`, when there is a store)
  ListingPagesByPath listings; // the list pages, for the next build to take unchanged ones from
  StoryChanges changes;     // since the build before
  // What the next build needs to change stories in place (see in_place_builds.hpp),
  // and what a whole build compares with: the publication, its renders by
  // article and its aliases. The articles' bodies are let go all the same.
  std::shared_ptr<Publication> publication;
  RendersByArticle article_renders;
  std::vector<std::pair<std::string, std::string>> redirects;
  // The capsule's own gemtext pages: a story withdrawn in place may leave
  // their links leading nowhere, or take the last link to a place elsewhere.
  CapsuleFiles gemtext_pages;
  LinkTargets link_targets; // where every link of the capsule leads, and some that no longer do
  // Where the photos stories name are, hashed the same way, and some no
  // story names any longer: a static file that comes or goes at one of
  // them is built whole, for the stories shown with or without it.
  LinkTargets photo_paths;
  bool edited_in_place = false; // this build took the last one's and changed only the edited stories
  // Built with CapsuleReading::search_later: complete_search has yet to
  // build the search index, and the articles keep their bodies until then.
  bool search_pending = false;
  std::size_t article_files = 0; // article files found, those that failed included
  // When a scheduled story is next due: the snapshot is stale from then on.
  std::optional<std::chrono::sys_seconds> next_scheduled;
};

// How a reload reads the capsule.
struct CapsuleReading {
  // The capsule folder, resolved once for the whole build: a symlinked
  // capsule swapped meanwhile cannot mix two targets. Empty: config->capsule.
  std::filesystem::path folder;
  FilesBeingWritten being_written; // each keeps its last good version
  // The files inotify named since the last build; none: any may have changed.
  std::optional<ChangedFiles> changed;
  // What readers have now: a static file being written keeps its answers
  // from it (a new one waits until it is closed).
  std::shared_ptr<const Snapshot> serving;
  // Story files of the same change, gone, that are built next, one at a
  // time: a story withdrawn before them need not render their pages again.
  ChangedFiles withdrawn_next;
  // A whole build's pages are served before its search index is built (see
  // complete_search): a server's start, where readers otherwise wait for
  // both. A reload keeps serving the last snapshot meanwhile, and needs not.
  bool search_later = false;

  // The folder to read: `folder`, or the configured capsule.
  const std::filesystem::path& capsule(const Config& config) const {
    return folder.empty() ? config.capsule : folder;
  }
};

// Gives `built` its snapshot, the last step of every build: with the
// capsule's problems as the build's diagnostics now stand, for the newsroom.
void finish_build(BuiltSnapshot& built, std::shared_ptr<Snapshot> snapshot);

// The snapshot `serving`, built as `built` was with search_later, with its
// search index; `built` then holds it, and its articles let their bodies go.
std::shared_ptr<const Snapshot> complete_search(BuiltSnapshot& built, const Snapshot& serving);

// `tls` may be null where nothing is served (gazette render). `previous`
// lets a reload reuse what did not change; after an edit that leaves each
// story where it was, a new story, a story removed or a story moved, the
// new build takes its caches whole (then edited_in_place is set and
// `previous` is left empty). Stories dated later than `now` wait for their
// date (see load_publication).
BuiltSnapshot build_snapshot(std::shared_ptr<const Config> config, std::shared_ptr<asio::ssl::context> tls,
                             BuiltSnapshot* previous = nullptr, std::chrono::sys_seconds now = seconds_now(),
                             const CapsuleReading& reading = {});

} // namespace gazette
