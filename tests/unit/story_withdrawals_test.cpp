// A removed story is withdrawn in place when its going changes nothing but
// what a withdrawal changes; else the whole is built. Either way every
// answer, search and problem is what a fresh build of the same files makes.
#include "site/story_withdrawals.hpp"
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

const std::vector<std::string> queries{"pier", "dawn", "show", "envoys", "kites", "ferry", "kiosk", "memo"};

const std::string talks = article("Talks resume", "2024-05-10", "tags = [\"harbour\"]\n",
                                  "Envoys met. [Only here](https://example.org/talks) and "
                                  "[shared](https://example.org/shared).");
const std::string ferry =
    article("Ferry late", "2024-04-20", "tags = [\"city\"]\n", "The ferry ran late. See [the pier](/world/pier).");

// Two stories to a page, two related stories each. World has five stories
// (three pages, two once one goes), Arts seven.
void write_capsule(TempCapsule& capsule) {
  capsule.write("site.toml", "title = \"T\"\nfront_page = 3\nlist_page = 2\nfeed_entries = 2\nrelated = 2\n");
  capsule.write("world/_section.toml", "title = \"World\"\n").write("arts/_section.toml", "title = \"Arts\"\n");
  capsule.write("notes/_section.toml", "title = \"Notes\"\n");
  capsule.write("images/pier.jpg", "jpeg");
  capsule.write("about.gmi", "# About\n=> /world/kiosk The kiosk\n=> https://example.org/about About us\n");
  capsule.write("world/pier.md", article("Pier opens", "2024-05-16T09:00:00Z", "tags = [\"harbour\", \"city\"]\n",
                                         "The pier opened at dawn. [Shared](https://example.org/shared)."));
  capsule.write("world/talks.md", talks);
  capsule.write("world/ferry.md", ferry);
  capsule.write("world/kites.md",
                article("Kites", "2024-05-18", "tags = [\"kites\"]\nrelated = [\"arts/show-1\"]\n"
                                               "[image]\nsrc = \"images/pier.jpg\"\ncaption = \"Kites\"\n",
                        "Kites over the ferry."));
  // Relative links to the retrospective and to 2018's archive, which their
  // warnings say to write from the top.
  capsule.write("world/kiosk.md", article("Kiosk", "2024-05-01", "",
                                          "A kiosk [here](/world/nowhere), by [the retrospective](arts/retro), "
                                          "and [2018](archive/2018/)."));
  for (int i = 0; i < 4; ++i)
    capsule.write("arts/show-" + std::to_string(i) + ".md",
                  article("Show " + std::to_string(i), "2024-04-0" + std::to_string(i + 1), "tags = [\"stage\"]\n",
                          "A show by the pier."));
  capsule.write("arts/retro.md", article("Retrospective", "2019-01-05", "tags = [\"stage\"]\n", "An old show."));
  capsule.write("arts/vintage.md", article("Vintage", "2018-06-01", "tags = [\"stage\"]\n", "A vintage show."));
  capsule.write("arts/gala.md", article("Arts gala", "2024-03-05", "tags = [\"stage\"]\n", "A gala."));
  capsule.write("notes/memo.md", article("Memo", "2024-03-06", "", "A memo."));
  capsule.write("notes/gala.md", article("Notes gala", "2024-03-07", "aliases = [\"/old/gala\"]\n", "Another gala."));
  capsule.write("arts/lost.md", article("Lost", "2024-03-04", "related = [\"world/gone\"]\n", "A lost link."));
  capsule.write("world/draft.md", article("Draft", "2024-05-03", "draft = true\n"));
  capsule.write("world/broken.md", "+++\ntitle = \"Broken\"\n+++\nNo date.\n");
}

struct Row {
  std::string what;
  std::string file;
  bool in_place;
};

} // namespace

