#include "content/search_index.hpp"

#include "text/ascii_transliteration.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace gazette {

namespace {

// Letters and digits make up search words; every other byte separates them.
bool is_word_byte(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

char lowercase(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Calls `take` with each search word of `text`, in order.
template <class Take>
void for_each_search_word(std::string_view text, Take take) {
  std::string transliterated, word;
  for (char c : ascii_text(text, transliterated)) {
    if (is_word_byte(c)) {
      word += lowercase(c);
    } else if (!word.empty()) {
      take(word);
      word.clear();
    }
  }
  if (!word.empty()) take(word);
}

// The postings of every word of many word lists, gathered story by story.
// Each distinct word is held once, as a view into the word list it first
// came in (the lists outlive the builder).
class PostingsBuilder {
public:
  // Every word of `list` (see word_list) is in the story numbered `id`;
  // stories come in increasing order.
  void add(std::string_view list, std::uint32_t id) {
    for (std::size_t start = 0, end; start < list.size(); start = end + 1) {
      end = std::min(list.find(' ', start), list.size());
      std::vector<std::uint32_t>& ids = ids_[list.substr(start, end - start)];
      if (ids.empty() || ids.back() != id) ids.push_back(id);
    }
  }

  // In word order, for prefix search.
  SearchIndex::Postings sorted() && {
    SearchIndex::Postings postings;
    postings.reserve(ids_.size());
    for (auto& [word, ids] : ids_) postings.emplace_back(std::string(word), std::move(ids));
    std::sort(postings.begin(), postings.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    return postings;
  }

private:
  std::unordered_map<std::string_view, std::vector<std::uint32_t>> ids_;
};

// Whether every one of `words` begins a word of `list` (see word_list).
bool begins_words(std::string_view list, const std::vector<std::string>& words) {
  for (const auto& word : words) {
    bool found = false;
    for (std::size_t start = 0, end; !found && start < list.size(); start = end + 1) {
      end = std::min(list.find(' ', start), list.size());
      found = list.substr(start, end - start).starts_with(word);
    }
    if (!found) return false;
  }
  return true;
}

} // namespace

std::vector<std::string> search_words(std::string_view text) {
  std::vector<std::string> words;
  for_each_search_word(text, [&](const std::string& word) { words.push_back(word); });
  return words;
}

namespace {

// Every distinct search word of a query, in the order they come.
std::vector<std::string> distinct_words(std::string_view query) {
  std::vector<std::string> words;
  for (auto& word : search_words(query))
    if (std::find(words.begin(), words.end(), word) == words.end()) words.push_back(std::move(word));
  return words;
}

} // namespace

std::vector<std::string> query_words(std::string_view query) {
  std::vector<std::string> words = distinct_words(query);
  if (words.size() > max_query_words) words.resize(max_query_words);
  return words;
}

std::string word_list(const std::vector<std::string_view>& texts) {
  std::string list;
  std::unordered_set<std::string> kept;
  for (std::string_view text : texts)
    for_each_search_word(text, [&](const std::string& word) {
      if (kept.insert(word).second) list.append(word) += ' ';
    });
  return list;
}

SearchIndex::SearchIndex(const std::vector<const StoryWords*>& stories) : story_count_(stories.size()) {
  PostingsBuilder titles, all;
  for (std::uint32_t id = 0; id < stories.size(); ++id) {
    titles.add(stories[id]->title, id);
    all.add(stories[id]->all, id);
  }
  title_words_ = std::move(titles).sorted();
  all_words_ = std::move(all).sorted();
}

SearchIndex::SearchIndex(std::shared_ptr<const SearchIndex> base, std::map<std::uint32_t, StoryWords> replaced)
    : story_count_(base->story_count_), base_(base->base_ ? base->base_ : base), replaced_(std::move(replaced)),
      place_of_indexed_(base->place_of_indexed_) {
  // Replacements do not stack: one index holds the postings, this one every
  // story replaced since, the newest words of each.
  for (const auto& [id, words] : base->replaced_) replaced_.try_emplace(id, words);
}

SearchIndex::SearchIndex(std::shared_ptr<const SearchIndex> base, const std::vector<std::uint32_t>& place_of,
                         std::size_t story_count, std::map<std::uint32_t, StoryWords> replaced)
    : story_count_(story_count), base_(base->base_ ? base->base_ : base), replaced_(std::move(replaced)) {
  auto moved = [&](std::uint32_t place) { return place < place_of.size() ? place_of[place] : withdrawn; };
  place_of_indexed_.resize(base_->story_count_);
  for (std::uint32_t id = 0; id < place_of_indexed_.size(); ++id)
    place_of_indexed_[id] = moved(base->place_of_indexed_.empty() ? id : base->place_of_indexed_[id]);
  for (const auto& [id, words] : base->replaced_)
    if (const std::uint32_t place = moved(id); place != withdrawn) replaced_.try_emplace(place, words);
}

std::vector<bool> SearchIndex::matches(const Postings& postings, const std::string& prefix) const {
  std::vector<bool> hit(story_count_, false);
  auto it = std::lower_bound(postings.begin(), postings.end(), prefix,
                             [](const auto& entry, const std::string& word) { return entry.first < word; });
  for (; it != postings.end() && it->first.starts_with(prefix); ++it)
    for (std::uint32_t id : it->second) hit[id] = true;
  return hit;
}

SearchResults SearchIndex::find(std::string_view query, std::size_t cap) const {
  SearchResults results;
  const std::vector<std::string> words = query_words(query);
  if (words.empty()) return results;
  const SearchIndex& indexed = base_ ? *base_ : *this;
  std::vector<bool> in_title(indexed.story_count_, true), anywhere(indexed.story_count_, true);
  for (const auto& word : words) {
    const auto title_hits = indexed.matches(indexed.title_words_, word);
    const auto all_hits = indexed.matches(indexed.all_words_, word);
    for (std::size_t id = 0; id < indexed.story_count_; ++id) {
      in_title[id] = in_title[id] && title_hits[id];
      anywhere[id] = anywhere[id] && all_hits[id];
    }
  }
  if (!place_of_indexed_.empty()) {
    std::vector<bool> title_now(story_count_, false), anywhere_now(story_count_, false);
    for (std::size_t id = 0; id < place_of_indexed_.size(); ++id)
      if (const std::uint32_t place = place_of_indexed_[id]; place != withdrawn) {
        title_now[place] = in_title[id];
        anywhere_now[place] = anywhere[id];
      }
    in_title = std::move(title_now);
    anywhere = std::move(anywhere_now);
  }
  for (const auto& [id, story] : replaced_) {
    in_title[id] = begins_words(story.title, words);
    anywhere[id] = begins_words(story.all, words);
  }
  for (int pass = 0; pass < 2; ++pass)
    for (std::uint32_t id = 0; id < story_count_; ++id) {
      const bool wanted = pass == 0 ? in_title[id] : anywhere[id] && !in_title[id];
      if (!wanted) continue;
      ++results.total;
      if (results.hits.size() < cap) results.hits.push_back(id);
    }
  return results;
}

std::string describe_results(const SearchResults& results, std::string_view query) {
  const std::vector<std::string> words = distinct_words(query);
  // A Gopher client sends what was typed, even nothing; so may a Gemini one.
  if (words.empty()) return "Type one or more words to search for.";
  std::string line = results.total == 0 ? fmt::format("No stories found for \"{}\".", query)
                                        : fmt::format("{} {} found for \"{}\".", results.total,
                                                      results.total == 1 ? "story" : "stories", query);
  if (results.total > results.hits.size()) line += fmt::format(" The first {} are shown.", results.hits.size());
  if (words.size() > max_query_words) line += fmt::format(" Only the first {} words were searched for.", max_query_words);
  return line;
}

std::string printable_query(std::string_view text) {
  std::string out;
  for (unsigned char c : text) out += c < 0x20 || c == 0x7F ? ' ' : static_cast<char>(c);
  return out;
}

} // namespace gazette
