// A server's first build serves its pages before its search index is built
// (CapsuleReading::search_later): searches meanwhile are "not ready", and
// once complete_search has run, the snapshot and the caches the next
// reload builds from are those of a build that made both at once.
#include "gemini/gemini_answer.hpp"
#include "gopher/gopher_answer.hpp"
#include "site/snapshot_builder.hpp"
#include "spartan/spartan_answer.hpp"
#include "fresh_build.hpp"
#include "temp_capsule.hpp"

#include <doctest/doctest.h>

using namespace gazette;
using gazette::testing::article;
using gazette::testing::build_after_changes;
using gazette::testing::every_protocol;
using gazette::testing::first_difference;
using gazette::testing::TempCapsule;

namespace {

void write_capsule(TempCapsule& capsule) {
  capsule.write("site.toml", "title = \"T\"\nfront_page = 3\nlist_page = 2\n");
  capsule.write("world/_section.toml", "title = \"World\"\n").write("arts/_section.toml", "title = \"Arts\"\n");
  capsule.write("world/pier.md", article("Pier opens", "2024-05-16T09:00:00Z", "tags = [\"harbour\"]\n",
                                         "The pier opened at dawn.\n\nCrowds came [early](https://example.org/early)."));
  capsule.write("world/talks.md", article("Talks resume", "2024-05-10", "tags = [\"harbour\"]\n", "Envoys met."));
  for (int i = 0; i < 5; ++i)
    capsule.write("arts/show-" + std::to_string(i) + ".md",
                  article("Show " + std::to_string(i), "2024-04-0" + std::to_string(i + 1), "tags = [\"harbour\"]\n",
                          "A show of Ødegaard's prints."));
}

// Every protocol, answering for localhost.
std::shared_ptr<const Config> settings(const TempCapsule& capsule) {
  auto config = std::make_shared<Config>(*every_protocol(capsule.root()));
  config->hostnames = {"localhost"};
  return config;
}

const std::vector<std::string> queries = {"pier", "dawn", "crowds", "show", "odegaard", "envoys", "world", "harbour"};

BuiltSnapshot build_as_a_start(const std::shared_ptr<const Config>& config) {
  CapsuleReading start;
  start.search_later = true;
  return build_snapshot(config, nullptr, nullptr, seconds_now(), start);
}

struct Search {
  std::string protocol;
  std::function<Answer(const Snapshot&)> ask;
  std::string status_not_ready;
  std::string status_found;
};

const Search searches[] = {
    {"gemini", [](const Snapshot& s) { return answer_gemini(s, {Framing::complete, "gemini://localhost/search?pier"}, {1965, {}}); },
     "41", "20"},
    {"gopher", [](const Snapshot& s) { return answer_gopher(s, {Framing::complete, "/search\tpier"}, {70, {}}); }, "3", "1"},
    {"spartan", [](const Snapshot& s) { return answer_spartan(s, {Framing::complete, "localhost /search?pier 0"}, {300, {}}); },
     "5", "2"},
};

} // namespace

