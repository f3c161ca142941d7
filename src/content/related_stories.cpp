#include "content/related_stories.hpp"

#include "base/parallel_for.hpp"

#include <algorithm>
#include <limits>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace gazette {
namespace {

// The first position at or after `from` whose rank is not below `rank`,
// searched in growing steps: the walk moves forward through long lists in
// short hops.
std::size_t first_not_before(const std::vector<std::uint32_t>& list, std::size_t from, std::uint32_t rank) {
  std::size_t low = from, high = from, step = 1;
  while (high < list.size() && list[high] < rank) {
    low = high + 1;
    high += step;
    step *= 2;
  }
  const auto end = list.begin() + static_cast<std::ptrdiff_t>(std::min(high, list.size()));
  return static_cast<std::size_t>(std::lower_bound(list.begin() + static_cast<std::ptrdiff_t>(low), end, rank) - list.begin());
}

// A tag's stories, newest first, and for a tag with many, the same set as
// bits by rank: asking whether a story is in it is then one load.
struct TagList {
  const std::vector<std::uint32_t>* ranks;
  const std::vector<std::uint64_t>* bits; // empty for a short list

  bool has(std::size_t& next, std::uint32_t rank) const {
    if (!bits->empty()) return ((*bits)[rank / 64] >> (rank % 64)) & 1;
    next = first_not_before(*ranks, next, rank);
    return next < ranks->size() && (*ranks)[next] == rank;
  }
};

// Appends to `found`, newest first, the stories that are in at least
// `shared` of `lists` and that `accept` takes, until `found` holds `wanted`.
// Every story in n of the lists is in one of the lists.size() - n + 1
// shortest, so only those are walked; the longer ones are only searched,
// each from where it was last left, to count the rest.
template <class Accept>
void walk_shared(std::vector<TagList> lists, std::size_t shared, std::size_t wanted, const Accept& accept,
                 std::vector<std::uint32_t>& found) {
  if (shared == 0 || shared > lists.size() || found.size() >= wanted) return;
  std::sort(lists.begin(), lists.end(), [](const auto& a, const auto& b) { return a.ranks->size() < b.ranks->size(); });
  const std::size_t walked = lists.size() - shared + 1;
  std::vector<std::size_t> next(lists.size(), 0);
  // Sharing every tag, the commonest pass, walks the shortest list alone:
  // it is taken straight, without the merge below (a popular tag's list is
  // walked once for every story that has it).
  if (walked == 1) {
    for (std::uint32_t rank : *lists[0].ranks) {
      std::size_t present = 1;
      for (std::size_t i = 1; i < lists.size() && present < shared && present + lists.size() - i >= shared; ++i)
        if (lists[i].has(next[i], rank)) ++present;
      if (present < shared || !accept(rank)) continue;
      found.push_back(rank);
      if (found.size() == wanted) return;
    }
    return;
  }
  for (;;) {
    std::uint32_t rank = std::numeric_limits<std::uint32_t>::max();
    for (std::size_t i = 0; i < walked; ++i)
      if (next[i] < lists[i].ranks->size()) rank = std::min(rank, (*lists[i].ranks)[next[i]]);
    if (rank == std::numeric_limits<std::uint32_t>::max()) return;
    std::size_t present = 0;
    for (std::size_t i = 0; i < walked; ++i)
      if (next[i] < lists[i].ranks->size() && (*lists[i].ranks)[next[i]] == rank) ++present, ++next[i];
    // A story that cannot reach `shared` is not searched for further.
    for (std::size_t i = walked; i < lists.size() && present < shared && present + lists.size() - i >= shared; ++i)
      if (lists[i].has(next[i], rank)) ++present;
    if (present < shared || !accept(rank)) continue;
    found.push_back(rank);
    if (found.size() == wanted) return;
  }
}

// Among stories sharing as many tags with `article`: its section's first, then the newer.
bool ranks_above_alike(const Article& article, const Article* a, const Article* b) {
  const bool section_a = a->section == article.section, section_b = b->section == article.section;
  if (section_a != section_b) return section_a;
  return newer_first(a, b);
}

} // namespace

