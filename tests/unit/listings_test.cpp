// Listing pages: pagination, the date archive's boundaries, the plans both
// protocols render, and the names the listings' paths keep for themselves.
#include "content/listings.hpp"
#include "content/publication_loader.hpp"
#include "content/upload_check.hpp"
#include "temp_capsule.hpp"

#include <doctest/doctest.h>
#include <algorithm>
#include <deque>
#include <fmt/format.h>
#include <set>

using namespace gazette;
using namespace gazette::testing;

namespace {

std::vector<std::pair<std::size_t, std::size_t>> ranges(const std::vector<PageRange>& pages) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (const auto& page : pages) out.emplace_back(page.begin, page.end);
  return out;
}

// Seconds since the epoch of a UTC date and time.
std::int64_t at(int year, unsigned month, unsigned day, int hour = 0, int minute = 0, int second = 0) {
  const auto date = std::chrono::sys_days{std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{day}};
  return std::chrono::duration_cast<std::chrono::seconds>(date.time_since_epoch()).count() + hour * 3600 + minute * 60 +
         second;
}

// Articles that stay put while lists point at them, newest first as loaded.
struct Stories {
  std::deque<Article> held;
  std::vector<const Article*> list;

  Stories& add(const std::string& slug, std::int64_t seconds, const std::string& section = "world") {
    Article& article = held.emplace_back();
    article.place(section, slug);
    article.title = slug;
    article.date.unix_seconds = seconds;
    list.push_back(&article);
    return *this;
  }
};

std::vector<std::string> paths(const std::vector<ListingPlan>& plans) {
  std::vector<std::string> out;
  for (const auto& plan : plans) out.push_back(plan.path);
  std::sort(out.begin(), out.end());
  return out;
}

const ListingPlan* plan_at(const std::vector<ListingPlan>& plans, const std::string& path) {
  const auto found = std::find_if(plans.begin(), plans.end(), [&](const ListingPlan& plan) { return plan.path == path; });
  return found == plans.end() ? nullptr : &*found;
}

// Each link as "label path".
std::vector<std::string> labels(const std::vector<ListingLink>& links) {
  std::vector<std::string> out;
  for (const auto& link : links) out.push_back(link.label + " " + link.path);
  return out;
}

// A publication of one section, "world", holding every story.
Publication one_section(const Stories& stories) {
  Publication publication;
  publication.site.title = "Review";
  publication.sections.push_back({"world", "World", "", stories.list});
  publication.published = stories.list;
  return publication;
}

} // namespace

TEST_CASE("paginate: at most per_page entries and budget bytes a page") {
  struct Row {
    std::string name;
    std::vector<std::size_t> sizes;
    std::size_t per_page, budget;
    std::vector<std::pair<std::size_t, std::size_t>> pages;
  };
  const Row rows[] = {
      {"no entries: one empty page", {}, 3, 1000, {{0, 0}}},
      {"one entry", {10}, 3, 1000, {{0, 1}}},
      {"exactly one page", {10, 10, 10}, 3, 1000, {{0, 3}}},
      {"one over a page", {10, 10, 10, 10}, 3, 1000, {{0, 3}, {3, 4}}},
      {"exactly two pages", {10, 10, 10, 10, 10, 10}, 3, 1000, {{0, 3}, {3, 6}}},
      {"the budget ends a page first", {40, 40, 40, 40}, 10, 100, {{0, 2}, {2, 4}}},
      {"exactly the budget fits", {50, 50, 50}, 10, 100, {{0, 2}, {2, 3}}},
      {"an entry over the budget has a page of its own", {10, 500, 10}, 10, 100, {{0, 1}, {1, 2}, {2, 3}}},
      {"one entry a page", {1, 1, 1}, 1, 100, {{0, 1}, {1, 2}, {2, 3}}},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    CHECK(ranges(paginate(row.sizes.size(), row.per_page, row.budget, [&](std::size_t i) { return row.sizes[i]; })) ==
          row.pages);
  }
}