TEST_CASE("a removed story is withdrawn in place unless its going changes more; both as a fresh build") {
  const Row rows[] = {
      {"the newest story of a section, which a story links to and others list as related", "world/pier.md", true},
      {"a story in the middle of every list", "arts/show-2.md", true},
      {"the only story of its month and year, which a warning names", "arts/retro.md", true},
      {"the only story on its topic, with a photo", "world/kites.md", true},
      {"a story with a link elsewhere that only it has", "world/talks.md", true},
      {"a story a gemtext page links to, with a link that leads nowhere", "world/kiosk.md", true},
      {"a story another story names as related", "arts/show-1.md", false},
      {"a story whose related entry names no article", "arts/lost.md", true},
      {"a story with an alias", "notes/gala.md", false},
      {"a story whose slug another story has", "arts/gala.md", false},
      {"a draft", "world/draft.md", false},
      {"a story with errors", "world/broken.md", false},
  };
  for (const auto& row : rows) {
    CAPTURE(row.what);
    TempCapsule capsule;
    write_capsule(capsule);
    const auto config = every_protocol(capsule.root());
    BuiltSnapshot last = build_snapshot(config, nullptr);
    REQUIRE(last.publication);
    std::filesystem::remove(capsule.root() / row.file);
    BuiltSnapshot next = build_after(config, last, {row.file});
    CHECK(next.edited_in_place == row.in_place);
    check_same_as_fresh(next, config, queries);

    // And an edit in place on top, to a story that stays.
    capsule.write("arts/show-3.md", article("Show 3", "2024-04-04", "tags = [\"stage\"]\n", "A show, and envoys."));
    BuiltSnapshot after = build_after(config, next, {"arts/show-3.md"});
    CHECK(after.edited_in_place);
    check_same_as_fresh(after, config, queries);
  }
}

TEST_CASE("a story is built whole when it goes beside another change, with its section's last, or under a file") {
  TempCapsule capsule;
  write_capsule(capsule);
  const auto config = every_protocol(capsule.root());
  BuiltSnapshot last = build_snapshot(config, nullptr);
  CapsuleReading reading;
  reading.serving = last.snapshot;
  // A story saved broken keeps its last version online: it is not moved.
  capsule.write("world/talks.md", "+++\ntitle = \"Talks\n+++\n");
  reading.changed = ChangedFiles{"world/talks.md"};
  MovedStory moved;
  CHECK_FALSE(withdraw_moved_story(last, config, nullptr, seconds_now(), reading, moved));
  capsule.write("world/talks.md", talks);

  std::filesystem::remove(capsule.root() / "world/pier.md");
  std::filesystem::remove(capsule.root() / "world/ferry.md");
  reading.changed = ChangedFiles{"world/pier.md", "world/ferry.md"};
  CHECK_FALSE(withdraw_story_in_place(last, config, nullptr, seconds_now(), reading));
  capsule.write("world/ferry.md", ferry);
  reading.changed = ChangedFiles{"world/pier.md", "world/talks.md"};
  CHECK_FALSE(withdraw_story_in_place(last, config, nullptr, seconds_now(), reading));
  // A file that is still there was not removed.
  reading.changed = ChangedFiles{"world/talks.md"};
  CHECK_FALSE(withdraw_story_in_place(last, config, nullptr, seconds_now(), reading));
  // Once a folder of the capsule's has the story's name, it answers there.
  capsule.write("world/pier/index.gmi", "# Pier\n");
  reading.changed = ChangedFiles{"world/pier.md"};
  CHECK_FALSE(withdraw_story_in_place(last, config, nullptr, seconds_now(), reading));
  std::filesystem::remove_all(capsule.root() / "world/pier");

  // Refused, the last build is untouched: it still withdraws the story,
  // beside a swap file an editor left.
  capsule.write("world/.pier.md.swp", "swap");
  reading.changed = ChangedFiles{"world/pier.md", "world/.pier.md.swp"};
  const auto withdrawn = withdraw_story_in_place(last, config, nullptr, seconds_now(), reading);
  REQUIRE(withdrawn);
  CHECK(withdrawn->changes.removed == 1);
  CHECK_FALSE(last.publication);
  std::filesystem::remove(capsule.root() / "world/ferry.md");
  BuiltSnapshot next = std::move(*withdrawn);
  reading.serving = next.snapshot;
  reading.changed = ChangedFiles{"world/ferry.md"};
  BuiltSnapshot after = build_snapshot(config, nullptr, &next, seconds_now(), reading);
  CHECK(after.edited_in_place);
  check_same_as_fresh(after, config, queries);

  // The last story of a section is built whole: its section's pages change otherwise.
  std::filesystem::remove(capsule.root() / "notes/gala.md");
  BuiltSnapshot one_note = build_snapshot(config, nullptr);
  std::filesystem::remove(capsule.root() / "notes/memo.md");
  reading.serving = one_note.snapshot;
  reading.changed = ChangedFiles{"notes/memo.md"};
  CHECK_FALSE(withdraw_story_in_place(one_note, config, nullptr, seconds_now(), reading));
  BuiltSnapshot whole = build_snapshot(config, nullptr, &one_note, seconds_now(), reading);
  CHECK_FALSE(whole.edited_in_place);
  check_same_as_fresh(whole, config, queries);
}

