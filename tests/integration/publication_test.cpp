// The sample capsule served over Gemini, and the admin commands on it.
#include "gazette_process.hpp"
#include "gopher_menus.hpp"
#include "test_clients.hpp"

#include <deque>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

using namespace gazette::testing;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Local targets of a page's link lines ("=> /path label").
std::vector<std::string> local_links(const std::string& gemtext) {
  std::vector<std::string> links;
  for (const auto& line : lines_of(gemtext)) {
    if (!line.starts_with("=> /")) continue;
    links.push_back(line.substr(3, line.find(' ', 3) - 3));
  }
  return links;
}

int count_matching(const std::string& text, const std::regex& pattern) {
  return static_cast<int>(std::distance(std::sregex_iterator(text.begin(), text.end(), pattern), std::sregex_iterator()));
}

} // namespace

TEST_CASE("the sample capsule: every local link from the front page answers") {
  TempCapsule site;
  copy_sample_capsule(site);
  GazetteProcess server(site);
  const auto port = server.gemini_port();

  std::set<std::string> seen{"/"};
  std::deque<std::string> queue{"/"};
  int pages = 0;
  while (!queue.empty()) {
    const std::string path = queue.front();
    queue.pop_front();
    CAPTURE(path);
    GeminiResponse response = gemini_get(port, path);
    CHECK(response.close_notify);
    if (path == "/search") {
      CHECK(response.header == "10 Search the news");
      continue;
    }
    REQUIRE(response.status() == 20);
    ++pages;
    if (!response.header.starts_with("20 text/gemini")) continue;
    CHECK(response.header == "20 text/gemini; lang=en");
    for (const auto& link : local_links(response.body))
      if (seen.insert(link).second) queue.push_back(link);
  }
  // Front page, 4 sections, 4 articles, topics, photos at least.
  CHECK(pages >= 15);
  CHECK(seen.count("/diplomacy-watch/ukraine-and-russia-are-quietly-talking"));
  CHECK(seen.count("/images/gaza-pier.png"));
  CHECK(seen.count("/tags/ukraine/"));
}

TEST_CASE("the sample capsule: front page and sections are Gemini subscription pages") {
  TempCapsule site;
  copy_sample_capsule(site);
  GazetteProcess server(site);
  const std::regex dated(R"((^|\n)=> \S+ \d{4}-\d\d-\d\d )");
  const std::regex keep_reading(R"((^|\n)=> \S+ Keep reading\n)");

  GeminiResponse front = gemini_get(server.gemini_port(), "/");
  CHECK(front.body.starts_with("# The Foreign Desk\n"));
  CHECK(count_matching(front.body, dated) == 4);
  CHECK(count_matching(front.body, keep_reading) == 4);
  CHECK(front.body.find("=> /diplomacy-watch/ Diplomacy Watch\n") != std::string::npos);
  CHECK(front.body.find("=> /israel-gaza/ Israel-Gaza Crisis\n") != std::string::npos);
  // Newest first; the column known by its headline alone is held back, never the top story.
  CHECK(front.body.find("2024-05-16 $320M US military pier") < front.body.find("2023-10-27 Ukraine and Russia"));
  CHECK(front.body.find("A peace summit") == std::string::npos);

  GeminiResponse section = gemini_get(server.gemini_port(), "/diplomacy-watch/");
  CHECK(section.body.starts_with("# Diplomacy Watch\n"));
  CHECK(count_matching(section.body, dated) == 1);
  CHECK(gemini_get(server.gemini_port(), "/diplomacy-watch").header == "31 /diplomacy-watch/");
}

