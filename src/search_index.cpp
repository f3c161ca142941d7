#include "search_index.hpp"

#include "ascii_transliteration.hpp"
#include "string_hash.hpp"

#include <algorithm>
#include <unordered_map>

namespace gazette {

namespace {

// Appends the lowercase ASCII words of `text`, after transliteration, to
// `out`, each followed by a space.
void append_words(std::string_view text, std::string& out) {
  const std::string ascii = to_ascii(text);
  const std::size_t from = out.size();
  out.resize(from + ascii.size() + 1); // the words and their spaces never take more
  char* end = out.data() + from;
  bool in_word = false;
  for (char c : ascii) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      *end++ = c;
      in_word = true;
    } else if (in_word) {
      *end++ = ' ';
      in_word = false;
    }
  }
  if (in_word) *end++ = ' ';
  out.resize(static_cast<std::size_t>(end - out.data()));
}

std::vector<std::string_view> split_words(std::string_view list) {
  std::vector<std::string_view> words;
  for (std::size_t start = 0, end; start < list.size(); start = end + 1) {
    end = list.find(' ', start);
    words.push_back(list.substr(start, end - start));
  }
  return words;
}

using WordIndex = std::unordered_map<std::string, std::vector<std::uint32_t>, StringHash, std::equal_to<>>;

// Postings in word order, for prefix search.
SearchIndex::Postings sorted_postings(WordIndex&& index) {
  SearchIndex::Postings postings;
  postings.reserve(index.size());
  for (auto& [word, ids] : index) postings.emplace_back(word, std::move(ids));
  std::sort(postings.begin(), postings.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return postings;
}

void add_words(WordIndex& index, std::string_view list, std::uint32_t id) {
  for (std::string_view word : split_words(list)) {
    auto found = index.find(word);
    if (found == index.end()) found = index.emplace(std::string(word), std::vector<std::uint32_t>{}).first;
    auto& postings = found->second;
    if (postings.empty() || postings.back() != id) postings.push_back(id);
  }
}

} // namespace

std::vector<std::string> search_words(std::string_view text) {
  std::string list;
  append_words(text, list);
  std::vector<std::string> words;
  for (std::string_view word : split_words(list)) words.emplace_back(word);
  return words;
}

std::string word_list(const std::vector<std::string_view>& texts) {
  std::string all;
  for (std::string_view text : texts) append_words(text, all);
  // A story uses each of its words many times: only the distinct ones are
  // sorted, found through an open-addressed table of positions in `words`
  // (a hash set would allocate a node per word).
  const std::vector<std::string_view> every = split_words(all);
  std::size_t slots = 16;
  while (slots < 2 * every.size()) slots *= 2;
  std::vector<std::uint32_t> table(slots, 0); // 0 is empty, else 1 + index in words
  std::vector<std::string_view> words;
  for (std::string_view word : every) {
    std::size_t slot = std::hash<std::string_view>{}(word) & (slots - 1);
    while (table[slot] != 0 && words[table[slot] - 1] != word) slot = (slot + 1) & (slots - 1);
    if (table[slot] != 0) continue;
    words.push_back(word);
    table[slot] = static_cast<std::uint32_t>(words.size());
  }
  std::sort(words.begin(), words.end());
  std::size_t size = 0;
  for (std::string_view word : words) size += word.size() + 1;
  std::string list;
  list.reserve(size);
  for (std::string_view word : words) {
    list += word;
    list += ' ';
  }
  return list;
}

SearchIndex::SearchIndex(const Publication& publication, const RendersByArticle& renders) {
  WordIndex titles, all;
  for (const Article* article : publication.published) {
    const auto id = static_cast<std::uint32_t>(entries_.size());
    entries_.push_back({article->path(), article->title, article->teaser(), article->date.day()});
    const ArticleRenders& rendered = *renders.at(article);
    add_words(titles, rendered.title_words, id);
    add_words(all, rendered.all_words, id);
  }
  title_words_ = sorted_postings(std::move(titles));
  all_words_ = sorted_postings(std::move(all));
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
