// A reload after an edit is either made in place or built whole; either way
// every protocol's answers, search and problems are those a fresh build of
// the same files makes.
#include "site/story_edits.hpp"
#include "fresh_build.hpp"
#include "temp_capsule.hpp"

#include <doctest/doctest.h>

using namespace gazette;
using gazette::testing::article;
using gazette::testing::build_after;
using gazette::testing::every_protocol;
using gazette::testing::TempCapsule;

namespace {

void write_capsule(TempCapsule& capsule) {
  capsule.write("site.toml", "title = \"T\"\nfront_page = 3\nlist_page = 2\nfeed_entries = 2\n");
  capsule.write("world/_section.toml", "title = \"World\"\n").write("arts/_section.toml", "title = \"Arts\"\n");
  capsule.write("images/pier.jpg", "jpeg");
  capsule.write("world/pier.md", article("Pier opens", "2024-05-16T09:00:00Z",
                                         "tags = [\"harbour\"]\naliases = [\"/old/pier\"]\n"
                                         "[image]\nsrc = \"images/pier.jpg\"\ncaption = \"The pier\"\n",
                                         "The pier opened at dawn.\n\nCrowds came [early](https://example.org/early)."));
  capsule.write("world/talks.md", article("Talks resume", "2024-05-10", "tags = [\"harbour\"]\n", "Envoys met."));
  for (int i = 0; i < 6; ++i)
    capsule.write("arts/show-" + std::to_string(i) + ".md",
                  article("Show " + std::to_string(i), "2024-04-0" + std::to_string(i + 1), "tags = [\"harbour\"]\n",
                          "A show [here](/world/nowhere)."));
}

void check_same_as_fresh(const BuiltSnapshot& built, const std::shared_ptr<const Config>& config) {
  gazette::testing::check_same_as_fresh(built, config, {"pier", "dawn", "crowds", "evening", "show", "envoys"});
}

struct Row {
  std::string what;
  const char* file;
  std::string text; // empty: the file is removed
  bool in_place;
};

} // namespace

