#include "content/search_index.hpp"

#include "text/ascii_transliteration.hpp"

#include <algorithm>
#include <cctype>
#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace gazette;

TEST_CASE("search words: folded to lowercase ASCII, split at anything but letters and digits") {
  struct Row {
    std::string text;
    std::vector<std::string> words;
  };
  const Row rows[] = {
      {"", {}},
      {"  ,;  ", {}},
      {"Pier", {"pier"}},
      {"$320M US pier, 5/17", {"320m", "us", "pier", "5", "17"}},
      {"\xC3\x98" "degaard\xE2\x80\x94" "caf\xC3\xA9", {"odegaard", "cafe"}},
      {"\xE2\x80\x9CQuietly\xE2\x80\x9D talking", {"quietly", "talking"}},
      {"one one ONE", {"one", "one", "one"}},
  };
  for (const auto& row : rows) {
    CAPTURE(row.text);
    CHECK(search_words(row.text) == row.words);
  }
}

TEST_CASE("search words: every ASCII byte but a letter or digit separates words") {
  for (int c = 0; c < 0x80; ++c) {
    CAPTURE(c);
    const std::string text = std::string("a") + static_cast<char>(c) + "b";
    const std::vector<std::string> expected =
        std::isalnum(c) ? std::vector<std::string>{std::string("a") + static_cast<char>(std::tolower(c)) + "b"}
                        : std::vector<std::string>{"a", "b"};
    CHECK(search_words(text) == expected);
  }
}

TEST_CASE("a story's word list: its distinct words from every text, in first-seen order, each followed by a space") {
  struct Row {
    std::vector<std::string_view> texts;
    std::string list;
  };
  const Row rows[] = {
      {{}, ""},
      {{"", "  "}, ""},
      {{"Talks resume"}, "talks resume "},
      {{"the talks, the TALKS", "The envoy"}, "the talks envoy "},
      {{"b a c", "c b a d", "a"}, "b a c d "},
      {{"caf\xC3\xA9 Cafe cafe"}, "cafe "},
      {{"word1 word10 word1"}, "word1 word10 "},
      {{"caf\xC3\xA9\xE2\x80\x94" "d\xC3\xA9j\xC3\xA0"}, "cafe deja "},
  };
  for (const auto& row : rows) {
    CAPTURE(row.list);
    CHECK(word_list(row.texts) == row.list);
  }
  // Many distinct words, each seen twice.
  std::string text, expected;
  for (int i = 999; i >= 100; --i) text += fmt::format("w{0} w{0} ", i);
  for (int i = 999; i >= 100; --i) expected += fmt::format("w{} ", i);
  CHECK(word_list({text}) == expected);
}

namespace {

// What a word list must be: every text's search words, each kept the first
// time it is seen.
std::string plain_word_list(const std::vector<std::string_view>& texts) {
  std::vector<std::string> seen;
  for (std::string_view text : texts)
    for (const auto& word : search_words(text))
      if (std::find(seen.begin(), seen.end(), word) == seen.end()) seen.push_back(word);
  std::string list;
  for (const auto& word : seen) list += word + " ";
  return list;
}

} // namespace

TEST_CASE("a story's word list agrees with a plain rule on random texts") {
  const std::string pieces[] = {"aid", "Aid", "AID", "talks", "t", "caf\xC3\xA9", "cafe", " ", ", ", "--", "\xE2\x80\x9C",
                                "9", "a1", "Zz", "quietly", "\xC3\x98" "degaard", "\xE2\x80\x94", "\xC2\xA0",
                                "\xE2\x80\xA6", "\xC2\xAB", "negotiations", "Negotiationsx", "ceasefire12345678",
                                "ceasefire12345679", "\xC2\xB2", "Q@R[S`T{U/V:W\x7FX", "AZaz09AZaz09"};
  std::uint32_t seed = 11;
  auto next = [&seed] { return seed = seed * 1664525u + 1013904223u; };
  for (int round = 0; round < 500; ++round) {
    std::vector<std::string> owned(1 + next() % 4);
    for (auto& text : owned)
      for (std::size_t k = next() % 200; k > 0; --k) text += pieces[(next() >> 8) % std::size(pieces)] + std::string((next() >> 9) % 2, ' ');
    const std::vector<std::string_view> texts(owned.begin(), owned.end());
    CHECK(word_list(texts) == plain_word_list(texts));
  }
}

