#include "content/body.hpp"
#include "gemini/gemtext.hpp"

#include <doctest/doctest.h>

using namespace gazette;

TEST_CASE("each construct of the body table becomes its block") {
  struct Row {
    std::string markdown;
    BlockKind kind;
    std::string text;
  };
  const Row rows[] = {
      {"one\ntwo", BlockKind::paragraph, "one two"},
      {"# Title", BlockKind::heading, "Title"},
      {"### Sub", BlockKind::heading, "Sub"},
      {"> quoted\n> more", BlockKind::quotation, "quoted more"},
      {"- item", BlockKind::list_item, "item"},
      {"* item", BlockKind::list_item, "item"},
      {"+ item", BlockKind::list_item, "item"},
      {"1. item", BlockKind::list_item, "item"},
      {"```alt\nkept  exactly\n```", BlockKind::preformatted, "kept  exactly"},
      {"    indented code", BlockKind::preformatted, "indented code"},
      {"![alt](/p.png \"Caption\")", BlockKind::image, "alt"},
      {"[words](https://x.example/)", BlockKind::link_line, "words"},
      {"=> gemini://x.example/ label", BlockKind::link_line, "label"},
      {"---", BlockKind::section_break, ""},
      {"*em* _em_ **strong** `code`", BlockKind::paragraph, "em em strong code"},
      {"\\* \\[ \\_ \\` \\\\", BlockKind::paragraph, "* [ _ ` \\"},
      {"| a |\n|---|\n| b |", BlockKind::preformatted, "a\n-\nb"},
      {"| a | b |\n|---|---|\n| ccc | d |", BlockKind::preformatted, "a   | b\n----+--\nccc | d"},
      // Columns are padded to 40 characters at most; a wider cell runs past.
      {"| " + std::string(45, 'w') + " | b |\n|---|---|\n| c | d |", BlockKind::preformatted,
       std::string(45, 'w') + " | b\n" + std::string(40, '-') + "-+--\nc" + std::string(39, ' ') + " | d"},
      {"AT&amp;T &mdash; &#8230; &#x2019;", BlockKind::paragraph, "AT&T \u2014 \u2026 \u2019"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.markdown);
    Body body = parse_body(row.markdown);
    REQUIRE(body.blocks.size() == 1);
    CHECK(body.blocks[0].kind == row.kind);
    CHECK(body.blocks[0].text == row.text);
  }
}

TEST_CASE("a table of one long cell over many short rows makes text in proportion to the file") {
  std::string markdown = "| " + std::string(5000, 'x') + " | b |\n|---|---|\n";
  for (int i = 0; i < 5000; ++i) markdown += "|a|b|\n";
  Body body = parse_body(markdown);
  REQUIRE(body.blocks.size() == 1);
  // Each short row: a padded to 40, " | b" and its line end.
  CHECK(body.blocks[0].text.size() <= 5000 + 5000 * 45 + 100);
}

TEST_CASE("block details: heading levels, list numbers, links, image caption, alt text, lines") {
  Body body = parse_body("# One\n\n#### Four\n\n3. three\n9. nine\n\nSee [a](https://a.example/) now.\n\n"
                         "![alt](/p.png \"Cap\")\n\n```Table\nx\n```\n");
  REQUIRE(body.blocks.size() == 7);
  CHECK(body.blocks[0].level == 2);
  CHECK(body.blocks[1].level == 3);
  CHECK(body.blocks[2].number == 3);
  CHECK(body.blocks[3].number == 9);
  REQUIRE(body.blocks[4].links.size() == 1);
  CHECK(body.blocks[4].links[0].url == "https://a.example/");
  CHECK(body.blocks[4].links[0].text == "a");
  CHECK(body.blocks[4].links[0].end == 5);
  CHECK(body.blocks[4].line == 8);
  CHECK(body.blocks[5].url == "/p.png");
  CHECK(body.blocks[5].caption == "Cap");
  CHECK(body.blocks[6].alt == "Table");
}

TEST_CASE("raw HTML is dropped with a warning naming its line") {
  Body body = parse_body("Intro.\n\n<div>\nblock\n</div>\n\nText with <b>bold</b>.\n");
  REQUIRE(body.warnings.size() == 2);
  CHECK(body.warnings[0].line == 3);
  CHECK(body.warnings[1].line == 7);
  CHECK(body.blocks.back().text == "Text with bold.");
}

TEST_CASE("teasers: the first paragraph, cut at a word boundary within 300 characters") {
  CHECK(default_teaser(parse_body("## Heading\n\nShort first.\n\nSecond.")) == "Short first.");
  CHECK(default_teaser(parse_body("")) == "");
  CHECK(default_teaser(parse_body("hello world"), 0) == "");
  CHECK(default_teaser(parse_body("- only a list")) == "");
  const std::string exact(300, 'x');
  CHECK(default_teaser(parse_body(exact)) == exact);
  std::string words;
  while (words.size() < 400) words += "word ";
  const std::string cut = default_teaser(parse_body(words));
  CHECK(cut.ends_with("word\u2026"));
  CHECK(cut.size() - 3 + 1 <= 300);
  std::string accents;
  while (accents.size() < 800) accents += "caf\u00e9 ";
  const std::string cut_accents = default_teaser(parse_body(accents));
  CHECK(cut_accents.ends_with("caf\u00e9\u2026"));
  std::size_t code_points = 0;
  for (unsigned char c : cut_accents) code_points += (c & 0xC0) != 0x80;
  CHECK(code_points <= 300);
}

