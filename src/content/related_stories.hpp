// Automatic related stories: most shared tags first (a tag counts once
// however often a story names it), then the same section, newest first.
// Built once per load over every published article, so that choosing an
// article's stories walks only the lists that can hold the winners, and
// stops once it has them, instead of scoring every story that shares one of
// its tags.
#pragma once
#include "content/publication.hpp"

#include <cstdint>
#include <optional>
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

  void find_stories_sharing_every_tag();

  static std::uint64_t tag_and_section(TagId tag, int section) {
    return (std::uint64_t{tag} << 32) | static_cast<std::uint32_t>(section);
  }

  const Publication& publication_;
  std::unordered_map<const Article*, Rank> rank_of_;
  std::vector<int> section_of_;          // by rank: index in publication.sections
  std::vector<std::vector<TagId>> tags_; // by rank: distinct, sorted
  std::vector<std::vector<Rank>> by_tag_; // by tag: its stories, newest first
  std::vector<std::vector<std::uint64_t>> by_tag_bits_; // by tag: the same as bits by rank, for long lists only
  std::unordered_map<std::uint64_t, std::vector<Rank>> by_tag_and_section_; // likewise, by tag_and_section
  // Enough for a page's related stories, with room for those of the story's
  // own section and those listed already.
  static constexpr std::size_t sharing_kept = 16;

  std::vector<std::uint32_t> tag_set_of_; // by rank: its set of tags, as an index of the next
  // By set of tags, for a set several stories have: the first sharing_kept
  // stories with all of them, newest first.
  std::vector<std::optional<std::vector<Rank>>> sharing_every_tag_;
};

} // namespace gazette
