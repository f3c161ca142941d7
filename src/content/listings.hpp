// The publication's listing pages, planned once for both protocols so that
// each stays small at any size: section and topic pages hold the latest
// stories and lead on to older ones, and a date archive (years, months,
// stories) of the whole site and of each section reaches every story in a
// few links from the front page.
//
// Paths (Gopher selectors are the same):
//   /<section>/page/<n>/             older stories of a section, n >= 2
//   /tags/<tag>/page/<n>/            older stories of a topic
//   /tags/page/<n>/                  more topics, when they pass a page
//   /archive/                        the years, then /archive/<yyyy>/ the
//   /archive/<yyyy>/<mm>/            months, then a month's stories, or its
//   /archive/<yyyy>/<mm>/<dd>/       days when they fill more than a page;
//   /archive/.../page/<n>/           a day's older stories
//   /<section>/archive/...           the same for one section
//   /archive/sections/               every section, when the front page
//   /archive/sections/page/<n>/      cannot list them all
#pragma once
#include "content/publication.hpp"

#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gazette {

// Bytes of story entries one listing page holds at most: with its heading
// and links it stays well under 64 KiB.
inline constexpr std::size_t listing_entry_budget = 48 * 1024;
// Stories one page of the date archive lists at most, a line each.
inline constexpr std::size_t archive_page_stories = 200;
// Sections the front page lists at most, in the publication's order. Past
// them it leads to the index of every section: a site of thousands of
// sections would otherwise make its front page hundreds of kilobytes.
inline constexpr std::size_t front_page_sections = 40;
inline constexpr std::string_view section_index_path = "/archive/sections/";

using StorySpan = std::span<const Article* const>;

// Entries [begin, end) of a list.
struct PageRange {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Splits `count` entries into pages of at most `per_page` entries whose
// `entry_bytes` add up to at most `budget`; an entry over the budget alone
// gets a page of its own. No entries make one empty page.
std::vector<PageRange> paginate(std::size_t count, std::size_t per_page, std::size_t budget,
                                const std::function<std::size_t(std::size_t)>& entry_bytes);

// Page `number` (from 1) of the listing whose first page is `first_page`:
// "/world/", then "/world/page/2/".
std::string listing_page_path(std::string_view first_page, std::size_t number);

// Stories grouped by their date (UTC), newest first, as the archive shows them.
struct ArchiveMonth {
  int month = 0; // 1 to 12
  StorySpan stories;
};
struct ArchiveYear {
  int year = 0;
  StorySpan stories;
  std::vector<ArchiveMonth> months; // only months with stories
};
struct ArchiveDay {
  int day = 0; // 1 to 31
  StorySpan stories;
};
// `newest_first` as the publication's lists are sorted.
std::vector<ArchiveYear> date_archive(StorySpan newest_first);
std::vector<ArchiveDay> archive_days(StorySpan newest_first);

// "/archive/", "/world/archive/2024/", "/archive/2024/05/16/"; 0 leaves a part out.
std::string archive_path(std::string_view listing, int year = 0, int month = 0, int day = 0);
// "May 2024"
std::string month_name(int year, int month);

struct ListingLink {
  std::string path;
  std::string label;
  bool gemini_only = false; // a feed: Gopher readers have the menus
};

// One listing page as both protocols render it: a heading, then index links
// (years, months, days) or stories, then the links that lead on.
struct ListingPlan {
  std::string path;
  std::string heading;
  std::string description;
  std::vector<ListingLink> links;
  StorySpan stories;
  bool compact = false;      // a dated line per story, not its teaser too
  bool show_section = false; // the lists of every section name each story's
  std::vector<ListingLink> after;
};

// How many bytes a story's entry takes on the larger protocol: its whole
// entry, or (compact) its dated line.
using EntryBytes = std::function<std::size_t(const Article& article, bool compact)>;

// Every section, topic and archive page of the publication, and the index
// of topics.
std::vector<ListingPlan> listing_plans(const Publication& publication, const EntryBytes& entry_bytes);

// The plans of the pages that list `article` among others: its month in the
// whole site's archive and in its section's, its section's pages, and its
// topics' pages. (The archive's indexes count stories, and show none.)
std::vector<ListingPlan> listing_plans_showing(const Publication& publication, const Article& article,
                                               const EntryBytes& entry_bytes);

// The plans of every page a story published or withdrawn changes: those
// above, the archive's indexes of the whole site and of the story's
// section, which count stories, and the index of topics, which counts them
// by topic. For several `articles` (a moved story, before and after), each
// list once.
std::vector<ListingPlan> listing_plans_counting(const Publication& publication, const std::vector<const Article*>& articles,
                                                const EntryBytes& entry_bytes);
// The paths of the pages above, as any build planned them: those of the
// lists that show a story, and those that count it too.
class StoryListPaths {
public:
  explicit StoryListPaths(const Article& article);
  bool shows(std::string_view path) const;
  bool counts(std::string_view path) const;

private:
  static bool is_archive_index(std::string_view path, std::string_view root);

  std::string site_month_, section_, section_pages_, section_month_, site_archive_, section_archive_;
  std::vector<std::string> tag_pages_; // "/tags/<tag>/", of those with a page
};

// The sections the front page lists: every one, or the first
// front_page_sections when there are more (and so an index of them all).
std::span<const Section> front_page_section_list(const Publication& publication);
bool has_section_index(const Publication& publication);

// How many of the latest stories the front page lists: `front_page`, fewer
// when their entries would pass the budget.
std::size_t front_page_count(const Publication& publication, const std::function<std::size_t(const Article&)>& entry_bytes);

// Names that the listings' own paths take: a section may not be called one
// ("/archive/", "/tags/", "/search"), nor a story in a section ("/world/archive/",
// "/world/page/2/").
bool is_reserved_section_name(std::string_view name);
bool is_reserved_story_slug(std::string_view slug);
// Whether `path` is one the listings may answer, in any section: an alias
// may not take it.
bool is_listing_path(std::string_view path);

} // namespace gazette