TEST_CASE("the sample capsule: article pages carry photo, notes, related stories and links back") {
  TempCapsule site;
  copy_sample_capsule(site);
  GazetteProcess server(site);
  const auto port = server.gemini_port();

  GeminiResponse pier = gemini_get(port, "/israel-gaza/us-military-pier-to-open-for-business-but-storms-ahead");
  CHECK(pier.body.starts_with("# $320M US military pier to open for business, but storms ahead\n"));
  CHECK(pier.body.find("=> /images/gaza-pier.png Photo: US military releases photos of pier to deliver aid to Gaza (Reuters)\n") !=
        std::string::npos);
  CHECK(pier.body.find("## Updates\n\nUpdate, 2024-05-17: As of early Friday") != std::string::npos);
  CHECK(pier.body.find("=> /israel-gaza/ More from Israel-Gaza Crisis\n=> / Front page: The Foreign Desk\n") != std::string::npos);

  GeminiResponse talks = gemini_get(port, "/diplomacy-watch/ukraine-and-russia-are-quietly-talking");
  CHECK(talks.body.find("A new report sheds light on secretive channels between the warring parties.\n") != std::string::npos);
  CHECK(talks.body.find("## Related stories\n\n=> /") != std::string::npos);
  CHECK(talks.body.find("A peace summit without Russia") == std::string::npos);
  CHECK(gemini_get(port, "/diplomacy-watch/a-peace-summit-without-russia").header == "51 Not found");
  CHECK(talks.body.find("> When the war in Ukraine first broke out") != std::string::npos);
  CHECK(talks.body.find("* Turkish President Recep Tayyip Erdogan") != std::string::npos);
  // The seed's own words, once: no heading of ours repeats them.
  CHECK(talks.body.find("\nU.S. State Department news:\n") != std::string::npos);
  CHECK(talks.body.find("## ") == talks.body.find("## Related stories"));

  for (const std::string source : {"/site.toml", "/diplomacy-watch/_section.toml",
                                   "/diplomacy-watch/ukraine-and-russia-are-quietly-talking.md"}) {
    CAPTURE(source);
    CHECK(gemini_get(port, source).header == "51 Not found");
  }
}

TEST_CASE("the capsule's own pages are linked from the front page on both protocols; Gopher gets them as text") {
  TempCapsule site;
  copy_sample_capsule(site);
  GazetteProcess server(site);
  const auto port = server.gemini_port();

  const std::string front = gemini_get(port, "/").body;
  const auto about = front.find("=> /about.gmi About this capsule\n");
  CHECK(about != std::string::npos);
  CHECK(about < front.find("## Top stories")); // within reach, not after every story
  CHECK(gemini_get(port, "/about.gmi").header == "20 text/gemini; lang=en");
  CHECK(gemini_get(port, "/about").header == "31 /about.gmi");

  const auto gopher = server.gopher_port();
  CHECK(tcp_exchange(gopher, "/\r\n").bytes.find("0About this capsule\t/about.gmi\tlocalhost\t7070\r\n") != std::string::npos);
  const std::string text = tcp_exchange(gopher, "/about.gmi\r\n").bytes;
  CHECK(text.starts_with("About this capsule\r\n==================\r\n"));
  CHECK(text.find("placeholders") != std::string::npos);
  CHECK(text.find("=>") == std::string::npos); // no gemtext markup
  CHECK(text.find("\r\n[1] gopher://localhost:7070/1/\r\n") != std::string::npos);
  CHECK(tcp_exchange(gopher, "/about\r\n").bytes == text);
  const std::string dumped = run(fmt::format("timeout 20 lynx -dump gopher://127.0.0.1:{}/1/ 2>&1", gopher));
  CHECK(dumped.find("About this capsule") != std::string::npos);
  const std::string curled = run(fmt::format("curl -s --max-time 10 gopher://127.0.0.1:{}/0/about.gmi", gopher));
  CHECK(curled == text);
}

TEST_CASE("site.toml pages chooses the pages and their order; a gemtext file anywhere reads as text on Gopher") {
  TempCapsule site;
  site.write("site.toml", "title = \"T\"\npages = [\"desk/masthead.gmi\", \"about.gmi\"]\n")
      .write("about.gmi", "# About\n")
      .write("other.gmi", "# Not linked\n")
      .write("desk/masthead.gmi", "# Masthead\n\n=> https://example.org/editor The editor\n* Reporters\n");
  GazetteProcess server(site);
  const std::string front = gemini_get(server.gemini_port(), "/").body;
  CHECK(front.find("=> /desk/masthead.gmi Masthead\n=> /about.gmi About\n") != std::string::npos);
  CHECK(front.find("Not linked") == std::string::npos);
  const std::string masthead = tcp_exchange(server.gopher_port(), "/desk/masthead.gmi\r\n").bytes;
  CHECK(masthead == "Masthead\r\n========\r\n\r\nThe editor [1]\r\n\r\n  * Reporters\r\n\r\n"
                    "References\r\n----------\r\n[1] https://example.org/editor\r\n");
  // The page's link leaves Gopherspace through a URL: page.
  CHECK(tcp_exchange(server.gopher_port(), "URL:https://example.org/editor\r\n").bytes.find("<a href=") != std::string::npos);
  CHECK(tcp_exchange(server.gopher_port(), "/other.gmi\r\n").bytes.starts_with("Not linked\r\n"));
}

