#include "snapshot/outside_links.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace gazette;

TEST_CASE("a link elsewhere stays while any page has it") {
  OutsideLinks links;
  CHECK_FALSE(links.contains("https://example.org/a"));
  links.add("https://example.org/a");
  links.add("https://example.org/a");
  links.add("gemini://example.org/b");
  CHECK(links.size() == 2);
  links.remove("https://example.org/a");
  CHECK(links.contains("https://example.org/a"));
  links.remove("https://example.org/a");
  CHECK_FALSE(links.contains("https://example.org/a"));
  CHECK(links.contains("gemini://example.org/b"));
  // Taking away a link no page has changes nothing.
  links.remove("https://example.org/none");
  CHECK(links.size() == 1);
}

TEST_CASE("a copy of the links is changed apart from the one it was made from") {
  OutsideLinks before;
  for (int i = 0; i < 500; ++i) before.add("https://example.org/" + std::to_string(i));
  OutsideLinks after = before;
  CHECK(after == before);
  after.remove("https://example.org/7");
  after.add("https://example.org/new");
  CHECK(before.contains("https://example.org/7"));
  CHECK_FALSE(before.contains("https://example.org/new"));
  CHECK_FALSE(after.contains("https://example.org/7"));
  CHECK(after.contains("https://example.org/new"));
  CHECK_FALSE(after == before);
  // The same links on a different number of pages are not the same.
  OutsideLinks twice = before;
  twice.add("https://example.org/1");
  CHECK_FALSE(twice == before);
}
