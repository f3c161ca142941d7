// Listings, feeds and search of a running server, after edits, renames and
// deletes, against a fresh start on a copy of the same files: the two must
// answer every listing page, feed and search alike, on both protocols.
#include "gazette_process.hpp"
#include "test_clients.hpp"

#include <doctest/doctest.h>
#include <deque>
#include <map>
#include <fmt/format.h>
#include <set>

using namespace gazette::testing;
namespace fs = std::filesystem;

namespace {

const std::string sections[] = {"world", "business", "culture"};
const std::string words[] = {"harbour", "treaty", "orchestra", "tariff", "election", "festival", "drought"};

// Story `i` of the capsule below, with `more` after its first paragraph
// and `retitled` after its title.
void write_story(TempCapsule& capsule, int i, const std::string& more = "", const std::string& retitled = "") {
  const std::string section = sections[static_cast<std::size_t>(i) % 3];
  const std::string date = i < 230 ? fmt::format("2024-05-{:02}T{:02}:00:00Z", 1 + i % 28, i % 24 < 12 ? 9 : 10)
                                   : fmt::format("{}-{:02}-{:02}T08:30:00Z", 2022 + i % 2, 1 + i % 12, 1 + i % 28);
  capsule.write(fmt::format("{}/story-{}.md", section, i),
                article(fmt::format("Story {} on the {}{}", i, words[static_cast<std::size_t>(i) % 7], retitled), date,
                        fmt::format("tags = [\"{}\", \"desk-{}\"]\n", words[static_cast<std::size_t>(i) % 7], i % 4),
                        fmt::format("The {} report, number {}.{}", words[static_cast<std::size_t>(i * 3) % 7], i, more)));
}

// A capsule of a few hundred stories: most spread over two years, a crowd in
// one month (so that its archive lists days), some in the same second.
void write_capsule(TempCapsule& capsule) {
  capsule.write("site.toml", "title = \"The Ledger\"\nlang = \"en\"\nfront_page = 8\nlist_page = 6\nfeed_entries = 15\n");
  for (const auto& section : sections)
    capsule.write(section + "/_section.toml", fmt::format("title = \"The {} desk\"\n", section));
  for (int i = 0; i < 320; ++i) write_story(capsule, i);
}

bool is_listing(const std::string& path) {
  return path.ends_with('/') && path.find("://") == std::string::npos && path.starts_with('/');
}

struct Answers {
  std::map<std::string, std::string> gemini, gopher;
};

// Every listing page reachable from the front page, the feeds and some
// searches, as `server` answers them.
Answers crawl(const GazetteProcess& server) {
  Answers answers;
  std::deque<std::string> queue{"/", "/tags/", "/archive/"};
  std::set<std::string> seen(queue.begin(), queue.end());
  while (!queue.empty()) {
    const std::string path = queue.front();
    queue.pop_front();
    const GeminiResponse page = gemini_get(server.gemini_port(), path);
    REQUIRE_MESSAGE(page.completed, path);
    answers.gemini[path] = page.header + "\n" + page.body;
    answers.gopher[path] = tcp_exchange(server.gopher_port(), path + "\r\n").bytes;
    std::size_t at = 0;
    while ((at = page.body.find("=> ", at)) != std::string::npos) {
      at += 3;
      const std::string link = page.body.substr(at, page.body.find_first_of(" \n", at) - at);
      if (is_listing(link) && seen.insert(link).second) queue.push_back(link);
    }
  }
  answers.gemini["/atom.xml"] = gemini_get(server.gemini_port(), "/atom.xml").body;
  for (const auto& section : sections)
    answers.gemini["/" + section + "/atom.xml"] = gemini_get(server.gemini_port(), "/" + section + "/atom.xml").body;
  // Each search as a Gemini query and as Gopher's words.
  const std::pair<std::string, std::string> searches[] = {
      {"harbour", "harbour"}, {"treaty", "treaty"}, {"renamed", "renamed"},
      {"rewritten", "rewritten"}, {"story%20orchestra", "story orchestra"}, {"number", "number"}};
  for (const auto& [query, words] : searches) {
    answers.gemini["/search?" + query] = gemini_get(server.gemini_port(), "/search?" + query).body;
    answers.gopher["/search?" + query] = tcp_exchange(server.gopher_port(), "/search\t" + words + "\r\n").bytes;
  }
  return answers;
}

std::string high_limits() { return "[limits]\nrequests_per_second = 100000\nburst = 100000\nconnections_per_client = 1000\n"; }

// Starts a server on a copy of `site`'s capsule and compares what it answers
// with what `running` answers now.
void check_against_fresh_load(const TempCapsule& site, const GazetteProcess& running) {
  TempCapsule copy;
  fs::remove_all(copy.root());
  fs::copy(site.root(), copy.root(), fs::copy_options::recursive);
  GazetteProcess fresh(copy, test_config(high_limits()));
  const Answers expected = crawl(fresh);
  const Answers got = crawl(running);
  CHECK(expected.gemini.size() > 100); // the crawl reached the archive
  for (const bool gemini : {true, false}) {
    CAPTURE(gemini);
    const auto& want = gemini ? expected.gemini : expected.gopher;
    const auto& have = gemini ? got.gemini : got.gopher;
    CHECK(want.size() == have.size());
    for (const auto& page : want) {
      const std::string& path = page.first; // a name of its own: CAPTURE takes it into a lambda
      const auto& bytes = page.second;
      CAPTURE(path);
      const auto found = have.find(path);
      REQUIRE(found != have.end());
      CHECK(found->second == bytes);
      CHECK(bytes.size() < 64 * 1024);
    }
  }
}

} // namespace