TEST_CASE("a story moved among its lists, or renamed, is withdrawn and added again in place; both as a fresh build") {
  struct Move {
    std::string what;
    std::string removed; // the file the story was in, when it is renamed
    std::string file;
    std::string text;
    bool in_place;
    std::string changes; // as the reload reports them
  };
  const std::string show = "A show by the pier.";
  const Move moves[] = {
      {"a new date, the newest", "", "arts/show-2.md", article("Show 2", "2024-06-01", "tags = [\"stage\"]\n", show), true,
       "0 added, 1 updated, 0 removed"},
      {"new topics, one of them new", "", "arts/show-2.md",
       article("Show 2", "2024-04-03", "tags = [\"city\", \"fair\"]\n", show), true, "0 added, 1 updated, 0 removed"},
      {"a related story named", "", "world/talks.md",
       article("Talks resume", "2024-05-10", "tags = [\"harbour\"]\nrelated = [\"arts/show-0\"]\n", "Envoys met."), true,
       "0 added, 1 updated, 0 removed"},
      {"renamed within its section", "arts/show-2.md", "arts/show-two.md",
       article("Show 2", "2024-04-03", "tags = [\"stage\"]\n", show), true, "1 added, 0 updated, 1 removed"},
      {"moved to another section, and the last of its month there", "arts/retro.md", "world/retro.md",
       article("Retrospective", "2019-01-05", "tags = [\"stage\"]\n", "An old show."), true,
       "1 added, 0 updated, 1 removed"},
      {"a new date for a story another links to, at the same path", "", "world/pier.md",
       article("Pier opens", "2024-05-19", "tags = [\"harbour\", \"city\"]\n", "The pier opened."), true,
       "0 added, 1 updated, 0 removed"},
      // Not a move: the two files are built one after the other, each in place.
      {"a rename of a story another links to", "world/pier.md", "world/pier-opens.md",
       article("Pier opens", "2024-05-16T09:00:00Z", "tags = [\"harbour\", \"city\"]\n", "The pier opened."), true,
       "1 added, 0 updated, 1 removed"},
      {"a new date for a story a warning's advice names", "", "arts/retro.md",
       article("Retrospective", "2024-04-09", "tags = [\"stage\"]\n", "An old show."), false,
       "0 added, 1 updated, 0 removed"},
      {"a new date that empties a year a warning's advice names", "", "arts/vintage.md",
       article("Vintage", "2024-04-10", "tags = [\"stage\"]\n", "A vintage show."), true,
       "0 added, 1 updated, 0 removed"},
      {"made a draft", "", "arts/show-2.md", article("Show 2", "2024-04-03", "draft = true\n", show), false,
       "0 added, 0 updated, 1 removed"},
      {"given an alias", "", "arts/show-2.md",
       article("Show 2", "2024-05-03", "aliases = [\"/old/show\"]\n", show), false, "0 added, 1 updated, 0 removed"},
  };
  for (const auto& move : moves) {
    CAPTURE(move.what);
    TempCapsule capsule;
    write_capsule(capsule);
    const auto config = every_protocol(capsule.root());
    BuiltSnapshot last = build_snapshot(config, nullptr);
    REQUIRE(last.publication);
    ChangedFiles changed{move.file};
    if (!move.removed.empty()) {
      std::filesystem::remove(capsule.root() / move.removed);
      changed.insert(move.removed);
    }
    capsule.write(move.file, move.text);
    BuiltSnapshot next = build_after(config, last, changed);
    CHECK(next.edited_in_place == move.in_place);
    CHECK(describe_changes(next.changes, 0) == move.changes + "; 0 files with errors");
    check_same_as_fresh(next, config, queries);

    capsule.write("arts/show-3.md", article("Show 3", "2024-04-04", "tags = [\"stage\"]\n", "A show, and envoys."));
    BuiltSnapshot after = build_after(config, next, {"arts/show-3.md"});
    CHECK(after.edited_in_place);
    check_same_as_fresh(after, config, queries);
  }
}
