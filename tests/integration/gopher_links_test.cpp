// Gopher readers follow every link of a story from its menu, old paths
// still lead to the story, and menus answer without their closing slash.
#include "gazette_process.hpp"
#include "gopher_menus.hpp"
#include "test_clients.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <set>

using namespace gazette::testing;

namespace {

// A story whose text links to every kind of place.
void linked_capsule(TempCapsule& site) {
  site.write("site.toml", "title = \"The Desk\"\n[[social]]\nname = \"Fediverse\"\nurl = \"https://social.example/@desk\"\n")
      .write("world/_section.toml", "title = \"World\"\n")
      .write("images/pier.png", "png")
      .write("world/talks.md", article("Talks resume", "2024-05-10", "tags = [\"aid\"]\n", "Envoys met again."))
      .write("world/pier.md",
             article("Pier opens", "2024-05-16",
                     "tags = [\"aid\"]\naliases = [\"/old/pier-story\"]\n"
                     "related = [\"https://related.example/story\"]\n"
                     "[image]\nsrc = \"images/pier.png\"\ncaption = \"The pier\"\n",
                     "The pier cost [$320 million](https://example.org/cost), said [the talks story](talks).\n\n"
                     "See the [world desk](/world/), a [report](gemini://gemini.example/report), "
                     "[a note](gopher://other.example:70/0/note.txt) and [a photo](/images/pier.png).\n\n"
                     "=> gemini://gemini.example/ A capsule\n"));
}

// Every reference of the article's text is an item of its menu.
void check_text_links_in_menu(std::uint16_t port, const std::string& path, std::size_t at_least = 0) {
  CAPTURE(path);
  const TcpResponse text = tcp_exchange(port, path + "\r\n");
  REQUIRE(text.completed);
  const std::vector<std::string> references = references_of(text.bytes);
  CHECK(references.size() >= at_least);
  std::set<std::string> items;
  for (const auto& item : checked_menu(tcp_exchange(port, path + "/\r\n").bytes, true))
    if (item.type != 'i') items.insert(item.url());
  for (const auto& reference : references) {
    CAPTURE(reference);
    CHECK(items.count(reference) == 1);
  }
}

} // namespace

TEST_CASE("Gopher: every link of every article of the sample capsule is an item of the article's menu") {
  TempCapsule site;
  copy_sample_capsule(site);
  GazetteProcess server(site);
  const auto port = server.gopher_port();
  const auto front = checked_menu(tcp_exchange(port, "/\r\n").bytes);
  std::set<std::string> articles;
  for (const auto& section : front)
    if (section.type == '1' && section.selector.size() > 1 && !section.selector.starts_with("/tags/"))
      for (const auto& item : checked_menu(tcp_exchange(port, section.selector + "\r\n").bytes))
        if (item.type == '0' && item.selector.starts_with(section.selector)) articles.insert(item.selector);
  CHECK(articles.size() >= 4);
  for (const auto& article : articles) check_text_links_in_menu(port, article, 1);
}

