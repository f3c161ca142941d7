#include "site/story_additions.hpp"

#include "base/parallel_for.hpp"
#include "content/article_bodies.hpp"
#include "content/article_checks.hpp"
#include "content/editor_leftovers.hpp"
#include "content/related_stories.hpp"
#include "content/site_settings.hpp"
#include "site/gopher_site.hpp"
#include "site/in_place_builds.hpp"
#include "site/static_file_changes.hpp"
#include "site/link_check.hpp"

#include <algorithm>
#include <set>

namespace gazette {
namespace fs = std::filesystem;

namespace {

// The new story's file among `changed`: the one file no build published
// that is not passing; none when anything else changed too.
std::optional<std::string> new_story_file(const BuiltSnapshot& previous, const fs::path& capsule,
                                          const ChangedFiles& changed, const Snapshot& serving) {
  std::optional<std::string> found;
  for (const auto& path : changed) {
    if (previous.cache.articles.count(path)) return std::nullopt;
    if (is_passing_file(capsule, path, previous, serving)) continue;
    if (found) return std::nullopt;
    found = path;
  }
  return found;
}

// Whether `story`, read from `source`, joins the publication as a load
// would take it, changing nothing but what an addition changes.
bool publishes_alone(const BuiltSnapshot& previous, const Config& config, const fs::path& capsule,
                     const std::string& source, const Article& story, std::chrono::sys_seconds now) {
  const Publication& publication = *previous.publication;
  const std::string name = fs::path(source).filename().string();
  std::error_code ec;
  if (source.find('/') != source.rfind('/') || name.starts_with('.') || name.starts_with('_') ||
      is_editor_leftover(name) || !is_valid_slug(story.slug) || is_reserved_story_slug(story.slug) ||
      !fs::is_regular_file(capsule / source, ec) || !publication.find_section(story.section))
    return false;
  if (story.draft || story.date.unix_seconds > now.time_since_epoch().count() || !story.aliases.empty() ||
      publication.by_path.count(story.path()))
    return false;
  if (std::any_of(previous.redirects.begin(), previous.redirects.end(),
                  [&](const auto& redirect) { return redirect.first == story.path(); }))
    return false;
  if (story.image && !is_url(story.image->src)) {
    const std::string relative = story.image->src.substr(1);
    if (is_hidden_capsule_path(relative) || !fs::is_regular_file(capsule / relative, ec)) return false;
  }
  for (const auto& entry : story.related)
    if (!is_url(entry.target) && !publication.by_path.count(entry.story_path())) return false;
  // A problem naming the story (a link to it, a related entry for it) is
  // gone once it is published, and a whole build finds which.
  const std::string named = story.section + "/" + story.slug;
  for (const auto& diagnostic : previous.diagnostics)
    if (diagnostic.path == source || diagnostic.message.find(named) != std::string::npos) return false;
  // Finger names a story by its slug alone while no other story has it.
  if (!config.finger.listen.empty() && !slug_is_its_own(publication, story.slug, &story)) return false;
  return true;
}

// The new story's related stories, and the lists of the stories it now
// ranks among, as they become.
struct RelatedChanges {
  std::vector<RelatedStory> own;
  std::vector<std::pair<const Article*, std::vector<RelatedStory>>> others;
};

RelatedChanges related_changes(const Publication& publication, const Article& story) {
  const std::size_t limit = static_cast<std::size_t>(publication.site.related);
  RelatedChanges changes;
  std::set<const Article*> listed{&story};
  for (const auto& entry : story.related) {
    if (is_url(entry.target)) changes.own.push_back({nullptr, entry.target});
    else if (const Article* named = publication.by_path.at(entry.story_path()); listed.insert(named).second)
      changes.own.push_back({named, {}});
  }
  const SharedTags shared = count_shared_tags(publication, story);
  add_related_by_scan(publication, story, limit, shared, listed, changes.own);

  // Only a story sharing a tag with it, or its section, can take it. Each
  // list is looked at on its own, on every core: there are thousands.
  std::vector<std::pair<const Article*, std::size_t>> candidates(shared.begin(), shared.end());
  if (const Section* section = publication.find_section(story.section))
    for (const Article* other : section->articles)
      if (!shared.count(other)) candidates.emplace_back(other, 0);
  std::vector<std::optional<std::size_t>> places(candidates.size());
  parallel_for(candidates.size(), [&](std::size_t i) {
    const Article& other = *candidates[i].first;
    if (auto found = publication.related.find(&other); found != publication.related.end())
      places[i] = related_place(
          other, found->second, [&] { return named_related_count(other, found->second); }, story,
          candidates[i].second, limit);
  });
  for (std::size_t i = 0; i < candidates.size(); ++i)
    if (places[i]) {
      const auto& [other, shared_with_story] = candidates[i];
      auto& changed = changes.others.emplace_back(other, publication.related.at(other)).second;
      insert_related_story(changed, *places[i], *other, story, shared_with_story, limit);
    }
  return changes;
}

} // namespace

std::optional<BuiltSnapshot> add_story_in_place(BuiltSnapshot& previous, const std::shared_ptr<const Config>& config,
                                                const std::shared_ptr<asio::ssl::context>& tls,
                                                std::chrono::sys_seconds now, const CapsuleReading& reading,
                                                const MovedStory* moved) {
  if (!may_build_in_place(previous, config, now, reading)) return std::nullopt;
  const fs::path& capsule = reading.capsule(*config);
  const Snapshot& serving = *reading.serving;
  const std::optional<std::string> source = new_story_file(previous, capsule, *reading.changed, serving);
  if (!source) return std::nullopt;
  std::optional<CachedArticle> read = read_article_again(capsule, *source);
  if (!read) return std::nullopt;
  const Article& story = read->parsed->article;
  if (!publishes_alone(previous, *config, capsule, *source, story, now)) return std::nullopt;

  Publication& publication = *previous.publication;
  RelatedChanges related = related_changes(publication, story);
  if (related.others.size() > max_related_rendered) return std::nullopt;
  // The pages of the stories whose related lists change are rendered anew
  // from their files, read on every core.
  std::vector<const Article*> others;
  for (const auto& [other, stories] : related.others) others.push_back(other);
  if (!restore_bodies(capsule, others)) return std::nullopt;

  // The publication takes the story, and the related lists their new
  // stories (keeping the old ones, to give back if a list of pages would
  // lose one, which a whole build must drop).
  publish_story(publication, std::shared_ptr<const Article>(read->parsed, &story));
  publication.related[&story] = std::move(related.own);
  for (auto& [other, stories] : related.others) std::swap(publication.related.at(other), stories);
  RendersByArticle& renders = previous.article_renders;
  std::vector<std::pair<const Article*, std::shared_ptr<const ArticleRenders>>> renders_before;
  auto give_back = [&] {
    for (auto& [other, stories] : related.others) {
      std::swap(publication.related.at(other), stories);
      release_body(*other);
    }
    for (auto& [other, held] : renders_before) renders[other] = std::move(held);
    renders.erase(&story);
    withdraw_story(publication, story);
  };

  const std::shared_ptr<Snapshot> snapshot = snapshot_to_change(serving, tls);
  std::vector<std::string> gemini_paths; // Gemini's answers written, for Spartan's
  std::vector<ListingPlan> plans;
  std::vector<ListingPage> pages_changed; // of `plans`
  std::vector<std::string> pages_gone;     // a move's, no longer planned
  std::vector<std::string> gone;           // the Gemini paths a move leaves unanswered
  try {
    // The story's pages and theirs, on every core.
    std::vector<std::shared_ptr<const ArticleRenders>> fresh(related.others.size() + 1);
    parallel_for(fresh.size(), [&](std::size_t i) {
      const Article& article = i < related.others.size() ? *related.others[i].first : story;
      fresh[i] = render_article(publication, article, *config, previous.pages.get());
    });
    renders[&story] = std::move(fresh.back());
    for (std::size_t i = 0; i < related.others.size(); ++i) {
      auto& held = renders.at(related.others[i].first);
      renders_before.emplace_back(related.others[i].first, std::exchange(held, std::move(fresh[i])).get());
    }

    // Every list that shows or counts the story is planned again: its pages
    // after the story's place move on by one, and a list may gain a page.
    std::vector<const Article*> listed{&story};
    if (moved) listed.push_back(moved->before.get());
    plans = listing_plans_counting(publication, listed, entry_bytes(renders));
    std::set<std::string> planned;
    for (const auto& plan : plans) planned.insert(plan.path);
    const StoryListPaths lists(story);
    const std::optional<StoryListPaths> lists_before = moved ? std::optional(StoryListPaths(*moved->before)) : std::nullopt;
    for (const auto& [path, page] : previous.listings)
      if ((lists.counts(path) || (lists_before && lists_before->counts(path))) && !planned.count(path))
        pages_gone.push_back(path);
    // An addition never empties a page; a move empties those its story left,
    // unless another answer takes their place, or a link leads there.
    if (moved && moved->before->path() != story.path()) gone.push_back(moved->before->path());
    if ((!pages_gone.empty() && !moved) ||
        std::any_of(pages_gone.begin(), pages_gone.end(),
                    [&](const std::string& path) { return answered_otherwise(capsule, publication, path); })) {
      give_back();
      return std::nullopt;
    }
    pages_changed = write_list_pages(*snapshot, plans, publication, *config, renders, previous.listings, gemini_paths);
    const std::vector<std::string> pages_unanswered = remove_list_pages(*snapshot, pages_gone);
    gone.insert(gone.end(), pages_unanswered.begin(), pages_unanswered.end());
    if (may_be_linked(previous, gone)) {
      give_back();
      return std::nullopt;
    }

    update_story_answers(*snapshot, publication, story, renders, previous.redirects, *config, gemini_paths);
    count_gopher_story_links(*snapshot, publication, story, config->gopher, true);
    for (const auto& [other, stories] : related.others)
      update_story_answers(*snapshot, publication, *other, renders, previous.redirects, *config, gemini_paths);
    std::set<std::string> sections{story.section};
    if (moved) sections.insert(moved->before->section);
    update_latest_pages(*snapshot, publication, renders, *config, sections, std::move(gemini_paths));
  } catch (...) {
    give_back();
    throw;
  }

  // Search numbers stories by their place, newest first: those after the
  // new one move on by one.
  const auto& published = publication.published;
  const auto place = static_cast<std::uint32_t>(std::find(published.begin(), published.end(), &story) - published.begin());
  std::vector<std::uint32_t> place_of(published.size() - 1);
  for (std::uint32_t i = 0; i < place_of.size(); ++i) place_of[i] = i < place ? i : i + 1;
  const ArticleRenders& rendered = *renders.at(&story);
  std::map<std::uint32_t, StoryWords> words{{place, rendered.words}};
  snapshot->search = std::make_shared<const SearchIndex>(serving.search, place_of, published.size(), std::move(words));
  snapshot->search_entries = serving.search_entries.inserted(place, {rendered.gemini_entry.lines, rendered.gopher_entry.lines});
  renew_story_index(*snapshot, publication, previous, *config, now);

  // Nothing below can call for a whole build: the last build's caches are
  // taken and brought up to date.
  BuiltSnapshot built = taken_in_place(previous);
  built.changes.added = 1;
  // A move's links elsewhere may lead to the pages it emptied now (none
  // may: see above), or their warnings' advice may name them.
  if (moved) recheck_link_warnings(built, publication, gone, moved->serving->gemini, snapshot->gemini, *source);
  built.diagnostics.insert(built.diagnostics.end(), read->parsed->diagnostics.begin(), read->parsed->diagnostics.end());
  const Diagnostics links = check_article_links(publication, story, snapshot->gemini, &built.link_targets);
  built.diagnostics.insert(built.diagnostics.end(), links.begin(), links.end());
  built.page_bytes += page_bytes(rendered);
  for (const auto& [other, before] : renders_before) {
    built.page_bytes = built.page_bytes + page_bytes(*built.article_renders.at(other)) -
                       std::min(built.page_bytes, page_bytes(*before));
    release_body(*other);
  }
  for (const auto& path : pages_gone) built.listings.erase(path);
  keep_list_pages(built.listings, std::move(pages_changed));
  release_body(story);
  add_photo_path(built.photo_paths, story);
  built.cache.articles[*source] = std::move(*read);
  ++built.article_files;
  finish_build(built, std::move(snapshot));
  return built;
}

} // namespace gazette
