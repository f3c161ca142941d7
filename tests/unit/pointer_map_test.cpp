#include "content/pointer_map.hpp"

#include <doctest/doctest.h>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

using gazette::PointerMap;

TEST_CASE("a pointer map finds what was put in it, and nothing else") {
  std::vector<int> keys(5);
  PointerMap<int, std::string> map;
  CHECK(map.find(&keys[0]) == nullptr);
  CHECK_THROWS_AS(map.at(&keys[0]), std::out_of_range);

  map.insert_or_assign(&keys[0], "zero");
  map.insert_or_assign(&keys[1], "one");
  CHECK(map.size() == 2);
  CHECK(map.at(&keys[0]) == "zero");
  CHECK(*map.find(&keys[1]) == "one");
  CHECK(map.find(&keys[2]) == nullptr);
  CHECK_THROWS_AS(map.at(&keys[2]), std::out_of_range);

  map.insert_or_assign(&keys[0], "nought");
  CHECK(map.size() == 2);
  CHECK(map.at(&keys[0]) == "nought");
}

TEST_CASE("a pointer map keeps every key as it grows, reserved or not") {
  // Heap objects of one size, as a publication's articles are: their
  // addresses differ in a few bits only, the case the hash must spread.
  std::vector<std::unique_ptr<std::string>> keys;
  for (int i = 0; i < 5000; ++i) keys.push_back(std::make_unique<std::string>(std::to_string(i)));
  for (const bool reserved : {false, true}) {
    CAPTURE(reserved);
    PointerMap<std::string, int> map;
    if (reserved) map.reserve(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) map.insert_or_assign(keys[i].get(), static_cast<int>(i));
    CHECK(map.size() == keys.size());
    std::size_t right = 0;
    for (std::size_t i = 0; i < keys.size(); ++i)
      if (const int* value = map.find(keys[i].get()); value && *value == static_cast<int>(i)) ++right;
    CHECK(right == keys.size());
    const std::string elsewhere;
    CHECK(map.find(&elsewhere) == nullptr);
  }
}
