// The capsule's own gemtext pages: read into blocks, titled, and chosen for
// the front page.
#include "content/capsule_pages.hpp"
#include "content/gemtext_page.hpp"
#include "content/site_settings.hpp"
#include "temp_capsule.hpp"

#include <doctest/doctest.h>

using namespace gazette;
using gazette::testing::TempCapsule;

TEST_CASE("gemtext lines as blocks, table by table") {
  struct Row {
    std::string gemtext;
    BlockKind kind;
    std::string text;
    int level = 0;
    std::string url = "", alt = "";
  };
  const Row rows[] = {
      {"Plain words.", BlockKind::paragraph, "Plain words."},
      {"  indented  ", BlockKind::paragraph, "indented"},
      {"# Title", BlockKind::heading, "Title", 1},
      {"##Part", BlockKind::heading, "Part", 2},
      {"### Sub", BlockKind::heading, "Sub", 3},
      {"#### Deeper", BlockKind::heading, "Deeper", 3},
      {"* item", BlockKind::list_item, "item"},
      {"*not an item", BlockKind::paragraph, "*not an item"},
      {"> quoted", BlockKind::quotation, "quoted"},
      {">quoted", BlockKind::quotation, "quoted"},
      {"=> /world/ The desk", BlockKind::link_line, "The desk", 0, "/world/"},
      {"=>gemini://x/\tTabbed  label ", BlockKind::link_line, "Tabbed  label", 0, "gemini://x/"},
      {"=> https://x/", BlockKind::link_line, "", 0, "https://x/"},
      {"```alt text\n  kept   as is\n\n* not an item\n```", BlockKind::preformatted, "  kept   as is\n\n* not an item", 0, "", "alt text"},
      {"```\nunterminated", BlockKind::preformatted, "unterminated"},
      {"CRLF line\r\n", BlockKind::paragraph, "CRLF line"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.gemtext);
    const Body body = parse_gemtext(row.gemtext);
    REQUIRE(body.blocks.size() == 1);
    const Block& block = body.blocks[0];
    CHECK(block.kind == row.kind);
    CHECK(block.text == row.text);
    CHECK(block.level == row.level);
    CHECK(block.url == row.url);
    CHECK(block.alt == row.alt);
    CHECK(block.line == 1);
  }
  // Blank lines, empty quotation lines and empty link lines only part blocks.
  const Body body = parse_gemtext("one\n\n>\n=>\n  \ntwo\n* a\n* b");
  REQUIRE(body.blocks.size() == 4);
  CHECK(body.blocks[1].text == "two");
  CHECK(body.blocks[1].line == 6);
  CHECK(body.blocks[3].line == 8);
}

TEST_CASE("a page's title is its first level-one heading") {
  CHECK(gemtext_title("# About\n# Second") == "About");
  CHECK(gemtext_title("Intro\n## Part\n#  Spaced title  \n") == "Spaced title");
  CHECK(gemtext_title("```\n# in preformatted\n```\nText") == "");
  CHECK(gemtext_title("No heading") == "");
}

TEST_CASE("the front page links every top-level page, or those site.toml names, in its order") {
  TempCapsule capsule;
  capsule.write("site.toml", "title = \"T\"\n")
      .write("about.gmi", "# About this capsule\n")
      .write("masthead.gemini", "Who we are.\n")
      .write("index.gmi", "# Home\n")
      .write("_draft.gmi", "# Hidden\n")
      .write("notes.txt", "not gemtext\n")
      .write("more/policy.gmi", "# Corrections policy\n");
  Site site;
  FoundPages found = find_capsule_pages(capsule.root(), site);
  CHECK(found.diagnostics.empty());
  REQUIRE(found.pages.size() == 2);
  CHECK(found.pages[0].path == "/about.gmi");
  CHECK(found.pages[0].title == "About this capsule");
  CHECK(found.pages[1].path == "/masthead.gemini");
  CHECK(found.pages[1].title == "masthead");

  site.pages = std::vector<std::string>{"more/policy.gmi", "/about.gmi", "missing.gmi", "notes.txt", "_draft.gmi", "../x.gmi"};
  found = find_capsule_pages(capsule.root(), site);
  REQUIRE(found.pages.size() == 2);
  CHECK(found.pages[0].path == "/more/policy.gmi");
  CHECK(found.pages[0].title == "Corrections policy");
  CHECK(found.pages[1].path == "/about.gmi");
  REQUIRE(found.diagnostics.size() == 4);
  for (const auto& diagnostic : found.diagnostics) {
    CHECK(diagnostic.path == "site.toml");
    CHECK(diagnostic.severity == Diagnostic::Severity::warning);
  }
  CHECK(found.diagnostics[0].message.find("\"missing.gmi\"") != std::string::npos);

  site.pages = std::vector<std::string>{};
  CHECK(find_capsule_pages(capsule.root(), site).pages.empty());
}

TEST_CASE("site.toml pages: a list of paths, or an error naming the line") {
  const ParsedSite listed = parse_site_settings("title = \"T\"\npages = [\"about.gmi\", \"more/policy.gmi\"]\n", "site.toml");
  CHECK(listed.diagnostics.empty());
  REQUIRE(listed.site.pages);
  CHECK(*listed.site.pages == std::vector<std::string>{"about.gmi", "more/policy.gmi"});
  CHECK_FALSE(parse_site_settings("title = \"T\"\n", "site.toml").site.pages);

  const ParsedSite wrong = parse_site_settings("title = \"T\"\npages = \"about.gmi\"\n", "site.toml");
  REQUIRE(wrong.diagnostics.size() == 1);
  CHECK(wrong.diagnostics[0].line == 2);
  CHECK(wrong.diagnostics[0].message.find("pages must be an array") != std::string::npos);
  const ParsedSite mixed = parse_site_settings("title = \"T\"\npages = [\"a.gmi\", 3]\n", "site.toml");
  REQUIRE(mixed.diagnostics.size() == 1);
  CHECK(mixed.diagnostics[0].message.find("only strings") != std::string::npos);
}
