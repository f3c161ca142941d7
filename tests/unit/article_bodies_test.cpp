// Parsed bodies are let go once a build has rendered them, and read again
// from the file when a later build must render the story anew.
#include "content/article_bodies.hpp"
#include "site/snapshot_builder.hpp"
#include "temp_capsule.hpp"

#include <doctest/doctest.h>

using namespace gazette;
using gazette::testing::article;
using gazette::testing::TempCapsule;

namespace {

const std::string body_text = "A first paragraph with [a link](https://example.org/report).\n\n"
                              "![alt](/images/nowhere.png \"A caption\")\n\n## A heading\n\n- an item\n";

std::shared_ptr<Config> config_for(const TempCapsule& capsule) {
  auto config = std::make_shared<Config>();
  config->capsule = capsule.root();
  return config;
}

std::string page(const BuiltSnapshot& built, const std::string& path) {
  const Resource* found = Snapshot::find(built.snapshot->gemini, path);
  REQUIRE(found);
  return found->bytes.joined();
}

} // namespace

TEST_CASE("a released body comes back from the file as it was parsed, its links kept meanwhile") {
  TempCapsule capsule;
  capsule.write("site.toml", "title = \"T\"\n").write("world/_section.toml", "title = \"World\"\n");
  capsule.write("world/pier.md", article("Pier", "2024-05-16", "", body_text));
  LoadedPublication loaded = load_publication(capsule.root());
  REQUIRE(loaded.publication);
  const Article& pier = *loaded.publication->by_path.at("/world/pier");
  const std::size_t blocks = pier.body.blocks.size();
  REQUIRE(blocks == 4);
  const std::vector<BodyReference> references = pier.references;
  REQUIRE(references.size() == 2);
  CHECK(references[0].url == "https://example.org/report");
  CHECK_FALSE(references[0].image);
  CHECK(references[1].url == "/images/nowhere.png");
  CHECK(references[1].image);

  loaded.publication.reset();
  release_bodies(loaded.cache);
  const Article& cached = loaded.cache.articles.at("world/pier.md").parsed->article;
  CHECK(cached.body_released);
  CHECK(cached.body.blocks.empty());
  CHECK(cached.references.size() == 2); // what every load checks stays
  CHECK(cached.title == "Pier");

  restore_body(capsule.root(), cached);
  CHECK_FALSE(cached.body_released);
  REQUIRE(cached.body.blocks.size() == blocks);
  CHECK(cached.body.blocks[0].text == "A first paragraph with a link.");
  CHECK(cached.body.blocks[0].line == 5); // lines of the file, as the first parse had them
}

TEST_CASE("a story rendered anew after its body was let go is the page a fresh build makes") {
  TempCapsule capsule;
  capsule.write("site.toml", "title = \"T\"\n").write("world/_section.toml", "title = \"World\"\n");
  capsule.write("world/pier.md", article("Pier", "2024-05-16", "related = [\"world/talks\"]\n", body_text));
  capsule.write("world/talks.md", article("Talks", "2024-05-10", "", "Envoys met."));
  const auto config = config_for(capsule);
  BuiltSnapshot first = build_snapshot(config, nullptr);
  CHECK(first.cache.articles.at("world/pier.md").parsed->article.body_released);

  // The related story's title is on the pier's page: the pier is rendered
  // again, from a body read again, though its own file did not change.
  capsule.write("world/talks.md", article("Talks resume", "2024-05-10", "", "Envoys met."));
  BuiltSnapshot second = build_snapshot(config, nullptr, &first);
  const BuiltSnapshot fresh = build_snapshot(config, nullptr);
  const std::string pier = page(second, "/world/pier");
  CHECK(pier.find("Talks resume") != std::string::npos);
  CHECK(pier.find("A first paragraph with a link.") != std::string::npos);
  CHECK(pier == page(fresh, "/world/pier"));
  CHECK(page(second, "/world/talks") == page(fresh, "/world/talks"));
  CHECK(second.cache.articles.at("world/pier.md").parsed->article.body_released);
  // The body's links are still checked on every load.
  const auto warned = [](const BuiltSnapshot& built) {
    return std::count_if(built.diagnostics.begin(), built.diagnostics.end(), [](const Diagnostic& d) {
      return d.path == "world/pier.md" && d.message.find("/images/nowhere.png") != std::string::npos;
    });
  };
  CHECK(warned(first) == 1);
  CHECK(warned(second) == 1);
}

TEST_CASE("a story whose file broke after its body was let go keeps its last pages, and the fix renders anew") {
  TempCapsule capsule;
  capsule.write("site.toml", "title = \"T\"\n").write("world/_section.toml", "title = \"World\"\n");
  capsule.write("world/pier.md", article("Pier", "2024-05-16", "", "First version."));
  capsule.write("world/talks.md", article("Talks", "2024-05-10", "", "Envoys met."));
  const auto config = config_for(capsule);
  BuiltSnapshot first = build_snapshot(config, nullptr);
  const std::string pier = page(first, "/world/pier");
  REQUIRE(pier.find("First version.") != std::string::npos);

  // A broken save keeps the last good version; a new story then changes the
  // pier's related stories, which would render it anew from a file that no
  // longer holds its body.
  capsule.write("world/pier.md", "+++\ntitle = \"Pier\"\ndate = 2024-05-16\ntags = [\n+++\nBroken.\n");
  capsule.write("world/other.md", article("Other", "2024-05-01", "", "Other."));
  BuiltSnapshot second = build_snapshot(config, nullptr, &first);
  CHECK(page(second, "/world/pier") == pier);
  BuiltSnapshot third = build_snapshot(config, nullptr, &second);
  CHECK(page(third, "/world/pier") == pier);

  capsule.write("world/pier.md", article("Pier", "2024-05-16", "", "Fixed version."));
  const BuiltSnapshot fixed = build_snapshot(config, nullptr, &third);
  CHECK(page(fixed, "/world/pier").find("Fixed version.") != std::string::npos);
  CHECK(page(fixed, "/world/pier") == page(build_snapshot(config, nullptr), "/world/pier"));
}
