#include "search_index.hpp"

#include "ascii_transliteration.hpp"

#include <algorithm>
#include <map>

namespace gazette {

std::vector<std::string> search_words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : to_ascii(text)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) word += c;
    else if (c >= 'A' && c <= 'Z') word += static_cast<char>(c - 'A' + 'a');
    else if (!word.empty()) words.push_back(std::move(word)), word.clear();
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

namespace {

void add_words(std::map<std::string, std::vector<std::uint32_t>>& index, const std::vector<std::string>& words,
               std::uint32_t id) {
  for (const auto& word : words) {
    auto& postings = index[word];
    if (postings.empty() || postings.back() != id) postings.push_back(id);
  }
}

} // namespace

SearchIndex::SearchIndex(const Publication& publication, const RendersByArticle& renders) {
  std::map<std::string, std::vector<std::uint32_t>> titles, all;
  for (const Article* article : publication.published) {
    const auto id = static_cast<std::uint32_t>(entries_.size());
    entries_.push_back({article->path(), article->title, article->teaser(), article->date.day()});
    const ArticleRenders& rendered = *renders.at(article);
    add_words(titles, rendered.title_words, id);
    add_words(all, rendered.all_words, id);
  }
  title_words_.assign(titles.begin(), titles.end());
  all_words_.assign(all.begin(), all.end());
}

std::vector<bool> SearchIndex::matches(const Postings& postings, const std::string& prefix) const {
  std::vector<bool> hit(entries_.size(), false);
  auto it = std::lower_bound(postings.begin(), postings.end(), prefix,
                             [](const auto& entry, const std::string& word) { return entry.first < word; });
  for (; it != postings.end() && it->first.starts_with(prefix); ++it)
    for (std::uint32_t id : it->second) hit[id] = true;
  return hit;
}

SearchResults SearchIndex::find(std::string_view query, std::size_t cap) const {
  SearchResults results;
  const std::vector<std::string> words = search_words(query);
  if (words.empty()) return results;
  std::vector<bool> in_title(entries_.size(), true), anywhere(entries_.size(), true);
  for (const auto& word : words) {
    const auto title_hits = matches(title_words_, word);
    const auto all_hits = matches(all_words_, word);
    for (std::size_t id = 0; id < entries_.size(); ++id) {
      in_title[id] = in_title[id] && title_hits[id];
      anywhere[id] = anywhere[id] && all_hits[id];
    }
  }
  for (int pass = 0; pass < 2; ++pass)
    for (std::size_t id = 0; id < entries_.size(); ++id) {
      const bool wanted = pass == 0 ? in_title[id] : anywhere[id] && !in_title[id];
      if (!wanted) continue;
      ++results.total;
      if (results.hits.size() < cap) results.hits.push_back(&entries_[id]);
    }
  return results;
}

} // namespace gazette