SharedTags count_shared_tags(const Publication& publication, const Article& article) {
  SharedTags shared;
  for (auto tag = article.tags.begin(); tag != article.tags.end(); ++tag) {
    if (std::find(article.tags.begin(), tag, *tag) != tag) continue;
    auto found = publication.by_tag.find(*tag);
    if (found == publication.by_tag.end()) continue;
    // A story naming the tag twice is listed twice, side by side.
    const Article* last = nullptr;
    for (const Article* other : found->second)
      if (other != std::exchange(last, other) && other != &article) ++shared[other];
  }
  return shared;
}

void add_related_by_scan(const Publication& publication, const Article& article, std::size_t limit,
                         const SharedTags& shared, std::set<const Article*>& listed, std::vector<RelatedStory>& stories) {
  // The stories by how many tags they share, most first; within each, only
  // as many as are wanted are ordered.
  std::vector<std::vector<const Article*>> by_count;
  for (const auto& [other, count] : shared) {
    if (by_count.size() <= count) by_count.resize(count + 1);
    by_count[count].push_back(other);
  }
  for (std::size_t count = by_count.size(); count-- > 1 && stories.size() < limit;) {
    auto& alike = by_count[count];
    std::erase_if(alike, [&](const Article* other) { return listed.count(other) > 0; });
    const auto wanted = static_cast<std::ptrdiff_t>(std::min(limit - stories.size(), alike.size()));
    std::partial_sort(alike.begin(), alike.begin() + wanted, alike.end(),
                      [&](const Article* a, const Article* b) { return ranks_above_alike(article, a, b); });
    for (auto other = alike.begin(); other != alike.begin() + wanted; ++other) {
      listed.insert(*other);
      stories.push_back({*other, {}, static_cast<std::uint32_t>(count), (*other)->section == article.section});
    }
  }
  if (const Section* section = publication.find_section(article.section))
    for (const Article* other : section->articles) {
      if (stories.size() >= limit) break;
      if (listed.insert(other).second) stories.push_back({other, {}, 0, true});
    }
}

std::size_t named_related_count(const Article& article, const std::vector<RelatedStory>& stories) {
  if (article.related.empty()) return 0;
  std::set<std::string> named;
  for (const auto& entry : article.related) named.insert(is_url(entry.target) ? entry.target : entry.story_path());
  return static_cast<std::size_t>(std::count_if(stories.begin(), stories.end(), [&](const RelatedStory& story) {
    return named.count(story.article ? story.article->path() : story.url) > 0;
  }));
}

std::optional<std::size_t> related_place(const Article& article, const std::vector<RelatedStory>& stories,
                                         const std::function<std::size_t()>& explicit_count, const Article& added,
                                         std::size_t shared_with_added, std::size_t limit) {
  if (&added == &article) return std::nullopt;
  const bool added_in_section = added.section == article.section;
  if (shared_with_added == 0 && !added_in_section) return std::nullopt;
  // Ranked as ranks_above_alike ranks, from what each entry keeps.
  auto above = [&](const RelatedStory& story) {
    if (story.shared_tags != shared_with_added) return shared_with_added > story.shared_tags;
    if (story.same_section != added_in_section) return added_in_section;
    return newer_first(&added, story.article);
  };
  // A list short of the limit holds every story that could be in it; a
  // full one takes the story only above its last. Most lists are full and
  // refuse it there, before the stories the article names are counted.
  if (stories.size() >= limit && !above(stories.back())) return std::nullopt;
  const std::size_t named = explicit_count();
  if (named >= limit || (stories.size() >= limit && stories.size() == named)) return std::nullopt;
  if (std::any_of(stories.begin(), stories.end(), [&](const RelatedStory& story) { return story.article == &added; }))
    return std::nullopt;
  return static_cast<std::size_t>(
      std::find_if(stories.begin() + static_cast<std::ptrdiff_t>(named), stories.end(), above) - stories.begin());
}

