// Search over the published stories, built with the snapshot: every word of
// every title and body, folded (case and diacritics: "Odegaard" finds
// "Ødegaard"), pointing at the stories that hold it. A query never touches
// the disk.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace gazette {

// Lowercase ASCII words of `text`, after transliteration.
std::vector<std::string> search_words(std::string_view text);

// The distinct search words of all `texts`, in the order they first
// appear, each followed by a space: how a story's words are kept between
// reloads, compactly.
std::string word_list(const std::vector<std::string_view>& texts);

// A story's words, as word lists: those of its headline, and all it shows.
struct StoryWords {
  std::string title;
  std::string all;
};

// Stories found, by their place in the list the index was built from.
struct SearchResults {
  std::vector<std::uint32_t> hits; // title matches first, then body matches; newest first within each
  std::size_t total = 0;           // before the cap
};

inline constexpr std::size_t max_search_results = 50;

// Each word of a query costs a pass over every story it may begin a word
// of: a request line of 500 one-letter words took half a second at 100,000
// stories. The words beyond these are not searched for.
inline constexpr std::size_t max_query_words = 8;

// The distinct search words of a query, the first max_query_words of them.
std::vector<std::string> query_words(std::string_view query);

// The line above the results: how many were found for what, or what to do.
std::string describe_results(const SearchResults& results, std::string_view query);

// A query as it is shown back to the reader: one line, no control characters.
std::string printable_query(std::string_view text);

class SearchIndex {
public:
  SearchIndex() = default;
  // `stories` newest first; the index keeps none of them.
  explicit SearchIndex(const std::vector<const StoryWords*>& stories);
  // `base` with the words of some stories (by their place) replaced: an
  // edit does not index the whole archive again.
  SearchIndex(std::shared_ptr<const SearchIndex> base, std::map<std::uint32_t, StoryWords> replaced);
  // `base` after stories were published or withdrawn in place: `place_of`
  // gives where each of its stories now is (`withdrawn` if gone), among
  // `story_count`; `replaced` holds the words of the stories new at their
  // place, by that place.
  static constexpr std::uint32_t withdrawn = UINT32_MAX;
  SearchIndex(std::shared_ptr<const SearchIndex> base, const std::vector<std::uint32_t>& place_of, std::size_t story_count,
              std::map<std::uint32_t, StoryWords> replaced);

  // Stories whose words are held apart from the postings (see above).
  std::size_t replaced_count() const { return replaced_.size(); }

  // Every word of `query` must begin a word of the story (so "negotiat"
  // finds "negotiations").
  SearchResults find(std::string_view query, std::size_t cap) const;

  using Postings = std::vector<std::pair<std::string, std::vector<std::uint32_t>>>; // sorted by word

private:
  std::vector<bool> matches(const Postings& postings, const std::string& prefix) const;

  std::size_t story_count_ = 0;
  Postings title_words_;
  Postings all_words_;
  // When words were replaced: the index holding the postings, and the
  // replaced stories' words, which a query reads in full.
  std::shared_ptr<const SearchIndex> base_;
  std::map<std::uint32_t, StoryWords> replaced_;
  // Where each of the stories base_ indexed now is, when any moved.
  std::vector<std::uint32_t> place_of_indexed_;
};

} // namespace gazette
