#include "search_index.hpp"

#include <doctest/doctest.h>

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
  };
  for (const auto& row : rows) {
    CAPTURE(row.list);
    CHECK(word_list(row.texts) == row.list);
  }
  // Many distinct words, so the table of words seen grows well past its first size.
  std::string text, expected;
  for (int i = 999; i >= 100; --i) text += "w" + std::to_string(i) + " w" + std::to_string(i) + " ";
  for (int i = 999; i >= 100; --i) expected += "w" + std::to_string(i) + " ";
  CHECK(word_list({text}) == expected);
}
