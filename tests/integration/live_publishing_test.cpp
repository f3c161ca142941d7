// Editing files under a running server: what admins do with a text editor.
#include "gazette_process.hpp"
#include "test_clients.hpp"

#include <chrono>
#include <csignal>
#include <ctime>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fstream>
#include <regex>

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

} // namespace

TEST_CASE("live: a new file appears, an edit shows, a deleted file disappears") {
  TempCapsule site;
  newsroom(site);
  GazetteProcess server(site);
  const auto port = server.gemini_port();
  REQUIRE(body_has(port, "/world/pier", "First version."));

  site.write("world/storm.md", article("Storm ahead", "2024-05-17", "", "A new story."));
  CHECK(eventually([&] { return gemini_get(port, "/world/storm").status() == 20; }));
  CHECK(body_has(port, "/", "Storm ahead"));
  CHECK(eventually([&] { return tcp_exchange(server.gopher_port(), "/world/storm\r\n").bytes.starts_with("Storm ahead"); }));

  site.write("world/pier.md", article("Pier opens", "2024-05-16", "", "Second version."));
  CHECK(eventually([&] { return body_has(port, "/world/pier", "Second version."); }));

  fs::remove(site.root() / "world/storm.md");
  CHECK(eventually([&] { return gemini_get(port, "/world/storm").status() == 51; }));
  CHECK_FALSE(body_has(port, "/", "Storm ahead"));

  site.write("about.gmi", "# About\n");
  CHECK(eventually([&] { return gemini_get(port, "/about.gmi").status() == 20; }));
  site.write("culture/_section.toml", "title = \"Culture\"\n").write("culture/show.md", article("A show", "2024-05-18"));
  CHECK(eventually([&] { return gemini_get(port, "/culture/show").status() == 20; }));
  // The new folder is watched too: an edit inside it alone is published.
  site.write("culture/show.md", article("A show", "2024-05-18", "", "Encore."));
  CHECK(eventually([&] { return body_has(port, "/culture/show", "Encore."); }));
}

TEST_CASE("live: a renamed file with an alias redirects from its old path") {
  TempCapsule site;
  newsroom(site);
  GazetteProcess server(site);
  const auto port = server.gemini_port();
  site.write("world/pier-opens.md", article("Pier opens", "2024-05-16", "aliases = [\"/world/pier\"]\n", "Moved."));
  fs::remove(site.root() / "world/pier.md");
  CHECK(eventually([&] { return gemini_get(port, "/world/pier").header == "31 /world/pier-opens"; }));
  CHECK(body_has(port, "/world/pier-opens", "Moved."));
}

TEST_CASE("live: a broken edit keeps the last good version online, logs once, and the fix publishes") {
  TempCapsule site;
  newsroom(site);
  GazetteProcess server(site);
  const auto port = server.gemini_port();

  site.write("world/pier.md", "+++\ntitle = \"Pier opens\"\ndate = 2024-05-16\ntags = [\n+++\nBroken.\n");
  CHECK(eventually([&] { return server.stderr_text().find("world/pier.md:4: error: front matter is not valid TOML") != std::string::npos; }));
  CHECK(body_has(port, "/world/pier", "First version."));
  // Another unrelated change: the same error is not logged again.
  site.write("world/other.md", article("Other", "2024-05-01"));
  CHECK(eventually([&] { return gemini_get(port, "/world/other").status() == 20; }));
  CHECK(occurrences(server.stderr_text(), "world/pier.md:4: error") == 1);
  CHECK(body_has(port, "/world/pier", "First version."));

  site.write("world/pier.md", "+++\ntitle = \"Pier opens\"\ndate = 2024-05-16\n+++\nFixed \xFF version.\n");
  CHECK(eventually([&] { return server.stderr_text().find("world/pier.md:5: error: invalid UTF-8") != std::string::npos; }));
  CHECK(body_has(port, "/world/pier", "First version."));

  site.write("world/pier.md", article("Pier opens", "2024-05-16", "", "Fixed version."));
  CHECK(eventually([&] { return body_has(port, "/world/pier", "Fixed version."); }));
}

