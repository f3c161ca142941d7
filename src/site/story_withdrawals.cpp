#include "site/story_withdrawals.hpp"

#include "base/parallel_for.hpp"
#include "content/article_bodies.hpp"
#include "content/related_stories.hpp"
#include "site/gopher_site.hpp"
#include "site/in_place_builds.hpp"
#include "site/spartan_site.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace gazette {
namespace fs = std::filesystem;

namespace {

// The removed story's file among `changed`: the one file the last build
// read a story from that is gone; none when anything else changed too.
std::optional<std::string> removed_story_file(const BuiltSnapshot& previous, const fs::path& capsule,
                                              const ChangedFiles& changed, const Snapshot& serving) {
  std::optional<std::string> found;
  for (const auto& path : changed) {
    if (!previous.cache.articles.count(path)) {
      if (is_passing_file(capsule, path, previous, serving)) continue;
      return std::nullopt;
    }
    std::error_code ec;
    if (found || fs::exists(fs::symlink_status(capsule / path, ec)) || previous.cache.not_current.count(path))
      return std::nullopt;
    found = path;
  }
  return found;
}

// The moved story's file among `changed`, and the file it is in now: the
// one file the last build read a story from, still there, or gone beside
// one new file (renamed).
struct MovedFiles {
  std::string before, now;
};
std::optional<MovedFiles> moved_story_files(const BuiltSnapshot& previous, const fs::path& capsule,
                                            const ChangedFiles& changed, const Snapshot& serving) {
  std::optional<std::string> before, now;
  for (const auto& path : changed) {
    if (previous.cache.articles.count(path)) {
      if (before || previous.cache.not_current.count(path)) return std::nullopt;
      before = path;
    } else if (!is_passing_file(capsule, path, previous, serving)) {
      if (now) return std::nullopt;
      now = path;
    }
  }
  std::error_code ec;
  if (!before || (now.has_value() == fs::exists(fs::symlink_status(capsule / *before, ec)))) return std::nullopt;
  return MovedFiles{*before, now.value_or(*before)};
}

// Whether `story`, listed as related by `listing`, leaves the publication
// as a load without its file would find it, changing nothing but what a
// withdrawal changes.
bool withdraws_alone(const Publication& publication, const Config& config, const Article& story,
                     const std::vector<const Article*>& listing) {
  const auto published = publication.by_path.find(story.path());
  if (published == publication.by_path.end() || published->second != &story || !story.aliases.empty()) return false;
  const Section* section = publication.find_section(story.section);
  if (!section || section->articles.size() < 2) return false;
  // Finger answers a slug several stories share with a choice of them.
  if (!config.finger.listen.empty() && !slug_is_its_own(publication, story.slug, &story)) return false;
  // A story that names it as related has an error once it is gone, and a
  // whole build reports it. A published one lists it.
  auto names_it = [&](const Article* article) {
    return std::any_of(article->related.begin(), article->related.end(), [&](const RelatedLink& entry) {
      return !is_url(entry.target) && entry.story_path() == story.path();
    });
  };
  return std::none_of(listing.begin(), listing.end(), names_it) &&
         std::none_of(publication.waiting.begin(), publication.waiting.end(), names_it);
}

// The stories whose related lists hold `story`.
std::vector<const Article*> listing_as_related(const Publication& publication, const Article& story) {
  std::vector<const Article*> found;
  for (const auto& [article, stories] : publication.related)
    if (article != &story && std::any_of(stories.begin(), stories.end(),
                                         [&](const RelatedStory& each) { return each.article == &story; }))
      found.push_back(article);
  return found;
}

// `article`'s related stories as a load chooses them from `publication`:
// those it names (the first of `before`), then the finder's.
std::vector<RelatedStory> related_again(const Publication& publication, const Article& article,
                                        const std::vector<RelatedStory>& before) {
  std::vector<RelatedStory> stories(before.begin(),
                                    before.begin() + static_cast<std::ptrdiff_t>(named_related_count(article, before)));
  std::set<const Article*> listed{&article};
  for (const auto& story : stories)
    if (story.article) listed.insert(story.article);
  add_related_by_scan(publication, article, static_cast<std::size_t>(publication.site.related),
                      count_shared_tags(publication, article), listed, stories);
  return stories;
}

// The build without the story the last build read from `source`; with
// `moving`, only the first half of a move, which it fills in. Stories read
// from `withdrawn_next` keep their pages: they go next, in the same change.
std::optional<BuiltSnapshot> withdraw(BuiltSnapshot& previous, const std::shared_ptr<const Config>& config,
                                      const std::shared_ptr<asio::ssl::context>& tls, std::chrono::sys_seconds now,
                                      const fs::path& capsule, const std::shared_ptr<const Snapshot>& serving_now,
                                      const std::string& source, MovedStory* moving,
                                      const ChangedFiles& withdrawn_next = {}) {
  const Snapshot& serving = *serving_now;
  Publication& publication = *previous.publication;
  const CachedArticle& cached = previous.cache.articles.at(source);
  const Article& story = cached.parsed->article;
  const std::vector<const Article*> listing = listing_as_related(publication, story);
  if (listing.size() > max_related_rendered || !withdraws_alone(publication, *config, story, listing))
    return std::nullopt;
  std::vector<std::pair<const Article*, std::vector<RelatedStory>>> others;
  for (const Article* other : listing) others.emplace_back(other, std::vector<RelatedStory>{});

  // The story's place in search, which numbers stories newest first.
  const auto& published = publication.published;
  const auto place = static_cast<std::uint32_t>(std::find(published.begin(), published.end(), &story) - published.begin());
  const std::size_t published_before = published.size();

  // The publication lets the story go; the stories that listed it as
  // related choose again without it (their lists before are kept, to give
  // back if the withdrawal calls for a whole build).
  const auto held = std::find_if(publication.articles.begin(), publication.articles.end(),
                                 [&](const auto& article) { return article.get() == &story; });
  std::shared_ptr<const Article> story_held = *held;
  std::vector<RelatedStory> story_related = publication.related[&story];
  withdraw_story(publication, story);
  parallel_for(others.size(), [&](std::size_t i) {
    const Article& other = *others[i].first;
    others[i].second = related_again(publication, other, publication.related.at(&other));
  });
  for (auto& [other, stories] : others) std::swap(publication.related.at(other), stories);
  RendersByArticle& renders = previous.article_renders;
  std::vector<std::pair<const Article*, std::shared_ptr<const ArticleRenders>>> renders_before;
  auto give_back = [&] {
    for (auto& [other, stories] : others) {
      std::swap(publication.related.at(other), stories);
      release_body(*other);
    }
    for (auto& [other, before] : renders_before) renders[other] = std::move(before);
    publish_story(publication, story_held);
    publication.related[&story] = std::move(story_related);
  };

  // Their pages are rendered anew from their files, read on every core.
  std::vector<const Article*> rendered_again;
  for (const Article* other : listing)
    if (!withdrawn_next.count(other->source)) rendered_again.push_back(other);
  if (!restore_bodies(capsule, rendered_again)) {
    give_back();
    return std::nullopt;
  }

  const std::shared_ptr<Snapshot> snapshot = snapshot_to_change(serving, tls);
  std::vector<std::string> gemini_paths; // Gemini's answers written, for Spartan's
  std::vector<ListingPlan> plans;
  std::vector<ListingPage> pages_changed; // of `plans`
  std::vector<std::string> pages_gone;    // list pages no longer planned
  std::vector<std::string> gone{story.path()}; // the Gemini paths that no longer answer
  try {
    std::vector<std::shared_ptr<const ArticleRenders>> fresh(rendered_again.size());
    parallel_for(fresh.size(), [&](std::size_t i) {
      fresh[i] = render_article(publication, *rendered_again[i], *config, previous.pages.get());
    });
    for (std::size_t i = 0; i < rendered_again.size(); ++i) {
      auto& rendered = renders.at(rendered_again[i]);
      renders_before.emplace_back(rendered_again[i], std::exchange(rendered, std::move(fresh[i])).get());
    }

    // Every list that showed or counted the story is planned again: its
    // pages after the story's place move back by one, and a list may lose
    // a page, a month or a topic its last.
    if (!moving) {
      plans = listing_plans_counting(publication, {&story}, entry_bytes(renders));
      std::set<std::string> planned;
      for (const auto& plan : plans) planned.insert(plan.path);
      const StoryListPaths lists(story);
      for (const auto& [path, page] : previous.listings)
        if (lists.counts(path) && !planned.count(path)) pages_gone.push_back(path);
    }
    const bool uncovers = answered_otherwise(capsule, publication, story.path()) ||
                          std::any_of(pages_gone.begin(), pages_gone.end(), [&](const std::string& path) {
                            return answered_otherwise(capsule, publication, path);
                          });
    if (uncovers) {
      give_back();
      return std::nullopt;
    }
    pages_changed = write_list_pages(*snapshot, plans, publication, *config, renders, previous.listings, gemini_paths);
    const std::vector<std::string> pages_unanswered = remove_list_pages(*snapshot, pages_gone);
    gone.insert(gone.end(), pages_unanswered.begin(), pages_unanswered.end());

    // The story's own answers go, on every protocol.
    snapshot->gemini.erase(story.path());
    snapshot->spartan.erase(story.path());
    withdraw_gopher_story(*snapshot, publication, story, config->gopher);
    if (!config->finger.listen.empty()) {
      snapshot->finger.erase(story.section + "/" + story.slug);
      snapshot->finger.erase(story.slug); // its own: no other story or section has it
    }
    for (const Article* other : rendered_again)
      update_story_answers(*snapshot, publication, *other, renders, previous.redirects, *config, gemini_paths);
    if (!moving) update_latest_pages(*snapshot, publication, renders, *config, {story.section}, std::move(gemini_paths));
    else if (!config->spartan.listen.empty())
      update_spartan_pages(*snapshot, publication, renders, config->spartan, gemini_paths);
  } catch (...) {
    give_back();
    throw;
  }

  // Search: the stories after the withdrawn one move back by one.
  std::vector<std::uint32_t> place_of(published_before);
  for (std::uint32_t i = 0; i < place_of.size(); ++i) place_of[i] = i < place ? i : i == place ? SearchIndex::withdrawn : i - 1;
  snapshot->search = std::make_shared<const SearchIndex>(serving.search, place_of, publication.published.size(),
                                                         std::map<std::uint32_t, StoryWords>{});
  snapshot->search_entries = serving.search_entries.erased(place);
  renew_story_index(*snapshot, publication, previous, *config, now);

  // Nothing below can call for a whole build: the last build's caches are
  // taken and brought up to date.
  BuiltSnapshot built = taken_in_place(previous);
  built.changes.removed = 1;
  // Every problem found in the story's file goes with it: its parse, its
  // links, and those the load found against the rest of the capsule (a
  // related entry that names no article, say).
  std::erase_if(built.diagnostics, [&](const Diagnostic& diagnostic) { return diagnostic.path == source; });
  if (moving) *moving = {story_held, serving_now};
  else recheck_link_warnings(built, publication, gone, serving.gemini, snapshot->gemini);
  auto& renders_now = built.article_renders;
  built.page_bytes -= std::min(built.page_bytes, page_bytes(*renders_now.at(&story)));
  renders_now.erase(&story);
  for (const auto& [other, before] : renders_before) {
    built.page_bytes = built.page_bytes + page_bytes(*renders_now.at(other)) - std::min(built.page_bytes, page_bytes(*before));
    release_body(*other);
  }
  for (const auto& path : pages_gone) built.listings.erase(path);
  keep_list_pages(built.listings, std::move(pages_changed));
  built.cache.articles.erase(source); // the story goes with it
  --built.article_files;
  finish_build(built, std::move(snapshot));
  return built;
}

} // namespace

