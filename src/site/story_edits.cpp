#include "site/story_edits.hpp"

#include "content/article_bodies.hpp"
#include "site/finger_site.hpp"
#include "site/gemini_site.hpp"
#include "site/gopher_site.hpp"
#include "site/in_place_builds.hpp"
#include "site/link_check.hpp"
#include "site/spartan_site.hpp"

#include <algorithm>
#include <iterator>
#include <set>

namespace gazette {
namespace {

// More than this many stories saved at once is a deploy, not an edit.
constexpr std::size_t max_stories_edited = 64;

std::vector<std::string> related_targets(const Article& article) {
  std::vector<std::string> targets;
  for (const auto& entry : article.related) targets.push_back(entry.target);
  return targets;
}

// Whether `after` would sit in the same lists as `before`, at the same
// place, and other pages would link to it alike (what they show of it is
// compared once it is rendered).
bool same_place(const Article& before, const Article& after) {
  auto image_src = [](const Article& article) { return article.image ? article.image->src : std::string("\n"); };
  return before.date.unix_seconds == after.date.unix_seconds &&
         before.date.has_time == after.date.has_time && before.draft == after.draft && before.tags == after.tags &&
         before.aliases == after.aliases && related_targets(before) == related_targets(after) &&
         image_src(before) == image_src(after);
}

bool same_entries(const ArticleRenders& before, const ArticleRenders& after) {
  return before.gemini_entry.text() == after.gemini_entry.text() &&
         before.gopher_entry.text() == after.gopher_entry.text() &&
         before.gopher_entry.dateline_with_section.joined() == after.gopher_entry.dateline_with_section.joined();
}

// Every place `publication` holds `from`, the article `to` takes instead.
// Returns the holder of `from`.
std::shared_ptr<const Article> repoint(Publication& publication, const Article* from, std::shared_ptr<const Article> to) {
  const Article* target = to.get();
  std::shared_ptr<const Article> held;
  for (auto& article : publication.articles)
    if (article.get() == from) held = std::exchange(article, std::move(to));
  auto replace_in = [&](std::vector<const Article*>& list) { std::replace(list.begin(), list.end(), from, target); };
  replace_in(publication.published);
  for (auto& section : publication.sections)
    if (section.name == target->section) replace_in(section.articles);
  for (const auto& tag : target->tags)
    if (auto found = publication.by_tag.find(tag); found != publication.by_tag.end()) replace_in(found->second);
  // The key is a view of the story's own path: the one of `from` goes with it.
  publication.by_path.erase(target->path());
  publication.by_path.emplace(target->path(), target);
  if (auto node = publication.related.extract(from)) {
    node.key() = target;
    publication.related.insert(std::move(node));
  }
  for (auto& [article, stories] : publication.related)
    for (auto& story : stories)
      if (story.article == from) story.article = target;
  return held;
}

struct Edit {
  std::string source;
  const Article* before = nullptr;
  CachedArticle after;
  std::shared_ptr<const Article> held; // the article before, while the publication is repointed
  HeldRenders renders;
};

// The edits `changed` names, read and checked; none when any is more than an edit in place.
std::optional<std::vector<Edit>> read_edits(const BuiltSnapshot& previous, const std::filesystem::path& capsule,
                                            const ChangedFiles& changed, const Snapshot& serving) {
  if (changed.empty() || changed.size() > 4 * max_stories_edited) return std::nullopt;
  std::vector<Edit> edits;
  for (const auto& source : changed) {
    const auto cached = previous.cache.articles.find(source);
    if (cached == previous.cache.articles.end() && is_passing_file(capsule, source, previous, serving)) continue;
    if (cached == previous.cache.articles.end() || previous.cache.not_current.count(source) ||
        edits.size() == max_stories_edited)
      return std::nullopt;
    const Article& last = cached->second.parsed->article;
    // Published, and as its file had it (not a copy without its photo).
    const auto published = previous.publication->by_path.find(last.path());
    if (published == previous.publication->by_path.end() || published->second != &last) return std::nullopt;
    std::optional<CachedArticle> read = read_article_again(capsule, source);
    if (!read || !same_place(last, read->parsed->article)) return std::nullopt;
    edits.push_back({source, &last, std::move(*read), nullptr, {}});
  }
  if (edits.empty()) return std::nullopt;
  return edits;
}

} // namespace

std::optional<BuiltSnapshot> edit_stories_in_place(BuiltSnapshot& previous, const std::shared_ptr<const Config>& config,
                                                   const std::shared_ptr<asio::ssl::context>& tls,
                                                   std::chrono::sys_seconds now, const CapsuleReading& reading) {
  if (!may_build_in_place(previous, config, now, reading)) return std::nullopt;
  const std::filesystem::path& capsule = reading.capsule(*config);
  std::optional<std::vector<Edit>> edits = read_edits(previous, capsule, *reading.changed, *reading.serving);
  if (!edits) return std::nullopt;

  Publication& publication = *previous.publication;
  const Snapshot& serving = *reading.serving;
  // The publication takes the new articles; if an edit turns out to be
  // more than one in place, they are taken back before the whole is built.
  for (auto& edit : *edits) {
    const Article* after = &edit.after.parsed->article;
    edit.held = repoint(publication, edit.before, std::shared_ptr<const Article>(edit.after.parsed, after));
  }
  auto restore = [&] {
    for (auto& edit : *edits) repoint(publication, &edit.after.parsed->article, std::move(edit.held));
  };

  const std::shared_ptr<Snapshot> snapshot = snapshot_to_change(serving, tls);
  RendersByArticle& renders = previous.article_renders;
  bool renders_swapped = false;
  // The renders by article take the new ones, or give them back if an edit
  // calls for a whole build.
  auto swap_renders = [&] {
    for (auto& edit : *edits) {
      const Article* after = &edit.after.parsed->article;
      auto node = renders.extract(renders_swapped ? after : edit.before);
      node.key() = renders_swapped ? edit.before : after;
      std::swap(node.mapped(), edit.renders);
      renders.insert(std::move(node));
    }
    renders_swapped = !renders_swapped;
  };
  auto give_back = [&] {
    if (renders_swapped) swap_renders();
    restore();
  };
  std::map<std::uint32_t, StoryWords> words;
  std::vector<std::string> gemini_paths; // Gemini's answers written, for Spartan's
  std::set<std::string> sections;        // of the edited stories
  std::vector<ListingPage> pages_changed; // list pages rendered again
  std::vector<ListingPlan> plans;         // theirs
  // Stories rendered again for a related story's new title, with their renders before.
  std::vector<std::pair<const Article*, std::shared_ptr<const ArticleRenders>>> related_rendered;
  try {
    bool entries_changed = false, title_changed = false;
    for (auto& edit : *edits) {
      const Article& after = edit.after.parsed->article;
      edit.renders = render_article(publication, after, *config, previous.pages.get());
      entries_changed = entries_changed || !same_entries(*renders.at(edit.before), *edit.renders);
      title_changed = title_changed || after.title != edit.before->title;
    }
    swap_renders();
    for (const auto& edit : *edits) {
      const Article& after = edit.after.parsed->article;
      count_gopher_story_links(*snapshot, publication, *edit.held, config->gopher, false);
      count_gopher_story_links(*snapshot, publication, after, config->gopher, true);
      update_gopher_story(*snapshot, after, previous.redirects, renders);
      update_gemini_story(*snapshot, after, renders);
      gemini_paths.push_back(after.path());
      if (!config->finger.listen.empty()) update_finger_story(*snapshot, publication, after, renders, *config);
      sections.insert(after.section);
      const auto place = std::find(publication.published.begin(), publication.published.end(), &after);
      words[static_cast<std::uint32_t>(place - publication.published.begin())] = renders.at(&after)->words;
    }
    if (entries_changed) {
      // The lists that show the edited stories are planned again; a list
      // whose pages would change in number is left to a whole build, which
      // also drops the pages no longer planned.
      for (const auto& edit : *edits) {
        const Article& after = edit.after.parsed->article;
        std::vector<ListingPlan> more = listing_plans_showing(publication, after, entry_bytes(renders));
        std::set<std::string> planned, before;
        for (const auto& plan : more) planned.insert(plan.path);
        const StoryListPaths lists(after);
        for (const auto& [path, page] : previous.listings)
          if (lists.shows(path)) before.insert(path);
        if (planned != before) {
          give_back();
          return std::nullopt;
        }
        std::move(more.begin(), more.end(), std::back_inserter(plans));
      }
      for (auto& page : listing_pages(plans, publication, *config, renders, &previous.listings))
        if (previous.listings.at(page.plan->path).key != page.key) pages_changed.push_back(std::move(page));
      for (const auto& page : pages_changed) {
        snapshot->gemini[page.plan->path] = Resource{page.gemini, {}, 0};
        snapshot->gopher[page.plan->path] = Resource{page.gopher, {}, 0};
        gemini_paths.push_back(page.plan->path);
      }
      // Search shows each story by its entries.
      SearchEntries entries = serving.search_entries;
      for (const auto& [place, story_words] : words) {
        const ArticleRenders& rendered = *renders.at(publication.published[place]);
        entries = entries.replaced(place, {rendered.gemini_entry.lines, rendered.gopher_entry.lines});
      }
      snapshot->search_entries = std::move(entries);
    }
    if (title_changed) {
      // A story's page names its related stories by their titles.
      std::set<const Article*> edited;
      for (const auto& edit : *edits) edited.insert(&edit.after.parsed->article);
      std::set<const Article*> showing;
      for (const auto& [article, stories] : publication.related)
        for (const auto& story : stories)
          if (edited.count(story.article) && !edited.count(article)) showing.insert(article);
      for (const Article* article : showing) {
        if (!restore_body(capsule, *article)) continue; // its file is broken: its last pages stay, as in a whole build
        auto& held = renders.at(article);
        related_rendered.emplace_back(article, held.get());
        held = render_article(publication, *article, *config, previous.pages.get());
        update_story_answers(*snapshot, publication, *article, renders, previous.redirects, *config, gemini_paths);
      }
    }
    // The pages that show the latest stories, once for every edit.
    update_latest_pages(*snapshot, publication, renders, *config, sections, std::move(gemini_paths));
  } catch (...) {
    give_back();
    throw;
  }
  snapshot->search = std::make_shared<const SearchIndex>(serving.search, std::move(words));
  renew_story_index(*snapshot, publication, previous, *config, now);

  // Nothing below can call for a whole build: the last build's caches are
  // taken and brought up to date.
  BuiltSnapshot built = taken_in_place(previous);
  for (auto& edit : *edits) {
    const Article& after = edit.after.parsed->article;
    const ArticleRenders& old_renders = *edit.renders; // swapped in above: the renders before
    const ArticleRenders& new_renders = *built.article_renders.at(&after);
    remove_each(built.diagnostics, built.cache.articles.at(edit.source).parsed->diagnostics);
    remove_each(built.diagnostics, check_article_links(publication, *edit.held, serving.gemini));
    const Diagnostics links = check_article_links(publication, after, snapshot->gemini, &built.link_targets);
    built.diagnostics.insert(built.diagnostics.end(), edit.after.parsed->diagnostics.begin(),
                             edit.after.parsed->diagnostics.end());
    built.diagnostics.insert(built.diagnostics.end(), links.begin(), links.end());
    built.page_bytes = built.page_bytes + page_bytes(new_renders) - std::min(built.page_bytes, page_bytes(old_renders));
    if (edit.held->content_hash != after.content_hash) ++built.changes.updated;
    release_body(edit.after.parsed->article);
    built.cache.articles[edit.source] = std::move(edit.after);
  }
  keep_list_pages(built.listings, std::move(pages_changed));
  for (const auto& [article, before] : related_rendered) {
    const auto& now_rendered = built.article_renders.at(article);
    built.page_bytes = built.page_bytes + page_bytes(*now_rendered) - std::min(built.page_bytes, page_bytes(*before));
    release_body(*article);
  }
  finish_build(built, std::move(snapshot));
  return built;
}

} // namespace gazette
