// What the builds made in place (story_edits.hpp, story_additions.hpp,
// story_withdrawals.hpp) share: when a reload may start from the last
// build at all, which changed files no build publishes, and how the list
// pages, related stories' bodies and link warnings are brought up to date.
#pragma once
#include "site/snapshot_builder.hpp"

#include <chrono>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace gazette {

// Whether the build after `reading` may be made from `previous` rather
// than whole: the last build published, inotify named the changed files,
// none of them is still being written, the settings and the pages' store are the
// ones that build used, search has room for more stories apart, and no
// scheduled story fell due.
bool may_build_in_place(const BuiltSnapshot& previous, const std::shared_ptr<const Config>& config,
                        std::chrono::sys_seconds now, const CapsuleReading& reading);

// site.toml or a _section.toml ("world/_section.toml"): settings that change
// every page they govern, which only a whole build takes in.
bool is_settings_file(const std::string& path);

// A file the last build did not publish and no build will: one an editor
// or a tool wrote on the way to saving a story (sed's temporary file, vim's
// swap file), gone or never to be read. A file gone that the last build
// reported a problem in is not passing: the problem goes with it.
bool is_passing_file(const std::filesystem::path& capsule, const std::string& path, const BuiltSnapshot& previous,
                     const Snapshot& serving);

// `previous` whole, as the start of the build made in place from it; the
// caller brings its caches up to date.
BuiltSnapshot taken_in_place(BuiltSnapshot& previous);

// The newsroom's index of stories renewed after a change made in place,
// when the server has editors.
void renew_story_index(Snapshot& snapshot, const Publication& publication, const BuiltSnapshot& previous,
                       const Config& config, std::chrono::sys_seconds now);

// A copy of `serving` to change: it shares every answer until one is written.
std::shared_ptr<Snapshot> snapshot_to_change(const Snapshot& serving, const std::shared_ptr<asio::ssl::context>& tls);

// A story's own answers on every protocol served, rendered again without a
// change to its links (its related stories', or their titles, say). Adds
// the Gemini paths written to `gemini_paths`, for Spartan's.
void update_story_answers(Snapshot& snapshot, const Publication& publication, const Article& article,
                          const RendersByArticle& renders, const std::vector<std::pair<std::string, std::string>>& redirects,
                          const Config& config, std::vector<std::string>& gemini_paths);

// The pages that show the latest stories on every protocol served, once
// stories of `sections` changed, and Spartan's copies of those and of
// `gemini_paths`.
void update_latest_pages(Snapshot& snapshot, const Publication& publication, const RendersByArticle& renders,
                         const Config& config, const std::set<std::string>& sections, std::vector<std::string> gemini_paths);

// The bodies of `articles` again, from their files, on every core; false
// when a file no longer holds its article (the bodies are then let go).
bool restore_bodies(const std::filesystem::path& capsule, const std::vector<const Article*>& articles);

// The pages of `plans` whose stories or links changed since `before`,
// written into the snapshot on both protocols. Adds the Gemini paths
// written to `gemini_paths`, for Spartan's.
std::vector<ListingPage> write_list_pages(Snapshot& snapshot, const std::vector<ListingPlan>& plans,
                                          const Publication& publication, const Config& config,
                                          const RendersByArticle& renders, const ListingPagesByPath& before,
                                          std::vector<std::string>& gemini_paths);

// Those pages, kept for the next build to compare with.
void keep_list_pages(ListingPagesByPath& listings, std::vector<ListingPage> pages);

// A story moved in place (see withdraw_moved_story): as the last build
// had it, and the answers that build served. Its lists are planned with
// the lists of the story added in its stead, once.
struct MovedStory {
  std::shared_ptr<const Article> before;
  std::shared_ptr<const Snapshot> serving;
};

// What answers at `path` once the publication no longer does: a file or
// folder of the capsule, or one of its pages found without its extension.
bool answered_otherwise(const std::filesystem::path& capsule, const Publication& publication, std::string_view path);

// The list pages `paths`, no longer planned, taken out of the snapshot on
// every protocol. Returns the Gemini paths that no longer answer.
std::vector<std::string> remove_list_pages(Snapshot& snapshot, const std::vector<std::string>& paths);

// Whether a link of the capsule may lead to one of `paths` (see LinkTargets).
bool may_be_linked(const BuiltSnapshot& built, const std::vector<std::string>& paths);

// The warnings for links that lead nowhere, brought up to date in
// `built` once the Gemini answers are `after` rather than `before`: those
// of every article and page when a link may lead to one of `gone` (the
// paths that no longer answer), else only those of the files that had
// warnings (their advice names pages too), but `unchecked`.
void recheck_link_warnings(BuiltSnapshot& built, const Publication& publication, const std::vector<std::string>& gone,
                           const Resources& before, const Resources& after, const std::string& unchecked = {});

// Takes each of `gone` out of `all` once, where it is there.
void remove_each(Diagnostics& all, const Diagnostics& gone);

// Stories whose pages are rendered again because a story published or
// withdrawn in place enters or leaves their related stories, at most: a
// story with a tag on thousands of stories is built whole, on every core.
inline constexpr std::size_t max_related_rendered = 256;

// Stories whose words one search index holds apart from its postings
// before the next change builds it (and all else) afresh: a query reads
// each of them in full.
inline constexpr std::size_t max_search_replacements = 256;

} // namespace gazette