TEST_CASE("listing and archive paths") {
  struct Row {
    std::string made, expected;
  };
  const Row rows[] = {
      {listing_page_path("/world/", 1), "/world/"},
      {listing_page_path("/world/", 2), "/world/page/2/"},
      {listing_page_path("/tags/aid/", 12), "/tags/aid/page/12/"},
      {listing_page_path("/archive/2024/05/16/", 3), "/archive/2024/05/16/page/3/"},
      {archive_path("/"), "/archive/"},
      {archive_path("/world/", 2024), "/world/archive/2024/"},
      {archive_path("/", 2024, 5), "/archive/2024/05/"},
      {archive_path("/", 987, 12, 1), "/archive/0987/12/01/"},
      {month_name(2024, 1), "January 2024"},
      {month_name(2023, 12), "December 2023"},
  };
  for (const auto& row : rows) CHECK(row.made == row.expected);
}

TEST_CASE("the date archive: years, months with stories, days; boundaries in UTC") {
  struct Row {
    std::string name;
    std::vector<std::int64_t> dates; // newest first
    std::vector<std::string> expected; // "year:count month:count ..."
  };
  const Row rows[] = {
      {"no stories", {}, {}},
      {"one story", {at(2024, 5, 16, 12)}, {"2024:1 5:1"}},
      {"same second", {at(2024, 5, 16, 12), at(2024, 5, 16, 12)}, {"2024:2 5:2"}},
      {"empty months are left out", {at(2024, 9, 1), at(2024, 3, 31, 23, 59, 59), at(2024, 1, 1)}, {"2024:3 9:1 3:1 1:1"}},
      {"the last second of a year and the first of the next",
       {at(2025, 1, 1), at(2024, 12, 31, 23, 59, 59)},
       {"2025:1 1:1", "2024:1 12:1"}},
      {"empty years are left out", {at(2024, 2, 29), at(2020, 2, 29)}, {"2024:1 2:1", "2020:1 2:1"}},
      {"before 1970", {at(1969, 12, 31, 23, 59, 59)}, {"1969:1 12:1"}},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    Stories stories;
    for (std::size_t i = 0; i < row.dates.size(); ++i) stories.add(fmt::format("s{}", i), row.dates[i]);
    std::vector<std::string> made;
    std::size_t counted = 0;
    for (const auto& year : date_archive(stories.list)) {
      std::string line = fmt::format("{}:{}", year.year, year.stories.size());
      for (const auto& month : year.months) {
        line += fmt::format(" {}:{}", month.month, month.stories.size());
        counted += month.stories.size();
      }
      made.push_back(line);
    }
    CHECK(made == row.expected);
    CHECK(counted == row.dates.size()); // every story once
  }
}

TEST_CASE("archive pages name a year as their paths write it, in four digits") {
  Stories stories;
  stories.add("recent", at(2024, 5, 16)).add("typo", at(24, 5, 16));
  const Publication publication = one_section(stories);
  const auto plans = listing_plans(publication, [](const Article&, bool) { return std::size_t{100}; });

  const ListingPlan* index = plan_at(plans, "/archive/");
  REQUIRE(index);
  CHECK(labels(index->links) == std::vector<std::string>{"2024 (1 story) /archive/2024/", "0024 (1 story) /archive/0024/"});
  const ListingPlan* year = plan_at(plans, "/archive/0024/");
  REQUIRE(year);
  CHECK(year->heading.find("0024") != std::string::npos);
  REQUIRE(year->links.size() == 1);
  CHECK(year->links.front().label == "May 0024 (1 story)");
  CHECK(year->links.front().path == "/archive/0024/05/");
}

TEST_CASE("archive days split a month at midnight UTC") {
  Stories stories;
  stories.add("a", at(2024, 5, 17)).add("b", at(2024, 5, 16, 23, 59, 59)).add("c", at(2024, 5, 16, 23, 59, 59)).add("d", at(2024, 5, 2));
  const auto days = archive_days(stories.list);
  REQUIRE(days.size() == 3);
  CHECK(days[0].day == 17);
  CHECK(days[0].stories.size() == 1);
  CHECK(days[1].day == 16);
  CHECK(days[1].stories.size() == 2);
  CHECK(days[1].stories[0]->slug == "b");
  CHECK(days[2].day == 2);
}

