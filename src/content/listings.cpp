#include "content/listings.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <set>
#include <fmt/format.h>

namespace gazette {

namespace {

std::chrono::year_month_day civil_day(const Article& article) {
  return std::chrono::year_month_day{
      std::chrono::floor<std::chrono::days>(std::chrono::sys_seconds{std::chrono::seconds{article.date.unix_seconds}})};
}

int year_of(const std::chrono::year_month_day& day) { return static_cast<int>(day.year()); }
int month_of(const std::chrono::year_month_day& day) { return static_cast<int>(static_cast<unsigned>(day.month())); }
int day_of(const std::chrono::year_month_day& day) { return static_cast<int>(static_cast<unsigned>(day.day())); }
// In four digits, as the archive's paths have it.
std::string year_label(int year) { return fmt::format("{:04}", year); }

// Splits `stories`, newest first, into runs of one year, month or day:
// `key` names the period of a story and `start` its first second. Each
// run's end is found by bisection, so a long list is not read story by story.
template <typename Key, typename Start>
std::vector<std::pair<int, StorySpan>> runs(StorySpan stories, Key key, Start start) {
  std::vector<std::pair<int, StorySpan>> out;
  for (auto first = stories.begin(); first != stories.end();) {
    const std::chrono::year_month_day day = civil_day(**first);
    const std::int64_t from = std::chrono::sys_seconds(std::chrono::sys_days(start(day))).time_since_epoch().count();
    const auto end = std::partition_point(first, stories.end(), [&](const Article* a) { return a->date.unix_seconds >= from; });
    out.emplace_back(key(day), stories.subspan(static_cast<std::size_t>(first - stories.begin()),
                                               static_cast<std::size_t>(end - first)));
    first = end;
  }
  return out;
}

std::string count_label(std::string_view name, std::size_t count) {
  return fmt::format("{} ({} {})", name, count, count == 1 ? "story" : "stories");
}

constexpr std::array<std::string_view, 12> month_names{"January", "February", "March",     "April",   "May",      "June",
                                                       "July",    "August",   "September", "October", "November", "December"};

// Builds the pages of one listing: its section, topic or archive part.
class Planner {
public:
  Planner(const EntryBytes& entry_bytes, std::vector<ListingPlan>& out) : entry_bytes_(entry_bytes), out_(out) {}

  // `stories` over as many pages as they need, each leading to the next
  // and the one before, then to `after`.
  void paged_stories(const std::string& first_page, const std::string& heading, const std::string& description,
                     StorySpan stories, std::size_t per_page, bool compact, bool show_section,
                     const std::vector<ListingLink>& after) {
    const auto pages = paginate(stories.size(), per_page, listing_entry_budget,
                                [&](std::size_t i) { return entry_bytes_(*stories[i], compact); });
    for (std::size_t k = 0; k < pages.size(); ++k) {
      ListingPlan plan;
      plan.path = listing_page_path(first_page, k + 1);
      plan.heading = k == 0 ? heading : fmt::format("{}, page {}", heading, k + 1);
      plan.description = description;
      plan.stories = stories.subspan(pages[k].begin, pages[k].end - pages[k].begin);
      plan.compact = compact;
      plan.show_section = show_section;
      if (k + 1 < pages.size()) plan.after.push_back({listing_page_path(first_page, k + 2), "Older stories"});
      if (k > 0) plan.after.push_back({listing_page_path(first_page, k), "Newer stories"});
      plan.after.insert(plan.after.end(), after.begin(), after.end());
      out_.push_back(std::move(plan));
    }
  }