void insert_related_story(std::vector<RelatedStory>& stories, std::size_t place, const Article& article,
                          const Article& added, std::size_t shared_with_added, std::size_t limit) {
  stories.insert(stories.begin() + static_cast<std::ptrdiff_t>(place),
                 {&added, {}, static_cast<std::uint32_t>(shared_with_added), added.section == article.section});
  if (stories.size() > limit) stories.pop_back();
}

RelatedStoryFinder::RelatedStoryFinder(const Publication& publication) : publication_(publication) {
  const auto& published = publication.published;
  std::unordered_map<std::string_view, int> section_index;
  for (std::size_t i = 0; i < publication.sections.size(); ++i)
    section_index.emplace(publication.sections[i].name, static_cast<int>(i));
  std::unordered_map<std::string_view, TagId> tag_id;
  for (const auto& [tag, stories] : publication.by_tag) tag_id.emplace(tag, static_cast<TagId>(tag_id.size()));

  section_of_.resize(published.size(), -1);
  tags_.resize(published.size());
  by_tag_.resize(tag_id.size());
  by_tag_bits_.resize(tag_id.size());
  for (Rank rank = 0; rank < published.size(); ++rank) {
    const Article& article = *published[rank];
    rank_of_.emplace(&article, rank);
    if (auto found = section_index.find(article.section); found != section_index.end()) section_of_[rank] = found->second;
    auto& tags = tags_[rank];
    for (const auto& tag : article.tags) tags.push_back(tag_id.at(tag));
    std::sort(tags.begin(), tags.end());
    tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
    for (TagId tag : tags) {
      by_tag_[tag].push_back(rank);
      by_tag_and_section_[tag_and_section(tag, section_of_[rank])].push_back(rank);
    }
  }
  // Bits cost less than the list itself once a tag holds one story in 64.
  for (TagId tag = 0; tag < by_tag_.size(); ++tag)
    if (by_tag_[tag].size() * 64 >= published.size()) {
      by_tag_bits_[tag].resize(published.size() / 64 + 1);
      for (Rank rank : by_tag_[tag]) by_tag_bits_[tag][rank / 64] |= std::uint64_t{1} << (rank % 64);
    }
  find_stories_sharing_every_tag();
}

// Few stories share every tag of a story, so looking for them walks the
// shortest of its tags' lists to the end: for a popular tag, once per story
// that has it. The answer is the same for every story with the same tags,
// so for a set of tags that several stories have it is found once, on every
// core. The walk stops at `sharing_kept` stories: where more share every
// tag they are found soon, and the rare story that wants more than those
// walks the lists itself.
void RelatedStoryFinder::find_stories_sharing_every_tag() {
  struct TagsHash {
    std::size_t operator()(const std::vector<TagId>& tags) const {
      std::size_t hash = tags.size();
      for (TagId tag : tags) hash = hash * 0x9E3779B97F4A7C15u + tag;
      return hash;
    }
  };
  std::unordered_map<std::vector<TagId>, std::uint32_t, TagsHash> set_of_tags;
  std::vector<const std::vector<TagId>*> distinct;
  std::vector<std::uint32_t> stories_with_set;
  tag_set_of_.resize(tags_.size());
  for (Rank rank = 0; rank < tags_.size(); ++rank) {
    auto [found, added] = set_of_tags.try_emplace(tags_[rank], static_cast<std::uint32_t>(distinct.size()));
    if (added) {
      distinct.push_back(&found->first);
      stories_with_set.push_back(0);
    }
    ++stories_with_set[found->second];
    tag_set_of_[rank] = found->second;
  }
  sharing_every_tag_.resize(distinct.size());
  parallel_for(distinct.size(), [&](std::size_t i) {
    if (stories_with_set[i] < 2) return;
    std::vector<TagList> lists;
    for (TagId tag : *distinct[i]) lists.push_back({&by_tag_[tag], &by_tag_bits_[tag]});
    auto& sharing = sharing_every_tag_[i].emplace();
    walk_shared(lists, lists.size(), sharing_kept, [](Rank) { return true; }, sharing);
  });
}

