// Several story files changed at once are built one after another, each
// in place where it can be, and the whole is built at most once. Either
// way every answer, search and problem is what a fresh build makes.
#include "site/snapshot_builder.hpp"
#include "fresh_build.hpp"
#include "temp_capsule.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace gazette;
using gazette::testing::article;
using gazette::testing::build_after_changes;
using gazette::testing::check_same_as_fresh;
using gazette::testing::FileChange;
using gazette::testing::every_protocol;
using gazette::testing::TempCapsule;

namespace {

const std::vector<std::string> queries{"pier", "ferry", "show", "storm", "tide"};

// Two stories to a page: World has four stories, Arts five.
void write_capsule(TempCapsule& capsule) {
  capsule.write("site.toml", "title = \"T\"\nfront_page = 3\nlist_page = 2\nfeed_entries = 2\nrelated = 2\n");
  capsule.write("world/_section.toml", "title = \"World\"\n").write("arts/_section.toml", "title = \"Arts\"\n");
  capsule.write("world/pier.md", article("Pier opens", "2024-05-16", "tags = [\"harbour\"]\n", "The pier opened."));
  capsule.write("world/ferry.md", article("Ferry late", "2024-04-20", "tags = [\"harbour\"]\n", "See [the pier](/world/pier)."));
  capsule.write("world/kiosk.md", article("Kiosk", "2024-05-01", "", "A kiosk."));
  capsule.write("world/talks.md", article("Talks", "2024-05-10", "tags = [\"city\"]\n", "Envoys met."));
  for (int i = 0; i < 5; ++i)
    capsule.write("arts/show-" + std::to_string(i) + ".md",
                  article("Show " + std::to_string(i), "2024-04-0" + std::to_string(i + 1), "tags = [\"stage\"]\n",
                          "A show by the pier."));
}

struct Row {
  std::string what;
  std::vector<FileChange> files;
  bool in_place;
  std::string changes; // as the reload reports them
};

const std::string storm = article("Storm ahead", "2024-05-20", "tags = [\"harbour\"]\n", "A storm.");
const std::string tide = article("High tide", "2024-05-21", "tags = [\"harbour\"]\n", "The tide.");

} // namespace

TEST_CASE("several stories changed at once: one after another in place, else the whole once; both as a fresh build") {
  const Row rows[] = {
      {"two new stories in one section", {{"world/storm.md", storm}, {"world/tide.md", tide}}, true,
       "2 added, 0 updated, 0 removed"},
      {"a new story and a removed one", {{"world/storm.md", storm}, {"arts/show-2.md", std::nullopt}}, true,
       "1 added, 0 updated, 1 removed"},
      {"two removed stories", {{"arts/show-1.md", std::nullopt}, {"arts/show-3.md", std::nullopt}}, true,
       "0 added, 0 updated, 2 removed"},
      {"three removed stories that list each other as related",
       {{"world/pier.md", std::nullopt}, {"world/ferry.md", std::nullopt}, {"arts/show-4.md", std::nullopt}}, true,
       "0 added, 0 updated, 3 removed"},
      {"a new date for one story and a new title for another",
       {{"arts/show-0.md", article("Show 0", "2024-06-01", "tags = [\"stage\"]\n", "A show by the pier.")},
        {"world/kiosk.md", article("The kiosk", "2024-05-01", "", "A kiosk.")}},
       true, "0 added, 2 updated, 0 removed"},
      {"a new story, with an editor's backup beside it", {{"world/storm.md", storm}, {"world/storm.md~", "backup"}},
       true, "1 added, 0 updated, 0 removed"},
      {"a new story that names another new one as related",
       {{"world/aa-storm.md", article("Storm ahead", "2024-05-20", "related = [\"world/tide\"]\n", "A storm.")},
        {"world/tide.md", tide}},
       false, "2 added, 0 updated, 0 removed"},
      {"a removed story that another links to, then a new one", {{"world/pier.md", std::nullopt}, {"world/storm.md", storm}},
       true, "1 added, 0 updated, 1 removed"},
      {"a new story, then one dated later, then an edit",
       {{"arts/new-show.md", article("New show", "2024-04-09", "tags = [\"stage\"]\n", "Tide.")},
        {"world/later.md", article("Later", "2099-01-01", "", "Not yet.")},
        {"world/talks.md", article("Talks end", "2024-05-10", "tags = [\"city\"]\n", "Envoys left.")}},
       false, "1 added, 1 updated, 0 removed"},
      {"a story renamed into a section whose path comes first (Finger names it by its slug)",
       {{"world/kiosk.md", std::nullopt}, {"arts/kiosk.md", article("Kiosk", "2024-05-01", "", "A kiosk.")}}, true,
       "1 added, 0 updated, 1 removed"},
      {"a new story and the site's settings",
       {{"world/storm.md", storm}, {"site.toml", "title = \"New title\"\nlist_page = 2\n"}}, false,
       "1 added, 0 updated, 0 removed"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.what);
    TempCapsule capsule;
    write_capsule(capsule);
    const auto config = every_protocol(capsule.root());
    BuiltSnapshot last = build_snapshot(config, nullptr);
    REQUIRE(last.publication);
    BuiltSnapshot next = build_after_changes(capsule, config, last, row.files);
    CHECK(next.edited_in_place == row.in_place);
    CHECK(describe_changes(next.changes, 0) == row.changes + "; 0 files with errors");
    check_same_as_fresh(next, config, queries);
  }
}

TEST_CASE("a refused file removed beside other changes takes its problem with it; both as a fresh build") {
  const std::pair<std::string, std::string> refused[] = {
      {"world/Bad Name.md", article("Bad name", "2024-05-02")},
      {"world/no-date.md", "+++\ntitle = \"No date\"\n+++\nNo date.\n"},
  };
  for (const auto& each : refused) {
    const std::string& file = each.first; // a name of its own: CAPTURE takes it into a lambda
    const std::string& text = each.second;
    CAPTURE(file);
    TempCapsule capsule;
    write_capsule(capsule);
    capsule.write(file, text);
    const auto config = every_protocol(capsule.root());
    BuiltSnapshot last = build_snapshot(config, nullptr);
    REQUIRE(std::any_of(last.diagnostics.begin(), last.diagnostics.end(),
                        [&](const Diagnostic& diagnostic) { return diagnostic.path == file; }));
    BuiltSnapshot next = build_after_changes(
        capsule, config, last,
        {{file, std::nullopt}, {"world/kiosk.md", article("The kiosk", "2024-05-01", "", "A kiosk.")}});
    CHECK(std::none_of(next.diagnostics.begin(), next.diagnostics.end(),
                       [&](const Diagnostic& diagnostic) { return diagnostic.path == file; }));
    check_same_as_fresh(next, config, queries);
  }
}