TEST_CASE("Gopher: a story's links are items of its menu, each answering; real clients see them") {
  TempCapsule site;
  linked_capsule(site);
  GazetteProcess server(site);
  const auto port = server.gopher_port();
  check_text_links_in_menu(port, "/world/pier", 8);

  const auto menu = checked_menu(tcp_exchange(port, "/world/pier/\r\n").bytes, true);
  auto has = [&](char type, const std::string& display, const std::string& selector, const std::string& host = "localhost") {
    return std::any_of(menu.begin(), menu.end(), [&](const MenuItem& item) {
      return item.type == type && item.display == display && item.selector == selector && item.host == host;
    });
  };
  CHECK(has('h', "$320 million", "URL:https://example.org/cost"));
  CHECK(has('0', "the talks story", "/world/talks"));
  CHECK(has('1', "world desk", "/world/"));
  CHECK(has('h', "report", "URL:gemini://gemini.example/report"));
  CHECK(has('0', "a note", "/note.txt", "other.example"));
  CHECK(has('h', "A capsule", "URL:gemini://gemini.example/"));
  // The photo is listed once, as the lead photo; a link to it in the text adds no second item.
  CHECK(has('I', "Photo: The pier", "/images/pier.png"));
  CHECK(std::count_if(menu.begin(), menu.end(), [](const MenuItem& item) { return item.selector == "/images/pier.png"; }) == 1);

  // Every item on this server answers, URL: items with the page that sends readers on.
  for (const auto& item : menu) {
    if (item.type == 'i' || item.host != "localhost") continue;
    CAPTURE(item.selector);
    const TcpResponse answer = tcp_exchange(port, item.selector + "\r\n");
    CHECK_FALSE(answer.bytes.starts_with("3"));
    if (item.selector.starts_with("URL:"))
      CHECK(answer.bytes.find("<a href=\"" + item.selector.substr(4) + "\">") != std::string::npos);
  }
  // URL: answers every link the publication holds, not only the social ones...
  for (const std::string url : {"https://social.example/@desk", "https://related.example/story", "gemini://gemini.example/"})
    CHECK(tcp_exchange(port, "URL:" + url + "\r\n").bytes.find("http-equiv=\"refresh\"") != std::string::npos);
  // ...and nothing else.
  CHECK(tcp_exchange(port, "URL:https://elsewhere.example/\r\n").bytes.starts_with("3Not found"));

  // curl shows the menu's lines as they are; lynx lists the items as links.
  const std::string curled = run(fmt::format("curl -s --max-time 10 gopher://127.0.0.1:{}/1/world/pier/", port));
  CHECK(curled.find("hreport\tURL:gemini://gemini.example/report\tlocalhost\t7070\r\n") != std::string::npos);
  CHECK(curled.find("0the talks story\t/world/talks\tlocalhost\t7070\r\n") != std::string::npos);
  const std::string dumped = run(fmt::format("timeout 20 lynx -dump gopher://127.0.0.1:{}/1/world/pier/ 2>&1", port));
  CHECK(dumped.find("the talks story") != std::string::npos);
  CHECK(dumped.find("gopher://127.0.0.1:" + std::to_string(port) + "/0/world/talks") == std::string::npos); // menus name localhost
  CHECK(dumped.find("gopher://localhost:7070/0/world/talks") != std::string::npos);
  CHECK(dumped.find("gopher://other.example/0/note.txt") != std::string::npos);
  const std::string url_page = run(fmt::format("curl -s --max-time 10 'gopher://127.0.0.1:{}/hURL:https://example.org/cost'", port));
  CHECK(url_page.find("<a href=\"https://example.org/cost\">") != std::string::npos);
}

TEST_CASE("Gopher: an alias leads to the story, a menu answers without its slash, and no Atom XML is offered") {
  TempCapsule site;
  linked_capsule(site);
  GazetteProcess server(site);
  const auto port = server.gopher_port();

  // An old path answers as the story's own path does: its text, and its menu under it.
  const std::string text = tcp_exchange(port, "/world/pier\r\n").bytes;
  CHECK(text.starts_with("Pier opens\r\n"));
  CHECK(tcp_exchange(port, "/old/pier-story\r\n").bytes == text);
  CHECK(tcp_exchange(port, "/old/pier-story/\r\n").bytes == tcp_exchange(port, "/world/pier/\r\n").bytes);
  CHECK(run(fmt::format("curl -s --max-time 10 gopher://127.0.0.1:{}/0/old/pier-story", port)).starts_with("Pier opens\r\n"));

  // "/world" is the section's menu, as "/world/" is; so are topics and folders.
  const std::string world = tcp_exchange(port, "/world/\r\n").bytes;
  CHECK(world.find("0Pier opens\t/world/pier\t") != std::string::npos);
  CHECK(tcp_exchange(port, "/world\r\n").bytes == world);
  CHECK(tcp_exchange(port, "world\r\n").bytes == world);
  CHECK(tcp_exchange(port, "/tags/aid\r\n").bytes == tcp_exchange(port, "/tags/aid/\r\n").bytes);
  CHECK(tcp_exchange(port, "/images\r\n").bytes == tcp_exchange(port, "/images/\r\n").bytes);
  const std::string dumped = run(fmt::format("timeout 20 lynx -dump gopher://127.0.0.1:{}/1/world 2>&1", port));
  CHECK(dumped.find("Talks resume") != std::string::npos);

  // The feeds' gemini:// links serve no Gopher reader: not offered, not served.
  for (const std::string selector : {"/", "/world/"})
    CHECK(tcp_exchange(port, selector + "\r\n").bytes.find("atom.xml") == std::string::npos);
  CHECK(tcp_exchange(port, "/atom.xml\r\n").bytes.starts_with("3Not found"));
  CHECK(tcp_exchange(port, "/world/atom.xml\r\n").bytes.starts_with("3Not found"));
  CHECK(gemini_get(server.gemini_port(), "/atom.xml").header == "20 application/atom+xml");
}
