#include "content/related_stories.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <set>
#include <tuple>

using namespace gazette;

namespace {

// A publication of `count` stories, newest first, over three sections, eight
// common tags and thirty rare ones (the finder keeps long and short tag lists
// differently); some stories name no tag, and some name one twice, which
// counts once.
Publication random_publication(std::mt19937& random, int count) {
  Publication p;
  for (const char* name : {"world", "arts", "sport"}) p.sections.push_back({name, name, "", {}});
  std::uniform_int_distribution<int> section(0, 2), common_tag(0, 7), rare_tag(8, 37), tag_count(0, 4), percent(0, 99);
  for (int i = 0; i < count; ++i) {
    auto article = std::make_shared<Article>();
    article->place(p.sections[static_cast<std::size_t>(section(random))].name, "story-" + std::to_string(i));
    for (int t = tag_count(random); t > 0; --t)
      article->tags.push_back("tag-" + std::to_string(percent(random) < 85 ? common_tag(random) : rare_tag(random)));
    if (!article->tags.empty() && percent(random) < 10) article->tags.push_back(article->tags.front());
    p.articles.push_back(article);
    p.published.push_back(article.get());
    for (auto& s : p.sections)
      if (s.name == article->section) s.articles.push_back(article.get());
    for (const auto& t : article->tags) p.by_tag[t].push_back(article.get());
  }
  return p;
}

// The rule written out plainly: score every story, order them all.
std::vector<const Article*> expected_related(const Publication& p, const Article& article, std::size_t limit,
                                             std::set<const Article*> listed, std::vector<const Article*> stories) {
  const std::set<std::string> tags(article.tags.begin(), article.tags.end());
  std::vector<std::tuple<std::size_t, bool, std::size_t>> candidates; // shared tags, other section, rank
  for (std::size_t rank = 0; rank < p.published.size(); ++rank) {
    const Article* story = p.published[rank];
    if (listed.count(story)) continue;
    const std::set<std::string> story_tags(story->tags.begin(), story->tags.end());
    const auto shared = static_cast<std::size_t>(
        std::count_if(story_tags.begin(), story_tags.end(), [&](const std::string& t) { return tags.count(t) > 0; }));
    if (shared > 0) candidates.emplace_back(shared, story->section != article.section, rank);
  }
  std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
    return std::make_tuple(-static_cast<long>(std::get<0>(a)), std::get<1>(a), std::get<2>(a)) <
           std::make_tuple(-static_cast<long>(std::get<0>(b)), std::get<1>(b), std::get<2>(b));
  });
  for (const auto& candidate : candidates) {
    if (stories.size() >= limit) break;
    const Article* story = p.published[std::get<2>(candidate)];
    listed.insert(story);
    stories.push_back(story);
  }
  for (const Article* story : p.find_section(article.section)->articles) {
    if (stories.size() >= limit) break;
    if (listed.insert(story).second) stories.push_back(story);
  }
  return stories;
}

} // namespace

TEST_CASE("automatic related stories match scoring every story, for many publications and limits") {
  std::mt19937 random(1436);
  for (int round = 0; round < 20; ++round) {
    const Publication p = random_publication(random, 40 + round * 50);
    const RelatedStoryFinder finder(p);
    std::uniform_int_distribution<std::size_t> pick(0, p.published.size() - 1);
    for (std::size_t i = 0; i < p.published.size(); i += 1 + p.published.size() / 200) {
      const Article* article = p.published[i];
      for (std::size_t limit : {1, 3, 6, 40}) {
        // Sometimes an explicit related story is already listed first.
        std::set<const Article*> listed{article};
        std::vector<const Article*> explicit_stories;
        if (const Article* chosen = p.published[pick(random)]; limit > 1 && listed.insert(chosen).second)
          explicit_stories.push_back(chosen);

        std::vector<RelatedStory> found;
        for (const Article* story : explicit_stories) found.push_back({story, {}});
        std::set<const Article*> found_listed = listed;
        finder.add(*article, limit, found_listed, found);

        std::vector<const Article*> titles;
        for (const auto& story : found) titles.push_back(story.article);
        const auto expected = expected_related(p, *article, limit, listed, explicit_stories);
        INFO("round ", round, ", ", article->slug, ", limit ", limit);
        CHECK(titles == expected);
      }
    }
  }
}

