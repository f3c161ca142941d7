#include "content/publication_loader.hpp"
#include "content/story_index.hpp"
#include "temp_capsule.hpp"

#include <doctest/doctest.h>

using namespace gazette;
using gazette::testing::article;
using gazette::testing::TempCapsule;

namespace {

std::vector<std::string> paths(const std::vector<StoryInfo>& stories) {
  std::vector<std::string> out;
  for (const auto& story : stories) out.push_back(story.path);
  return out;
}

} // namespace

TEST_CASE("the story index: every story by path, drafts, scheduled and the latest, from a load") {
  TempCapsule capsule;
  capsule.write("site.toml", "title = \"The Review\"\nsections = [\"world\", \"arts\"]\n")
      .write("world/_section.toml", "title = \"World\"\n")
      .write("arts/_section.toml", "title = \"Arts\"\n")
      .write("world/pier.md", article("Pier opens", "2024-05-16", "author = \"A. Writer\"\naliases = [\"/old/pier\"]\n"))
      .write("world/talks.md", article("Talks", "2024-05-10"))
      .write("world/storm.md", article("Storm", "2024-05-18", "draft = true\nauthor = [\"B\", \"C\"]\n"))
      .write("arts/old-draft.md", article("Old draft", "2024-01-01", "draft = true\n"))
      .write("arts/show.md", article("Show", "2024-06-02"))
      .write("arts/later.md", article("Later", "2024-06-01T09:00:00Z"));
  const LoadedPublication loaded = load_publication(capsule.root());
  REQUIRE(loaded.publication);
  const std::int64_t now = 1716163200; // 2024-05-20T00:00:00Z
  const StoryIndex index = make_story_index(*loaded.publication, loaded.redirects, now);

  CHECK(index.now == now);
  REQUIRE(index.sections.size() == 2);
  CHECK(index.sections[0].name == "world");
  CHECK(index.find_section("arts")->title == "Arts");
  CHECK_FALSE(index.find_section("sports"));
  CHECK(index.stories.size() == 6);
  REQUIRE(index.find("/world/storm"));
  CHECK(index.find("/world/storm")->state == StoryInfo::State::draft);
  CHECK(index.find("/world/storm")->authors == std::vector<std::string>{"B", "C"});
  CHECK(index.find("/world/pier")->state == StoryInfo::State::published);
  CHECK(index.find("/arts/show")->state == StoryInfo::State::scheduled);
  CHECK_FALSE(index.find("/world/nothing"));
  CHECK(paths(index.drafts) == std::vector<std::string>{"/world/storm", "/arts/old-draft"});
  CHECK(paths(index.scheduled) == std::vector<std::string>{"/arts/later", "/arts/show"});
  // Published and dated by now, newest first.
  for (const auto& story : index.latest) CHECK(story.state == StoryInfo::State::published);
  CHECK(paths(index.latest) == std::vector<std::string>{"/world/pier", "/world/talks"});
  CHECK(index.aliases.at("/old/pier") == "/world/pier");
}
