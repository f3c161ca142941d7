// Search over the published stories, built with the snapshot: every word of
// every title and body, folded (case and diacritics: "Odegaard" finds
// "Ødegaard"), pointing at the stories that hold it. A query never touches
// the disk.
#pragma once
#include "article_renders.hpp"
#include "publication.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace gazette {

// Lowercase ASCII words of `text`, after transliteration.
std::vector<std::string> search_words(std::string_view text);

// Whether transliteration makes `code_point` only bytes that separate
// words (a space, quote, dash, ellipsis...): never a letter or digit.
bool transliterates_to_separators(char32_t code_point);

// The distinct search words of all `texts`, in the order they first
// appear, each followed by a space: how a story's words are kept between
// reloads, compactly.
std::string word_list(const std::vector<std::string_view>& texts);

// A story found is shown as the lists show it: its renders hold its entries.
struct SearchResults {
  std::vector<const ArticleRenders*> hits; // title matches first, then body matches; newest first within each
  std::size_t total = 0;                   // before the cap
};

class SearchIndex {
public:
  SearchIndex() = default;
  SearchIndex(const Publication& publication, const RendersByArticle& renders);

  // Every word of `query` must begin a word of the story (so "negotiat"
  // finds "negotiations").
  SearchResults find(std::string_view query, std::size_t cap) const;

  using Postings = std::vector<std::pair<std::string, std::vector<std::uint32_t>>>; // sorted by word

private:
  std::vector<bool> matches(const Postings& postings, const std::string& prefix) const;

  std::vector<std::shared_ptr<const ArticleRenders>> stories_; // newest first
  Postings title_words_;
  Postings all_words_;
};

} // namespace gazette
