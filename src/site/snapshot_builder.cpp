#include "site/snapshot_builder.hpp"

#include "content/article_bodies.hpp"
#include "content/capsule_files.hpp"
#include "content/listings.hpp"
#include "site/finger_site.hpp"
#include "site/gemini_site.hpp"
#include "site/gopher_site.hpp"
#include "site/in_place_builds.hpp"
#include "site/link_check.hpp"
#include "site/spartan_site.hpp"
#include "site/static_files.hpp"
#include "site/story_additions.hpp"
#include "site/story_edits.hpp"
#include "site/static_file_changes.hpp"
#include "site/story_withdrawals.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <future>
#include <tuple>

namespace gazette {

namespace {

// The search index over the published stories, newest first, and how the
// results show each one.
void add_search(Snapshot& snapshot, const Publication& publication, const RendersByArticle& renders) {
  std::vector<const StoryWords*> words;
  words.reserve(publication.published.size());
  std::vector<SearchEntry> entries;
  entries.reserve(publication.published.size());
  for (const Article* article : publication.published) {
    const auto& rendered = renders.at(article);
    words.push_back(&rendered->words);
    entries.push_back({rendered->gemini_entry.lines, rendered->gopher_entry.lines});
  }
  snapshot.search = std::make_shared<const SearchIndex>(words);
  snapshot.search_entries = SearchEntries(std::move(entries));
}

void keep_answer(Snapshot& snapshot, const CapsuleReading& reading, Resources Snapshot::*resources, const std::string& path) {
  Resources& now = snapshot.*resources;
  const Resources* before = reading.serving ? &(reading.serving.get()->*resources) : nullptr;
  if (const Resource* found = before ? before->find(path) : nullptr)
    now[path] = *found;
  else
    now.erase(path);
}

// A static file still being written answers as it did in `serving`, or
// not at all when it is new: never half written. (A file too large to be
// held in memory is read from the disk when asked for, as it then is.)
void keep_files_being_written(Snapshot& snapshot, const CapsuleFiles& files, const CapsuleReading& reading) {
  for (const auto& file : files.files) {
    if (!reading.being_written.count(std::string_view(file.url_path).substr(1))) continue;
    keep_answer(snapshot, reading, &Snapshot::gemini, file.url_path);
    keep_answer(snapshot, reading, &Snapshot::gopher, file.url_path);
    keep_answer(snapshot, reading, &Snapshot::spartan, file.url_path);
    // On Gemini (and Spartan) a folder's index.gmi is the folder's page too.
    if (file.url_path.ends_with("/index.gmi")) {
      const std::string folder = file.url_path.substr(0, file.url_path.size() - 9);
      keep_answer(snapshot, reading, &Snapshot::gemini, folder);
      keep_answer(snapshot, reading, &Snapshot::spartan, folder);
    }
  }
}

// The previous build's store while most of it is still served; else a new
// one, for which every story is rendered again (the old file goes with the
// last snapshot that reads it). Null, with a warning, when pages stay in
// memory.
std::shared_ptr<PageStore> page_store_for(const Config& config, const BuiltSnapshot* previous, Diagnostics& diagnostics) {
  if (config.page_store.empty()) return nullptr;
  if (previous && previous->pages && previous->pages->folder() == config.page_store &&
      previous->pages->bytes_written() <= 2 * previous->page_bytes + 256 * 1024 * 1024)
    return previous->pages;
  std::string error;
  auto store = PageStore::open(config.page_store, error);
  if (!store)
    diagnostics.push_back({config.file.filename().string(), 0, Diagnostic::Severity::warning,
                           fmt::format("page_store: cannot keep pages in {}: {}; they are kept in memory instead. "
                                       "Point page_store at a folder on a disk the server may write to, "
                                       "or set it to \"\" to keep pages in memory",
                                       config.page_store.string(), error)});
  return store;
}

std::uint64_t page_bytes(const RendersByArticle& renders) {
  std::uint64_t bytes = 0;
  for (const auto& [article, rendered] : renders) bytes += page_bytes(*rendered);
  return bytes;
}

// Every page is rendered, and every search word found: the next build
// reads a file again for a story it must render anew.
void release_all_bodies(BuiltSnapshot& built) {
  release_bodies(built.cache);
  // A story shown without its missing photo is a copy of the cached one.
  if (built.publication)
    for (const auto& article : built.publication->articles) release_body(*article);
}

BuiltSnapshot build_whole(std::shared_ptr<const Config> config, std::shared_ptr<asio::ssl::context> tls,
                          BuiltSnapshot* previous, std::chrono::sys_seconds now, const CapsuleReading& reading) {
  BuiltSnapshot built;
  auto snapshot = std::make_shared<Snapshot>();
  snapshot->config = config;
  snapshot->tls = std::move(tls);
  snapshot->capsule_read_at = std::chrono::steady_clock::now();

  // Listing the capsule's static files and loading the publication only
  // read the disk, and the load leaves a core idle between its parallel steps.
  const std::filesystem::path& capsule = reading.capsule(*config);
  Diagnostics store_warning;
  built.pages = page_store_for(*config, previous, store_warning);
  // A file unchanged since the last build is taken from it while its bytes
  // are in this store: a capsule's photos are most of what it holds.
  const KeptFiles* kept = previous && built.pages == previous->pages ? &previous->static_files : nullptr;
  std::vector<SharedBytes> file_bytes;
  auto scan = std::async(std::launch::async, [&] {
    CapsuleFiles found = scan_capsule_files(capsule);
    file_bytes = read_static_files(found, built.pages.get(), kept);
    return found;
  });
  LoadedPublication loaded = load_publication(capsule, previous ? &previous->cache : nullptr, now, reading.being_written,
                                              reading.changed ? &*reading.changed : nullptr);
  CapsuleFiles files = scan.get();
  built.diagnostics = files.skipped;
  built.diagnostics.insert(built.diagnostics.end(), loaded.diagnostics.begin(), loaded.diagnostics.end());
  built.diagnostics.insert(built.diagnostics.end(), store_warning.begin(), store_warning.end());
  built.page_bytes = static_bytes(file_bytes);
  built.static_files = kept_files(files, file_bytes);
  built.cache = std::move(loaded.cache);
  // From the articles as their files have them: a story shown without its
  // missing photo waits for it.
  for (const auto& [source, cached] : built.cache.articles) add_photo_path(built.photo_paths, cached.parsed->article);
  built.article_files = loaded.article_files;
  built.next_scheduled = loaded.next_scheduled;

  const std::string lang = loaded.publication ? loaded.publication->site.lang : "";
  add_static_gemini_resources(*snapshot, files, file_bytes, lang);
  RendersByArticle renders;
  if (loaded.publication) {
    // A build whose search index could not be completed lends no renders:
    // some of them lack their search words.
    const bool same_store = previous && built.pages == previous->pages && !previous->search_pending;
    // The last build's renders, by path, while their pages are in this store.
    RenderCache last;
    if (same_store) {
      last.reserve(previous->article_renders.size());
      for (const auto& [article, rendered] : previous->article_renders) last.emplace(article->path(), rendered.get());
    }
    built.search_pending = reading.search_later;
    renders = render_articles(*loaded.publication, *config, same_store ? &last : nullptr, built.pages.get(),
                              built.search_pending ? SearchWords::later : SearchWords::now);
    built.page_bytes += page_bytes(renders);
    snapshot->search_pending = built.search_pending;
    // The search index needs only the renders: it is built beside the
    // lists' planning, which would otherwise leave a core idle.
    std::future<void> search;
    if (!built.search_pending)
      search = std::async(std::launch::async, [&] { add_search(*snapshot, *loaded.publication, renders); });
    const std::vector<ListingPlan> plans = listing_plans(*loaded.publication, entry_bytes(renders));
    std::vector<ListingPage> listings =
        listing_pages(plans, *loaded.publication, *config, renders, same_store ? &previous->listings : nullptr);
    // The two sites share the renders, read-only, and the list pages, where
    // each fills in its own protocol's bytes; each fills its own part of the
    // snapshot: they are built side by side.
    auto gopher = std::async(std::launch::async, [&] {
      add_gopher_resources(*snapshot, files, file_bytes, loaded.publication.get(), loaded.redirects, config->gopher, renders,
                           listings);
    });
    add_publication_gemini_resources(*snapshot, *loaded.publication, loaded.redirects, gemini_base_url(*config), renders,
                                     listings);
    snapshot->site_title = loaded.publication->site.title;
    snapshot->lang = loaded.publication->site.lang;
    if (!config->editors.empty())
      snapshot->stories = std::make_shared<const StoryIndex>(make_story_index(
          *loaded.publication, loaded.redirects,
          now.time_since_epoch().count()));
    // Spartan's answers are Gemini's, now complete.
    if (!config->spartan.listen.empty())
      add_spartan_resources(*snapshot, loaded.publication.get(), renders, config->spartan);
    if (!config->finger.listen.empty()) add_finger_resources(*snapshot, loaded.publication.get(), renders, *config);
    if (search.valid()) search.get();
    gopher.get();
    built.listings = by_path(std::move(listings));
  } else {
    const std::vector<ListingPage> none;
    add_gopher_resources(*snapshot, files, file_bytes, nullptr, {}, config->gopher, renders, none);
    if (!config->spartan.listen.empty()) add_spartan_resources(*snapshot, nullptr, renders, config->spartan);
    if (!config->finger.listen.empty()) add_finger_resources(*snapshot, nullptr, renders, *config);
  }
  if (!reading.being_written.empty()) keep_files_being_written(*snapshot, files, reading);
  // Last, against every answer the snapshot holds: a link that leads to
  // none of them answers 51.
  const Diagnostics links = check_links(loaded.publication.get(), files, snapshot->gemini, &built.link_targets);
  built.diagnostics.insert(built.diagnostics.end(), links.begin(), links.end());
  built.gemtext_pages = gemtext_pages(files);
  if (previous) built.changes = compare_stories(previous->publication.get(), loaded.publication.get());
  built.publication = std::move(loaded.publication);
  if (!built.search_pending) release_all_bodies(built);
  built.article_renders = std::move(renders);
  built.redirects = std::move(loaded.redirects);
  finish_build(built, std::move(snapshot));
  return built;
}

// The build after stories changed: each of the builds in place is tried
// in turn, and the whole is built, reading the files `whole` names, when
// none fits the change.
BuiltSnapshot build_after_stories(std::shared_ptr<const Config> config, std::shared_ptr<asio::ssl::context> tls,
                                  BuiltSnapshot* previous, std::chrono::sys_seconds now, const CapsuleReading& reading,
                                  const CapsuleReading& whole) {
  if (auto edited = edit_stories_in_place(*previous, config, tls, now, reading)) return std::move(*edited);
  if (auto added = add_story_in_place(*previous, config, tls, now, reading)) return std::move(*added);
  if (auto withdrawn = withdraw_story_in_place(*previous, config, tls, now, reading)) return std::move(*withdrawn);
  // A story moved in its lists (or renamed) is withdrawn, then added again
  // as its file now holds it; the build without it is where a whole build
  // starts from when the story's new place calls for one.
  MovedStory before;
  std::optional<BuiltSnapshot> without = withdraw_moved_story(*previous, config, tls, now, reading, before);
  if (!without) return build_whole(std::move(config), std::move(tls), previous, now, whole);
  const std::string path_before = before.before->path();
  CapsuleReading after = reading;
  after.serving = without->snapshot;
  std::optional<BuiltSnapshot> moved = add_story_in_place(*without, config, tls, now, after, &before);
  if (!moved) {
    CapsuleReading whole_after = whole;
    whole_after.serving = without->snapshot;
    moved = build_whole(std::move(config), std::move(tls), &*without, now, whole_after);
  }
  // Reported against the last build: the story was there.
  if (moved->publication && moved->publication->by_path.count(path_before) && moved->changes.added > 0) {
    --moved->changes.added;
    ++moved->changes.updated;
  } else {
    ++moved->changes.removed;
  }
  return std::move(*moved);
}

// Several story files changed at once, up to this many, are built one
// after another, each in place where it can be: at 100,000 stories a story
// added in place takes about a tenth of a second, the whole about two to three.
constexpr std::size_t max_files_one_by_one = 16;

// Stories changed: at once where a build in place fits the whole change
// (one file, a rename's two, edits of several stories), else one file
// after another, removals first (a story moved out of one file leaves
// before it comes back in another), until one calls for a whole build,
// which then reads every file not yet built.
BuiltSnapshot build_stories(std::shared_ptr<const Config> config, std::shared_ptr<asio::ssl::context> tls,
                            BuiltSnapshot* previous, std::chrono::sys_seconds now, const CapsuleReading& reading) {
  auto at_once = [&] { return build_after_stories(config, tls, previous, now, reading, reading); };
  if (!reading.changed || !reading.serving || reading.changed->size() > max_files_one_by_one) return at_once();
  // The settings change every page: those are built whole. An editor's
  // leftovers are nothing to build.
  const std::filesystem::path& capsule = reading.capsule(*config);
  std::vector<std::string> removed, saved;
  for (const auto& path : *reading.changed) {
    if (is_settings_file(path)) return at_once();
    const bool read_before = previous->cache.articles.count(path) > 0;
    if (!read_before && is_passing_file(capsule, path, *previous, *reading.serving)) continue;
    std::error_code ec;
    const bool gone = !std::filesystem::exists(std::filesystem::symlink_status(capsule / path, ec));
    (read_before && gone ? removed : saved).push_back(path);
  }
  // One story file gone and one new: a rename, moved in place with its
  // lists planned once, unless a link names the old path (a move leaves
  // that to a whole build; a removal, then an addition, make it in place).
  const bool renamed = removed.size() == 1 && saved.size() == 1 && !previous->cache.articles.count(saved.front()) &&
                       !may_be_linked(*previous, {previous->cache.articles.at(removed.front()).parsed->article.path()});
  const std::size_t removals = removed.size();
  std::vector<std::string> order = std::move(removed);
  order.insert(order.end(), saved.begin(), saved.end());
  if (order.size() < 2 || renamed) return at_once();
  if (auto edited = edit_stories_in_place(*previous, config, tls, now, reading)) return std::move(*edited);
  std::optional<BuiltSnapshot> built;
  StoryChanges changes;
  for (std::size_t next = 0; next < order.size(); ++next) {
    CapsuleReading one = reading, whole = reading;
    const auto at = order.begin() + static_cast<std::ptrdiff_t>(next);
    one.changed = ChangedFiles{*at};
    if (next < removals) one.withdrawn_next = ChangedFiles(at + 1, order.begin() + static_cast<std::ptrdiff_t>(removals));
    whole.changed = ChangedFiles(at, order.end());
    if (built) one.serving = whole.serving = built->snapshot;
    built = build_after_stories(config, tls, built ? &*built : previous, now, one, whole);
    changes.added += built->changes.added;
    changes.updated += built->changes.updated;
    changes.removed += built->changes.removed;
    if (!built->edited_in_place) break;
  }
  built->changes = changes;
  return std::move(*built);
}

// The files named that readers were served as they are, or are now: a
// story's file is served as its pages, and settings, hidden files and an
// editor's leftovers not at all.
std::size_t other_files_changed(const CapsuleReading& reading, const Snapshot& built) {
  if (!reading.changed || !reading.serving) return 0;
  return static_cast<std::size_t>(std::count_if(reading.changed->begin(), reading.changed->end(), [&](const std::string& path) {
    const std::string url_path = "/" + path;
    return reading.serving->gemini.find(url_path) || built.gemini.find(url_path);
  }));
}

} // namespace

void finish_build(BuiltSnapshot& built, std::shared_ptr<Snapshot> snapshot) {
  snapshot->problems = nullptr;
  if (!snapshot->config->editors.empty()) {
    Diagnostics problems;
    for (const auto& diagnostic : built.diagnostics)
      if (diagnostic.severity != Diagnostic::Severity::note) problems.push_back(diagnostic);
    // By file, and in a file by line, each once, however the build came by them.
    const auto fields = [](const Diagnostic& d) { return std::tie(d.path, d.line, d.severity, d.message); };
    std::sort(problems.begin(), problems.end(),
              [&](const Diagnostic& a, const Diagnostic& b) { return fields(a) < fields(b); });
    problems.erase(std::unique(problems.begin(), problems.end(),
                               [&](const Diagnostic& a, const Diagnostic& b) { return fields(a) == fields(b); }),
                   problems.end());
    snapshot->problems = std::make_shared<const Diagnostics>(std::move(problems));
  }
  built.snapshot = std::move(snapshot);
}

std::shared_ptr<const Snapshot> complete_search(BuiltSnapshot& built, const Snapshot& serving) {
  auto snapshot = std::make_shared<Snapshot>(serving);
  if (built.search_pending && built.publication) {
    add_search_words(*built.publication, built.article_renders);
    add_search(*snapshot, *built.publication, built.article_renders);
    release_all_bodies(built);
  }
  built.search_pending = snapshot->search_pending = false;
  built.snapshot = snapshot;
  return snapshot;
}

BuiltSnapshot build_snapshot(std::shared_ptr<const Config> config, std::shared_ptr<asio::ssl::context> tls,
                             BuiltSnapshot* previous, std::chrono::sys_seconds now,
                             const CapsuleReading& reading) {
  if (!previous) return build_whole(std::move(config), std::move(tls), nullptr, now, reading);
  // Static files first: a photo saved with the story that shows it leaves
  // the story's change to the builds after.
  CapsuleReading rest;
  std::optional<BuiltSnapshot> with_files = change_static_files_in_place(*previous, config, tls, now, reading, rest);
  BuiltSnapshot built = !with_files ? build_stories(config, std::move(tls), previous, now, reading)
                        : rest.changed->empty() ? std::move(*with_files)
                                                : build_stories(config, std::move(tls), &*with_files, now, rest);
  built.changes.other_files = other_files_changed(reading, *built.snapshot);
  return built;
}

} // namespace gazette