TEST_CASE("listing plans: section pages lead on to older ones, archives reach every story") {
  struct Row {
    std::string name;
    std::size_t stories;
    int list_page;
    std::vector<std::string> section_pages;
  };
  const Row rows[] = {
      {"no stories", 0, 3, {"/world/"}},
      {"one story", 1, 3, {"/world/"}},
      {"exactly one page", 3, 3, {"/world/"}},
      {"one over", 4, 3, {"/world/", "/world/page/2/"}},
      {"exactly two pages", 6, 3, {"/world/", "/world/page/2/"}},
      {"three pages", 7, 3, {"/world/", "/world/page/2/", "/world/page/3/"}},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    Stories stories;
    for (std::size_t i = 0; i < row.stories; ++i) stories.add(fmt::format("s{}", i), at(2024, 5, 16) - static_cast<std::int64_t>(i) * 86400 * 10);
    Publication publication = one_section(stories);
    publication.site.list_page = row.list_page;
    const auto plans = listing_plans(publication, [](const Article&, bool) { return std::size_t{100}; });

    std::vector<std::string> section_pages;
    std::size_t listed = 0;
    for (const auto& plan : plans)
      if (plan.path == "/world/" || plan.path.starts_with("/world/page/")) {
        section_pages.push_back(plan.path);
        listed += plan.stories.size();
        CHECK(plan.stories.size() <= static_cast<std::size_t>(row.list_page));
      }
    std::sort(section_pages.begin(), section_pages.end());
    CHECK(section_pages == row.section_pages);
    CHECK(listed == row.stories);

    const ListingPlan* first = plan_at(plans, "/world/");
    REQUIRE(first);
    const auto links = labels(first->after);
    CHECK((std::find(links.begin(), links.end(), "Older stories /world/page/2/") != links.end()) ==
          (section_pages.size() > 1));
    CHECK(std::find(links.begin(), links.end(), "Archive of this section by date /world/archive/") != links.end());
    if (section_pages.size() > 1) {
      const auto second = labels(plan_at(plans, "/world/page/2/")->after);
      CHECK(std::find(second.begin(), second.end(), "Newer stories /world/") != second.end());
      CHECK(plan_at(plans, "/world/page/2/")->heading == "World, page 2");
    }

    // Every story is on exactly one month or day page of each archive.
    for (const std::string archive : {"/archive/", "/world/archive/"}) {
      CAPTURE(archive);
      REQUIRE(plan_at(plans, archive));
      std::size_t archived = 0;
      for (const auto& plan : plans)
        if (plan.path.starts_with(archive) && plan.compact) archived += plan.stories.size();
      CHECK(archived == row.stories);
    }
  }
}

TEST_CASE("a month of more stories than a page lists its days; a crowded day goes on over pages") {
  Stories stories;
  // 250 stories on the 16th, all in the same second, and one on the 2nd.
  for (int i = 0; i < 250; ++i) stories.add(fmt::format("s{:03}", i), at(2024, 5, 16, 9));
  stories.add("early", at(2024, 5, 2));
  const Publication publication = one_section(stories);
  const auto plans = listing_plans(publication, [](const Article&, bool) { return std::size_t{100}; });

  const ListingPlan* month = plan_at(plans, "/archive/2024/05/");
  REQUIRE(month);
  CHECK(month->stories.empty());
  REQUIRE(month->links.size() == 2);
  CHECK(month->links[0].path == "/archive/2024/05/16/");
  CHECK(month->links[0].label == "16 May 2024 (250 stories)");
  CHECK(month->links[1].label == "2 May 2024 (1 story)");
  const ListingPlan* day = plan_at(plans, "/archive/2024/05/16/");
  const ListingPlan* day_two = plan_at(plans, "/archive/2024/05/16/page/2/");
  REQUIRE(day);
  REQUIRE(day_two);
  CHECK(day->stories.size() == archive_page_stories);
  CHECK(day_two->stories.size() == 250 - archive_page_stories);
  CHECK(day_two->stories.front()->slug == fmt::format("s{:03}", archive_page_stories)); // no story lost or repeated
  CHECK_FALSE(plan_at(plans, "/archive/2024/05/16/page/3/"));
  const ListingPlan* year = plan_at(plans, "/archive/2024/");
  REQUIRE(year);
  REQUIRE(year->links.size() == 1);
  CHECK(year->links[0].label == "May 2024 (251 stories)");
  CHECK(plan_at(plans, "/archive/")->links.at(0).label == "2024 (251 stories)");
  CHECK(plan_at(plans, "/world/archive/2024/05/16/"));
  // No path is planned twice.
  const auto planned = paths(plans);
  CHECK(std::adjacent_find(planned.begin(), planned.end()) == planned.end());
}