TEST_CASE("an edit that leaves a story in its place is made in place; any other is built whole; both as fresh") {
  const std::string pier_extra = "tags = [\"harbour\"]\naliases = [\"/old/pier\"]\n"
                                 "[image]\nsrc = \"images/pier.jpg\"\ncaption = \"The pier\"\n";
  const Row rows[] = {
      {"a paragraph added after the teaser", "world/pier.md",
       article("Pier opens", "2024-05-16T09:00:00Z", pier_extra,
               "The pier opened at dawn.\n\nCrowds came [early](https://example.org/early).\n\nIn the evening, fireworks."),
       true},
      {"a new link elsewhere, and the photo's caption", "world/pier.md",
       article("Pier opens", "2024-05-16T09:00:00Z",
               "tags = [\"harbour\"]\naliases = [\"/old/pier\"]\n[image]\nsrc = \"images/pier.jpg\"\ncaption = \"Dawn\"\n",
               "The pier opened at dawn.\n\nCrowds came [early](https://example.org/early) and "
               "[late](https://example.org/late)."),
       true},
      {"a link that leads nowhere, in an older story", "arts/show-5.md",
       article("Show 5", "2024-04-06", "tags = [\"harbour\"]\n", "A show [here](/world/nowhere).\n\nAnd [there](/arts/gone)."),
       true},
      {"a new title, which the pier's page names among its related stories", "world/talks.md",
       article("Talks resume at last", "2024-05-10", "tags = [\"harbour\"]\n", "Envoys met."), true},
      {"a new date (a move: see story_withdrawals_test.cpp)", "world/talks.md",
       article("Talks resume", "2024-05-17", "tags = [\"harbour\"]\n", "Envoys met."), true},
      {"a new teaser", "world/talks.md", article("Talks resume", "2024-05-10", "tags = [\"harbour\"]\n", "Envoys met again."),
       true},
      {"a teaser that no longer fits a page beside another", "arts/show-3.md",
       article("Show 3", "2024-04-04", "tags = [\"harbour\"]\nsummary = \"" + std::string(47000, 'x') + "\"\n",
               "A show [here](/world/nowhere)."),
       true},
      {"a new topic", "arts/show-1.md", article("Show 1", "2024-04-02", "tags = [\"stage\"]\n", "A show [here](/world/nowhere)."),
       true},
      {"a link elsewhere dropped", "world/pier.md",
       article("Pier opens", "2024-05-16T09:00:00Z", pier_extra, "The pier opened at dawn.\n\nCrowds came early."), true},
      {"a new story (see story_additions_test.cpp)", "arts/opening.md", article("Opening", "2024-03-01", "", "Doors open."), true},
      {"a story removed (see story_withdrawals_test.cpp)", "arts/show-0.md", "", true},
      {"a story made a draft", "arts/show-2.md", article("Show 2", "2024-04-03", "draft = true\n", "A show."), false},
  };
  for (const auto& row : rows) {
    CAPTURE(row.what);
    TempCapsule capsule;
    write_capsule(capsule);
    const auto config = every_protocol(capsule.root());
    BuiltSnapshot last = build_snapshot(config, nullptr);
    REQUIRE(last.publication);
    if (row.text.empty()) std::filesystem::remove(capsule.root() / row.file);
    else capsule.write(row.file, row.text);
    BuiltSnapshot next = build_after(config, last, {row.file});
    CHECK(next.edited_in_place == row.in_place);
    CHECK(next.changes.updated + next.changes.added + next.changes.removed == 1);
    check_same_as_fresh(next, config);

    // And once more on top: an edit in place after one.
    capsule.write("world/pier.md", article("Pier opens", "2024-05-16T09:00:00Z", pier_extra,
                                           "The pier opened at dawn.\n\nCrowds came [early](https://example.org/early)."
                                           "\n\nA last word, in the evening."));
    BuiltSnapshot after = build_after(config, next, {"world/pier.md"});
    CHECK(after.edited_in_place);
    check_same_as_fresh(after, config);
  }
}

TEST_CASE("an edit is not made in place when its file is still being written, or the settings changed") {
  TempCapsule capsule;
  write_capsule(capsule);
  const auto config = every_protocol(capsule.root());
  BuiltSnapshot last = build_snapshot(config, nullptr);
  capsule.write("world/talks.md", article("Talks resume", "2024-05-10", "tags = [\"harbour\"]\n", "Envoys met.\n\nMore."));
  CapsuleReading reading;
  reading.changed = ChangedFiles{"world/talks.md"};
  reading.serving = last.snapshot;
  reading.being_written = {"world/talks.md"}; // opened again since it was saved
  CHECK_FALSE(edit_stories_in_place(last, config, nullptr, seconds_now(), reading));
  reading.being_written.clear();
  auto other = std::make_shared<Config>(*config);
  CHECK_FALSE(edit_stories_in_place(last, other, nullptr, seconds_now(), reading));
  reading.changed.reset(); // any file may have changed
  CHECK_FALSE(edit_stories_in_place(last, config, nullptr, seconds_now(), reading));
  reading.changed = ChangedFiles{"world/talks.md", "site.toml"};
  CHECK_FALSE(edit_stories_in_place(last, config, nullptr, seconds_now(), reading));
  // The build before is untouched by each refusal, and still serves an edit
  // in place, beside files an editor and sed wrote on the way (one gone,
  // one still there) that no build publishes.
  REQUIRE(last.publication);
  capsule.write("world/.talks.md.swp", "swap");
  reading.changed = ChangedFiles{"world/talks.md", "world/sedAb12Cd", "world/.talks.md.swp"};
  const auto edited = edit_stories_in_place(last, config, nullptr, seconds_now(), reading);
  REQUIRE(edited);
  CHECK_FALSE(last.publication);
  check_same_as_fresh(*edited, config);
}

