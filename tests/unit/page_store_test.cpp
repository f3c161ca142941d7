#include "snapshot/page_store.hpp"

#include "base/parallel_for.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace gazette;

namespace {

std::shared_ptr<PageStore> open_store() {
  std::string error;
  auto store = PageStore::open(std::filesystem::temp_directory_path(), error);
  INFO(error);
  REQUIRE(store);
  return store;
}

} // namespace

TEST_CASE("a page store gives back each page as written, in order, empty ones empty") {
  auto store = open_store();
  const std::vector<std::string> pages = {"20 text/gemini\r\n# One\n", "", "A text\r\n", std::string(70'000, 'x'), "z"};
  const std::vector<std::string_view> views(pages.begin(), pages.end());
  const std::vector<SharedBytes> kept = store->keep(views);
  REQUIRE(kept.size() == pages.size());
  for (std::size_t i = 0; i < pages.size(); ++i) {
    CAPTURE(i);
    CHECK(kept[i].joined() == pages[i]);
    CHECK(kept[i].piece_count() == (pages[i].empty() ? 0u : 1u));
  }
  CHECK(store->bytes_written() == 70'000 + 22 + 8 + 1);
}

TEST_CASE("pages outlive their store, and fill segment after segment from many threads") {
  std::vector<SharedBytes> kept(4000);
  {
    auto store = open_store();
    // 4,000 pages of 40 KiB: more than two 64 MiB segments.
    parallel_for(kept.size(), [&](std::size_t i) {
      const std::string page = fmt::format("{:06}", i) + std::string(40 * 1024, static_cast<char>('a' + i % 26));
      kept[i] = store->keep({page})[0];
    });
  }
  for (std::size_t i = 0; i < kept.size(); ++i) {
    const std::string_view page = kept[i].piece(0);
    REQUIRE(page.size() == 6 + 40 * 1024);
    CHECK(page.substr(0, 6) == fmt::format("{:06}", i));
    CHECK(page.find_first_not_of(static_cast<char>('a' + i % 26), 6) == std::string_view::npos);
  }
}

TEST_CASE("a store that cannot be made says why; pages too large for a segment stay on the heap") {
  std::string error;
  CHECK_FALSE(PageStore::open("/nonexistent-folder-for-pages", error));
  CHECK(error.find("No such file") != std::string::npos);

  auto store = open_store();
  const std::string huge(65 * 1024 * 1024, 'h');
  const std::vector<SharedBytes> kept = store->keep({huge});
  CHECK(kept[0].size() == huge.size());
  CHECK(store->bytes_written() == 0);
}
