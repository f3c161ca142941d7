// The front page of each protocol lists a publication's sections up to a
// limit, then leads to the index of them all, so that it stays small
// however many sections a capsule has.
#include "content/listings.hpp"
#include "finger/finger_pages.hpp"
#include "gemini/gemtext_pages.hpp"
#include "gopher/gopher_pages.hpp"

#include <doctest/doctest.h>
#include <algorithm>
#include <fmt/format.h>
#include <set>

using namespace gazette;

namespace {

// `count` sections, each with the longest title a section may have, or
// (`short_titles`) a title of nine characters.
Publication with_sections(std::size_t count, bool short_titles = false) {
  Publication publication;
  publication.site.title = "The Desk";
  const std::string rest = short_titles ? "" : " " + std::string(max_title_characters - 10, 'x');
  for (std::size_t i = 0; i < count; ++i)
    publication.sections.push_back({fmt::format("desk-{:04}", i), fmt::format("Desk {:04}{}", i, rest), "", {}});
  return publication;
}

std::size_t lines_with(std::string_view page, std::string_view text) {
  std::size_t count = 0;
  for (std::size_t at = page.find(text); at != std::string_view::npos; at = page.find(text, at + 1)) ++count;
  return count;
}

} // namespace

TEST_CASE("the front page lists at most 40 sections, then all of them at /archive/sections/") {
  struct Row {
    std::size_t sections;
    std::size_t listed;
    bool index;
  };
  const Row rows[] = {{0, 0, false}, {1, 1, false}, {40, 40, false}, {41, 40, true}, {3000, 40, true}};
  const GopherStyle style{{"gopher.example", 70}, 70, true};
  const FingerStyle finger{"news.example", "gemini://news.example", 70, true,
                           [](const Article& article) { return article.slug; }};
  for (const auto& row : rows) {
    CAPTURE(row.sections);
    const Publication publication = with_sections(row.sections);
    const std::string gemini = render_front_page_gemtext(publication).joined();
    const std::string gopher = render_front_page_menu(publication, style).joined();
    const std::string finger_front = render_finger_front(publication, finger);
    CHECK(lines_with(gemini, "=> /desk-") == row.listed);
    CHECK(lines_with(gopher, "\t/desk-") == row.listed);
    CHECK(lines_with(finger_front, "finger desk-") == row.listed);
    const std::string all = fmt::format("All {} sections", row.sections);
    CHECK((gemini.find("=> /archive/sections/ " + all + "\n") != std::string::npos) == row.index);
    CHECK((gopher.find("1" + all + "\t/archive/sections/\t") != std::string::npos) == row.index);
    CHECK((finger_front.find(fmt::format("and {} more;", row.sections - row.listed)) != std::string::npos) == row.index);
    CHECK(gemini.size() < 16 * 1024);
    CHECK(gopher.size() < 16 * 1024);
    CHECK(finger_front.size() < 16 * 1024);
  }
}

TEST_CASE("the index of sections is planned only past the front page's limit, each section once, in order") {
  struct Row {
    std::size_t sections;
    bool short_titles;
    std::size_t pages;
  };
  // Long titles fill a page's bytes at 178 sections; short ones stop at 200 lines.
  const Row rows[] = {{40, false, 0}, {41, false, 1},  {178, false, 1}, {179, false, 2},
                      {200, true, 1}, {201, true, 2}, {3000, false, 17}};
  const GopherStyle style{{"gopher.example", 70}, 70, true};
  for (const auto& row : rows) {
    CAPTURE(row.sections);
    CAPTURE(row.short_titles);
    const Publication publication = with_sections(row.sections, row.short_titles);
    const auto plans = listing_plans(publication, [](const Article&, bool) { return std::size_t{100}; });
    std::vector<std::string> listed;
    std::vector<const ListingPlan*> pages;
    for (const auto& plan : plans)
      if (plan.path.starts_with(section_index_path)) pages.push_back(&plan);
    REQUIRE(pages.size() == row.pages);
    for (std::size_t k = 0; k < pages.size(); ++k) {
      const ListingPlan& plan = *pages[k];
      CHECK(plan.path == (k == 0 ? "/archive/sections/" : fmt::format("/archive/sections/page/{}/", k + 1)));
      CHECK(plan.heading == (k == 0 ? "Sections" : fmt::format("Sections, page {}", k + 1)));
      std::size_t bytes = 0;
      for (const auto& link : plan.links) {
        listed.push_back(link.path);
        bytes += link.path.size() + link.label.size() + 64;
      }
      CHECK(bytes <= listing_entry_budget);
      CHECK(render_listing_gemtext(publication, plan).size() < 64 * 1024);
      CHECK(render_listing_menu(publication, plan, style).size() < 64 * 1024);
      std::vector<std::string> after;
      for (const auto& link : plan.after) after.push_back(link.label + " " + link.path);
      std::vector<std::string> expected;
      if (k + 1 < pages.size()) expected.push_back(fmt::format("More sections /archive/sections/page/{}/", k + 2));
      if (k == 1) expected.push_back("Previous sections /archive/sections/");
      if (k > 1) expected.push_back(fmt::format("Previous sections /archive/sections/page/{}/", k));
      expected.push_back("Front page: The Desk /");
      CHECK(after == expected);
    }
    if (row.pages == 0) continue;
    REQUIRE(listed.size() == row.sections);
    for (std::size_t i = 0; i < listed.size(); ++i) CHECK(listed[i] == fmt::format("/desk-{:04}/", i));
  }
}