TEST_CASE("drafts answer not found everywhere; aliases redirect to the article") {
  TempCapsule site;
  site.write("site.toml", "title = \"T\"\n")
      .write("world/_section.toml", "title = \"World\"\n")
      .write("world/live.md", "+++\ntitle = \"Live\"\ndate = 2024-01-02\naliases = [\"/old/live-story\"]\ntags = [\"x\"]\n+++\nBody.\n")
      .write("world/draft.md", "+++\ntitle = \"Secret draft\"\ndate = 2024-01-03\ndraft = true\ntags = [\"x\"]\n+++\nBody.\n");
  GazetteProcess server(site);
  const auto port = server.gemini_port();
  CHECK(gemini_get(port, "/world/draft").header == "51 Not found");
  CHECK(gemini_get(port, "/world/draft.md").header == "51 Not found");
  for (const std::string page : {"/", "/world/", "/tags/x/", "/world/live"})
    CHECK(gemini_get(port, page).body.find("Secret draft") == std::string::npos);
  CHECK(gemini_get(port, "/old/live-story").header == "31 /world/live");
}

TEST_CASE("a capsule with errors still serves everything valid, and logs each problem") {
  TempCapsule site;
  site.write("site.toml", "title = \"T\"\n")
      .write("world/_section.toml", "title = \"World\"\n")
      .write("world/good.md", "+++\ntitle = \"Good\"\ndate = 2024-01-02\n+++\nBody.\n")
      .write("world/broken.md", "+++\ntitle = \"Broken\"\ndate = \"yesterday\"\n+++\nBody.\n");
  GazetteProcess server(site);
  CHECK(gemini_get(server.gemini_port(), "/world/good").status() == 20);
  CHECK(gemini_get(server.gemini_port(), "/world/broken").status() == 51);
  CHECK(server.stderr_text().find("world/broken.md:3: error: date must be a TOML date") != std::string::npos);
}

TEST_CASE("gazette check prints every problem as path:line and exits 1 on errors") {
  TempCapsule site;
  copy_sample_capsule(site);
  std::ofstream(site.folder() / "config.toml") << test_config();
  CommandResult clean = run_gazette(site.folder(), {"check", "--config", "config.toml"});
  CHECK(clean.exit_status == 0);
  CHECK(clean.out.find("0 errors, 0 warnings; 5 articles checked, 0 with errors, 4 published") != std::string::npos);

  site.write("ukraine/bad.md", "+++\ntitle = \"Bad\"\ndate = 2024-01-01\nrelated = [\"ukraine/nothing\"]\nmood = 1\n+++\n<b>hi</b>\n");
  CommandResult broken = run_gazette(site.folder(), {"check", "--config", "config.toml"});
  CHECK(broken.exit_status == 1);
  CHECK(broken.out.find("ukraine/bad.md:4: error: related \"ukraine/nothing\" names no article") != std::string::npos);
  CHECK(broken.out.find("ukraine/bad.md:5: warning: unknown front matter key mood") != std::string::npos);
  CHECK(broken.out.find("ukraine/bad.md:7: warning: raw HTML is dropped") != std::string::npos);
}