TEST_CASE("a story saved while other files are still being written is edited in place; they keep their answers") {
  TempCapsule capsule;
  write_capsule(capsule);
  const auto config = every_protocol(capsule.root());
  BuiltSnapshot last = build_snapshot(config, nullptr);
  // A known story rewritten, a new story and a photo, each half written.
  const std::string show = article("Show 1", "2024-04-02", "tags = [\"harbour\"]\n", "A show [here](/world/nowhere).");
  capsule.write("arts/show-1.md", "+++\ntitle = \"Sh");
  capsule.write("world/tide.md", "+++\ntitle = \"High");
  capsule.write("images/tide.jpg", "jp");
  capsule.write("world/talks.md", article("Talks end", "2024-05-10", "tags = [\"harbour\"]\n", "Envoys left."));
  CapsuleReading reading;
  reading.changed = ChangedFiles{"world/talks.md"};
  reading.serving = last.snapshot;
  reading.being_written = {"arts/show-1.md", "world/tide.md", "images/tide.jpg"};
  BuiltSnapshot next = build_snapshot(config, nullptr, &last, seconds_now(), reading);
  CHECK(next.edited_in_place);
  CHECK_FALSE(next.snapshot->gemini.find("/images/tide.jpg"));
  // As a fresh build of the files as they were before those writes began.
  capsule.write("arts/show-1.md", show);
  std::filesystem::remove(capsule.root() / "world/tide.md");
  std::filesystem::remove(capsule.root() / "images/tide.jpg");
  check_same_as_fresh(next, config);

  // Each, once closed, is published in place.
  capsule.write("arts/show-1.md", article("Show 1", "2024-04-02", "tags = [\"harbour\"]\n", "A new show."));
  capsule.write("world/tide.md", article("High tide", "2024-05-20", "tags = [\"harbour\"]\n", "The tide."));
  capsule.write("images/tide.jpg", "jpeg");
  for (const char* closed : {"arts/show-1.md", "world/tide.md", "images/tide.jpg"}) {
    CAPTURE(closed);
    next = build_after(config, next, {closed});
    CHECK(next.edited_in_place);
  }
  check_same_as_fresh(next, config);
}

TEST_CASE("a run of random edits, each built in place or whole, matches a fresh build after every one") {
  TempCapsule capsule;
  write_capsule(capsule);
  const auto config = every_protocol(capsule.root());
  BuiltSnapshot last = build_snapshot(config, nullptr);
  std::uint32_t seed = 7;
  auto next = [&seed] { return (seed = seed * 1664525u + 1013904223u) >> 8; };
  const std::string titles[] = {"Show", "Curtain call", "Opening night"};
  const std::string tags[] = {"harbour", "stage", "harbour\", \"stage"};
  const std::string bodies[] = {"A show [here](/world/nowhere).", "A show.\n\nA second paragraph [elsewhere](https://example.org/x).",
                                "Another first paragraph.\n\nAnd more."};
  std::size_t in_place = 0;
  for (int round = 0; round < 40; ++round) {
    CAPTURE(round);
    const int show = static_cast<int>(next() % 6);
    // Mostly the same date and topic (then in place), now and then a new one.
    const std::string day = "2024-04-0" + std::to_string(show + 1 + (next() % 5 == 0 ? 1 : 0));
    const std::size_t topic = next() % 6;
    const std::string file = "arts/show-" + std::to_string(show) + ".md";
    capsule.write(file, article(titles[next() % 3] + " " + std::to_string(show), day,
                                "tags = [\"" + tags[topic < 4 ? 0 : topic - 3] + "\"]\n", bodies[next() % 3]));
    BuiltSnapshot built = build_after(config, last, {file});
    in_place += built.edited_in_place;
    check_same_as_fresh(built, config);
    last = std::move(built);
  }
  // A new date or topic moves the story in place too.
  CHECK(in_place > 30);
}