std::uint32_t RelatedStoryFinder::shared_tag_count(Rank a, Rank b) const {
  std::uint32_t shared = 0;
  for (auto i = tags_[a].begin(), j = tags_[b].begin(); i != tags_[a].end() && j != tags_[b].end();)
    if (*i < *j) ++i;
    else if (*j < *i) ++j;
    else ++shared, ++i, ++j;
  return shared;
}

void RelatedStoryFinder::add(const Article& article, std::size_t limit, std::set<const Article*>& listed,
                             std::vector<RelatedStory>& stories) const {
  const auto& published = publication_.published;
  const Rank self = rank_of_.at(&article);
  auto is_listed = [&](Rank rank) { return listed.count(published[rank]) > 0; };
  auto same_section = [&](Rank rank) { return section_of_[rank] == section_of_[self]; };
  // As ranks_above_alike tells it: by name, for a story of no known section.
  auto in_section_of_article = [&](Rank rank) {
    return section_of_[self] >= 0 ? section_of_[rank] == section_of_[self] : published[rank]->section == article.section;
  };

  // Every story the section's walk meets is in the section, so the tag's
  // bits answer for its section's list too.
  std::vector<TagList> everywhere, in_section;
  static const std::vector<Rank> none;
  for (TagId tag : tags_[self]) {
    everywhere.push_back({&by_tag_[tag], &by_tag_bits_[tag]});
    auto found = by_tag_and_section_.find(tag_and_section(tag, section_of_[self]));
    in_section.push_back({found == by_tag_and_section_.end() ? &none : &found->second, &by_tag_bits_[tag]});
  }

  // One pass per number of shared tags, most first; within it, the same
  // section first, newest first. Stories sharing more tags were all taken by
  // the passes before, so reaching `shared` is enough. The section's own
  // lists are short, and the walk through every story stops once it has
  // what the section could not give.
  for (std::size_t shared = tags_[self].size(); shared > 0 && stories.size() < limit; --shared) {
    const std::size_t wanted = limit - stories.size();
    std::vector<Rank> found;
    walk_shared(in_section, shared, wanted, [&](Rank rank) { return !is_listed(rank); }, found);
    auto elsewhere = [&](Rank rank) { return !same_section(rank) && !is_listed(rank); };
    const auto& sharing = sharing_every_tag_[tag_set_of_[self]];
    if (shared == tags_[self].size() && sharing) {
      const std::size_t from_section = found.size();
      for (Rank rank : *sharing) {
        if (found.size() >= wanted) break;
        if (elsewhere(rank)) found.push_back(rank);
      }
      // The list stopped short of every story sharing the tags, and this
      // one wants more than it held: walk the lists as for any other pass.
      if (found.size() < wanted && sharing->size() == sharing_kept) {
        found.resize(from_section);
        walk_shared(everywhere, shared, wanted, elsewhere, found);
      }
    } else {
      walk_shared(everywhere, shared, wanted, elsewhere, found);
    }
    for (Rank rank : found) {
      listed.insert(published[rank]);
      stories.push_back({published[rank], {}, shared_tag_count(self, rank), in_section_of_article(rank)});
    }
  }

  if (stories.size() >= limit) return;
  if (const Section* section = publication_.find_section(article.section))
    for (const Article* other : section->articles) {
      if (stories.size() >= limit) break;
      if (listed.insert(other).second) stories.push_back({other, {}, 0, true});
    }
}

} // namespace gazette
