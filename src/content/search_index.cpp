#include "content/search_index.hpp"

#include "text/ascii_transliteration.hpp"
#include "text/eight_bytes.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <array>
#include <bit>
#include <cstring>
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

// 0x80 in each byte of `bytes` (every one below 0x80) that lies in
// [low, high]: the sums cannot carry from one byte into the next.
constexpr std::uint64_t bytes_within(std::uint64_t bytes, unsigned low, unsigned high) {
  return (bytes + each_byte * (0x80 - low)) & ~(bytes + each_byte * (0x7F - high)) & high_bits;
}

// Eight bytes of text at once, as `word_bytes` reads each of them.
struct EightWordBytes {
  std::uint64_t word_bytes; // 0x80 in each byte that is an ASCII letter or digit
  std::uint64_t folded;     // the bytes with letters lowercased; others as they were
};

constexpr EightWordBytes eight_word_bytes(std::uint64_t bytes) {
  const std::uint64_t ascii = ~bytes & high_bits;
  const std::uint64_t low7 = bytes & ~high_bits;
  const std::uint64_t letters = bytes_within(low7 | each_byte * 0x20, 'a', 'z') & ascii;
  const std::uint64_t digits = bytes_within(low7, '0', '9') & ascii;
  return {letters | digits, bytes | letters >> 2}; // 0x80 >> 2 is the case bit
}

// The eight-byte reading agrees with the table for a byte in first place.
static_assert([] {
  for (unsigned c = 0; c < 256; ++c) {
    const EightWordBytes read = eight_word_bytes(c);
    const bool in_word = (read.word_bytes & 0x80) != 0;
    if (in_word != (word_bytes[c] != 0) || (in_word && static_cast<char>(read.folded) != word_bytes[c])) return false;
  }
  return true;
}());

// The postings of every word of many word lists, gathered story by story.
// Each distinct word is held once, as a view into the word list it first
// came in (the lists outlive the builder), and found again through an
// open-addressed table: a capsule's lists hold tens of millions of words,
// most of them repeats of a few thousand.
class PostingsBuilder {
public:
  // Every word of `list` (see word_list) is in the story numbered `id`;
  // stories come in increasing order.
  void add(std::string_view list, std::uint32_t id) {
    for (std::size_t start = 0, end; start < list.size(); start = end + 1) {
      end = std::min(list.find(' ', start), list.size());
      std::vector<std::uint32_t>& ids = ids_of(list.substr(start, end - start));
      if (ids.empty() || ids.back() != id) ids.push_back(id);
    }
  }