  // The date archive of `stories` at `listing` ("/" or "/world/"), its
  // pages titled after `name`.
  // `with_months` false plans its index and year pages alone.
  void archive(const std::string& listing, const std::string& name, StorySpan stories,
               const std::vector<ListingLink>& up, bool with_months = true) {
    const std::string root = archive_path(listing);
    const std::string title = name.empty() ? "Archive" : "Archive: " + name;
    ListingPlan index{root, title, "", {}, {}, false, false, up};
    const auto years = date_archive(stories);
    for (const auto& year : years) {
      index.links.push_back({archive_path(listing, year.year), count_label(year_label(year.year), year.stories.size())});
      ListingPlan year_page{archive_path(listing, year.year), prefixed(name, year_label(year.year)), "", {}, {}, false, false, {}};
      year_page.after.push_back({root, title});
      year_page.after.insert(year_page.after.end(), up.begin(), up.end());
      for (const auto& month : year.months) {
        year_page.links.push_back({archive_path(listing, year.year, month.month),
                                   count_label(month_name(year.year, month.month), month.stories.size())});
        if (with_months) archive_month(listing, name, year.year, month, up);
      }
      out_.push_back(std::move(year_page));
    }
    out_.push_back(std::move(index));
  }

  // One month of the archive above: its stories, or its days when they
  // would fill more than a page.
  void archive_month(const std::string& listing, const std::string& name, int year, const ArchiveMonth& month,
                     const std::vector<ListingLink>& up) {
    const std::string title = name.empty() ? "Archive" : "Archive: " + name;
    const std::string month_title = prefixed(name, month_name(year, month.month));
    const std::string month_path = archive_path(listing, year, month.month);
    std::vector<ListingLink> month_up{{archive_path(listing, year), prefixed(name, year_label(year))},
                                      {archive_path(listing), title}};
    month_up.insert(month_up.end(), up.begin(), up.end());
    if (fits_one_page(month.stories)) {
      paged_stories(month_path, month_title, "", month.stories, archive_page_stories, true, listing == "/", month_up);
      return;
    }
    ListingPlan month_page{month_path, month_title, "", {}, {}, false, false, month_up};
    std::vector<ListingLink> day_up{{month_path, month_title}};
    day_up.insert(day_up.end(), month_up.begin(), month_up.end());
    for (const auto& day : archive_days(month.stories)) {
      const std::string day_path = archive_path(listing, year, month.month, day.day);
      const std::string day_title = prefixed(name, fmt::format("{} {}", day.day, month_name(year, month.month)));
      month_page.links.push_back({day_path, count_label(fmt::format("{} {}", day.day, month_name(year, month.month)),
                                                        day.stories.size())});
      paged_stories(day_path, day_title, "", day.stories, archive_page_stories, true, listing == "/", day_up);
    }
    out_.push_back(std::move(month_page));
  }

private:
  static std::string prefixed(const std::string& name, const std::string& text) {
    return name.empty() ? text : name + ": " + text;
  }

  bool fits_one_page(StorySpan stories) const {
    return paginate(stories.size(), archive_page_stories, listing_entry_budget,
                    [&](std::size_t i) { return entry_bytes_(*stories[i], true); })
               .size() == 1;
  }

