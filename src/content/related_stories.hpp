// Automatic related stories: most shared tags first (a tag counts once
// however often a story names it), then the same section, newest first.
// Built once per load over every published article, so that choosing an
// article's stories walks only the lists that can hold the winners, and
// stops once it has them, instead of scoring every story that shares one of
// its tags.
#pragma once
#include "content/publication.hpp"

#include <cstdint>
#include <functional>
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
  std::uint32_t shared_tag_count(Rank a, Rank b) const;

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

// For a story published in place, where building a finder over every
// story would cost more than the change: how many tags each story shares
// with `article` (each tag counted once; a story sharing none is not in it),
// found from the tags' lists without reading the stories.
using SharedTags = std::unordered_map<const Article*, std::size_t>;
SharedTags count_shared_tags(const Publication& publication, const Article& article);

// The finder's choices for `article`, from `shared` and its section.
void add_related_by_scan(const Publication& publication, const Article& article, std::size_t limit,
                         const SharedTags& shared, std::set<const Article*>& listed, std::vector<RelatedStory>& stories);

// How many of `stories`, the related stories of `article`, the article
// names itself: they come first.
std::size_t named_related_count(const Article& article, const std::vector<RelatedStory>& stories);

// Where `added`, just published and sharing `shared_with_added` tags with
// `article`, ranks among the automatic related stories of `article`, whose
// list is `stories` (the first `explicit_count()` named by the article
// itself, counted only when the list may take it): the place it takes, or
// none when it does not rank there.
std::optional<std::size_t> related_place(const Article& article, const std::vector<RelatedStory>& stories,
                                         const std::function<std::size_t()>& explicit_count, const Article& added,
                                         std::size_t shared_with_added, std::size_t limit);
// Puts `added` at that place, and lets the last story go when the list
// passes `limit`: the list is then what a load would choose.
void insert_related_story(std::vector<RelatedStory>& stories, std::size_t place, const Article& article,
                          const Article& added, std::size_t shared_with_added, std::size_t limit);

} // namespace gazette