  // In word order, for prefix search.
  SearchIndex::Postings sorted() && {
    SearchIndex::Postings postings;
    postings.reserve(entries_.size());
    for (auto& entry : entries_) postings.emplace_back(std::string(entry.word), std::move(entry.ids));
    std::sort(postings.begin(), postings.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    return postings;
  }

private:
  struct Entry {
    std::string_view word;
    std::uint64_t hash;
    std::vector<std::uint32_t> ids;
  };

  static std::uint64_t hash_of(std::string_view word) {
    std::uint64_t hash = 0xcbf29ce484222325u; // FNV-1a
    for (char c : word) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3u;
    return hash;
  }

  std::vector<std::uint32_t>& ids_of(std::string_view word) {
    const std::uint64_t hash = hash_of(word);
    std::size_t slot = hash & (table_.size() - 1);
    for (std::uint32_t held; (held = table_[slot]) != 0; slot = (slot + 1) & (table_.size() - 1))
      if (entries_[held - 1].hash == hash && entries_[held - 1].word == word) return entries_[held - 1].ids;
    entries_.push_back({word, hash, {}});
    table_[slot] = static_cast<std::uint32_t>(entries_.size());
    if (2 * entries_.size() > table_.size()) {
      table_.assign(2 * table_.size(), 0);
      for (std::size_t i = 0; i < entries_.size(); ++i) {
        std::size_t free = entries_[i].hash & (table_.size() - 1);
        while (table_[free] != 0) free = (free + 1) & (table_.size() - 1);
        table_[free] = static_cast<std::uint32_t>(i + 1);
      }
    }
    return entries_.back().ids;
  }

  std::vector<Entry> entries_;
  std::vector<std::uint32_t> table_ = std::vector<std::uint32_t>(1024, 0); // 0 is empty, else 1 + index in entries_
};

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

bool transliterates_to_separators(char32_t code_point) {
  return code_point == 0xA0 || code_point == 0xAB || code_point == 0xBB || (code_point >= 0x2000 && code_point <= 0x206F);
}

namespace {

// Whether every code point of `text` outside ASCII is one of those: then
// its bytes can be read as separators where they are, as the fold below
// reads every byte outside ASCII, and the text needs no transliteration.
// News text mostly holds no other: curly quotes, dashes, ellipses.
bool only_separators_beyond_ascii(std::string_view text) {
  return every_code_point_beyond_ascii(text, transliterates_to_separators);
}

// The first eight bytes at `bytes`, the rest zero when `size` is smaller.
// The caller guarantees eight readable bytes.
std::uint64_t head_of(const char* bytes, std::size_t size) {
  const std::uint64_t head = eight_bytes(bytes);
  return size >= 8 ? head : head & ((std::uint64_t{1} << (8 * size)) - 1);
}

// Writes the word at `in` to `out` as a word list holds it, leaves `in`
// past it and returns its size. While eight bytes remain, it takes eight a
// step and stores all eight, so `out` must have room for eight bytes more
// than the text has left.
std::size_t fold_word(const char*& in, const char* in_end, char* out) {
  char* const first = out;
  for (; in_end - in >= 8; in += 8, out += 8) {
    const EightWordBytes read = eight_word_bytes(eight_bytes(in));
    std::memcpy(out, &read.folded, sizeof read.folded);
    if (const std::uint64_t stops = ~read.word_bytes & high_bits) {
      const auto kept = std::countr_zero(stops) / 8;
      in += kept;
      return static_cast<std::size_t>(out + kept - first);
    }
  }
  for (char folded; in != in_end && (folded = word_bytes[static_cast<unsigned char>(*in)]) != 0; ++in) *out++ = folded;
  return static_cast<std::size_t>(out - first);
}

} // namespace

std::string word_list(const std::vector<std::string_view>& texts) {
  // One pass over each text folds its words into `list` as they are read;
  // a word already in the list is taken back at once. An open-addressed
  // table of the words kept finds repeats (a hash set would allocate a node
  // per word): a story uses each of its words many times. A word is hashed
  // and compared by its first eight bytes, read as one number, which covers
  // most words whole; the table holds them, so that telling a repeat needs
  // no second lookup.
  struct Word {
    std::uint64_t head;
    std::uint32_t offset, size; // size 0: an empty slot
  };
  constexpr std::size_t slack = 8; // past the list's end, so that head_of may read eight bytes anywhere
  std::string list;
  std::vector<Word> table(64, Word{0, 0, 0});
  std::size_t kept = 0;
  auto hash_of = [&](std::uint64_t head, std::size_t start, std::size_t size) {
    std::uint64_t hash = (head ^ size) * 0x9E3779B97F4A7C15u;
    for (std::size_t at = 8; at < size; at += 8)
      hash = (hash ^ head_of(list.data() + start + at, size - at)) * 0x9E3779B97F4A7C15u;
    return hash ^ (hash >> 32);
  };
  // Where the list goes on after the word at [start, end): past it and its
  // space when it is new, back at its start when it is a repeat.
  auto keep_if_new = [&](std::size_t start, std::size_t end) {
    const std::size_t size = end - start;
    const std::uint64_t head = head_of(list.data() + start, size);
    const std::size_t mask = table.size() - 1;
    std::size_t slot = hash_of(head, start, size) & mask;
    for (; table[slot].size != 0; slot = (slot + 1) & mask) {
      const Word& held = table[slot];
      if (held.head == head && held.size == size &&
          (size <= 8 || std::memcmp(list.data() + held.offset + 8, list.data() + start + 8, size - 8) == 0))
        return start;
    }
    table[slot] = {head, static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(size)};
    if (2 * ++kept > table.size()) {
      std::vector<Word> held(2 * table.size(), Word{0, 0, 0});
      for (const Word& word : table) {
        if (word.size == 0) continue;
        std::size_t free = hash_of(word.head, word.offset, word.size) & (held.size() - 1);
        while (held[free].size != 0) free = (free + 1) & (held.size() - 1);
        held[free] = word;
      }
      table = std::move(held);
    }
    list[end] = ' ';
    return end + 1;
  };

  std::string transliterated;
  for (std::string_view given : texts) {
    const std::string_view text = only_separators_beyond_ascii(given) ? given : ascii_text(given, transliterated);
    std::size_t end = list.size();
    // Each word kept takes its bytes and a space, never more than the text
    // (and the one space after its last word); fold_word's eight-byte
    // stores reach no further than the text's own eight bytes.
    list.resize(end + text.size() + 1 + slack);
    // Plain pointers for the byte loops: through the string itself, every
    // byte stored would make the compiler read its bounds again.
    const char* in = text.data();
    const char* const in_end = in + text.size();
    for (;;) {
      while (in != in_end && word_bytes[static_cast<unsigned char>(*in)] == 0) ++in;
      if (in == in_end) break;
      const std::size_t start = end;
      end += fold_word(in, in_end, list.data() + end);
      end = keep_if_new(start, end);
    }
    list.resize(end);
  }
  list.shrink_to_fit();
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
  const std::vector<std::string> words = search_words(query);
  if (words.empty()) return results;
  std::vector<bool> in_title(story_count_, true), anywhere(story_count_, true);
  for (const auto& word : words) {
    const auto title_hits = matches(title_words_, word);
    const auto all_hits = matches(all_words_, word);
    for (std::size_t id = 0; id < story_count_; ++id) {
      in_title[id] = in_title[id] && title_hits[id];
      anywhere[id] = anywhere[id] && all_hits[id];
    }
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
  if (results.total == 0) {
    // A Gopher client sends what was typed, even nothing; so may a Gemini one.
    if (search_words(query).empty()) return "Type one or more words to search for.";
    return fmt::format("No stories found for \"{}\".", query);
  }
  std::string line = fmt::format("{} {} found for \"{}\".", results.total, results.total == 1 ? "story" : "stories", query);
  if (results.total > results.hits.size()) line += fmt::format(" The first {} are shown.", results.hits.size());
  return line;
}

std::string printable_query(std::string_view text) {
  std::string out;
  for (unsigned char c : text) out += c < 0x20 || c == 0x7F ? ' ' : static_cast<char>(c);
  return out;
}

} // namespace gazette
