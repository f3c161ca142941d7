// The byline and the date a story last changed.
#include "content/publication.hpp"

#include <doctest/doctest.h>

using namespace gazette;

namespace {

constexpr std::int64_t day = 86400;
constexpr std::int64_t may_16 = 1715817600; // 2024-05-16T00:00:00Z

Note note(std::int64_t seconds, const char* kind) { return {{seconds, true}, kind, "text"}; }

} // namespace

TEST_CASE("bylines: authors, published, and updated by `updated` or the latest note") {
  struct Row {
    std::vector<std::string> authors;
    std::optional<std::int64_t> updated;
    std::vector<Note> notes;
    std::string byline, last_change;
  };
  const Row rows[] = {
      {{}, {}, {}, "Published 2024-05-16", "2024-05-16T12:00:00Z"},
      {{"A"}, {}, {}, "By A | Published 2024-05-16", "2024-05-16T12:00:00Z"},
      {{"A", "B", "C"}, {}, {}, "By A, B and C | Published 2024-05-16", "2024-05-16T12:00:00Z"},
      {{}, may_16 + 2 * day, {}, "Published 2024-05-16 | Updated 2024-05-18", "2024-05-18T00:00:00Z"},
      // A note is a change as much as `updated` is; the latest counts.
      {{}, {}, {note(may_16 + day, "update")}, "Published 2024-05-16 | Updated 2024-05-17", "2024-05-17T00:00:00Z"},
      {{}, may_16 + day, {note(may_16 + 3 * day, "correction")}, "Published 2024-05-16 | Updated 2024-05-19",
       "2024-05-19T00:00:00Z"},
      {{}, may_16 + 3 * day, {note(may_16 + day, "update")}, "Published 2024-05-16 | Updated 2024-05-19",
       "2024-05-19T00:00:00Z"},
      // Nothing later than the story itself: no "Updated".
      {{}, may_16, {}, "Published 2024-05-16", "2024-05-16T12:00:00Z"},
      {{}, {}, {note(may_16, "update")}, "Published 2024-05-16", "2024-05-16T12:00:00Z"},
  };
  for (const auto& row : rows) {
    Article article;
    article.date = {may_16 + day / 2, true};
    article.authors = row.authors;
    if (row.updated) article.updated = Timestamp{*row.updated, true};
    article.notes = row.notes;
    CAPTURE(row.byline);
    CHECK(byline(article, " | ") == row.byline);
    CHECK(last_change(article).rfc3339() == row.last_change);
  }
}