  const EntryBytes& entry_bytes_;
  std::vector<ListingPlan>& out_;
};

// /tags/, then /tags/page/<n>/ when the topics pass a page: no tag's page
// is there, as a tag's older stories are at /tags/<tag>/page/<n>/.
void plan_topic_index(const Publication& publication, std::vector<ListingPlan>& plans, const ListingLink& front) {
  std::vector<ListingLink> topics;
  for (const auto& [tag, stories] : publication.by_tag)
    topics.push_back({"/tags/" + tag + "/", count_label(publication.tag_title(tag), stories.size())});
  // A menu line carries its selector, host and port besides the label.
  const auto pages = paginate(topics.size(), topics.size() + 1, listing_entry_budget,
                              [&](std::size_t i) { return topics[i].path.size() + topics[i].label.size() + 64; });
  for (std::size_t k = 0; k < pages.size(); ++k) {
    ListingPlan plan;
    plan.path = listing_page_path("/tags/", k + 1);
    plan.heading = k == 0 ? "Topics" : fmt::format("Topics, page {}", k + 1);
    plan.links.assign(topics.begin() + static_cast<std::ptrdiff_t>(pages[k].begin),
                      topics.begin() + static_cast<std::ptrdiff_t>(pages[k].end));
    if (k + 1 < pages.size()) plan.after.push_back({listing_page_path("/tags/", k + 2), "More topics"});
    if (k > 0) plan.after.push_back({listing_page_path("/tags/", k), "Previous topics"});
    plan.after.push_back(front);
    plans.push_back(std::move(plan));
  }
}

// /archive/sections/, then its pages, when the front page cannot list
// every section: each section once, by its title, in the publication's order.
void plan_section_index(const Publication& publication, std::vector<ListingPlan>& plans, const ListingLink& front) {
  const std::string first(section_index_path);
  const auto& sections = publication.sections;
  const auto pages = paginate(sections.size(), archive_page_stories, listing_entry_budget, [&](std::size_t i) {
    return sections[i].name.size() + 2 + sections[i].title.size() + 64; // a menu line's selector, host and port
  });
  for (std::size_t k = 0; k < pages.size(); ++k) {
    ListingPlan plan;
    plan.path = listing_page_path(first, k + 1);
    plan.heading = k == 0 ? "Sections" : fmt::format("Sections, page {}", k + 1);
    for (std::size_t i = pages[k].begin; i < pages[k].end; ++i)
      plan.links.push_back({"/" + sections[i].name + "/", sections[i].title});
    if (k + 1 < pages.size()) plan.after.push_back({listing_page_path(first, k + 2), "More sections"});
    if (k > 0) plan.after.push_back({listing_page_path(first, k), "Previous sections"});
    plan.after.push_back(front);
    plans.push_back(std::move(plan));
  }
}

} // namespace

std::vector<PageRange> paginate(std::size_t count, std::size_t per_page, std::size_t budget,
                                const std::function<std::size_t(std::size_t)>& entry_bytes) {
  std::vector<PageRange> pages{{0, 0}};
  std::size_t bytes = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t size = entry_bytes(i);
    PageRange& page = pages.back();
    if (page.end > page.begin && (page.end - page.begin >= per_page || bytes + size > budget)) {
      pages.push_back({i, i});
      bytes = 0;
    }
    pages.back().end = i + 1;
    bytes += size;
  }
  return pages;
}

std::string listing_page_path(std::string_view first_page, std::size_t number) {
  return number <= 1 ? std::string(first_page) : fmt::format("{}page/{}/", first_page, number);
}

std::vector<ArchiveYear> date_archive(StorySpan newest_first) {
  using namespace std::chrono;
  std::vector<ArchiveYear> years;
  for (const auto& [year, stories] :
       runs(newest_first, year_of, [](const year_month_day& d) { return year_month_day{d.year(), January, day{1}}; })) {
    ArchiveYear entry{year, stories, {}};
    for (const auto& [month, in_month] :
         runs(stories, month_of, [](const year_month_day& d) { return year_month_day{d.year(), d.month(), day{1}}; }))
      entry.months.push_back({month, in_month});
    years.push_back(std::move(entry));
  }
  return years;
}

std::vector<ArchiveDay> archive_days(StorySpan newest_first) {
  std::vector<ArchiveDay> days;
  for (const auto& [day, stories] : runs(newest_first, day_of, [](const std::chrono::year_month_day& d) { return d; }))
    days.push_back({day, stories});
  return days;
}

std::string archive_path(std::string_view listing, int year, int month, int day) {
  std::string path = fmt::format("{}archive/", listing);
  if (year) path += fmt::format("{:04}/", year);
  if (year && month) path += fmt::format("{:02}/", month);
  if (year && month && day) path += fmt::format("{:02}/", day);
  return path;
}

std::string month_name(int year, int month) {
  return fmt::format("{} {}", month >= 1 && month <= 12 ? month_names[static_cast<std::size_t>(month - 1)] : "?",
                     year_label(year));
}

namespace {

// Each list of the publication, planned by one of these.
class Lists {
public:
  Lists(const Publication& publication, const EntryBytes& entry_bytes, std::vector<ListingPlan>& plans)
      : publication_(publication), planner_(entry_bytes, plans),
        per_page_(static_cast<std::size_t>(publication.site.list_page)),
        front_{"/", "Front page: " + publication.site.title} {}

  const ListingLink& front() const { return front_; }

  void site_archive() { planner_.archive("/", "", publication_.published, {front_}); }

  // A section's pages and its archive.
  void section(const Section& section) {
    section_pages(section);
    planner_.archive("/" + section.name + "/", section.title, section.articles, section_up(section));
  }