TEST_CASE("live: editors' habits — truncate and rewrite, write and rename, swap and backup files") {
  TempCapsule site;
  newsroom(site);
  GazetteProcess server(site);
  const auto port = server.gemini_port();

  {
    std::ofstream truncated(site.root() / "world/pier.md", std::ios::trunc);
    truncated.flush();
    std::this_thread::sleep_for(400ms); // a save that stalls half way
    CHECK(body_has(port, "/world/pier", "First version."));
    truncated << article("Pier opens", "2024-05-16", "", "Rewritten in place.");
  }
  CHECK(eventually([&] { return body_has(port, "/world/pier", "Rewritten in place."); }));

  site.write("world/.pier.md.swp", "swap").write("world/pier.md~", "backup").write("world/#pier.md#", "autosave")
      .write("world/4913", "probe").write("world/pier.md.tmp", article("Pier opens", "2024-05-16", "", "Renamed into place."));
  fs::rename(site.root() / "world/pier.md.tmp", site.root() / "world/pier.md");
  CHECK(eventually([&] { return body_has(port, "/world/pier", "Renamed into place."); }));
  for (const std::string leftover : {"/world/.pier.md.swp", "/world/pier.md~", "/world/%23pier.md%23", "/world/4913",
                                     "/world/pier.md.tmp"}) {
    CAPTURE(leftover);
    CHECK(gemini_get(port, leftover).status() == 51);
    CHECK(tcp_exchange(server.gopher_port(), leftover + "\r\n").bytes.starts_with("3"));
  }
  CHECK(occurrences(gemini_get(port, "/world/").body, "Keep reading") == 1);
}

TEST_CASE("SIGHUP re-reads config.toml and the certificate; a bad config is refused and the running one kept") {
  TempCapsule site;
  newsroom(site);
  GazetteProcess server(site, test_config("", "", "wrap = 70"));
  const auto port = server.gemini_port();
  const std::string first_cert = gemini_get(port, "/").peer_certificate_der;

  // A renewed certificate: a fresh pair made by another start, swapped in.
  TempCapsule other;
  other.write("index.gmi", "# x\n");
  { GazetteProcess maker(other); }
  fs::copy_file(other.folder() / "certs/cert.pem", site.folder() / "certs/cert.pem", fs::copy_options::overwrite_existing);
  fs::copy_file(other.folder() / "certs/key.pem", site.folder() / "certs/key.pem", fs::copy_options::overwrite_existing);
  std::ofstream(site.folder() / "config.toml") << test_config("", "", "wrap = 40");
  kill(server.pid(), SIGHUP);
  CHECK(eventually([&] { return gemini_get(port, "/").peer_certificate_der != first_cert; }));
  // Readers will see new fingerprints: the log gives them.
  const std::string renewed = run_gazette(other.folder(), {"fingerprint", "--config", "config.toml"}).out;
  REQUIRE(renewed.starts_with("certificate SHA-256 fingerprint: "));
  CHECK(eventually([&] { return server.stderr_text().find(renewed) != std::string::npos; }));
  CHECK(eventually([&] {
    const std::string text = tcp_exchange(server.gopher_port(), "/world/pier\r\n").bytes;
    return text.find("Pier opens\r\n==========") != std::string::npos && text.find("Published 2024-05-16\r\n") != std::string::npos;
  }));

  std::ofstream(site.folder() / "config.toml") << test_config("", "", "wrap = \"wide\"");
  kill(server.pid(), SIGHUP);
  CHECK(eventually([&] { return server.stderr_text().find("gopher.wrap: must be a whole number") != std::string::npos; }));
  CHECK(server.stderr_text().find("not reloaded; the running configuration stays in force") != std::string::npos);
  CHECK(gemini_get(port, "/world/pier").status() == 20);
  CHECK(server.running());
}

