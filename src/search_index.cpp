#include "search_index.hpp"

#include "ascii_transliteration.hpp"
#include "string_hash.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>
#include <utility>

namespace gazette {

namespace {

// Each byte as a search word holds it: letters lowercased, digits kept;
// 0 for the bytes that separate words.
constexpr std::array<char, 256> word_bytes = [] {
  std::array<char, 256> bytes{};
  for (int c = '0'; c <= '9'; ++c) bytes[c] = static_cast<char>(c);
  for (int c = 'a'; c <= 'z'; ++c) bytes[c] = static_cast<char>(c);
  for (int c = 'A'; c <= 'Z'; ++c) bytes[c] = static_cast<char>(c - 'A' + 'a');
  return bytes;
}();

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
  std::string transliterated;
  std::vector<std::string> words;
  std::string word;
  for (char c : ascii_text(text, transliterated)) {
    if (const char folded = word_bytes[static_cast<unsigned char>(c)]) word += folded;
    else if (!word.empty()) words.push_back(std::exchange(word, {}));
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::string word_list(const std::vector<std::string_view>& texts) {
  // One pass over each text: its words are folded into `list` as they are
  // read and hashed (FNV-1a) on the way, and a word already in the list is
  // taken back at once. An open-addressed table of positions in `words`
  // finds repeats (a hash set would allocate a node per word): a story uses
  // each of its words many times.
  struct Word {
    std::uint32_t offset, size;
    std::uint64_t hash;
  };
  constexpr std::uint64_t fnv_basis = 0xcbf29ce484222325u, fnv_prime = 0x100000001b3u;
  std::string list;
  std::vector<Word> words;
  std::vector<std::uint32_t> table(64, 0); // 0 is empty, else 1 + index in words
  auto slot_of = [&](std::uint64_t hash, std::string_view word) {
    std::size_t slot = hash & (table.size() - 1);
    while (table[slot] != 0) {
      const Word& held = words[table[slot] - 1];
      if (held.hash == hash && std::string_view(list.data() + held.offset, held.size) == word) break;
      slot = (slot + 1) & (table.size() - 1);
    }
    return slot;
  };
  // Where the list goes on after the word at [start, end): past it and its
  // space when it is new, back at its start when it is a repeat.
  auto keep_if_new = [&](std::size_t start, std::size_t end, std::uint64_t hash) {
    const std::size_t slot = slot_of(hash, std::string_view(list.data() + start, end - start));
    if (table[slot] != 0) return start;
    words.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end - start), hash});
    table[slot] = static_cast<std::uint32_t>(words.size());
    if (2 * words.size() > table.size()) {
      table.assign(2 * table.size(), 0);
      for (std::size_t i = 0; i < words.size(); ++i) {
        std::size_t free = words[i].hash & (table.size() - 1);
        while (table[free] != 0) free = (free + 1) & (table.size() - 1);
        table[free] = static_cast<std::uint32_t>(i + 1);
      }
    }
    list[end] = ' ';
    return end + 1;
  };

  std::string transliterated;
  for (std::string_view given : texts) {
    const std::string_view text = ascii_text(given, transliterated);
    std::size_t end = list.size();
    // Each word kept takes its bytes and a space, never more than the text.
    list.resize(end + text.size() + 1);
    std::size_t start = end;
    std::uint64_t hash = fnv_basis;
    for (char c : text) {
      const char folded = word_bytes[static_cast<unsigned char>(c)];
      if (folded) {
        list[end++] = folded;
        hash = (hash ^ static_cast<unsigned char>(folded)) * fnv_prime;
        continue;
      }
      if (end > start) end = keep_if_new(start, end, hash);
      start = end;
      hash = fnv_basis;
    }
    if (end > start) end = keep_if_new(start, end, hash);
    list.resize(end);
  }
  list.shrink_to_fit();
  return list;
}

SearchIndex::SearchIndex(const Publication& publication, const RendersByArticle& renders) {
  WordIndex titles, all;
  stories_.reserve(publication.published.size());
  for (const Article* article : publication.published) {
    const auto id = static_cast<std::uint32_t>(stories_.size());
    stories_.push_back(renders.at(article));
    add_words(titles, stories_.back()->title_words, id);
    add_words(all, stories_.back()->all_words, id);
  }
  title_words_ = sorted_postings(std::move(titles));
  all_words_ = sorted_postings(std::move(all));
}

std::vector<bool> SearchIndex::matches(const Postings& postings, const std::string& prefix) const {
  std::vector<bool> hit(stories_.size(), false);
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
  std::vector<bool> in_title(stories_.size(), true), anywhere(stories_.size(), true);
  for (const auto& word : words) {
    const auto title_hits = matches(title_words_, word);
    const auto all_hits = matches(all_words_, word);
    for (std::size_t id = 0; id < stories_.size(); ++id) {
      in_title[id] = in_title[id] && title_hits[id];
      anywhere[id] = anywhere[id] && all_hits[id];
    }
  }
  for (int pass = 0; pass < 2; ++pass)
    for (std::size_t id = 0; id < stories_.size(); ++id) {
      const bool wanted = pass == 0 ? in_title[id] : anywhere[id] && !in_title[id];
      if (!wanted) continue;
      ++results.total;
      if (results.hits.size() < cap) results.hits.push_back(stories_[id].get());
    }
  return results;
}

} // namespace gazette