std::optional<BuiltSnapshot> withdraw_story_in_place(BuiltSnapshot& previous, const std::shared_ptr<const Config>& config,
                                                     const std::shared_ptr<asio::ssl::context>& tls,
                                                     std::chrono::sys_seconds now, const CapsuleReading& reading) {
  if (!may_build_in_place(previous, config, now, reading)) return std::nullopt;
  const fs::path& capsule = reading.capsule(*config);
  const std::optional<std::string> source = removed_story_file(previous, capsule, *reading.changed, *reading.serving);
  if (!source) return std::nullopt;
  return withdraw(previous, config, tls, now, capsule, reading.serving, *source, nullptr, reading.withdrawn_next);
}

std::optional<BuiltSnapshot> withdraw_moved_story(BuiltSnapshot& previous, const std::shared_ptr<const Config>& config,
                                                  const std::shared_ptr<asio::ssl::context>& tls,
                                                  std::chrono::sys_seconds now, const CapsuleReading& reading,
                                                  MovedStory& moved) {
  if (!may_build_in_place(previous, config, now, reading)) return std::nullopt;
  const fs::path& capsule = reading.capsule(*config);
  const std::optional<MovedFiles> files = moved_story_files(previous, capsule, *reading.changed, *reading.serving);
  // A file that cannot be published keeps its last good version online,
  // which only a whole build from the last one keeps.
  if (!files || !read_article_again(capsule, files->now)) return std::nullopt;
  return withdraw(previous, config, tls, now, capsule, reading.serving, files->before, &moved);
}

} // namespace gazette
