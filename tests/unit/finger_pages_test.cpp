#include "finger/finger_pages.hpp"
#include "site/finger_site.hpp"

#include <doctest/doctest.h>

using namespace gazette;

namespace {

// Three stories in two sections; two of them share the slug "talks".
struct SmallPublication {
  Publication publication;
  Article pier, talks_world, talks_asia;

  SmallPublication() {
    publication.site.title = "The D\xC3\xA9sk";
    publication.site.tagline = "News, plainly told";
    publication.site.front_page = 2;
    pier = story("world", "pier-opens", "Pier opens for business \xE2\x80\x94 but storms lie ahead for the aid route", 1715860800);
    talks_world = story("world", "talks", "Talks resume", 1715342400);
    talks_asia = story("asia", "talks", "Talks in Hanoi", 1715000000);
    publication.sections.push_back({"world", "World", "Everywhere else.", {&pier, &talks_world}});
    publication.sections.push_back({"asia", "Asia", "", {&talks_asia}});
    publication.published = {&pier, &talks_world, &talks_asia};
  }

  static Article story(std::string section, std::string slug, std::string title, std::int64_t date) {
    Article article;
    article.place(std::move(section), std::move(slug));
    article.source = article.section + "/" + article.slug + ".md";
    article.title = std::move(title);
    article.date.unix_seconds = date;
    return article;
  }
};

FingerStyle style(bool ascii) {
  return {"news.example", "gemini://news.example", 70, ascii,
          [](const Article& article) { return article.slug == "talks" ? article.section + "/talks" : article.slug; }};
}

} // namespace

TEST_CASE("finger @host: the latest stories, each with its date, name and address, then the sections") {
  const SmallPublication small;
  CHECK(render_finger_front(small.publication, style(true)) ==
        "The Desk\r\n"
        "News, plainly told\r\n"
        "\r\n"
        "Latest stories\r\n"
        "--------------\r\n"
        "\r\n"
        "2024-05-16 Pier opens for business -- but storms lie ahead for the aid\r\n"
        "           route\r\n"
        "           finger pier-opens@news.example\r\n"
        "           gemini://news.example/world/pier-opens\r\n"
        "\r\n"
        "2024-05-10 Talks resume\r\n"
        "           finger world/talks@news.example\r\n"
        "           gemini://news.example/world/talks\r\n"
        "\r\n"
        "Sections\r\n"
        "--------\r\n"
        "\r\n"
        "finger world@news.example  World\r\n"
        "finger asia@news.example   Asia\r\n"
        "\r\n"
        "A story's name after \"finger\" gives its text; \"finger @news.example\"\r\n"
        "this list.\r\n");
  // Without ASCII, the words stay as written.
  CHECK(render_finger_front(small.publication, style(false)).starts_with("The D\xC3\xA9sk\r\n"));
}

TEST_CASE("finger section@host: its latest stories; a shared slug lists each story") {
  const SmallPublication small;
  CHECK(render_finger_section(small.publication, small.publication.sections[1], style(true)) ==
        "Asia\r\n"
        "\r\n"
        "Latest stories\r\n"
        "--------------\r\n"
        "\r\n"
        "2024-05-06 Talks in Hanoi\r\n"
        "           finger asia/talks@news.example\r\n"
        "           gemini://news.example/asia/talks\r\n"
        "\r\n"
        "Every section and the latest stories: finger @news.example\r\n");
  const std::string choices = render_finger_choices("talks", {&small.talks_world, &small.talks_asia}, style(true));
  CHECK(choices.starts_with("2 stories are named \"talks\"; each has a name of its own:\r\n\r\n2024-05-10 Talks resume\r\n"));
  CHECK(choices.find("finger asia/talks@news.example") != std::string::npos);
}

TEST_CASE("Finger answers by name: sections, section/slug, and slugs no other story has") {
  const SmallPublication small;
  Config config;
  config.finger.listen = {{"127.0.0.1", 0}};
  config.finger.host = "news.example";
  config.gemini.listen = {{"127.0.0.1", 1965}};
  config.hostnames = {"news.example"};
  const RendersByArticle renders = render_articles(small.publication, config, nullptr);
  Snapshot snapshot;
  add_finger_resources(snapshot, &small.publication, renders, config);

  struct Row {
    std::string name, starts;
  };
  const Row rows[] = {
      {"", "The Desk\r\nNews, plainly told\r\n"},
      {"world", "World\r\nEverywhere else.\r\n"},
      {"asia", "Asia\r\n"},
      {"pier-opens", "Pier opens for business -- but storms lie ahead for the aid route"},
      {"world/pier-opens", "Pier opens for business"},
      {"world/talks", "Talks resume"},
      {"asia/talks", "Talks in Hanoi"},
      {"talks", "2 stories are named \"talks\""},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    const Resource* resource = Snapshot::find(snapshot.finger, row.name);
    REQUIRE(resource != nullptr);
    CHECK(resource->bytes.joined().starts_with(row.starts));
  }
  CHECK(snapshot.finger.size() == std::size(rows));
  // A story's text is its Gopher text document, the very bytes.
  CHECK(snapshot.finger.at("pier-opens").bytes.piece(0).data() == renders.at(&small.pier)->gopher_text.piece(0).data());
  CHECK(renders.at(&small.pier)->finger_text.size() == 0);
}

TEST_CASE("Finger renders a text of its own only where Gopher's would not do") {
  struct Row {
    bool finger_on, finger_ascii, gopher_ascii, dot_terminator, shares;
  };
  const Row rows[] = {
      {true, true, true, false, true},   {true, false, false, false, true}, {true, true, false, false, false},
      {true, false, true, false, false}, {true, true, true, true, false},   {false, true, false, true, true},
  };
  for (const auto& row : rows) {
    Config config;
    if (row.finger_on) config.finger.listen = {{"127.0.0.1", 79}};
    config.finger.ascii = row.finger_ascii;
    config.gopher.ascii = row.gopher_ascii;
    config.gopher.dot_terminator = row.dot_terminator;
    CHECK(finger_shares_gopher_text(config) == row.shares);
  }
}

TEST_CASE("finger @host: a long section title wraps under its column, or under its command when that is wide") {
  struct Row {
    std::string name, title, lines;
  };
  const Row rows[] = {
      {"world", "World", "finger world@news.example  World\r\n"},
      {"world", "World news from every capital, told plainly and at length by our correspondents",
       "finger world@news.example  World news from every capital, told plainly\r\n"
       "                           and at length by our correspondents\r\n"},
      {"a-section-name-long-enough-to-fill-half-the-line", "World news",
       "finger a-section-name-long-enough-to-fill-half-the-line@news.example\r\n"
       "    World news\r\n"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.title);
    Publication publication;
    publication.site.title = "The Desk";
    publication.sections.push_back({row.name, row.title, "", {}});
    const std::string front = render_finger_front(publication, style(true));
    CHECK(front.find("--------\r\n\r\n" + row.lines + "\r\n") != std::string::npos);
    std::size_t start = 0;
    for (std::size_t end; (end = front.find("\r\n", start)) != std::string::npos; start = end + 2)
      CHECK(end - start <= 70);
  }
}
