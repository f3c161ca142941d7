// Atom feeds and search, against the real server.
#include "gazette_process.hpp"
#include "test_clients.hpp"

#include <array>
#include <cstdio>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fstream>
#include <regex>

using namespace gazette::testing;
namespace fs = std::filesystem;

namespace {

// Validates XML with a real parser (libxml2's xmllint); its complaints, or "".
std::string xml_problems(const TempCapsule& site, const std::string& xml) {
  const fs::path file = site.folder() / "feed.xml";
  std::ofstream(file, std::ios::binary) << xml;
  std::string output;
  FILE* pipe = popen(fmt::format("xmllint --noout '{}' 2>&1", file.string()).c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buffer;
  while (std::size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) output.append(buffer.data(), n);
  const int status = pclose(pipe);
  return status == 0 ? output : "xmllint failed: " + output;
}

std::vector<std::string> all_matches(const std::string& text, const std::regex& pattern) {
  std::vector<std::string> found;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern); it != std::sregex_iterator(); ++it)
    found.push_back((*it)[1].str());
  return found;
}

} // namespace

TEST_CASE("Atom feeds: valid XML, gemini:// links, RFC 3339 dates, ids stable across restarts") {
  TempCapsule site;
  copy_sample_capsule(site);
  std::vector<std::string> first_ids;
  {
    GazetteProcess server(site);
    GeminiResponse feed = gemini_get(server.gemini_port(), "/atom.xml");
    CHECK(feed.header == "20 application/atom+xml");
    CHECK(xml_problems(site, feed.body) == "");
    CHECK(feed.body.find("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">") != std::string::npos);
    first_ids = all_matches(feed.body, std::regex(R"(<id>([^<]+)</id>)"));
    CHECK(first_ids.size() == 5); // the feed and four stories
    for (const auto& id : first_ids) CHECK(id.starts_with("gemini://localhost/"));
    for (const auto& date : all_matches(feed.body, std::regex(R"(<(?:updated|published)>([^<]+)<)")))
      CHECK(std::regex_match(date, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
    // The pier story's update note makes its entry updated.
    CHECK(feed.body.find("<updated>2024-05-17T12:00:00Z</updated>") != std::string::npos);
    CHECK(feed.body.find("<summary>As of early Friday, the U.S. military said") != std::string::npos);

    GeminiResponse section = gemini_get(server.gemini_port(), "/diplomacy-watch/atom.xml");
    CHECK(section.header == "20 application/atom+xml");
    CHECK(xml_problems(site, section.body) == "");
    CHECK(all_matches(section.body, std::regex(R"(<entry>\s*<title>([^<]+)<)")) ==
          std::vector<std::string>{"Ukraine and Russia are (quietly) talking"});
    CHECK(section.body.find("<title>The Foreign Desk: Diplomacy Watch</title>") != std::string::npos);

  }
  GazetteProcess again(site);
  CHECK(all_matches(gemini_get(again.gemini_port(), "/atom.xml").body, std::regex(R"(<id>([^<]+)</id>)")) == first_ids);
}

TEST_CASE("search: a prompt, then results by title before body, newest first, folded, all words required") {
  TempCapsule site;
  site.write("site.toml", "title = \"T\"\n")
      .write("world/_section.toml", "title = \"World\"\n")
      .write("world/old-title.md", article("Peace talks resume", "2020-01-01", "", "Nothing else."))
      .write("world/new-title.md", article("Peace summit planned", "2024-01-01", "", "Envoys gather."))
      .write("world/body.md", article("Grain corridor", "2025-01-01", "", "A peace deal on grain with \xC3\x98" "degaard."))
      .write("world/draft.md", article("Peace draft", "2025-02-01", "draft = true\n", "Secret."));
  for (int i = 0; i < 60; ++i)
    site.write(fmt::format("world/filler-{}.md", i), article(fmt::format("Filler {}", i), "2019-01-01", "", "Common words here."));
  GazetteProcess server(site);
  const auto port = server.gemini_port();

  CHECK(gemini_get(port, "/search").header == "10 Search the news");
  CHECK(gemini_get(port, "/search?").header == "10 Search the news");

  GeminiResponse peace = gemini_get(port, "/search?peace");
  CHECK(peace.header == "20 text/gemini");
  CHECK(peace.body.find("3 stories found for \"peace\".") != std::string::npos);
  const auto new_title = peace.body.find("=> /world/new-title 2024-01-01 Peace summit planned");
  const auto old_title = peace.body.find("=> /world/old-title 2020-01-01 Peace talks resume");
  const auto body_hit = peace.body.find("=> /world/body 2025-01-01 Grain corridor");
  CHECK(new_title < old_title);
  CHECK(old_title < body_hit);
  CHECK(body_hit != std::string::npos);
  CHECK(peace.body.find("Peace draft") == std::string::npos);
  CHECK(peace.body.find("=> /world/new-title Keep reading") != std::string::npos);

  CHECK(gemini_get(port, "/search?Odegaard").body.find("Grain corridor") != std::string::npos);
  CHECK(gemini_get(port, "/search?%C3%98DEGAARD").body.find("Grain corridor") != std::string::npos);
  CHECK(gemini_get(port, "/search?peace%20summit").body.find("1 story found") != std::string::npos);
  CHECK(gemini_get(port, "/search?peace%20banana").body.find("No stories found") != std::string::npos);
  CHECK(gemini_get(port, "/search?negotiat").body.find("No stories found") != std::string::npos);
  CHECK(gemini_get(port, "/search?summ").body.find("1 story found") != std::string::npos);
  CHECK(gemini_get(port, "/search?%20%2C").body.find("Type one or more words to search for.") != std::string::npos);
  CHECK(tcp_exchange(server.gopher_port(), "/search\t\r\n").bytes.find("iType one or more words to search for.\t") !=
        std::string::npos);
  // Words that are not UTF-8 once decoded are refused, not echoed into a UTF-8 page.
  CHECK(gemini_get(port, "/search?%FF%E2%80abc").header == "59 Query is not valid UTF-8 once percent-decoded");
  GeminiResponse many = gemini_get(port, "/search?common");
  CHECK(many.body.find("60 stories found for \"common\". The first 50 are shown.") != std::string::npos);
  CHECK(std::count(many.body.begin(), many.body.end(), '\n') < 220);

  TcpResponse gopher = tcp_exchange(server.gopher_port(), "/search\tpeace summit\r\n");
  CHECK(gopher.bytes.find("0Peace summit planned\t/world/new-title\tlocalhost\t7070") != std::string::npos);
  // A result is the story's entry as the lists show it: its date, title, teaser and its menu.
  CHECK(gopher.bytes.find("i2024-01-01\t\terror.host\t1\r\n0Peace summit planned\t/world/new-title\t") != std::string::npos);
  CHECK(gopher.bytes.find("1  Related stories and more\t/world/new-title/\tlocalhost\t7070") != std::string::npos);
  const std::string world = tcp_exchange(server.gopher_port(), "/world/\r\n").bytes;
  const std::size_t entry = world.find("i2024-01-01\t");
  REQUIRE(entry != std::string::npos);
  const std::string listed = world.substr(entry, world.find("i\t\terror.host\t1\r\n", entry) - entry);
  CHECK(gopher.bytes.find(listed) != std::string::npos);
  CHECK(gopher.bytes.ends_with("\r\n.\r\n"));
  CHECK(tcp_exchange(server.gopher_port(), "/\r\n").bytes.find("7Search the news\t/search\tlocalhost\t7070") !=
        std::string::npos);
}

TEST_CASE("search: a story is found by its captions, credits, notes and standfirst, on both protocols") {
  TempCapsule site;
  copy_sample_capsule(site);
  GazetteProcess server(site);
  struct Row {
    std::string query, words, found;
  };
  const Row rows[] = {
      {"shelters", "shelters", "/israel-gaza/us-military-pier-to-open-for-business-but-storms-ahead"}, // its update note
      {"altiplano", "altiplano", "/north-america/trumps-big-idea-deploy-assassination-teams-to-mexico"}, // a caption
      {"smialowski", "smialowski", "/ukraine/blinken-rocks-out-on-a-road-to-nowhere"},                  // a credit
      {"secretive%20channels", "secretive channels", "/diplomacy-watch/ukraine-and-russia-are-quietly-talking"}, // the standfirst
  };
  for (const auto& row : rows) {
    CAPTURE(row.words);
    GeminiResponse gemini = gemini_get(server.gemini_port(), "/search?" + row.query);
    CHECK(gemini.body.find("1 story found") != std::string::npos);
    CHECK(gemini.body.find("=> " + row.found + " ") != std::string::npos);
    TcpResponse gopher = tcp_exchange(server.gopher_port(), "/search\t" + row.words + "\r\n");
    CHECK(gopher.bytes.find("\t" + row.found + "\tlocalhost\t") != std::string::npos);
  }
}

TEST_CASE("Search: asked as the server starts, it waits for the index and is answered") {
  // Enough stories that the index takes a while to build after the pages
  // are served: a search asked at once comes while it is being built.
  constexpr int stories = 15000;
  TempCapsule site;
  site.write("site.toml", "title = \"Harbour News\"\n").write("city/_section.toml", "title = \"City\"\n");
  for (int i = 0; i < stories; ++i) {
    std::string body;
    for (int paragraph = 0; paragraph < 4; ++paragraph)
      body += fmt::format("\nThe council met on quay {} and spoke of ferries {}, cranes {}, tides {}, wages {} and "
                          "the fish market {}, which opens at dawn on weekdays {} and at noon on Sundays {}.\n",
                          i, i + paragraph, i * 3 + paragraph, i * 5, i * 7 + paragraph, i * 11, i % 13, paragraph);
    site.write(fmt::format("city/story-{}.md", i),
               fmt::format("+++\ntitle = \"Harbour story {}\"\ndate = 2024-05-{:02}\n+++\n{}", i, 1 + i % 28, body));
  }
  GazetteProcess server(site);
  const bool asked_while_pending = server.stderr_text().find("search index built") == std::string::npos;
  // An edit saved meanwhile is published once the index is built, and
  // found by its new words, not by its old.
  site.write("city/story-0.md",
             "+++\ntitle = \"Lighthouse story\"\ndate = 2024-05-01\n+++\n\nThe harbour lamp was lit.\n");
  const TcpResponse gopher = tcp_exchange(server.gopher_port(), "/search\tharbour\r\n");
  const GeminiResponse gemini = gemini_get(server.gemini_port(), "/search?harbour");
  CHECK(asked_while_pending);
  CHECK(gopher.bytes.find(fmt::format("i{} stories found for \"harbour\". The first 50 are shown.", stories)) !=
        std::string::npos);
  CHECK(gemini.header == "20 text/gemini");
  CHECK(gemini.body.find(fmt::format("{} stories found for \"harbour\".", stories)) != std::string::npos);
  CHECK(server.stderr_text().find("search index built in ") != std::string::npos);

  CHECK(eventually([&] {
    return gemini_get(server.gemini_port(), "/search?lighthouse").body.find("1 story found for \"lighthouse\".") !=
           std::string::npos;
  }));
  CHECK(gemini_get(server.gemini_port(), "/search?quay")
            .body.find(fmt::format("{} stories found for \"quay\".", stories - 1)) != std::string::npos);
  const std::string log = server.stderr_text();
  CHECK(log.find("search index built") < log.find("reloaded capsule"));
}