namespace {

// "2024-05-16T12:00:00Z", `ahead` from now.
std::string utc_in(std::chrono::seconds ahead) {
  const std::time_t when = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now() + ahead);
  std::tm utc{};
  gmtime_r(&when, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

bool log_has(const GazetteProcess& server, const std::string& text) {
  return server.stderr_text().find(text) != std::string::npos;
}

// The path of the front page's first story.
std::string top_story(std::uint16_t port) {
  const std::string page = gemini_get(port, "/").body;
  static const std::regex dated_link(R"(=> (\S+) \d{4}-\d\d-\d\d )");
  std::smatch match;
  return std::regex_search(page, match, dated_link) ? match[1].str() : "";
}

} // namespace

TEST_CASE("live: a broken _section.toml keeps its section and stories online with the last good settings") {
  TempCapsule site;
  newsroom(site).write("site.toml", "title = \"Newsroom\"\nsections = [\"world\"]\n")
      .write("world/_section.toml", "title = \"World\"\ndescription = \"News from abroad.\"\n");
  GazetteProcess server(site);
  const auto port = server.gemini_port();
  REQUIRE(body_has(port, "/world/", "# World\nNews from abroad."));

  site.write("world/_section.toml", "title = World\n");
  CHECK(eventually([&] { return log_has(server, "world/_section.toml:1: error: not valid TOML: text must be in quotes"); }));
  CHECK(eventually([&] { return log_has(server, "world/_section.toml: warning: keeping the last good settings of this section"); }));
  CHECK(gemini_get(port, "/world/").status() == 20);
  CHECK(body_has(port, "/world/", "# World\nNews from abroad."));
  CHECK(body_has(port, "/world/pier", "First version."));
  CHECK(body_has(port, "/", "=> /world/ World"));
  CHECK(tcp_exchange(server.gopher_port(), "/world/pier\r\n").bytes.starts_with("Pier opens"));
  CHECK_FALSE(log_has(server, "sections names"));

  // Logged once, however many reloads follow while it is broken.
  site.write("world/other.md", article("Other", "2024-05-01"));
  CHECK(eventually([&] { return gemini_get(port, "/world/other").status() == 20; }));
  CHECK(occurrences(server.stderr_text(), "world/_section.toml:1: error") == 1);
  CHECK(body_has(port, "/world/", "# World\nNews from abroad."));

  site.write("world/_section.toml", "title = \"Abroad\"\n");
  CHECK(eventually([&] { return body_has(port, "/world/", "# Abroad\n"); }));
  CHECK(body_has(port, "/world/pier", "Abroad"));
}

TEST_CASE("live: a broken site.toml keeps the last good site settings in force") {
  TempCapsule site;
  newsroom(site)
      .write("site.toml", "title = \"Newsroom\"\ntagline = \"All the news\"\nlang = \"en\"\nsections = [\"world\", \"arts\"]\n"
                          "[[social]]\nname = \"Mastodon\"\nurl = \"https://social.example/@newsroom\"\n")
      .write("arts/_section.toml", "title = \"Arts\"\n")
      .write("arts/show.md", article("A show", "2024-05-15"));
  GazetteProcess server(site);
  const auto port = server.gemini_port();
  const auto front_page_is_whole = [&] {
    const auto front = gemini_get(port, "/");
    const std::string& page = front.body;
    return front.header == "20 text/gemini; lang=en" && page.starts_with("# Newsroom\nAll the news\n") &&
           page.find("=> https://social.example/@newsroom Mastodon") != std::string::npos &&
           page.find("=> /world/ World") < page.find("=> /arts/ Arts");
  };
  REQUIRE(front_page_is_whole());

  site.write("site.toml", "title = \"Newsroom\n");
  CHECK(eventually([&] { return log_has(server, "site.toml:1: error: the string on this line is missing its closing \""); }));
  CHECK(eventually([&] { return log_has(server, "site.toml: warning: keeping the last good settings of site.toml"); }));
  CHECK(front_page_is_whole());
  CHECK(body_has(port, "/world/pier", "=> / Front page: Newsroom"));
  CHECK(tcp_exchange(server.gopher_port(), "/\r\n").bytes.starts_with("iNewsroom\t"));

  site.write("site.toml", "title = \"The Newsroom\"\nlang = \"en\"\n");
  CHECK(eventually([&] { return gemini_get(port, "/").body.starts_with("# The Newsroom\n"); }));
  CHECK(gemini_get(port, "/").body.find("=> /arts/ Arts") < gemini_get(port, "/").body.find("=> /world/ World"));
}

TEST_CASE("live: a story dated later appears on its own at its time, and is never the top story before") {
  TempCapsule site;
  newsroom(site).write("world/far.md", article("Far future", "2099-01-01", "", "Not yet."));
  GazetteProcess server(site);
  const auto port = server.gemini_port();
  CHECK(log_has(server, "world/far.md: note: scheduled; appears 2099-01-01T00:00:00Z"));

  const std::string due = utc_in(std::chrono::seconds(4));
  site.write("world/soon.md", article("Soon here", due, "", "Scheduled words."));
  CHECK(eventually([&] { return log_has(server, "world/soon.md: note: scheduled; appears " + due); }));
  for (const std::string path : {"/world/soon", "/world/far"}) {
    CAPTURE(path);
    CHECK(gemini_get(port, path).status() == 51);
    CHECK(tcp_exchange(server.gopher_port(), path + "\r\n").bytes.starts_with("3"));
  }
  CHECK(top_story(port) == "/world/pier");
  for (const std::string path : {"/", "/world/", "/atom.xml", "/search?scheduled"}) {
    CAPTURE(path);
    CHECK(gemini_get(port, path).body.find("Soon here") == std::string::npos);
  }

  // No edit, no signal: the clock alone publishes it.
  CHECK(eventually([&] { return gemini_get(port, "/world/soon").status() == 20; }, std::chrono::seconds(15)));
  CHECK(top_story(port) == "/world/soon");
  for (const std::string path : {"/world/", "/atom.xml", "/search?scheduled"}) {
    CAPTURE(path);
    CHECK(gemini_get(port, path).body.find("Soon here") != std::string::npos);
  }
  CHECK(tcp_exchange(server.gopher_port(), "/world/soon\r\n").bytes.starts_with("Soon here"));
  CHECK(log_has(server, "1 added, 0 updated, 0 removed; 0 files with errors"));
  CHECK(gemini_get(port, "/world/far").status() == 51);
}

TEST_CASE("live: each reload's log line says what changed, and flags links that lead nowhere") {
  TempCapsule site;
  newsroom(site);
  GazetteProcess server(site);
  const auto port = server.gemini_port();
  const auto logged = [&](const std::string& summary) {
    return eventually([&] {
      static const std::regex reloaded(R"(reloaded capsule in \d+ ms(?: \(edited in place\))?: ([^\n]*))");
      const std::string log = server.stderr_text();
      for (std::sregex_iterator it(log.begin(), log.end(), reloaded), end; it != end; ++it)
        if ((*it)[1] == summary) return true;
      return false;
    });
  };

  site.write("world/storm.md", article("Storm ahead", "2024-05-17", "", "See ![the map](images/map.png)."));
  CHECK(logged("1 added, 0 updated, 0 removed; 0 files with errors"));
  CHECK(log_has(server, "world/storm.md:5: warning: link \"images/map.png\" leads nowhere: it resolves to "
                        "/world/images/map.png, where nothing is served"));
  site.write("world/pier.md", article("Pier opens", "2024-05-16", "", "Second version."));
  CHECK(logged("0 added, 1 updated, 0 removed; 0 files with errors"));
  site.write("world/pier.md", "+++\ntitle = \"Pier opens\n+++\n");
  CHECK(logged("0 added, 0 updated, 0 removed; 1 file with errors"));
  CHECK(body_has(port, "/world/pier", "Second version."));
  fs::remove(site.root() / "world/storm.md");
  CHECK(logged("0 added, 0 updated, 1 removed; 1 file with errors"));
}

TEST_CASE("live: the first edit after start that leaves its story in place is made in place") {
  TempCapsule site;
  newsroom(site);
  site.write("world/storm.md", article("Storm ahead", "2024-05-17", "", "A first paragraph."));
  GazetteProcess server(site);
  const auto port = server.gemini_port();
  REQUIRE(body_has(port, "/world/storm", "A first paragraph."));
  site.write("world/storm.md", article("Storm ahead", "2024-05-17", "", "A first paragraph.\n\nA second one."));
  CHECK(eventually([&] { return body_has(port, "/world/storm", "A second one."); }));
  // The capsule was watched before the first build read it: the files the
  // watch named are all that may have changed.
  CHECK(eventually([&] {
    return occurrences(server.stdout_text() + server.stderr_text(), "(edited in place): 0 added, 1 updated") == 1;
  }));
  CHECK(occurrences(server.stdout_text() + server.stderr_text(), "reloaded capsule") == 1);
  // A story's file is served as its pages, not as a file of its own.
  CHECK(occurrences(server.stdout_text() + server.stderr_text(), "other file") == 0);
}

TEST_CASE("live: a photo uploaded, replaced and removed is served at once, made in place, on both protocols") {
  TempCapsule site;
  newsroom(site);
  site.write("images/logo.png", "first logo");
  GazetteProcess server(site);
  const auto port = server.gemini_port();
  REQUIRE(gemini_get(port, "/images/logo.png").body == "first logo");
  auto in_place = [&] { return occurrences(server.stdout_text() + server.stderr_text(), "(edited in place): 0 added, 0 updated, 0 removed"); };

  site.write("images/pier.jpg", "a photo of the pier");
  CHECK(eventually([&] { return gemini_get(port, "/images/pier.jpg").body == "a photo of the pier"; }));
  CHECK(gemini_get(port, "/images/pier.jpg").header == "20 image/jpeg");
  CHECK(tcp_exchange(server.gopher_port(), "/images/pier.jpg\r\n").bytes == "a photo of the pier");
  CHECK(tcp_exchange(server.gopher_port(), "/images/\r\n").bytes.find("Ipier.jpg\t/images/pier.jpg\t") != std::string::npos);
  CHECK(eventually([&] { return in_place() == 1; }));

  site.write("images/logo.png", "second logo");
  CHECK(eventually([&] { return gemini_get(port, "/images/logo.png").body == "second logo"; }));
  fs::remove(site.root() / "images/pier.jpg");
  CHECK(eventually([&] { return gemini_get(port, "/images/pier.jpg").status() == 51; }));
  CHECK(tcp_exchange(server.gopher_port(), "/images/\r\n").bytes.find("pier.jpg") == std::string::npos);
  CHECK(eventually([&] { return in_place() == 3; }));
  CHECK(occurrences(server.stdout_text() + server.stderr_text(), "reloaded capsule") == 3);
  // Each changed no story: the log says what it did change.
  CHECK(occurrences(server.stdout_text() + server.stderr_text(), "0 removed, 1 other file changed;") == 3);
}