namespace {

// Like random_publication, with each story dated a second before the one
// above it, so that the newest-first order is the stories' own.
Publication dated_publication(std::mt19937& random, int count) {
  Publication p = random_publication(random, count);
  for (std::size_t i = 0; i < p.articles.size(); ++i)
    const_cast<Article&>(*p.articles[i]).date.unix_seconds = static_cast<std::int64_t>(p.articles.size() - i);
  return p;
}

// Each story, with what its entry keeps to rank a story published later.
using Entry = std::tuple<const Article*, std::uint32_t, bool>;
std::vector<Entry> entries_of(const std::vector<RelatedStory>& stories) {
  std::vector<Entry> entries;
  for (const auto& story : stories) entries.emplace_back(story.article, story.shared_tags, story.same_section);
  return entries;
}

// What the entry for `other` on `article`'s list keeps: the tags of
// `article` that `other` has (each once), and whether they share a section.
Entry entry_for(const Article& article, const Article* other) {
  std::set<std::string> tags(article.tags.begin(), article.tags.end());
  const auto shared = std::count_if(tags.begin(), tags.end(), [&](const std::string& tag) {
    return std::find(other->tags.begin(), other->tags.end(), tag) != other->tags.end();
  });
  return {other, static_cast<std::uint32_t>(shared), other->section == article.section};
}

} // namespace

TEST_CASE("related stories by scan: the finder's choices, without the finder") {
  std::mt19937 random(1965);
  for (int round = 0; round < 8; ++round) {
    const Publication p = dated_publication(random, 30 + round * 60);
    const RelatedStoryFinder finder(p);
    for (const Article* article : p.published)
      for (std::size_t limit : {1, 3, 8}) {
        std::set<const Article*> listed{article}, scan_listed{article};
        std::vector<RelatedStory> found, scanned;
        finder.add(*article, limit, listed, found);
        add_related_by_scan(p, *article, limit, count_shared_tags(p, *article), scan_listed, scanned);
        INFO("round ", round, ", ", article->slug, ", limit ", limit);
        CHECK(entries_of(scanned) == entries_of(found));
        CHECK(scan_listed == listed);
        for (const auto& story : found) CHECK(entries_of({story}) == std::vector{entry_for(*article, story.article)});
      }
  }
}

TEST_CASE("a story published in place takes its rank among the others' related stories, as a fresh choice would") {
  std::mt19937 random(2024);
  std::size_t admitted = 0, refused = 0;
  for (int round = 0; round < 8; ++round) {
    Publication p = dated_publication(random, 40 + round * 40);
    // The story to publish: the newest, one from the middle, or the oldest.
    const std::size_t at = round % 3 == 0 ? 0 : (round % 3 == 1 ? p.published.size() / 2 : p.published.size() - 1);
    const Article* added = p.published[at];
    Publication without = p;
    without.published.erase(without.published.begin() + static_cast<std::ptrdiff_t>(at));
    for (auto& section : without.sections) std::erase(section.articles, added);
    for (auto& [tag, stories] : without.by_tag) std::erase(stories, added);
    std::erase_if(without.by_tag, [](const auto& entry) { return entry.second.empty(); });
    const RelatedStoryFinder before(without), after(p);
    for (const Article* article : without.published)
      for (std::size_t limit : {1, 3, 8}) {
        // Sometimes the story names one related story itself, first.
        std::vector<RelatedStory> stories;
        std::set<const Article*> listed{article};
        std::size_t named = 0;
        if (const Article* chosen = without.published[(at + 7) % without.published.size()];
            limit > 1 && chosen != article && listed.insert(chosen).second) {
          stories.push_back({chosen, {}});
          named = 1;
        }
        std::vector<RelatedStory> expected = stories;
        std::set<const Article*> expected_listed = listed;
        before.add(*article, limit, listed, stories);
        after.add(*article, limit, expected_listed, expected);
        const std::size_t shared = count_shared_tags(p, *added)[article];
        const auto place = related_place(*article, stories, [&] { return named; }, *added, shared, limit);
        if (place) insert_related_story(stories, *place, *article, *added, shared, limit);
        const bool changed = place.has_value();
        INFO("round ", round, ", ", article->slug, ", limit ", limit);
        CHECK(entries_of(stories) == entries_of(expected));
        (changed ? admitted : refused) += 1;
      }
  }
  CHECK(admitted > 50); // both happen, often
  CHECK(refused > 50);
}