TEST_CASE("search index: finds what a plain scan of every story finds, in the same order") {
  // Stories with thousands of distinct words between them, so the index's
  // tables grow many times; the rule written out plainly is the reference.
  std::vector<StoryWords> stories;
  std::uint32_t seed = 5;
  auto next = [&seed] { return seed = seed * 1664525u + 1013904223u; };
  auto word = [&] { return fmt::format("w{}", (next() >> 8) % 4000); };
  for (int i = 0; i < 600; ++i) {
    const std::string title = word() + " " + word();
    const std::string summary = word() + ", " + word() + " " + word();
    stories.push_back({word_list({title}), word_list({title, summary})});
  }
  std::vector<const StoryWords*> newest_first;
  for (const auto& story : stories) newest_first.push_back(&story);
  const SearchIndex index(newest_first);

  auto expected = [&](const std::vector<std::string>& query) {
    auto holds_all = [&](const std::string& list) {
      const std::string spaced = " " + list;
      return std::all_of(query.begin(), query.end(), [&](const std::string& prefix) {
        return spaced.find(" " + prefix) != std::string::npos;
      });
    };
    std::vector<std::uint32_t> titles, bodies;
    for (std::uint32_t id = 0; id < stories.size(); ++id) {
      if (holds_all(stories[id].title)) titles.push_back(id);
      else if (holds_all(stories[id].all)) bodies.push_back(id);
    }
    titles.insert(titles.end(), bodies.begin(), bodies.end());
    return titles;
  };
  std::size_t found = 0;
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> query{word()};
    if (round % 3 == 0) query.push_back(word());
    if (round % 5 == 0) query[0].resize(query[0].size() - 1); // a prefix: "w12" finds w12, w120...
    std::string text;
    for (const auto& w : query) text += w + " ";
    CAPTURE(text);
    const SearchResults results = index.find(text, 1000);
    const auto wanted = expected(query);
    CHECK(results.total == wanted.size());
    CHECK(results.hits == wanted);
    found += wanted.size();
  }
  CHECK(found > 300); // the queries do find stories, in titles and bodies
}

TEST_CASE("search index: stories' words replaced find what an index built afresh finds") {
  std::vector<StoryWords> stories;
  std::uint32_t seed = 11;
  auto next = [&seed] { return seed = seed * 1664525u + 1013904223u; };
  auto word = [&] { return fmt::format("w{}", (next() >> 8) % 300); };
  auto story = [&] {
    const std::string title = word() + " " + word();
    return StoryWords{word_list({title}), word_list({title, word() + " " + word() + " " + word()})};
  };
  for (int i = 0; i < 200; ++i) stories.push_back(story());
  auto index_of = [](const std::vector<StoryWords>& all) {
    std::vector<const StoryWords*> newest_first;
    for (const auto& one : all) newest_first.push_back(&one);
    return std::make_shared<const SearchIndex>(newest_first);
  };
  auto index = index_of(stories);
  // Two rounds of edits: the second replaces some stories the first did, and others.
  for (const std::uint32_t first_edited : {0u, 5u}) {
    std::map<std::uint32_t, StoryWords> replaced;
    for (std::uint32_t id = first_edited; id < stories.size(); id += 10) replaced[id] = stories[id] = story();
    index = std::make_shared<const SearchIndex>(index, replaced);
  }
  CHECK(index->replaced_count() == 40);
  const auto fresh = index_of(stories);
  std::size_t found = 0;
  for (int round = 0; round < 200; ++round) {
    std::string query = word();
    if (round % 3 == 0) query.append(" ").append(word());
    if (round % 5 == 0) query.pop_back(); // a prefix
    CAPTURE(query);
    const SearchResults results = index->find(query, 1000);
    CHECK(results.hits == fresh->find(query, 1000).hits);
    CHECK(results.total == fresh->find(query, 1000).total);
    found += results.total;
  }
  CHECK(found > 100);
}

