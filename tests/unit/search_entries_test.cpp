#include "snapshot/search_entries.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <stdexcept>
#include <string>
#include <vector>

using namespace gazette;

namespace {

SearchEntry entry(const std::string& name) { return {std::string("=> " + name + "\n"), std::string("0" + name + "\r\n")}; }

std::vector<std::string> names_of(const SearchEntries& entries) {
  std::vector<std::string> names;
  for (std::size_t place = 0; place < entries.size(); ++place) {
    const std::string gemini = entries[place].gemini.joined();
    CHECK(entries[place].gopher.joined() == fmt::format("0{}\r\n", gemini.substr(3, gemini.size() - 4)));
    names.push_back(gemini.substr(3, gemini.size() - 4));
  }
  return names;
}

std::vector<SearchEntry> entries_named(const std::vector<std::string>& names) {
  std::vector<SearchEntry> entries;
  for (const auto& name : names) entries.push_back(entry(name));
  return entries;
}

std::vector<std::string> numbered(std::size_t count) {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < count; ++i) names.push_back(fmt::format("s{}", i));
  return names;
}

} // namespace

TEST_CASE("search entries: each story's entry by its place, however many chunks they take") {
  const std::size_t chunk = SearchEntries::chunk_size;
  for (std::size_t count : {std::size_t{0}, std::size_t{1}, chunk - 1, chunk, chunk + 1, 3 * chunk + 7}) {
    CAPTURE(count);
    const SearchEntries entries(entries_named(numbered(count)));
    CHECK(entries.size() == count);
    CHECK(names_of(entries) == numbered(count));
    CHECK_THROWS_AS(entries[count], std::out_of_range);
  }
}

TEST_CASE("search entries: a story published, withdrawn or changed at any place, as a plain list would have it") {
  const std::size_t chunk = SearchEntries::chunk_size;
  struct Row {
    const char* change;
    std::size_t count; // entries before
    std::size_t place;
  };
  const Row rows[] = {
      {"insert", 0, 0},           {"insert", 1, 0},           {"insert", 1, 1},
      {"insert", chunk, 0},       {"insert", chunk, chunk},   {"insert", 2 * chunk, chunk},
      {"insert", 2 * chunk, chunk - 1}, {"insert", 2 * chunk + 1, 2 * chunk + 1},
      {"erase", 1, 0},            {"erase", chunk, chunk - 1}, {"erase", chunk + 1, chunk},
      {"erase", 2 * chunk, 0},    {"erase", 2 * chunk, chunk}, {"erase", 2 * chunk, 2 * chunk - 1},
      {"replace", 1, 0},          {"replace", 2 * chunk, chunk - 1}, {"replace", 2 * chunk, chunk},
  };
  for (const auto& row : rows) {
    CAPTURE(row.change);
    CAPTURE(row.count);
    CAPTURE(row.place);
    const std::vector<std::string> before = numbered(row.count);
    const SearchEntries entries(entries_named(before));
    std::vector<std::string> expected = before;
    SearchEntries after;
    const std::string change = row.change;
    if (change == "insert") {
      after = entries.inserted(row.place, entry("new"));
      expected.insert(expected.begin() + static_cast<std::ptrdiff_t>(row.place), "new");
    } else if (change == "erase") {
      after = entries.erased(row.place);
      expected.erase(expected.begin() + static_cast<std::ptrdiff_t>(row.place));
    } else {
      after = entries.replaced(row.place, entry("new"));
      expected[row.place] = "new";
    }
    CHECK(names_of(after) == expected);
    CHECK(names_of(entries) == before); // the entries it was made from are unchanged
  }
}

TEST_CASE("search entries: a place past the last story is refused") {
  const SearchEntries entries(entries_named(numbered(3)));
  CHECK_THROWS_AS(entries.inserted(4, entry("new")), std::out_of_range);
  CHECK_THROWS_AS(entries.erased(3), std::out_of_range);
  CHECK_THROWS_AS(entries.replaced(3, entry("new")), std::out_of_range);
  CHECK_THROWS_AS(SearchEntries().erased(0), std::out_of_range);
}

TEST_CASE("search entries: many changes in a row agree with a plain list") {
  // Enough insertions in one place to split its chunk many times, and
  // enough withdrawals to empty chunks.
  std::vector<std::string> expected = numbered(2 * SearchEntries::chunk_size);
  SearchEntries entries(entries_named(expected));
  std::uint32_t seed = 7;
  auto next = [&seed] { return seed = seed * 1664525u + 1013904223u; };
  for (int step = 0; step < 6000; ++step) {
    const std::string name = fmt::format("n{}", step);
    const std::uint32_t roll = next() >> 8;
    if (roll % 3 != 0 || expected.empty()) {
      // Mostly at the top, as new stories are.
      const std::size_t place = roll % 4 == 0 ? (next() >> 8) % (expected.size() + 1) : 0;
      entries = entries.inserted(place, entry(name));
      expected.insert(expected.begin() + static_cast<std::ptrdiff_t>(place), name);
    } else {
      const std::size_t place = (next() >> 8) % expected.size();
      entries = entries.erased(place);
      expected.erase(expected.begin() + static_cast<std::ptrdiff_t>(place));
    }
  }
  CHECK(entries.size() == expected.size());
  CHECK(names_of(entries) == expected);
}