TEST_CASE("a start's build serves every page at once, and each search once its index is built") {
  TempCapsule capsule;
  write_capsule(capsule);
  const auto config = settings(capsule);
  const BuiltSnapshot whole = build_snapshot(config, nullptr);
  BuiltSnapshot start = build_as_a_start(config);

  REQUIRE(start.snapshot);
  CHECK(start.search_pending);
  CHECK(start.snapshot->search_pending);
  CHECK_FALSE(start.snapshot->search);
  CHECK_FALSE(whole.search_pending);
  // Every page is there, as a whole build has it.
  CHECK(first_difference(start.snapshot->gemini, whole.snapshot->gemini) == "");
  CHECK(first_difference(start.snapshot->gopher, whole.snapshot->gopher) == "");
  CHECK(first_difference(start.snapshot->spartan, whole.snapshot->spartan) == "");
  CHECK(first_difference(start.snapshot->finger, whole.snapshot->finger) == "");
  // The search words are yet to be found from the bodies, which are kept.
  const Article& pier = *start.publication->by_path.at("/world/pier");
  CHECK_FALSE(pier.body_released);
  CHECK(start.article_renders.at(&pier)->words.all.empty());

  for (const auto& search : searches) {
    CAPTURE(search.protocol);
    const Answer waiting = search.ask(*start.snapshot);
    CHECK(waiting.not_ready);
    CHECK(waiting.status == search.status_not_ready);
    CHECK(waiting.made.find(search_not_ready) != std::string::npos);
  }
  // The prompt for search words is a page like any other.
  const Answer prompt = answer_gemini(*start.snapshot, {Framing::complete, "gemini://localhost/search"}, {1965, {}});
  CHECK_FALSE(prompt.not_ready);
  CHECK(prompt.status == "10");

  const std::shared_ptr<const Snapshot> serving = start.snapshot;
  const std::shared_ptr<const Snapshot> completed = complete_search(start, *serving);
  CHECK(completed == start.snapshot);
  CHECK_FALSE(start.search_pending);
  CHECK_FALSE(completed->search_pending);
  REQUIRE(completed->search);
  CHECK(pier.body_released);
  // The words each story is found by are those a whole build finds.
  for (const Article* story : start.publication->published) {
    CAPTURE(story->path());
    const Article& same = *whole.publication->by_path.at(story->path());
    CHECK(start.article_renders.at(story)->words.all == whole.article_renders.at(&same)->words.all);
    CHECK(start.article_renders.at(story)->words.title == whole.article_renders.at(&same)->words.title);
  }
  gazette::testing::check_same_as_fresh(start, config, queries);
  for (const auto& search : searches) {
    CAPTURE(search.protocol);
    const Answer found = search.ask(*completed);
    CHECK_FALSE(found.not_ready);
    CHECK(found.status == search.status_found);
    CHECK(found.made == search.ask(*whole.snapshot).made);
  }
  // The snapshot served meanwhile is left as it was.
  CHECK(serving->search_pending);
  CHECK_FALSE(serving->search);
}

TEST_CASE("the reloads after a start's build are made from it as from any other") {
  TempCapsule capsule;
  write_capsule(capsule);
  const auto config = settings(capsule);
  BuiltSnapshot start = build_as_a_start(config);
  complete_search(start, *start.snapshot);

  SUBCASE("an edit in place") {
    BuiltSnapshot edited = build_after_changes(
        capsule, config, start,
        {{"world/pier.md", article("Pier opens", "2024-05-16T09:00:00Z", "tags = [\"harbour\"]\n",
                                   "The pier opened at dawn.\n\nCrowds came [early](https://example.org/early).\n\n"
                                   "Fireworks followed.")}});
    CHECK(edited.edited_in_place);
    gazette::testing::check_same_as_fresh(edited, config, {"fireworks", "pier", "show", "odegaard"});
  }
  SUBCASE("a new story") {
    BuiltSnapshot added = build_after_changes(
        capsule, config, start,
        {{"world/ferry.md", article("Ferry returns", "2024-05-17", "tags = [\"harbour\"]\n", "The ferry is back.")}});
    gazette::testing::check_same_as_fresh(added, config, {"ferry", "pier", "harbour"});
  }
  SUBCASE("a story withdrawn") {
    BuiltSnapshot withdrawn = build_after_changes(capsule, config, start, {{"arts/show-2.md", std::nullopt}});
    gazette::testing::check_same_as_fresh(withdrawn, config, {"show", "odegaard", "pier"});
  }
}

TEST_CASE("a capsule without a publication has no search to wait for") {
  TempCapsule capsule;
  capsule.write("index.gmi", "# Hello\n");
  const auto config = settings(capsule);
  BuiltSnapshot start = build_as_a_start(config);
  CHECK_FALSE(start.search_pending);
  CHECK_FALSE(start.snapshot->search_pending);
  for (const auto& search : searches) {
    CAPTURE(search.protocol);
    CHECK_FALSE(search.ask(*start.snapshot).not_ready);
  }
  CHECK(answer_gemini(*start.snapshot, {Framing::complete, "gemini://localhost/search?pier"}, {1965, {}}).status == "51");
}
