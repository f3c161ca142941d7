// A new story is published in place when it changes nothing but what an
// addition changes; else the whole is built. Either way every answer,
// search and problem is what a fresh build of the same files makes.
#include "site/story_additions.hpp"
#include "fresh_build.hpp"
#include "temp_capsule.hpp"

#include <doctest/doctest.h>

using namespace gazette;
using gazette::testing::article;
using gazette::testing::build_after;
using gazette::testing::check_same_as_fresh;
using gazette::testing::every_protocol;
using gazette::testing::TempCapsule;

namespace {

const std::vector<std::string> queries{"pier", "dawn", "show", "envoys", "gala", "kites", "ferry", "lantern"};

// Two stories to a page, two related stories each: a new story moves the
// pages after it, and ranks among others' related stories.
void write_capsule(TempCapsule& capsule) {
  capsule.write("site.toml", "title = \"T\"\nfront_page = 3\nlist_page = 2\nfeed_entries = 2\nrelated = 2\n");
  capsule.write("world/_section.toml", "title = \"World\"\n").write("arts/_section.toml", "title = \"Arts\"\n");
  capsule.write("images/pier.jpg", "jpeg");
  capsule.write("world/pier.md", article("Pier opens", "2024-05-16T09:00:00Z", "tags = [\"harbour\", \"city\"]\n",
                                         "The pier opened at dawn."));
  capsule.write("world/talks.md", article("Talks resume", "2024-05-10", "tags = [\"harbour\"]\n", "Envoys met."));
  capsule.write("world/ferry.md", article("Ferry late", "2024-04-20", "tags = [\"city\"]\n",
                                          "The ferry ran late. See [the pier](/world/pier)."));
  for (int i = 0; i < 5; ++i)
    capsule.write("arts/show-" + std::to_string(i) + ".md",
                  article("Show " + std::to_string(i), "2024-04-0" + std::to_string(i + 1), "tags = [\"stage\"]\n",
                          "A show [here](/world/nowhere)."));
}

struct Row {
  std::string what;
  std::string file;
  std::string text;
  bool in_place;
};

} // namespace

TEST_CASE("a new story is published in place unless it changes more; both as a fresh build") {
  const Row rows[] = {
      {"the newest story, sharing a topic with others", "world/gala.md",
       article("Harbour gala", "2024-05-20T18:00:00Z", "tags = [\"harbour\"]\n", "A gala on the pier, with kites."), true},
      {"an older story, in the middle of every list", "arts/lantern.md",
       article("Lantern show", "2024-04-03T12:00:00Z", "tags = [\"stage\", \"city\"]\n", "Lanterns and kites."), true},
      {"the oldest story, in a month and year of its own", "arts/retro.md",
       article("Retrospective", "2019-01-05", "tags = [\"stage\"]\n", "An old show."), true},
      {"a story on a new topic, with a photo and a related link", "world/kites.md",
       article("Kites", "2024-05-18", "tags = [\"kites\"]\nrelated = [\"arts/show-1\", \"https://example.org/kites\"]\n"
                                      "[image]\nsrc = \"images/pier.jpg\"\ncaption = \"Kites\"\n",
               "Kites over the [ferry](/world/ferry)."),
       true},
      {"a story on the same second as another", "world/dock.md",
       article("Dock", "2024-05-16T09:00:00Z", "tags = [\"harbour\"]\n", "The dock, beside the pier."), true},
      {"a story with a link that leads nowhere", "world/kiosk.md",
       article("Kiosk", "2024-05-01", "", "See [the map](/world/map)."), true},
      {"the story a link named before it was there", "world/nowhere.md",
       article("Nowhere", "2024-05-02", "", "Found at last."), false},
      {"a story with an alias", "world/moved.md", article("Moved", "2024-05-03", "aliases = [\"/old/moved\"]\n"), false},
      {"a draft", "world/draft.md", article("Draft", "2024-05-03", "draft = true\n"), false},
      {"a story dated later", "world/later.md", article("Later", "2099-01-01"), false},
      {"a story whose photo is not in the capsule", "world/photo.md",
       article("Photo", "2024-05-03", "[image]\nsrc = \"images/none.jpg\"\n"), false},
      {"a story whose slug another story has", "arts/pier.md", article("Arts pier", "2024-05-03"), false},
      {"a story in a folder that is no section", "notes/memo.md", article("Memo", "2024-05-03"), false},
      {"a story with errors", "world/broken.md", "+++\ntitle = \"Broken\"\n+++\nNo date.\n", false},
      {"a story naming a related story that is not there", "world/lost.md",
       article("Lost", "2024-05-03", "related = [\"world/none\"]\n"), false},
  };
  for (const auto& row : rows) {
    CAPTURE(row.what);
    TempCapsule capsule;
    write_capsule(capsule);
    const auto config = every_protocol(capsule.root());
    BuiltSnapshot last = build_snapshot(config, nullptr);
    REQUIRE(last.publication);
    capsule.write(row.file, row.text);
    BuiltSnapshot next = build_after(config, last, {row.file});
    CHECK(next.edited_in_place == row.in_place);
    check_same_as_fresh(next, config, queries);

    // And an edit in place on top, to the story the new one ranked beside.
    capsule.write("world/talks.md", article("Talks resume", "2024-05-10", "tags = [\"harbour\"]\n", "Envoys met again."));
    BuiltSnapshot after = build_after(config, next, {"world/talks.md"});
    CHECK(after.edited_in_place);
    check_same_as_fresh(after, config, queries);
  }
}