TEST_CASE("after edits, renames and deletes, every listing, feed and search is as a fresh load makes it") {
  TempCapsule site;
  write_capsule(site);
  GazetteProcess server(site, test_config(high_limits()));
  check_against_fresh_load(site, server);

  // Edits: a story moves to another month and topic, one is rewritten in
  // place, a section is renamed, a new story arrives in the crowded month.
  site.write("world/story-0.md", article("Story 0 rewritten", "2023-02-03T04:05:06Z", "tags = [\"drought\"]\n", "Rewritten."));
  site.write("business/story-4.md", article("Story 4 on the election", "2024-05-05T09:00:00Z",
                                            "tags = [\"election\", \"desk-0\"]\n", "A rewritten report."));
  site.write("culture/_section.toml", "title = \"Arts and letters\"\n");
  site.write("culture/late-arrival.md", article("Late arrival on the harbour", "2024-05-16T09:00:00Z", "tags = [\"harbour\"]\n"));
  REQUIRE(eventually([&] {
    return gemini_get(server.gemini_port(), "/culture/late-arrival").status() == 20 &&
           gemini_get(server.gemini_port(), "/culture/").body.find("Arts and letters") != std::string::npos;
  }));
  check_against_fresh_load(site, server);

  // Paragraphs added after the teasers of a story on the front page and of
  // an old one: edits that leave each story in its place, made in place.
  write_story(site, 111, "\n\nA paragraph added, rewritten for the evening.");
  write_story(site, 231, "\n\nAnother paragraph, also rewritten.");
  REQUIRE(eventually([&] {
    return gemini_get(server.gemini_port(), "/" + sections[111 % 3] + "/story-111").body.find("for the evening") !=
               std::string::npos &&
           gemini_get(server.gemini_port(), "/" + sections[231 % 3] + "/story-231").body.find("also rewritten") !=
               std::string::npos;
  }));
  const auto edits_in_place = [&] {
    const std::string log = server.stdout_text() + server.stderr_text();
    std::size_t count = 0;
    for (std::size_t at = log.find("(edited in place)"); at != std::string::npos; at = log.find("(edited in place)", at + 1))
      ++count;
    return count;
  };
  REQUIRE(eventually([&] { return edits_in_place() > 0; }));
  check_against_fresh_load(site, server);

  // New titles, which every list that shows the stories and their related
  // stories' pages name: one in the crowded month, whose archive lists days.
  const std::size_t in_place_before = edits_in_place();
  write_story(site, 111, "\n\nA paragraph added, rewritten for the evening.", ", retold");
  write_story(site, 231, "", " and the orchestra");
  REQUIRE(eventually([&] {
    return gemini_get(server.gemini_port(), "/" + sections[231 % 3] + "/story-231").body.find("and the orchestra") !=
               std::string::npos &&
           gemini_get(server.gemini_port(), "/" + sections[111 % 3] + "/story-111").body.find(", retold") !=
               std::string::npos;
  }));
  CHECK(eventually([&] { return edits_in_place() > in_place_before; }));
  check_against_fresh_load(site, server);

  // A new story alone, on topics others have and in the crowded month:
  // published in place, moving every list page after it on by one.
  const std::size_t in_place_before_story = edits_in_place();
  site.write("world/breaking.md", article("Breaking on the harbour", "2024-05-16T10:00:00Z",
                                          "tags = [\"harbour\", \"election\"]\n", "Word from the harbour."));
  REQUIRE(eventually([&] { return gemini_get(server.gemini_port(), "/world/breaking").status() == 20; }));
  CHECK(eventually([&] { return edits_in_place() > in_place_before_story; }));
  check_against_fresh_load(site, server);

  // One change at a time, each made in place: a story removed, one moved
  // into another section under a new name, one given a new date and topic.
  const std::size_t in_place_before_removal = edits_in_place();
  fs::remove(site.root() / "world/story-9.md");
  REQUIRE(eventually([&] { return gemini_get(server.gemini_port(), "/world/story-9").status() == 51; }));
  CHECK(eventually([&] { return edits_in_place() > in_place_before_removal; }));
  check_against_fresh_load(site, server);

  const std::size_t in_place_before_rename = edits_in_place();
  fs::rename(site.root() / "business/story-10.md", site.root() / "culture/story-ten.md");
  REQUIRE(eventually([&] { return gemini_get(server.gemini_port(), "/culture/story-ten").status() == 20; }));
  CHECK(eventually([&] { return edits_in_place() > in_place_before_rename; }));
  check_against_fresh_load(site, server);

  const std::size_t in_place_before_date = edits_in_place();
  site.write("culture/story-11.md", article("Story 11 on the festival", "2022-03-04T05:06:07Z",
                                            "tags = [\"festival\", \"desk-3\"]\n", "The festival, two years on."));
  REQUIRE(eventually([&] {
    return gemini_get(server.gemini_port(), "/archive/2022/03/").body.find("Story 11 on the festival") != std::string::npos;
  }));
  CHECK(eventually([&] { return edits_in_place() > in_place_before_date; }));
  check_against_fresh_load(site, server);

  // Renames and deletes, and a new page size for every list.
  fs::rename(site.root() / "world/story-3.md", site.root() / "world/renamed-story.md");
  fs::rename(site.root() / "business/story-1.md", site.root() / "culture/story-1.md");
  fs::remove(site.root() / "world/story-6.md");
  fs::remove(site.root() / "business/story-7.md");
  site.write("site.toml", "title = \"The Ledger\"\nlang = \"en\"\nfront_page = 5\nlist_page = 4\nfeed_entries = 9\n");
  REQUIRE(eventually([&] {
    return gemini_get(server.gemini_port(), "/world/renamed-story").status() == 20 &&
           gemini_get(server.gemini_port(), "/world/story-6").status() != 20 &&
           gemini_get(server.gemini_port(), "/world/page/2/").body.find("=> ") != std::string::npos &&
           gemini_get(server.gemini_port(), "/atom.xml").body.find("<entry>") != std::string::npos &&
           gemini_get(server.gemini_port(), "/culture/story-1").status() == 20;
  }));
  // The new settings are in force once the last write has been read.
  REQUIRE(eventually([&] {
    const std::string feed = gemini_get(server.gemini_port(), "/atom.xml").body;
    std::size_t entries = 0;
    for (std::size_t at = 0; (at = feed.find("<entry>", at)) != std::string::npos; ++at) ++entries;
    return entries == 9;
  }));
  check_against_fresh_load(site, server);
}
