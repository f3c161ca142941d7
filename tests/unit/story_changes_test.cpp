// What a reload's log line says changed.
#include "content/story_changes.hpp"

#include <doctest/doctest.h>

#include <deque>

using namespace gazette;

namespace {

// A publication of stories given as (section, slug, content hash).
struct Stories {
  struct Story {
    std::string section, slug;
    std::uint64_t hash;
  };
  std::deque<Article> articles;
  Publication publication;

  Stories(const Stories&) = delete; // the publication points into `articles`
  Stories(std::initializer_list<Story> stories) {
    for (const auto& story : stories) {
      Article& article = articles.emplace_back();
      article.place(story.section, story.slug);
      article.content_hash = story.hash;
      publication.published.push_back(&article);
      publication.by_path.emplace(article.path(), &article);
    }
  }
};

} // namespace

TEST_CASE("stories added, updated and removed between two loads") {
  struct Row {
    Stories before, after;
    std::size_t failed;
    std::string said;
  };
  const Row rows[] = {
      {{}, {}, 0, "0 added, 0 updated, 0 removed; 0 files with errors"},
      {{{"w", "a", 1}}, {{"w", "a", 1}}, 0, "0 added, 0 updated, 0 removed; 0 files with errors"},
      {{{"w", "a", 1}}, {{"w", "a", 1}, {"w", "b", 2}}, 0, "1 added, 0 updated, 0 removed; 0 files with errors"},
      {{{"w", "a", 1}}, {{"w", "a", 3}}, 1, "0 added, 1 updated, 0 removed; 1 file with errors"},
      {{{"w", "a", 1}, {"w", "b", 2}}, {{"w", "b", 2}}, 2, "0 added, 0 updated, 1 removed; 2 files with errors"},
      // A story moved to another path is one removed and one added.
      {{{"w", "a", 1}, {"w", "b", 2}, {"w", "c", 3}}, {{"x", "a", 1}, {"w", "b", 5}, {"w", "c", 3}, {"w", "d", 4}}, 0,
       "2 added, 1 updated, 1 removed; 0 files with errors"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.said);
    CHECK(describe_changes(compare_stories(&row.before.publication, &row.after.publication), row.failed) == row.said);
  }
}

TEST_CASE("other files changed are told after the stories, only when there are some") {
  struct Row {
    StoryChanges changes;
    std::size_t failed;
    std::string said;
  };
  const Row rows[] = {
      {{0, 0, 0, 0}, 0, "0 added, 0 updated, 0 removed; 0 files with errors"},
      {{0, 0, 0, 1}, 0, "0 added, 0 updated, 0 removed, 1 other file changed; 0 files with errors"},
      {{1, 0, 0, 3}, 1, "1 added, 0 updated, 0 removed, 3 other files changed; 1 file with errors"},
      {{0, 2, 1, 0}, 2, "0 added, 2 updated, 1 removed; 2 files with errors"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.said);
    CHECK(describe_changes(row.changes, row.failed) == row.said);
  }
}

TEST_CASE("a load with no publication before or after it: every story added or removed") {
  const Stories two{{"w", "a", 1}, {"arts", "b", 2}};
  CHECK(describe_changes(compare_stories(nullptr, &two.publication), 0) ==
        "2 added, 0 updated, 0 removed; 0 files with errors");
  CHECK(describe_changes(compare_stories(&two.publication, nullptr), 0) ==
        "0 added, 0 updated, 2 removed; 0 files with errors");
  CHECK(describe_changes(compare_stories(nullptr, nullptr), 0) == "0 added, 0 updated, 0 removed; 0 files with errors");
}