TEST_CASE("gazette render writes the bytes a reader gets; the header goes to stderr") {
  TempCapsule site;
  copy_sample_capsule(site);
  GazetteProcess server(site);
  CommandResult rendered = run_gazette(site.folder(), {"render", "/ukraine/blinken-rocks-out-on-a-road-to-nowhere", "--config", "config.toml"});
  CHECK(rendered.exit_status == 0);
  CHECK(rendered.err == "20 text/gemini; lang=en\r\n");
  CHECK(rendered.out == gemini_get(server.gemini_port(), "/ukraine/blinken-rocks-out-on-a-road-to-nowhere").body);
  CommandResult missing = run_gazette(site.folder(), {"render", "/nothing", "--config", "config.toml"});
  CHECK(missing.exit_status == 1);
  CHECK(missing.err == "51 Not found\r\n");
}

TEST_CASE("gazette new writes a draft with today's date and never overwrites") {
  TempCapsule site;
  copy_sample_capsule(site);
  std::ofstream(site.folder() / "config.toml") << test_config();
  CommandResult made = run_gazette(site.folder(), {"new", "ukraine", "Ødegaard meets “the press”", "--config", "config.toml"});
  CHECK(made.exit_status == 0);
  const fs::path file = site.root() / "ukraine/odegaard-meets-the-press.md";
  CHECK(made.out == "capsule/ukraine/odegaard-meets-the-press.md\n");
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  CHECK(text.str().starts_with("+++\ntitle = 'Ødegaard meets “the press”'\ndate = "));
  CHECK(text.str().find("draft = true\n") != std::string::npos);
  CommandResult checked = run_gazette(site.folder(), {"check", "--config", "config.toml"});
  CHECK(checked.exit_status == 0);
  CHECK(checked.out.find("Write the story here") == std::string::npos);
  // Published untouched, the template's words are a warning.
  std::string published = text.str();
  published.replace(published.find("draft = true"), 12, "draft = false");
  std::ofstream(file) << published;
  CommandResult flipped = run_gazette(site.folder(), {"check", "--config", "config.toml"});
  CHECK(flipped.exit_status == 0);
  CHECK(flipped.out.find("ukraine/odegaard-meets-the-press.md:6: warning: \"Write the story here\" is still here from "
                         "the new story's template") != std::string::npos);

  CommandResult again = run_gazette(site.folder(), {"new", "ukraine", "Ødegaard meets “the press”", "--config", "config.toml"});
  CHECK(again.exit_status == 1);
  CHECK(again.err.find("already exists") != std::string::npos);
  CommandResult nowhere = run_gazette(site.folder(), {"new", "sports", "A title", "--config", "config.toml"});
  CHECK(nowhere.exit_status == 1);
  CHECK(nowhere.err.find("not a section") != std::string::npos);
}

TEST_CASE("long list pages, held as shared story entries, reach readers whole over both protocols") {
  TempCapsule site;
  site.write("site.toml", "title = \"Newsroom\"\nlist_page = 200\n").write("world/_section.toml", "title = \"World\"\n");
  const int stories = 300;
  // Summaries nearly as long as lists show them (300 characters): a page of
  // them takes several of the server's 16 KiB writes, and is cut by its
  // size before its count.
  std::string filler;
  while (filler.size() < 280) filler += " more";
  for (int i = 0; i < stories; ++i)
    site.write(fmt::format("world/story-{}.md", i),
               article(fmt::format("Story {}", i), fmt::format("2024-01-01T00:{:02}:{:02}Z", i / 60, i % 60),
                       fmt::format("summary = \"Summary {}{}.\"\ntags = [\"aid\"]\n", i, filler)));
  GazetteProcess server(site);
  const std::regex dated(R"((^|\n)=> \S+ \d{4}-\d\d-\d\d )");
  // A list is as long as its setting lets it be, and no page is over 64 KiB:
  // the pages of a list, followed by their "Older stories" links, hold every story once.
  std::string world;
  std::size_t largest = 0;
  for (const std::string first : {"/world/", "/tags/aid/", "/"}) {
    CAPTURE(first);
    int listed = 0;
    int pages = 0;
    for (std::string path = first; !path.empty(); ++pages) {
      CAPTURE(path);
      const GeminiResponse page = gemini_get(server.gemini_port(), path);
      CHECK(page.header == "20 text/gemini");
      CHECK(page.close_notify);
      CHECK(page.body.size() < 64 * 1024);
      largest = std::max(largest, page.body.size());
      listed += static_cast<int>(count_matching(page.body, dated));
      CommandResult rendered = run_gazette(site.folder(), {"render", path, "--config", "config.toml"});
      CHECK(rendered.out == page.body);

      const TcpResponse menu = tcp_exchange(server.gopher_port(), path + "\r\n");
      CHECK(menu.completed);
      CHECK(menu.bytes.ends_with("\r\n.\r\n"));
      CHECK(menu.bytes.size() < 64 * 1024);
      CommandResult rendered_menu = run_gazette(site.folder(), {"render", "--gopher", path, "--config", "config.toml"});
      CHECK(rendered_menu.out == menu.bytes);
      if (first == "/world/") world += page.body;

      std::smatch older;
      path = first != "/" && std::regex_search(page.body, older, std::regex(R"(\n=> (\S+) Older stories\n)")) ? older[1].str() : "";
      REQUIRE(pages < 10);
    }
    CHECK(listed == (first == "/" ? 10 : stories));
    if (first != "/") CHECK(pages >= 3); // 200 a page at most, fewer for their size
  }
  CHECK(largest > 32 * 1024);
  CHECK(world.find("Story 299") < world.find("Story 0\n"));
  CHECK(world.ends_with("=> / Front page: Newsroom\n"));
}

