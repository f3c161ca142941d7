#include "related_stories.hpp"

#include <algorithm>
#include <iterator>
#include <limits>
#include <string_view>
#include <unordered_map>

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

} // namespace

RelatedStoryFinder::RelatedStoryFinder(const Publication& publication) : publication_(publication) {
  const auto& published = publication.published;
  std::unordered_map<std::string_view, int> section_index;
  for (std::size_t i = 0; i < publication.sections.size(); ++i)
    section_index.emplace(publication.sections[i].name, static_cast<int>(i));
  std::unordered_map<std::string_view, TagId> tag_id;
  for (const auto& [tag, stories] : publication.by_tag) tag_id.emplace(tag, static_cast<TagId>(tag_id.size()));

  section_of_.resize(published.size(), -1);
  tags_.resize(published.size());
  plain_by_tag_.resize(tag_id.size());
  repeating_by_tag_.resize(tag_id.size());
  for (Rank rank = 0; rank < published.size(); ++rank) {
    const Article& article = *published[rank];
    rank_of_.emplace(&article, rank);
    if (auto found = section_index.find(article.section); found != section_index.end()) section_of_[rank] = found->second;
    auto& tags = tags_[rank];
    for (const auto& tag : article.tags) tags.push_back(tag_id.at(tag));
    std::sort(tags.begin(), tags.end());
    const bool repeats = std::adjacent_find(tags.begin(), tags.end()) != tags.end();
    for (std::size_t i = 0; i < tags.size(); ++i)
      if (i == 0 || tags[i] != tags[i - 1]) (repeats ? repeating_by_tag_ : plain_by_tag_)[tags[i]].push_back(rank);
  }
}

std::size_t RelatedStoryFinder::shared_tags(Rank rank, const std::vector<TagId>& tags) const {
  std::size_t shared = 0;
  auto wanted = tags.begin();
  for (TagId tag : tags_[rank]) {
    while (wanted != tags.end() && *wanted < tag) ++wanted;
    if (wanted == tags.end()) break;
    if (*wanted == tag) ++shared;
  }
  return shared;
}

void RelatedStoryFinder::add(const Article& article, std::size_t limit, std::set<const Article*>& listed,
                             std::vector<RelatedStory>& stories) const {
  const auto& published = publication_.published;
  const Rank self = rank_of_.at(&article);
  std::vector<TagId> tags = tags_[self];
  tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
  auto is_listed = [&](Rank rank) { return listed.count(published[rank]) > 0; };
  auto same_section = [&](Rank rank) { return section_of_[rank] == section_of_[self]; };

  // A story naming a tag twice counts it twice, so how many tags it shares
  // does not say how many of the lists below hold it: such stories are rare,
  // and scored one by one.
  std::vector<Rank> repeating;
  for (TagId tag : tags) repeating.insert(repeating.end(), repeating_by_tag_[tag].begin(), repeating_by_tag_[tag].end());
  std::sort(repeating.begin(), repeating.end());
  repeating.erase(std::unique(repeating.begin(), repeating.end()), repeating.end());
  std::vector<std::pair<std::size_t, Rank>> scored; // shared tags, rank
  std::size_t most_shared = tags.size();
  for (Rank rank : repeating)
    if (!is_listed(rank)) {
      scored.emplace_back(shared_tags(rank, tags), rank);
      most_shared = std::max(most_shared, scored.back().first);
    }

  // Every other story sharing n of the article's tags is in n of their
  // lists, so in one of the tags.size() - n + 1 shortest.
  std::vector<const std::vector<Rank>*> lists;
  for (TagId tag : tags) lists.push_back(&plain_by_tag_[tag]);
  std::sort(lists.begin(), lists.end(), [](const auto* a, const auto* b) { return a->size() < b->size(); });

  // One pass per number of shared tags, most first; within it, the same
  // section first, newest first.
  for (std::size_t shared = most_shared; shared > 0 && stories.size() < limit; --shared) {
    const std::size_t wanted = limit - stories.size();
    std::vector<Rank> same, other;
    if (shared <= tags.size()) {
      // Walk the shortest lists newest first; the longer ones are only
      // searched, each from where it was last left, to count the rest.
      const std::size_t walked = tags.size() - shared + 1;
      std::vector<std::size_t> next(lists.size(), 0);
      for (;;) {
        Rank rank = std::numeric_limits<Rank>::max();
        for (std::size_t i = 0; i < walked; ++i)
          if (next[i] < lists[i]->size()) rank = std::min(rank, (*lists[i])[next[i]]);
        if (rank == std::numeric_limits<Rank>::max()) break;
        std::size_t present = 0;
        for (std::size_t i = 0; i < walked; ++i)
          if (next[i] < lists[i]->size() && (*lists[i])[next[i]] == rank) ++present, ++next[i];
        // Stories sharing more tags were all taken by the passes before, so
        // reaching `shared` is enough; a story that cannot reach it is not searched for further.
        for (std::size_t i = walked; i < lists.size() && present < shared && present + lists.size() - i >= shared; ++i) {
          next[i] = first_not_before(*lists[i], next[i], rank);
          if (next[i] < lists[i]->size() && (*lists[i])[next[i]] == rank) ++present;
        }
        if (present < shared || is_listed(rank)) continue;
        if (same_section(rank)) {
          same.push_back(rank);
          if (same.size() == wanted) break; // nothing later can come before these
        } else if (other.size() < wanted) {
          other.push_back(rank);
        }
      }
    }
    std::vector<Rank> same_scored, other_scored;
    for (const auto& [count, rank] : scored)
      if (count == shared) (same_section(rank) ? same_scored : other_scored).push_back(rank);
    std::vector<Rank> ordered;
    std::merge(same.begin(), same.end(), same_scored.begin(), same_scored.end(), std::back_inserter(ordered));
    std::merge(other.begin(), other.end(), other_scored.begin(), other_scored.end(), std::back_inserter(ordered));
    for (Rank rank : ordered) {
      if (stories.size() >= limit) break;
      listed.insert(published[rank]);
      stories.push_back({published[rank], {}});
    }
  }

  if (stories.size() >= limit) return;
  if (const Section* section = publication_.find_section(article.section))
    for (const Article* other : section->articles) {
      if (stories.size() >= limit) break;
      if (listed.insert(other).second) stories.push_back({other, {}});
    }
}

} // namespace gazette
