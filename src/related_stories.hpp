// Automatic related stories: most shared tags first, then the same section,
// newest first. Built once per load over every published article, so that
// choosing an article's stories walks only the lists that can hold the
// winners, and stops once it has them, instead of scoring every story that
// shares one of its tags.
#pragma once
#include "publication.hpp"

#include <cstdint>
#include <set>
#include <unordered_map>
#include <vector>

namespace gazette {

class RelatedStoryFinder {
public:
  // `publication` must have its published list, sections and tags indexed,
  // and must outlive the finder.
  explicit RelatedStoryFinder(const Publication& publication);

  // Appends the best stories until `stories` holds `limit`, skipping and
  // extending `listed`: stories sharing a tag first, then the newest of the
  // article's section.
  void add(const Article& article, std::size_t limit, std::set<const Article*>& listed,
           std::vector<RelatedStory>& stories) const;

private:
  using Rank = std::uint32_t; // position in publication.published: lower is newer
  using TagId = std::uint32_t;

  // How many of `tags` (distinct) the story at `rank` names, a tag named twice counting twice.
  std::size_t shared_tags(Rank rank, const std::vector<TagId>& tags) const;

  const Publication& publication_;
  std::unordered_map<const Article*, Rank> rank_of_;
  std::vector<int> section_of_;                 // by rank: index in publication.sections
  std::vector<std::vector<TagId>> tags_;        // by rank: sorted, repeats kept
  std::vector<std::vector<Rank>> plain_by_tag_; // by tag: stories naming no tag twice, newest first
  std::vector<std::vector<Rank>> repeating_by_tag_; // by tag: the stories that do, newest first
};

} // namespace gazette