  void section_pages(const Section& section) {
    const std::string first = "/" + section.name + "/";
    planner_.paged_stories(first, section.title, section.description, section.articles, per_page_, false, false,
                           {{archive_path(first), "Archive of this section by date"},
                            {first + "atom.xml", "Atom feed of this section", true},
                            front_});
  }

  // The month that holds `article` in the whole site's archive, or (with
  // `section`) in that section's, while it has stories (a story withdrawn
  // may leave it empty).
  void archive_month_of(const Article& article, const Section* section = nullptr) {
    const auto day = civil_day(article);
    const int year = year_of(day), month = month_of(day);
    if (!section) {
      if (const StorySpan stories = month_of_stories(publication_.published, day); !stories.empty())
        planner_.archive_month("/", "", year, {month, stories}, {front_});
    } else if (const StorySpan stories = month_of_stories(section->articles, day); !stories.empty()) {
      planner_.archive_month("/" + section->name + "/", section->title, year, {month, stories}, section_up(*section));
    }
  }

  void archive_index(const Section* section = nullptr) {
    if (!section) planner_.archive("/", "", publication_.published, {front_}, false);
    else planner_.archive("/" + section->name + "/", section->title, section->articles, section_up(*section), false);
  }

  void topic(const std::string& tag, StorySpan stories) {
    planner_.paged_stories("/tags/" + tag + "/", "Topic: " + publication_.tag_title(tag), "", stories, per_page_, false,
                           true, {{"/tags/", "All topics"}, front_});
  }

private:
  std::vector<ListingLink> section_up(const Section& section) const {
    return {{"/" + section.name + "/", "Section: " + section.title}, front_};
  }

  // The stories of `newest_first` dated in the month of `day`: a run of them.
  static StorySpan month_of_stories(StorySpan newest_first, std::chrono::year_month_day day) {
    using namespace std::chrono;
    const year_month_day first{day.year(), day.month(), std::chrono::day{1}};
    const std::int64_t from = sys_seconds(sys_days(first)).time_since_epoch().count();
    const std::int64_t to = sys_seconds(sys_days(first + months{1})).time_since_epoch().count();
    const auto begin = std::partition_point(newest_first.begin(), newest_first.end(),
                                            [&](const Article* a) { return a->date.unix_seconds >= to; });
    const auto end = std::partition_point(begin, newest_first.end(),
                                          [&](const Article* a) { return a->date.unix_seconds >= from; });
    return newest_first.subspan(static_cast<std::size_t>(begin - newest_first.begin()),
                                static_cast<std::size_t>(end - begin));
  }

  const Publication& publication_;
  Planner planner_;
  std::size_t per_page_;
  ListingLink front_;
};

} // namespace

std::vector<ListingPlan> listing_plans(const Publication& publication, const EntryBytes& entry_bytes) {
  std::vector<ListingPlan> plans;
  Lists lists(publication, entry_bytes, plans);
  lists.site_archive();
  for (const auto& section : publication.sections) lists.section(section);
  if (has_section_index(publication)) plan_section_index(publication, plans, lists.front());
  if (!publication.by_tag.empty()) plan_topic_index(publication, plans, lists.front());
  for (const auto& [tag, stories] : publication.by_tag) lists.topic(tag, stories);
  return plans;
}

std::vector<ListingPlan> listing_plans_showing(const Publication& publication, const Article& article,
                                               const EntryBytes& entry_bytes) {
  std::vector<ListingPlan> plans;
  Lists lists(publication, entry_bytes, plans);
  const Section* section = publication.find_section(article.section);
  if (section) lists.section_pages(*section);
  lists.archive_month_of(article);
  if (section) lists.archive_month_of(article, section);
  for (const auto& tag : article.tags)
    if (auto found = publication.by_tag.find(tag); found != publication.by_tag.end()) lists.topic(tag, found->second);
  return plans;
}