TEST_CASE("search index: stories published and withdrawn in place find what an index built afresh finds") {
  std::vector<StoryWords> stories;
  std::uint32_t seed = 23;
  auto next = [&seed] { return seed = seed * 1664525u + 1013904223u; };
  auto word = [&] { return fmt::format("w{}", (next() >> 8) % 300); };
  auto story = [&] {
    const std::string title = word() + " " + word();
    return StoryWords{word_list({title}), word_list({title, word() + " " + word() + " " + word()})};
  };
  for (int i = 0; i < 150; ++i) stories.push_back(story());
  auto index_of = [](const std::vector<StoryWords>& all) {
    std::vector<const StoryWords*> newest_first;
    for (const auto& one : all) newest_first.push_back(&one);
    return std::make_shared<const SearchIndex>(newest_first);
  };
  auto index = index_of(stories);
  // Rounds that publish a story at the top, in the middle or at the end,
  // withdraw one, or replace one's words: each on top of the last.
  for (int round = 0; round < 30; ++round) {
    CAPTURE(round);
    const auto count = static_cast<std::uint32_t>(stories.size());
    std::vector<std::uint32_t> place_of(count);
    std::map<std::uint32_t, StoryWords> replaced;
    const std::uint32_t at = round % 3 == 0 ? 0 : (round % 3 == 1 ? count : (next() >> 8) % count);
    if (round % 4 == 3) {
      const std::uint32_t gone = at % count;
      for (std::uint32_t i = 0; i < count; ++i) place_of[i] = i < gone ? i : (i == gone ? SearchIndex::withdrawn : i - 1);
      stories.erase(stories.begin() + gone);
    } else {
      for (std::uint32_t i = 0; i < count; ++i) place_of[i] = i < at ? i : i + 1;
      stories.insert(stories.begin() + at, story());
      replaced[at] = stories[at];
    }
    if (round % 5 == 0) replaced[1] = stories[1] = story();
    index = std::make_shared<const SearchIndex>(index, place_of, stories.size(), replaced);
    const auto fresh = index_of(stories);
    for (int query_round = 0; query_round < 20; ++query_round) {
      std::string query = word();
      if (query_round % 3 == 0) query.append(" ").append(word());
      CAPTURE(query);
      CHECK(index->find(query, 1000).hits == fresh->find(query, 1000).hits);
    }
  }
  // Every story published since the index was built is held apart, and some words still find stories.
  CHECK(index->replaced_count() >= 15);
  CHECK(index->find(stories[0].title.substr(0, stories[0].title.find(' ')), 1000).total > 0);
}

TEST_CASE("a query's words: distinct, and no more than eight") {
  struct Row {
    std::string query;
    std::vector<std::string> words;
  };
  const Row rows[] = {
      {"", {}},
      {"Pier pier PIER", {"pier"}},
      {"a b a c b", {"a", "b", "c"}},
      {"w1 w2 w3 w4 w5 w6 w7 w8 w9 w10", {"w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8"}},
      {"w1 w1 w2 w3 w4 w5 w6 w7 w8 w9", {"w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8"}},
  };
  for (const auto& row : rows) {
    CAPTURE(row.query);
    CHECK(query_words(row.query) == row.words);
  }
}

TEST_CASE("search index: words past the eighth are not searched for, and the line above the results says so") {
  const std::vector<StoryWords> stories{{word_list({"pier opens"}), word_list({"pier opens", "a b c d e f g"})},
                                        {word_list({"talks"}), word_list({"talks", "a b"})}};
  const SearchIndex index({&stories[0], &stories[1]});
  // "zzz" is in no story: as the ninth word it is not searched for.
  const SearchResults results = index.find("pier a b c d e f g zzz", 10);
  CHECK(results.hits == std::vector<std::uint32_t>{0});
  CHECK(index.find("pier a b c d e f zzz", 10).total == 0);

  struct Row {
    std::string query;
    std::size_t total;
    std::string line;
  };
  const Row rows[] = {
      {"", 0, "Type one or more words to search for."},
      {"zzz", 0, "No stories found for \"zzz\"."},
      {"pier", 1, "1 story found for \"pier\"."},
      {"a a a a a a a a a a a", 1, "1 story found for \"a a a a a a a a a a a\"."},
      {"pier a b c d e f g zzz", 1,
       "1 story found for \"pier a b c d e f g zzz\". Only the first 8 words were searched for."},
      {"q r s t u v w x y", 0, "No stories found for \"q r s t u v w x y\". Only the first 8 words were searched for."},
  };
  for (const auto& row : rows) {
    CAPTURE(row.query);
    SearchResults counted;
    counted.total = row.total;
    counted.hits.resize(row.total);
    CHECK(describe_results(counted, row.query) == row.line);
  }
}
