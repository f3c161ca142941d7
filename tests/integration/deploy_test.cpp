// Deploying a whole capsule under a running server, as admins who keep it in
// git or build it elsewhere do: moving it away and back, a symlink swap, a
// git checkout. Readers keep the last good publication, and never see a mix
// of the old and the new.
#include "answer_poller.hpp"
#include "gazette_process.hpp"
#include "test_clients.hpp"

#include <cstdlib>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fstream>

using namespace gazette::testing;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

TempCapsule& newsroom(TempCapsule& site) {
  return site.write("site.toml", "title = \"Newsroom\"\n")
      .write("world/_section.toml", "title = \"World\"\n")
      .write("world/pier.md", article("Pier opens", "2024-05-16", "", "First version."));
}

bool body_has(std::uint16_t port, const std::string& path, const std::string& text) {
  return gemini_get(port, path).body.find(text) != std::string::npos;
}

int occurrences(const std::string& text, const std::string& part) {
  int count = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

void write_file(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

// A capsule of `stories` stories in one section, each titled with `edition`
// ("old" or "new"), so that a page listing them shows which capsule it came from.
void write_edition(const fs::path& capsule, int stories, const std::string& edition) {
  write_file(capsule / "site.toml", "title = \"Newsroom\"\n");
  write_file(capsule / "world/_section.toml", "title = \"World\"\n");
  for (int i = 0; i < stories; ++i)
    write_file(capsule / fmt::format("world/story-{:03}.md", i),
               article(fmt::format("Story {} ({})", i, edition), fmt::format("2024-{:02}-{:02}", 1 + i / 28, 1 + i % 28),
                       "", fmt::format("The {} text of story {}.", edition, i)));
}

// What a page listing every story shows: "old", "new", or "mixed" when it
// holds stories of both editions, or "neither".
std::string edition_of(const GeminiResponse& page) {
  const bool old_stories = page.body.find("(old)") != std::string::npos;
  const bool new_stories = page.body.find("(new)") != std::string::npos;
  if (page.status() != 20) return "answer " + page.header;
  return old_stories && new_stories ? "mixed" : old_stories ? "old" : new_stories ? "new" : "neither";
}

// Every answer the poller got was one edition whole, first the old, then the new.
void check_old_then_new(const std::vector<std::string>& answers) {
  REQUIRE_FALSE(answers.empty());
  bool seen_new = false;
  for (const auto& answer : answers) {
    CAPTURE(answer);
    CHECK((answer == "old" || answer == "new"));
    if (answer == "new") seen_new = true;
    if (seen_new) CHECK(answer == "new");
  }
  CHECK(answers.front() == "old");
  CHECK(answers.back() == "new");
}

int run(const std::string& command) {
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

} // namespace

TEST_CASE("deploy: a capsule moved away keeps the last good publication online, and is loaded when it is back") {
  TempCapsule site;
  newsroom(site);
  GazetteProcess server(site);
  const auto port = server.gemini_port();
  REQUIRE(body_has(port, "/world/pier", "First version."));
  const fs::path away = site.folder() / "capsule.old";

  fs::rename(site.root(), away);
  const std::string missing = "capsule: cannot be read (No such file or directory); still serving the last good version";
  CHECK(eventually([&] { return server.stderr_text().find(missing) != std::string::npos; }));
  CHECK(body_has(port, "/world/pier", "First version."));
  CHECK(body_has(port, "/", "# Newsroom"));
  // Changes in the folder moved away are not the capsule's: nothing more is logged.
  write_file(away / "world/pier.md", article("Pier opens", "2024-05-16", "", "Edited while away."));
  write_file(away / "world/storm.md", article("Storm ahead", "2024-05-17"));
  CHECK(body_has(port, "/world/pier", "First version."));

  fs::rename(away, site.root());
  CHECK(eventually([&] { return body_has(port, "/world/pier", "Edited while away."); }));
  CHECK(gemini_get(port, "/world/storm").status() == 20);
  CHECK(occurrences(server.stderr_text(), missing) == 1);

  // Deleted outright, then a new folder put in its place.
  fs::remove_all(site.root());
  CHECK(eventually([&] { return occurrences(server.stderr_text(), missing) == 2; }));
  CHECK(body_has(port, "/world/pier", "Edited while away."));
  const fs::path fresh = site.folder() / "capsule.new";
  write_file(fresh / "site.toml", "title = \"Fresh Newsroom\"\n");
  write_file(fresh / "world/_section.toml", "title = \"World\"\n");
  write_file(fresh / "world/pier.md", article("Pier opens", "2024-05-16", "", "From the new folder."));
  fs::rename(fresh, site.root());
  CHECK(eventually([&] { return body_has(port, "/world/pier", "From the new folder."); }));
  CHECK(body_has(port, "/", "# Fresh Newsroom"));
  CHECK(gemini_get(port, "/world/storm").status() == 51);
}

TEST_CASE("deploy: without site.toml the last good publication stays online until it is back") {
  TempCapsule site;
  newsroom(site);
  GazetteProcess server(site);
  const auto port = server.gemini_port();

  fs::remove(site.root() / "site.toml");
  const std::string missing = "site.toml is missing; still serving the last good version";
  CHECK(eventually([&] { return server.stderr_text().find(missing) != std::string::npos; }));
  CHECK(body_has(port, "/", "# Newsroom"));
  CHECK(body_has(port, "/world/pier", "First version."));
  CHECK(tcp_exchange(server.gopher_port(), "/world/pier\r\n").bytes.starts_with("Pier opens"));
  // More changes meanwhile wait for it, and the same line is not logged again.
  site.write("world/pier.md", article("Pier opens", "2024-05-16", "", "Second version."));
  std::this_thread::sleep_for(500ms); // time for the reload the edit sets off
  CHECK(body_has(port, "/", "# Newsroom"));
  CHECK(body_has(port, "/world/pier", "First version."));

  site.write("site.toml", "title = \"Newsroom, back\"\n");
  CHECK(eventually([&] { return body_has(port, "/", "# Newsroom, back"); }));
  CHECK(body_has(port, "/world/pier", "Second version."));
  CHECK(occurrences(server.stderr_text(), missing) == 1);
}

TEST_CASE("deploy: a site.toml the server cannot read keeps the last good publication, and the log says why") {
  TempCapsule site;
  newsroom(site);
  GazetteProcess server(site);
  const auto port = server.gemini_port();

  fs::permissions(site.root() / "site.toml", fs::perms::none);
  CHECK(eventually([&] {
    return server.stderr_text().find("site.toml cannot be read (Permission denied); still serving the last good "
                                     "version") != std::string::npos;
  }));
  CHECK(server.stderr_text().find("site.toml is missing") == std::string::npos);
  CHECK(body_has(port, "/", "# Newsroom"));
  CHECK(body_has(port, "/world/pier", "First version."));

  fs::permissions(site.root() / "site.toml", fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                                                 fs::perms::others_read);
  site.write("site.toml", "title = \"Newsroom, readable\"\n");
  CHECK(eventually([&] { return body_has(port, "/", "# Newsroom, readable"); }));
}

TEST_CASE("deploy: a symlinked capsule swapped to another is loaded whole, with no signal and no mix") {
  TempCapsule site;
  const int stories = 200;
  write_edition(site.folder() / "capsule-a", stories, "old");
  write_edition(site.folder() / "capsule-b", stories, "new");
  fs::remove_all(site.root());
  fs::create_directory_symlink("capsule-a", site.root());
  GazetteProcess server(site);
  const auto port = server.gemini_port();
  REQUIRE(edition_of(gemini_get(port, "/world/")) == "old");

  AnswerPoller section([&] { return edition_of(gemini_get(port, "/world/")); });
  REQUIRE(eventually([&] { return section.count() >= 3; }));
  // ln -sfn capsule-b capsule.tmp && mv -T capsule.tmp capsule
  fs::create_directory_symlink("capsule-b", site.folder() / "capsule.tmp");
  fs::rename(site.folder() / "capsule.tmp", site.root());
  CHECK(eventually([&] { return edition_of(gemini_get(port, "/world/")) == "new"; }));
  const std::size_t seen = section.count();
  REQUIRE(eventually([&] { return section.count() >= seen + 3; }));
  check_old_then_new(section.stop());
  CHECK(body_has(port, "/world/story-007", "The new text of story 7."));

  // The new target is the one watched now.
  write_file(site.folder() / "capsule-b/world/story-007.md", article("Story 7 (new)", "2024-01-08", "", "Edited after the swap."));
  CHECK(eventually([&] { return body_has(port, "/world/story-007", "Edited after the swap."); }));
}

TEST_CASE("deploy: a git checkout of a few hundred stories is published once, whole") {
  REQUIRE(run("git --version > /dev/null") == 0);
  TempCapsule site;
  const int stories = 300;
  const std::string git = fmt::format("git -C '{}' -c user.name=Desk -c user.email=desk@example.org "
                                      "-c filter.slow.clean=cat -c 'filter.slow.smudge=sleep 0.4; cat' ",
                                      site.root().string());
  write_edition(site.root(), stories, "old");
  // A file that takes a while to check out, as a large one or one behind a
  // smudge filter does, half way through the newest stories.
  write_file(site.root() / ".gitattributes", "world/story-295.md filter=slow\n");
  REQUIRE(run(git + "init -q -b main") == 0);
  REQUIRE(run(git + "add -A && " + git + "commit -q -m old") == 0);
  write_edition(site.root(), stories, "new");
  REQUIRE(run(git + "commit -q -am new && " + git + "checkout -q HEAD~1") == 0);

  GazetteProcess server(site);
  const auto port = server.gemini_port();
  REQUIRE(edition_of(gemini_get(port, "/world/")) == "old");
  AnswerPoller section([&] { return edition_of(gemini_get(port, "/world/")); });
  AnswerPoller front([&] { return edition_of(gemini_get(port, "/")); });
  REQUIRE(eventually([&] { return section.count() >= 3 && front.count() >= 3; }));
  REQUIRE(run(git + "checkout -q main") == 0);
  CHECK(eventually([&] { return edition_of(gemini_get(port, "/world/")) == "new"; }));
  const std::size_t seen = section.count();
  REQUIRE(eventually([&] { return section.count() >= seen + 3; }));
  check_old_then_new(section.stop());
  check_old_then_new(front.stop());
  CHECK(occurrences(server.stderr_text(), "reloaded capsule") == 1);
}

TEST_CASE("deploy: rsync with --delay-updates is published once, whole") {
  REQUIRE(run("rsync --version > /dev/null") == 0);
  TempCapsule site;
  const int stories = 300;
  write_edition(site.root(), stories, "old");
  write_file(site.root() / "world/dropped.md", article("Dropped (old)", "2023-01-01"));
  const fs::path staging = site.folder() / "staging";
  write_edition(staging, stories, "new");
  write_file(staging / "world/added.md", article("Added (new)", "2023-01-02"));
  GazetteProcess server(site);
  const auto port = server.gemini_port();
  REQUIRE(edition_of(gemini_get(port, "/world/")) == "old");

  AnswerPoller section([&] { return edition_of(gemini_get(port, "/world/")); });
  REQUIRE(eventually([&] { return section.count() >= 3; }));
  // By checksum: the two editions' files have the same sizes and may have the same times.
  REQUIRE(run(fmt::format("rsync -a --checksum --delete-delay --delay-updates '{}/' '{}/'", staging.string(), site.root().string())) == 0);
  CHECK(eventually([&] { return edition_of(gemini_get(port, "/world/")) == "new"; }));
  const std::size_t seen = section.count();
  REQUIRE(eventually([&] { return section.count() >= seen + 3; }));
  check_old_then_new(section.stop());
  CHECK(gemini_get(port, "/world/dropped").status() == 51);
  CHECK(gemini_get(port, "/world/added").status() == 20);
  CHECK(occurrences(server.stderr_text(), "reloaded capsule") == 1);
}
