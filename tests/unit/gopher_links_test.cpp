// Links of the publication as Gopher items, and the links of a body in the
// order its text numbers them.
#include "gopher/gopher_links.hpp"
#include "gopher/gopher_pages.hpp"

#include <doctest/doctest.h>

using namespace gazette;

TEST_CASE("a link as a Gopher item: on this server by what it names, elsewhere, or URL:") {
  Article pier;
  pier.place("world", "pier");
  Publication publication;
  publication.sections.push_back({"world", "World", "", {}});
  publication.by_path.emplace("/world/pier", &pier);
  const GopherOrigin origin{"news.example", 7070};

  struct Row {
    std::string link;
    char type;
    std::string selector, host;
    std::uint16_t port;
    std::string url;
  };
  const Row rows[] = {
      // Stories are their text; sections, topics and folders menus; files by extension.
      {"pier", '0', "/world/pier", "news.example", 7070, "gopher://news.example:7070/0/world/pier"},
      {"/world/pier", '0', "/world/pier", "news.example", 7070, "gopher://news.example:7070/0/world/pier"},
      {"../world/pier#top", '0', "/world/pier", "news.example", 7070, "gopher://news.example:7070/0/world/pier"},
      {"/world/", '1', "/world/", "news.example", 7070, "gopher://news.example:7070/1/world/"},
      {"/world", '1', "/world/", "news.example", 7070, "gopher://news.example:7070/1/world/"},
      {"/tags/aid/", '1', "/tags/aid/", "news.example", 7070, "gopher://news.example:7070/1/tags/aid/"},
      {"/tags", '1', "/tags/", "news.example", 7070, "gopher://news.example:7070/1/tags/"},
      {"images/p.png", 'I', "/world/images/p.png", "news.example", 7070, "gopher://news.example:7070/I/world/images/p.png"},
      {"/anim.gif", 'g', "/anim.gif", "news.example", 7070, "gopher://news.example:7070/g/anim.gif"},
      {"/about.gmi", '0', "/about.gmi", "news.example", 7070, "gopher://news.example:7070/0/about.gmi"},
      {"/caf%C3%A9.txt", '0', "/caf\xC3\xA9.txt", "news.example", 7070, "gopher://news.example:7070/0/caf\xC3\xA9.txt"},
      {"/search?peace", '7', "/search", "news.example", 7070, "gopher://news.example:7070/7/search"},
      {"/old/path", '0', "/old/path", "news.example", 7070, "gopher://news.example:7070/0/old/path"},
      // Another Gopher server's item.
      {"gopher://other.example/0/note.txt", '0', "/note.txt", "other.example", 70, "gopher://other.example/0/note.txt"},
      {"gopher://other.example:7071/1/a%20b/", '1', "/a b/", "other.example", 7071, "gopher://other.example:7071/1/a%20b/"},
      {"gopher://other.example", '1', "", "other.example", 70, "gopher://other.example"},
      {"GOPHER://other.example/7/s", '7', "/s", "other.example", 70, "GOPHER://other.example/7/s"},
      // Everything else leaves Gopherspace through this server's URL: page.
      {"https://example.org/a", 'h', "URL:https://example.org/a", "news.example", 7070, "https://example.org/a"},
      {"gemini://example.org/", 'h', "URL:gemini://example.org/", "news.example", 7070, "gemini://example.org/"},
      {"mailto:desk@example.org", 'h', "URL:mailto:desk@example.org", "news.example", 7070, "mailto:desk@example.org"},
      {"gopher://other.example:x/", 'h', "URL:gopher://other.example:x/", "news.example", 7070, "gopher://other.example:x/"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.link);
    const GopherLink link = gopher_link(origin, &publication, "/world/pier", row.link);
    CHECK(link.type == row.type);
    CHECK(link.selector == row.selector);
    CHECK(link.host == row.host);
    CHECK(link.port == row.port);
    CHECK(link.url == row.url);
    CHECK(link.leaves_gopher() == (row.type == 'h'));
  }
  // Without a publication, a path is typed by its form alone.
  CHECK(gopher_link(origin, nullptr, "/about.gmi", "world/pier").type == '0');
  CHECK(gopher_link(origin, nullptr, "/about.gmi", "world/").type == '1');
}

TEST_CASE("a body's links in the order its text numbers them, with their words") {
  const Body body = parse_body("A [b](https://b/) and <https://c/>.\n\n"
                               "![alt](/p.png \"Caption\")\n\n"
                               "=> gemini://d/ D\n\n"
                               "- [e](/e)\n\n"
                               "![](/q.png)");
  const std::vector<BodyLink> links = body_links(body);
  REQUIRE(links.size() == 6);
  CHECK(links[0].url == "https://b/");
  CHECK(links[0].label == "b");
  CHECK(links[1].url == "https://c/");
  CHECK(links[1].label == "https://c/");
  CHECK(links[2].url == "/p.png");
  CHECK(links[2].label == "Photo: Caption");
  CHECK(links[3].url == "gemini://d/");
  CHECK(links[3].label == "D");
  CHECK(links[4].url == "/e");
  CHECK(links[4].label == "e");
  CHECK(links[5].url == "/q.png");
  CHECK(links[5].label == "Photo");
}

TEST_CASE("an article's menu shows a link no reader may be sent to as text, not as an item that leads nowhere") {
  Article pier;
  pier.place("world", "pier");
  pier.title = "Pier";
  pier.body = parse_body("[Report](https://example.org/r) and [click](javascript:alert(1)) and "
                         "[map](JavaScript:void(0)) and [vb](vbscript:msgbox).");
  Publication publication;
  publication.site.title = "The Desk";
  publication.sections.push_back({"world", "World", "", {&pier}});
  publication.by_path.emplace("/world/pier", &pier);
  const GopherStyle style{{"news.example", 7070}, 70, true};
  const std::string menu = render_article_menu(publication, pier, style);
  CHECK(menu.find("hReport\tURL:https://example.org/r\tnews.example\t7070\r\n") != std::string::npos);
  CHECK(menu.find("iclick: javascript:alert(1)\t") != std::string::npos);
  CHECK(menu.find("imap: JavaScript:void(0)\t") != std::string::npos);
  CHECK(menu.find("ivb: vbscript:msgbox\t") != std::string::npos);
  CHECK(menu.find("URL:javascript") == std::string::npos);
  CHECK(menu.find("URL:JavaScript") == std::string::npos);
  CHECK(menu.find("URL:vbscript") == std::string::npos);
}