TEST_CASE("gemtext escaping of lines a client would misread") {
  struct Row {
    std::string in, out;
  };
  const Row rows[] = {
      {"=> not a link", " => not a link"}, {"# not a heading", " # not a heading"}, {"> not a quote", " > not a quote"},
      {"* not an item", " * not an item"}, {"``` not a toggle", " ``` not a toggle"}, {"*emphasis*", "*emphasis*"},
      {"plain", "plain"}, {"=not a link", "=not a link"}, {"=: not a prompt", " =: not a prompt"},
  };
  for (const auto& row : rows) CHECK(escape_gemtext_line(row.in) == row.out);
}

TEST_CASE("body blocks as gemtext lines, escaped where a client would misread them") {
  struct Row {
    std::string markdown, gemtext;
  };
  const Row rows[] = {
      {"\\# not a heading", " # not a heading\n"},
      {"\\> not a quote", " > not a quote\n"},
      {"\\* not an item", " * not an item\n"},
      // A link's words are text like any other, checked as the line shows them.
      {"[\\*](https://a/) b", " * b\n=> https://a/ *\n"},
      {"[=](https://a/)> b", " => b\n=> https://a/ =\n"},
      {"[=](https://a/) b", "= b\n=> https://a/ =\n"},
      // No [n] in the text: clients number link lines, and ours would disagree.
      {"## Said [here](https://h/)", "## Said here\n=> https://h/ here\n"},
      {"> A [quote](https://q/) ends", "> A quote ends\n=> https://q/ quote\n"},
      {"3. third [x](https://x/)", "* 3. third x\n=> https://x/ x\n"},
      {"See <https://a/> now", "See https://a/ now\n=> https://a/\n"},
      {"[a](https://a/) and [b](gemini://b/)", "a and b\n=> https://a/ a\n=> gemini://b/ b\n"},
      {"- [a](https://a/)\n- b [c](https://c/)", "* a\n* b c\n=> https://a/ a\n=> https://c/ c\n"},
      {"- plain item", "* plain item\n"},
      // A paragraph whose every line is a gemtext link line passes through,
      // a link line block for each line.
      {"=> gemini://a/ A\n=> gemini://b/", "=> gemini://a/ A\n\n=> gemini://b/\n"},
      {"=> gemini://a/ A  \n=> gemini://b/ B", "=> gemini://a/ A\n\n=> gemini://b/ B\n"},
      {"=> gemini://a/ Tom &amp; Jerry\n=> gemini://b/", "=> gemini://a/ Tom & Jerry\n\n=> gemini://b/\n"},
      {"=> gemini://a/ A\nplain words", " => gemini://a/ A plain words\n"},
      {"=> gemini://a/\n\\=> gemini://b/", " => gemini://a/ => gemini://b/\n"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.markdown);
    std::string out;
    render_body_gemtext(parse_body(row.markdown), out);
    CHECK(out == row.gemtext);
  }
}

TEST_CASE("each block's links follow it, labelled with their words, in the order of the text") {
  Body body = parse_body("[a](https://a/) and [b](https://b/)\n\n[c](https://c/) too");
  std::string out;
  render_body_gemtext(body, out);
  CHECK(out == "a and b\n=> https://a/ a\n=> https://b/ b\n\nc too\n=> https://c/ c\n");
}

TEST_CASE("a link line without a label, or labelled with its own URL, is a bare link line") {
  struct Row {
    std::string markdown, gemtext;
  };
  const Row rows[] = {
      {"=> gemini://example.org/", "=> gemini://example.org/\n"},
      {"<https://example.org/auto>", "=> https://example.org/auto\n"},
      {"[https://example.org/x](https://example.org/x)", "=> https://example.org/x\n"},
      {"=> gemini://example.org/ Label", "=> gemini://example.org/ Label\n"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.markdown);
    std::string out;
    render_body_gemtext(parse_body(row.markdown), out);
    CHECK(out == row.gemtext);
  }
}

TEST_CASE("every link and image knows the line its URL is written on") {
  struct Row {
    std::string markdown;
    std::vector<std::pair<std::string, int>> links; // each link's URL and line, in body order
  };
  const Row rows[] = {
      {"See [a](/a) now.", {{"/a", 1}}},
      {"Intro.\n\nA paragraph\nof two lines with [b](b.png) on the second.", {{"b.png", 4}}},
      {"A [link\nsplit](/split) over lines.", {{"/split", 2}}},
      {"Escaped [c](/c%20d) and [e](/e&amp;f) URLs.", {{"/c%20d", 1}, {"/e&f", 1}}},
      {"![alt](images/x.png \"Caption\")", {{"images/x.png", 1}}},
      {"One.\n\n![](images/no-alt.png)", {{"images/no-alt.png", 3}}},
      {"Inline ![pic](/p.png) image.", {{"/p.png", 1}}},
      {"Text.\n\n=> /first One\n=> second Two\n=> gemini://x/ Three", {{"/first", 3}, {"second", 4}, {"gemini://x/", 5}}},
      {"[Whole paragraph](/whole)", {{"/whole", 1}}},
      {"- item\n- item with [f](/f)\n\n> quoted [g](/g)", {{"/f", 2}, {"/g", 4}}},
      {"A\nuse of [ref][r].\n\n[r]: /referenced", {{"/referenced", 4}}}, // where the URL is defined
  };
  for (const auto& row : rows) {
    CAPTURE(row.markdown);
    std::vector<std::pair<std::string, int>> found;
    for (const auto& block : parse_body(row.markdown).blocks) {
      for (const auto& link : block.links) found.emplace_back(link.url, link.line);
      if (block.kind == BlockKind::image || block.kind == BlockKind::link_line) found.emplace_back(block.url, block.line);
    }
    CHECK(found == row.links);
  }
}
