// What a reload's log line says changed.
#include "content/story_changes.hpp"

#include <doctest/doctest.h>

using namespace gazette;

TEST_CASE("stories added, updated and removed between two loads") {
  struct Row {
    PublishedStories before, after;
    std::size_t failed;
    std::string said;
  };
  const Row rows[] = {
      {{}, {}, 0, "0 added, 0 updated, 0 removed; 0 files with errors"},
      {{{"/w/a", 1}}, {{"/w/a", 1}}, 0, "0 added, 0 updated, 0 removed; 0 files with errors"},
      {{{"/w/a", 1}}, {{"/w/a", 1}, {"/w/b", 2}}, 0, "1 added, 0 updated, 0 removed; 0 files with errors"},
      {{{"/w/a", 1}}, {{"/w/a", 3}}, 1, "0 added, 1 updated, 0 removed; 1 file with errors"},
      {{{"/w/a", 1}, {"/w/b", 2}}, {{"/w/b", 2}}, 2, "0 added, 0 updated, 1 removed; 2 files with errors"},
      // A story moved to another path is one removed and one added.
      {{{"/w/a", 1}, {"/w/b", 2}, {"/w/c", 3}}, {{"/x/a", 1}, {"/w/b", 5}, {"/w/c", 3}, {"/w/d", 4}}, 0,
       "2 added, 1 updated, 1 removed; 0 files with errors"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.said);
    CHECK(describe_changes(compare_stories(row.before, row.after), row.failed) == row.said);
  }
}

TEST_CASE("the stories a load publishes, by path, with their files' hashes") {
  auto story = [](std::string section, std::string slug, std::uint64_t hash) {
    Article article;
    article.place(std::move(section), std::move(slug));
    article.content_hash = hash;
    return article;
  };
  const Article a = story("world", "a", 7), b = story("arts", "b", 9);
  Publication publication;
  publication.published = {&a, &b};
  CHECK(published_stories(publication) == PublishedStories{{"/world/a", 7}, {"/arts/b", 9}});
}