TEST_CASE("the front page lists front_page stories, fewer when they would pass the budget") {
  Stories stories;
  for (int i = 0; i < 30; ++i) stories.add(fmt::format("s{}", i), at(2024, 5, 16) - i);
  Publication publication;
  publication.site.front_page = 10;
  publication.published = stories.list;
  CHECK(front_page_count(publication, [](const Article&) { return std::size_t{100}; }) == 10);
  CHECK(front_page_count(publication, [](const Article&) { return listing_entry_budget / 4; }) == 4);
  publication.site.front_page = 0;
  CHECK(front_page_count(publication, [](const Article&) { return std::size_t{100}; }) == 0);
  publication.published.clear();
  publication.site.front_page = 10;
  CHECK(front_page_count(publication, [](const Article&) { return std::size_t{100}; }) == 0);
}

TEST_CASE("names and paths the listings keep for themselves") {
  CHECK(is_reserved_section_name("archive"));
  CHECK(is_reserved_section_name("tags"));
  CHECK(is_reserved_section_name("search"));
  CHECK_FALSE(is_reserved_section_name("world"));
  CHECK(is_reserved_story_slug("archive"));
  CHECK(is_reserved_story_slug("page"));
  CHECK_FALSE(is_reserved_story_slug("pages"));
  CHECK_FALSE(is_reserved_story_slug("archived"));
  struct Row {
    std::string path;
    bool listing;
  };
  const Row rows[] = {
      {"/archive/", true},          {"/archive/2024/", true},     {"/tags/aid/", true},
      {"/world/archive/", true},    {"/world/page/2/", true},     {"/world/archive", false},
      {"/world/pages/2/", false},   {"/world/pier", false},       {"/old/story", false},
      {"/a/b/archive/", false},     {"/", false},                 {"/archive", false},
  };
  for (const auto& row : rows) {
    CAPTURE(row.path);
    CHECK(is_listing_path(row.path) == row.listing);
  }
}

TEST_CASE("the loader refuses a section or story named like a listing, and an alias on a listing's path") {
  TempCapsule capsule;
  capsule.write("site.toml", "title = \"Review\"\nlist_page = 7\nfeed_entries = 12\n")
      .write("world/_section.toml", "title = \"World\"\n")
      .write("world/archive.md", article("Archive", "2024-01-01"))
      .write("world/page.md", article("Page", "2024-01-01"))
      .write("world/fine.md", article("Fine", "2024-01-02", "aliases = [\"/world/page/2/\", \"/old/fine\"]\n"))
      .write("archive/_section.toml", "title = \"Archive\"\n")
      .write("archive/story.md", article("Story", "2024-01-01"));
  const auto loaded = load_publication(capsule.root());
  REQUIRE(loaded.publication);
  CHECK(loaded.publication->site.list_page == 7);
  CHECK(loaded.publication->site.feed_entries == 12);
  auto error_for = [&](const std::string& file, const std::string& words) -> const Diagnostic* {
    for (const auto& d : loaded.diagnostics)
      if (d.path == file && d.severity == Diagnostic::Severity::error && d.message.find(words) != std::string::npos) return &d;
    return nullptr;
  };
  const Diagnostic* slug = error_for("world/archive.md", "may not be called \"archive\"");
  REQUIRE(slug);
  CHECK(slug->line == 1);
  REQUIRE(error_for("world/page.md", "/world/page/ is where the section's older stories are listed"));
  const Diagnostic* section = error_for("archive/_section.toml", "may not be called \"archive\"");
  REQUIRE(section);
  CHECK(section->line == 1);
  const Diagnostic* alias = error_for("world/fine.md", "\"/world/page/2/\" is where the publication lists");
  REQUIRE(alias);
  CHECK(alias->line == 4);
  CHECK(loaded.publication->by_path.count("/world/fine"));
  CHECK_FALSE(loaded.publication->by_path.count("/world/archive"));
  CHECK_FALSE(loaded.publication->by_path.count("/world/page"));
  CHECK_FALSE(loaded.publication->find_section("archive"));
  CHECK(loaded.redirects == std::vector<std::pair<std::string, std::string>>{{"/old/fine", "/world/fine"}});
}