TEST_CASE("a site of hundreds of sections: the front page lists 40, and every one is reached over both protocols") {
  TempCapsule site;
  site.write("site.toml", "title = \"Newsroom\"\n");
  const int sections = 250;
  for (int i = 0; i < sections; ++i)
    site.write(fmt::format("desk-{:03}/_section.toml", i), fmt::format("title = \"Desk {:03} of the newsroom\"\n", i));
  site.write("desk-249/late.md", article("Late news", "2024-01-01T00:00:00Z"));
  GazetteProcess server(site);

  const GeminiResponse front = gemini_get(server.gemini_port(), "/");
  CHECK(front.header == "20 text/gemini");
  CHECK(count_matching(front.body, std::regex(R"(\n=> /desk-\d{3}/ )")) == 40);
  CHECK(front.body.find("=> /desk-039/ Desk 039 of the newsroom\n") != std::string::npos);
  CHECK(front.body.find("=> /archive/sections/ All 250 sections\n") != std::string::npos);
  const std::vector<MenuItem> front_menu = checked_menu(tcp_exchange(server.gopher_port(), "/\r\n").bytes);
  CHECK(std::count_if(front_menu.begin(), front_menu.end(), [](const MenuItem& item) {
          return std::regex_match(item.selector, std::regex("/desk-\\d{3}/"));
        }) == 40);
  CHECK(std::any_of(front_menu.begin(), front_menu.end(), [](const MenuItem& item) {
    return item.type == '1' && item.display == "All 250 sections" && item.selector == "/archive/sections/";
  }));

  // The index's pages, one after another, list every section once, in order.
  std::vector<std::string> gemini_listed, gopher_listed;
  for (std::string path = "/archive/sections/"; !path.empty();) {
    CAPTURE(path);
    const GeminiResponse page = gemini_get(server.gemini_port(), path);
    REQUIRE(page.header == "20 text/gemini");
    for (const auto& link : local_links(page.body))
      if (link.starts_with("/desk-")) gemini_listed.push_back(link);
    const std::vector<MenuItem> menu = checked_menu(tcp_exchange(server.gopher_port(), path + "\r\n").bytes);
    for (const auto& item : menu)
      if (item.selector.starts_with("/desk-")) gopher_listed.push_back(item.selector);
    std::smatch more;
    path = std::regex_search(page.body, more, std::regex(R"(\n=> (\S+) More sections\n)")) ? more[1].str() : "";
    REQUIRE(gemini_listed.size() <= static_cast<std::size_t>(sections));
  }
  REQUIRE(gemini_listed.size() == static_cast<std::size_t>(sections));
  CHECK(gopher_listed == gemini_listed);
  for (int i = 0; i < sections; ++i) CHECK(gemini_listed[static_cast<std::size_t>(i)] == fmt::format("/desk-{:03}/", i));
  // The last section, past the front page's, leads on to its story.
  CHECK(gemini_get(server.gemini_port(), "/desk-249/").body.find("=> /desk-249/late ") != std::string::npos);
}