std::vector<ListingPlan> listing_plans_counting(const Publication& publication, const std::vector<const Article*>& articles,
                                                const EntryBytes& entry_bytes) {
  std::vector<ListingPlan> plans;
  Lists lists(publication, entry_bytes, plans);
  // Two stories (a story moved: where it was, where it is) share most of
  // their lists: each is planned once.
  std::set<std::string_view> sections, tags;
  std::set<std::pair<std::string_view, int>> months; // by section ("" for the site) and year * 12 + month
  lists.archive_index();
  for (const Article* article : articles) {
    const Section* section = publication.find_section(article->section);
    const auto day = civil_day(*article);
    const int month = year_of(day) * 12 + month_of(day);
    if (months.emplace("", month).second) lists.archive_month_of(*article);
    if (!section) continue;
    if (months.emplace(section->name, month).second) lists.archive_month_of(*article, section);
    if (sections.insert(section->name).second) {
      lists.section_pages(*section);
      lists.archive_index(section);
    }
  }
  for (const Article* article : articles)
    for (const auto& tag : article->tags)
      if (auto found = publication.by_tag.find(tag); found != publication.by_tag.end() && tags.insert(tag).second)
        lists.topic(tag, found->second);
  if (!publication.by_tag.empty()) plan_topic_index(publication, plans, lists.front());
  return plans;
}

StoryListPaths::StoryListPaths(const Article& article)
    : site_month_(archive_path("/", year_of(civil_day(article)), month_of(civil_day(article)))),
      section_("/" + article.section + "/"), section_pages_(section_ + "page/"),
      section_month_(archive_path(section_, year_of(civil_day(article)), month_of(civil_day(article)))),
      site_archive_(archive_path("/")), section_archive_(archive_path(section_)) {
  for (const auto& tag : article.tags) tag_pages_.push_back("/tags/" + tag + "/");
}

bool StoryListPaths::shows(std::string_view path) const {
  if (path.starts_with(site_month_) || path == section_ || path.starts_with(section_pages_) ||
      path.starts_with(section_month_))
    return true;
  return std::any_of(tag_pages_.begin(), tag_pages_.end(), [&](const std::string& first) {
    return path.starts_with(first) && (path.size() == first.size() || path.substr(first.size()).starts_with("page/"));
  });
}

// "/world/archive/" or one of its years, "/world/archive/2024/".
bool StoryListPaths::is_archive_index(std::string_view path, std::string_view root) {
  if (!path.starts_with(root)) return false;
  const std::string_view rest = path.substr(root.size());
  return rest.empty() || (rest.size() == 5 && rest.back() == '/' &&
                          std::all_of(rest.begin(), rest.end() - 1, [](char c) { return c >= '0' && c <= '9'; }));
}

bool StoryListPaths::counts(std::string_view path) const {
  return shows(path) || is_archive_index(path, site_archive_) || is_archive_index(path, section_archive_) ||
         path == "/tags/" || path.starts_with("/tags/page/");
}

std::span<const Section> front_page_section_list(const Publication& publication) {
  return std::span(publication.sections).first(std::min(publication.sections.size(), front_page_sections));
}

bool has_section_index(const Publication& publication) { return publication.sections.size() > front_page_sections; }

std::size_t front_page_count(const Publication& publication, const std::function<std::size_t(const Article&)>& entry_bytes) {
  const auto& published = publication.published;
  const auto per_page = static_cast<std::size_t>(publication.site.front_page);
  // The first page is filled from the front: the stories past it never count.
  const auto pages = paginate(std::min(published.size(), per_page), per_page, listing_entry_budget,
                              [&](std::size_t i) { return entry_bytes(*published[i]); });
  return per_page == 0 ? 0 : pages.front().end;
}

bool is_reserved_section_name(std::string_view name) { return name == "archive" || name == "tags" || name == "search"; }

bool is_reserved_story_slug(std::string_view slug) { return slug == "archive" || slug == "page"; }

bool is_listing_path(std::string_view path) {
  if (path.starts_with("/archive/") || path.starts_with("/tags/")) return true;
  // "/<section>/archive/..." or "/<section>/page/...", whether or not the section exists yet.
  const auto second_slash = path.find('/', 1);
  if (!path.starts_with('/') || second_slash == std::string_view::npos) return false;
  const std::string_view rest = path.substr(second_slash + 1);
  return rest.starts_with("archive/") || rest.starts_with("page/");
}

} // namespace gazette