TEST_CASE("a new story is built whole beside another change, or when its file is being written") {
  TempCapsule capsule;
  write_capsule(capsule);
  const auto config = every_protocol(capsule.root());
  BuiltSnapshot last = build_snapshot(config, nullptr);
  capsule.write("world/gala.md", article("Gala", "2024-05-20", "tags = [\"harbour\"]\n"));
  capsule.write("world/fair.md", article("Fair", "2024-05-21", "tags = [\"harbour\"]\n"));
  CapsuleReading reading;
  reading.serving = last.snapshot;
  reading.changed = ChangedFiles{"world/gala.md", "world/fair.md"};
  CHECK_FALSE(add_story_in_place(last, config, nullptr, seconds_now(), reading));
  reading.changed = ChangedFiles{"world/gala.md", "world/talks.md"};
  CHECK_FALSE(add_story_in_place(last, config, nullptr, seconds_now(), reading));
  reading.changed = ChangedFiles{"world/gala.md"};
  reading.being_written = {"world/gala.md"};
  CHECK_FALSE(add_story_in_place(last, config, nullptr, seconds_now(), reading));
  // Refused, the last build is untouched: it still takes the story, beside
  // a swap file an editor left.
  reading.being_written.clear();
  capsule.write("world/.gala.md.swp", "swap");
  reading.changed = ChangedFiles{"world/gala.md", "world/.gala.md.swp"};
  const auto added = add_story_in_place(last, config, nullptr, seconds_now(), reading);
  REQUIRE(added);
  CHECK(added->changes.added == 1);
  CHECK_FALSE(last.publication);
  std::filesystem::remove(capsule.root() / "world/fair.md");
  check_same_as_fresh(*added, config, queries);
}

TEST_CASE("a run of new stories, edits and removals, each in place or whole, matches a fresh build after every one") {
  TempCapsule capsule;
  write_capsule(capsule);
  const auto config = every_protocol(capsule.root());
  BuiltSnapshot last = build_snapshot(config, nullptr);
  std::uint32_t seed = 19;
  auto next = [&seed] { return (seed = seed * 1664525u + 1013904223u) >> 8; };
  const std::string sections[] = {"world", "arts"};
  const std::string tags[] = {"harbour", "stage", "city", "harbour\", \"city", "kites"};
  std::vector<std::string> added;
  std::size_t in_place = 0;
  for (int round = 0; round < 40; ++round) {
    CAPTURE(round);
    std::string file;
    if (next() % 5 == 0 && !added.empty()) {
      // Now and then a story added before is removed, or given a new title.
      file = added[next() % added.size()];
      if (next() % 2 == 0) std::filesystem::remove(capsule.root() / file);
      else capsule.write(file, article("Retitled " + std::to_string(round), "2024-04-1" + std::to_string(next() % 10)));
    } else {
      file = sections[next() % 2] + "/new-" + std::to_string(round) + ".md";
      const std::string day = "2024-0" + std::to_string(3 + next() % 3) + "-1" + std::to_string(next() % 10);
      capsule.write(file, article("Story " + std::to_string(round), day, "tags = [\"" + tags[next() % 5] + "\"]\n",
                                  "Kites and a ferry, day " + std::to_string(round) + "."));
      added.push_back(file);
    }
    BuiltSnapshot built = build_after(config, last, {file});
    in_place += built.edited_in_place;
    check_same_as_fresh(built, config, queries);
    last = std::move(built);
  }
  CHECK(in_place > 20);
}