TEST_CASE("list_page and feed_entries are checked") {
  struct Row {
    std::string line, error;
  };
  const Row rows[] = {
      {"list_page = 0", "list_page must be a whole number from 1 to 200"},
      {"list_page = 201", "list_page must be a whole number from 1 to 200"},
      {"feed_entries = 0", "feed_entries must be a whole number from 1 to 500"},
      {"feed_entries = \"ten\"", "feed_entries must be a whole number from 1 to 500"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.line);
    TempCapsule capsule;
    capsule.write("site.toml", "title = \"Review\"\n" + row.line + "\n");
    const auto loaded = load_publication(capsule.root());
    const bool found = std::any_of(loaded.diagnostics.begin(), loaded.diagnostics.end(), [&](const Diagnostic& d) {
      return d.path == "site.toml" && d.line == 2 && d.message.find(row.error) != std::string::npos;
    });
    CHECK(found);
  }
}

TEST_CASE("the index of topics goes on over pages when the topics pass one, each topic once") {
  struct Row {
    std::size_t tags;
    std::size_t pages;
  };
  const Row rows[] = {{1, 1}, {300, 1}, {2000, 5}}; // about 420 topics of these names to a page
  for (const auto& row : rows) {
    CAPTURE(row.tags);
    Stories stories;
    stories.add("a", at(2024, 5, 16));
    Publication publication;
    publication.site.title = "Review";
    for (std::size_t i = 0; i < row.tags; ++i) publication.by_tag[fmt::format("topic-number-{:05}", i)] = stories.list;
    const auto plans = listing_plans(publication, [](const Article&, bool) { return std::size_t{100}; });
    std::set<std::string> listed;
    std::size_t pages = 0;
    for (const auto& plan : plans)
      if (plan.path == "/tags/" || plan.path.starts_with("/tags/page/")) {
        ++pages;
        std::size_t bytes = 0;
        for (const auto& link : plan.links) {
          CHECK(listed.insert(link.path).second);
          bytes += link.path.size() + link.label.size() + 64;
        }
        CHECK(bytes <= listing_entry_budget);
      }
    CHECK(pages == row.pages);
    CHECK(listed.size() == row.tags);
    if (row.pages > 1) {
      REQUIRE(plan_at(plans, "/tags/page/2/"));
      CHECK(plan_at(plans, "/tags/page/2/")->heading == "Topics, page 2");
      CHECK(labels(plan_at(plans, "/tags/")->after).front() == "More topics /tags/page/2/");
    }
  }
}

TEST_CASE("an upload is refused a listing's name or an alias on a listing's path, as the loader refuses them") {
  StoryIndex index;
  index.sections.push_back({"world", "World"});
  index.now = at(2025, 1, 1); // the story is published, so its aliases are taken
  const CapsuleFileTest no_files = [](std::string_view) { return false; };
  struct Row {
    std::string slug, front_matter;
    int line;
    std::string error; // empty: accepted
  };
  const Row rows[] = {
      {"archive", "", 1, "a story may not be called \"archive\""},
      {"page", "", 1, "a story may not be called \"page\""},
      {"pages", "", 0, ""},
      {"fine", "aliases = [\"/archive/2024/\"]\n", 4, "\"/archive/2024/\" is where the publication lists"},
      {"fine", "aliases = [\"/world/page/3/\"]\n", 4, "\"/world/page/3/\" is where the publication lists"},
      {"fine", "aliases = [\"/old/fine\"]\n", 0, ""},
  };
  for (const auto& row : rows) {
    CAPTURE(row.slug);
    CAPTURE(row.front_matter);
    const ParsedArticle parsed =
        check_uploaded_article(article("A story", "2024-01-01", row.front_matter), "world", row.slug, index, no_files);
    const auto error = std::find_if(parsed.diagnostics.begin(), parsed.diagnostics.end(), [](const Diagnostic& d) {
      return d.severity == Diagnostic::Severity::error;
    });
    if (row.error.empty()) {
      CHECK(error == parsed.diagnostics.end());
      continue;
    }
    REQUIRE(error != parsed.diagnostics.end());
    CHECK(error->message.find(row.error) != std::string::npos);
    CHECK(error->line == row.line);
  }
}
