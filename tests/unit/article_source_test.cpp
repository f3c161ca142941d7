#include "content/article_source.hpp"
#include "content/site_settings.hpp"
#include "text/normalize.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace gazette;

namespace {

bool has_diagnostic(const ParsedArticle& parsed, Diagnostic::Severity severity, int line, const std::string& text) {
  for (const auto& d : parsed.diagnostics)
    if (d.severity == severity && d.line == line && d.message.find(text) != std::string::npos) return true;
  return false;
}

} // namespace

TEST_CASE("a complete article's front matter is read key by key") {
  const std::string text = R"(+++
title = "Ukraine and Russia are (quietly) talking"
subtitle = "A new report sheds light on back channels."
date = 2023-11-03T09:00:00Z
updated = 2023-11-04
author = ["A. Writer", "B. Writer"]
summary = "Officials still meet."
tags = ["ukraine", "russia"]
related = ["diplomacy-watch/a-peace-summit", "https://example.org/story"]
aliases = ["/old/story"]
draft = false

[[notes]]
date = 2024-05-17T08:00:00Z
kind = "update"
text = "Aid delivered."

[image]
src = "images/pier.jpg"
caption = "The new pier."
credit = "Reuters"
+++
The body.
)";
  ParsedArticle parsed = parse_article(text, "world/talks.md");
  CHECK(parsed.usable);
  CHECK(parsed.diagnostics.empty());
  const Article& a = parsed.article;
  CHECK(a.title == "Ukraine and Russia are (quietly) talking");
  CHECK(a.subtitle == "A new report sheds light on back channels.");
  CHECK(a.date.rfc3339() == "2023-11-03T09:00:00Z");
  CHECK(a.updated->day() == "2023-11-04");
  CHECK(a.authors == std::vector<std::string>{"A. Writer", "B. Writer"});
  CHECK(a.summary == "Officials still meet.");
  CHECK(a.tags == std::vector<std::string>{"ukraine", "russia"});
  REQUIRE(a.related.size() == 2);
  CHECK(a.related[0].target == "diplomacy-watch/a-peace-summit");
  CHECK(a.related[0].line == 9);
  CHECK(a.aliases == std::vector<std::string>{"/old/story"});
  CHECK(parsed.alias_lines == std::vector<int>{10});
  REQUIRE(a.notes.size() == 1);
  CHECK(a.notes[0].kind == "update");
  CHECK(a.notes[0].date.day() == "2024-05-17");
  REQUIRE(a.image);
  CHECK(a.image->src == "images/pier.jpg");
  CHECK(parsed.image_src_line == 19);
  CHECK(a.image->credit == "Reuters");
  REQUIRE(a.body.blocks.size() == 1);
  CHECK(a.body.blocks[0].text == "The body.");
  CHECK(a.body.blocks[0].line == 23);
  CHECK(a.teaser() == "Officials still meet.");
}

TEST_CASE("without a summary, the teaser is the body's first paragraph, cut once when the file is read") {
  struct Row {
    std::string body;
    std::string teaser;
  };
  const std::string long_paragraph = std::string(290, 'a') + " sanctions talks";
  const Row rows[] = {
      {"", ""},
      {"## Heading only\n", ""},
      {"## Heading\n\nFirst paragraph.\n\nSecond.\n", "First paragraph."},
      {"- a list item\n\nThe paragraph after.\n", "The paragraph after."},
      {long_paragraph + "\n", std::string(290, 'a') + "\u2026"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.body);
    ParsedArticle parsed = parse_article("+++\ntitle = \"T\"\ndate = 2024-05-17\n+++\n" + row.body, "world/t.md");
    REQUIRE(parsed.usable);
    CHECK(parsed.article.teaser() == row.teaser);
  }
}

TEST_CASE("dates: date-time with offset, local date-time, and date alone are kept in UTC") {
  struct Row {
    std::string value, rfc3339;
  };
  const Row rows[] = {
      {"2023-11-03T09:00:00Z", "2023-11-03T09:00:00Z"},
      {"2023-11-03T09:00:00+02:00", "2023-11-03T07:00:00Z"},
      {"2023-11-03T23:30:00-01:00", "2023-11-04T00:30:00Z"},
      {"2023-11-03T09:00:00", "2023-11-03T09:00:00Z"},
      {"2023-11-03", "2023-11-03T00:00:00Z"},
      {"2000-02-29", "2000-02-29T00:00:00Z"},
      {"1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.value);
    auto parsed = parse_article("+++\ntitle = \"T\"\ndate = " + row.value + "\n+++\n", "s/a.md");
    REQUIRE(parsed.usable);
    CHECK(parsed.article.date.rfc3339() == row.rfc3339);
  }
}

TEST_CASE("timestamps: day and RFC 3339 text across the calendar") {
  struct Row {
    std::int64_t unix_seconds;
    std::string day, rfc3339;
  };
  const Row rows[] = {
      {0, "1970-01-01", "1970-01-01T00:00:00Z"},
      {-1, "1969-12-31", "1969-12-31T23:59:59Z"},
      {951782400, "2000-02-29", "2000-02-29T00:00:00Z"},
      {1699002061, "2023-11-03", "2023-11-03T09:01:01Z"},
      {-62167219200, "0000-01-01", "0000-01-01T00:00:00Z"},
      {253402300799, "9999-12-31", "9999-12-31T23:59:59Z"},
      {253402300800, "10000-01-01", "10000-01-01T00:00:00Z"},
      {-62167219201, "-001-12-31", "-001-12-31T23:59:59Z"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.unix_seconds);
    const Timestamp timestamp{row.unix_seconds, true};
    CHECK(timestamp.day() == row.day);
    CHECK(timestamp.rfc3339() == row.rfc3339);
  }
}

TEST_CASE("newline normalization: CRLF becomes LF, a lone CR stays, a leading BOM goes") {
  struct Row {
    std::string in, out;
  };
  const Row rows[] = {
      {"", ""},
      {"plain\nlines\n", "plain\nlines\n"},
      {"a\r\nb\r\n", "a\nb\n"},
      {"\r\n\r\n", "\n\n"},
      {"a\rb", "a\rb"},
      {"a\r\r\nb", "a\r\nb"},
      {"end\r", "end\r"},
      {"\xEF\xBB\xBFtext\r\n", "text\n"},
      {"mid\xEF\xBB\xBF", "mid\xEF\xBB\xBF"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.in);
    CHECK(normalize_newlines(row.in) == row.out);
  }
}

TEST_CASE("a byte order mark and CRLF line endings are accepted") {
  auto parsed = parse_article("\xEF\xBB\xBF+++\r\ntitle = \"T\"\r\ndate = 2024-01-01\r\n+++\r\nBody line\r\n", "s/a.md");
  CHECK(parsed.usable);
  CHECK(parsed.diagnostics.empty());
  REQUIRE(parsed.article.body.blocks.size() == 1);
  CHECK(parsed.article.body.blocks[0].text == "Body line");
}

TEST_CASE("every front matter error names its line and keeps the article offline") {
  struct Row {
    std::string text;
    int line;
    std::string message;
  };
  const Row rows[] = {
      {"title = \"T\"\n", 1, "must start with a line that is exactly +++"},
      {"+++ \ntitle = \"T\"\ndate = 2024-01-01\n+++\n", 1, "must start with a line that is exactly +++"},
      {"+++\ntitle = \"T\"\ndate = 2024-01-01\n", 1, "unterminated front matter"},
      {"+++\ntitle = \"T\"\ndate = 2024-01-01\n++++\nbody\n", 1, "unterminated front matter"},
      {"+++\ndate = 2024-01-01\n+++\n", 1, "missing title"},
      {"+++\ntitle = \"\"\ndate = 2024-01-01\n+++\n", 2, "title must not be empty"},
      {"+++\ntitle = \"T\"\n+++\n", 1, "missing date"},
      {"+++\ntitle = \"T\"\ndate = \"2024-01-01\"\n+++\n", 3, "TOML date"},
      {"+++\ntitle = \"T\"\ndate = 2024-13-01\n+++\n", 3, "not valid TOML"},
      {"+++\ntitle = \"T\"\ndate = 0000-06-01\n+++\n", 3, "date is before the year 1"},
      {"+++\ntitle = \"T\"\ndate = 0001-01-01T00:30:00+01:00\n+++\n", 3, "date is before the year 1"},
      {"+++\ntitle = \"T\"\ndate = 2024-01-01\ntitle = \"again\"\n+++\n", 4, "not valid TOML"},
      {"+++\ntitle = 3\ndate = 2024-01-01\n+++\n", 2, "title must be a string"},
      {"+++\ntitle = \"T\"\ndate = 2024-01-01\ntags = \"one\"\n+++\n", 4, "tags must be an array"},
      {"+++\ntitle = \"T\"\ndate = 2024-01-01\ntags = [1]\n+++\n", 4, "only strings"},
      {"+++\ntitle = \"T\"\ndate = 2024-01-01\nauthor = 5\n+++\n", 4, "author must be a string or an array"},
      {"+++\ntitle = \"T\"\ndate = 2024-01-01\ndraft = \"no\"\n+++\n", 4, "draft must be true or false"},
      {"+++\ntitle = \"T\"\ndate = 2024-01-01\nupdated = \"soon\"\n+++\n", 4, "updated must be a TOML date"},
      {"+++\ntitle = \"T\"\ndate = 2024-01-01\n[[notes]]\ndate = 2024-01-02\nkind = \"rumour\"\ntext = \"x\"\n+++\n", 6,
       "notes.kind must be \"update\" or \"correction\""},
      {"+++\ntitle = \"T\"\ndate = 2024-01-01\n[[notes]]\ndate = 2024-01-02\nkind = \"update\"\n+++\n", 4, "a note needs text"},
      {"+++\ntitle = \"T\"\ndate = 2024-01-01\n[image]\ncaption = \"c\"\n+++\n", 4, "image needs src"},
      {"+++\ntitle = \"T\"\ndate = 2024-01-01\nimage = \"a.jpg\"\n+++\n", 4, "image must be a table"},
      {"+++\ntitle = \"T\"\ndate = 2024-01-01\n+++\nok\n\xFF\n", 6, "invalid UTF-8"},
      {"+++\ntitle = \"caf\xC3\"\ndate = 2024-01-01\n+++\n", 2, "invalid UTF-8"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.text);
    auto parsed = parse_article(row.text, "s/a.md");
    CHECK_FALSE(parsed.usable);
    CHECK(has_diagnostic(parsed, Diagnostic::Severity::error, row.line, row.message));
  }
}

TEST_CASE("unknown keys are warnings; the article is still published") {
  auto parsed = parse_article("+++\ntitle = \"T\"\ndate = 2024-01-01\nmood = \"sunny\"\n[image]\nsrc = \"a.png\"\nalt = \"x\"\n+++\n",
                              "s/a.md");
  CHECK(parsed.usable);
  CHECK(has_diagnostic(parsed, Diagnostic::Severity::warning, 4, "unknown front matter key mood"));
  CHECK(has_diagnostic(parsed, Diagnostic::Severity::warning, 7, "unknown key image.alt"));
}

TEST_CASE("a date before the year 1000 is published, with a warning on its line") {
  struct Row {
    std::string date;
    bool warned;
  };
  const Row rows[] = {
      {"0224-05-15", true},           {"0001-01-01", true},           {"0999-12-31T23:59:59Z", true},
      {"1000-01-01", false},          {"1850-06-01", false},          {"2024-05-15", false},
      {"0999-12-31T23:30:00-01:00", false}, // 1000-01-01 in UTC
  };
  for (const auto& row : rows) {
    CAPTURE(row.date);
    auto parsed = parse_article("+++\ntitle = \"T\"\ndate = " + row.date + "\n+++\n", "s/a.md");
    CHECK(parsed.usable);
    CHECK(has_diagnostic(parsed, Diagnostic::Severity::warning, 3, "date is before the year 1000") == row.warned);
    CHECK(parsed.diagnostics.size() == (row.warned ? 1u : 0u));
  }
}

TEST_CASE("an update dated before its story is kept, with a warning on its line: pages do not show it") {
  struct Row {
    std::string date, updated;
    bool warned;
  };
  const Row rows[] = {
      {"2024-05-15", "0224-05-17", true},
      {"2024-05-15", "2024-05-14", true},
      {"2024-05-15T12:00:00Z", "2024-05-15", true},
      {"2024-05-15", "2024-05-15", false},
      {"2024-05-15", "2024-05-17", false},
      {"2024-05-15T12:00:00Z", "2024-05-15T13:00:00+02:00", true}, // 11:00 in UTC
  };
  for (const auto& row : rows) {
    CAPTURE(row.updated);
    // `updated` before `date` in the file: the check waits for both.
    auto parsed = parse_article("+++\ntitle = \"T\"\nupdated = " + row.updated + "\ndate = " + row.date + "\n+++\n", "s/a.md");
    CHECK(parsed.usable);
    REQUIRE(parsed.article.updated);
    CHECK(has_diagnostic(parsed, Diagnostic::Severity::warning, 3, "updated (") == row.warned);
    CHECK(has_diagnostic(parsed, Diagnostic::Severity::warning, 3, "so pages do not show it") == row.warned);
  }
}

TEST_CASE("a tag named twice is kept once, with a warning on the repeat's line") {
  auto parsed = parse_article("+++\ntitle = \"T\"\ndate = 2024-01-01\ntags = [\n  \"gaza\",\n  \"aid\",\n  \"gaza\",\n]\n+++\n",
                              "s/a.md");
  CHECK(parsed.usable);
  CHECK(parsed.article.tags == std::vector<std::string>{"gaza", "aid"});
  CHECK(has_diagnostic(parsed, Diagnostic::Severity::warning, 7, "tag \"gaza\" is named twice"));
}

TEST_CASE("a tag that cannot be the path of its page is left out, with a warning on its line") {
  struct Row {
    std::string tag; // as TOML writes it
    bool kept;
  };
  const Row rows[] = {
      {"\"us-foreign-policy\"", true}, {"\"a b\"", true},      {"\"\u00dcn\u00efcode\"", true}, {"\"x%41\"", true},
      {"\"a/b\"", false},              {"\"\"", false},         {"\".\"", false},                  {"\"..\"", false},
      {"\"a\\tb\"", false},            {"\"x\\u0001y\"", false},
  };
  for (const auto& row : rows) {
    CAPTURE(row.tag);
    auto parsed = parse_article("+++\ntitle = \"T\"\ndate = 2024-01-01\ntags = [\"kept\",\n  " + row.tag + "]\n+++\n", "s/a.md");
    CHECK(parsed.usable);
    CHECK(parsed.article.tags.size() == (row.kept ? 2u : 1u));
    CHECK(has_diagnostic(parsed, Diagnostic::Severity::warning, 5, "cannot be the path of its page") == !row.kept);
  }
}

TEST_CASE("what lists show of a story is kept short: title, summary and tags, each with a warning") {
  struct Row {
    std::size_t words;      // "word " repeated, then "end"
    std::size_t max_length; // characters
  };
  const auto text_of = [](std::size_t words) {
    std::string text;
    for (std::size_t i = 0; i < words; ++i) text += "word ";
    return text + "end";
  };
  // Up to the limit a text is kept whole; past it, cut at a word with "…".
  const Row titles[] = {{0, 3}, {39, 198}, {40, 200}, {41, 200}, {20000, 200}};
  for (const auto& row : titles) {
    CAPTURE(row.words);
    const std::string title = text_of(row.words);
    auto parsed = parse_article("+++\ntitle = \"" + title + "\"\ndate = 2024-01-01\n+++\n", "s/a.md");
    CHECK(parsed.usable);
    const bool cut = title.size() > max_title_characters;
    CHECK(parsed.article.title.size() <= row.max_length + (cut ? 2 : 0)); // "…" is three bytes, one character
    CHECK(parsed.article.title.ends_with(cut ? "word\u2026" : "end"));
    CHECK(has_diagnostic(parsed, Diagnostic::Severity::warning, 2, "title is") == cut);
  }
  const Row summaries[] = {{59, 298}, {60, 300}, {61, 300}, {20000, 300}};
  for (const auto& row : summaries) {
    CAPTURE(row.words);
    const std::string summary = text_of(row.words);
    auto parsed =
        parse_article("+++\ntitle = \"T\"\ndate = 2024-01-01\nsummary = \"" + summary + "\"\n+++\nBody.\n", "s/a.md");
    CHECK(parsed.usable);
    const bool cut = summary.size() > max_summary_characters;
    CHECK(parsed.article.teaser().size() <= row.max_length + (cut ? 2 : 0));
    CHECK(parsed.article.teaser().ends_with(cut ? "word\u2026" : "end"));
    CHECK(has_diagnostic(parsed, Diagnostic::Severity::warning, 4, "summary is") == cut);
  }

  std::string tags = "tags = [";
  for (std::size_t i = 1; i <= max_tags + 3; ++i) tags += fmt::format("\"t{}\",\n", i);
  tags += fmt::format("\"{}\"]", std::string(max_tag_characters + 1, 'x'));
  auto parsed = parse_article("+++\ntitle = \"T\"\ndate = 2024-01-01\n" + tags + "\n+++\n", "s/a.md");
  CHECK(parsed.usable);
  REQUIRE(parsed.article.tags.size() == max_tags);
  CHECK(parsed.article.tags.back() == fmt::format("t{}", max_tags));
  // One warning, on the first tag left out, then one for the tag too long.
  CHECK(has_diagnostic(parsed, Diagnostic::Severity::warning, 4 + static_cast<int>(max_tags),
                       fmt::format("more than {} tags; \"t{}\"", max_tags, max_tags + 1)));
  CHECK(has_diagnostic(parsed, Diagnostic::Severity::warning, 4 + static_cast<int>(max_tags) + 3,
                       fmt::format("is {} characters long, more than {}", max_tag_characters + 1, max_tag_characters)));
  CHECK(parsed.diagnostics.size() == 2);
}

TEST_CASE("control characters a terminal would act on are dropped, with a warning on the first one's line") {
  auto parsed = parse_article("+++\ntitle = \"T\"\ndate = 2024-01-01\nauthor = [\"A\\tB\", \"C\\u001b[31mD\"]\n+++\n"
                              "Plain.\n\nRed \x1b[31malert\x1b[0m and a bell\x07.\n\n    code\tkept \x01here\n",
                              "s/a.md");
  CHECK(parsed.usable);
  CHECK(has_diagnostic(parsed, Diagnostic::Severity::warning, 8, "a control character"));
  CHECK(parsed.diagnostics.size() == 1);
  REQUIRE(parsed.article.body.blocks.size() == 3);
  CHECK(parsed.article.body.blocks[1].text == "Red [31malert[0m and a bell.");
  CHECK(parsed.article.body.blocks[2].text == "code\tkept here");
  // Names are shown on one line, as titles are.
  CHECK(parsed.article.authors == std::vector<std::string>{"A B", "C[31mD"});

  const auto clean = parse_article("+++\ntitle = \"T\"\ndate = 2024-01-01\n+++\nTabs\tand\r\nline ends stay.\n", "s/a.md");
  CHECK(clean.diagnostics.empty());
}

TEST_CASE("a file's diagnostics come in the order of its lines, not of its keys") {
  // TOML gives the keys in their own order: date, mood, tags, title, zone.
  auto parsed = parse_article("+++\nzone = 1\ntitle = \"T\"\nmood = \"calm\"\ntags = [\"a\", \"a\"]\n"
                              "date = \"2024-01-01\"\n+++\n",
                              "s/a.md");
  std::vector<int> lines;
  for (const auto& d : parsed.diagnostics) lines.push_back(d.line);
  CHECK(lines == std::vector<int>{2, 4, 5, 6});
  const ParsedSite site = parse_site_settings("zone = 1\ntitle = 3\nmood = \"calm\"\n", "site.toml");
  lines.clear();
  for (const auto& d : site.diagnostics) lines.push_back(d.line);
  CHECK(lines == std::vector<int>{1, 2, 2, 3}); // zone, title twice (not a string, so empty), mood
}

TEST_CASE("diagnostics print as path:line: severity: message") {
  auto parsed = parse_article("+++\ntitle = 3\ndate = 2024-01-01\n+++\n", "world/pier.md");
  REQUIRE_FALSE(parsed.diagnostics.empty());
  CHECK(parsed.diagnostics[0].to_string() == "world/pier.md:2: error: title must be a string, in quotes");

  // Always one line: control characters, and bytes of a name that is not UTF-8, as escapes.
  struct Row {
    std::string path;
    std::string printed;
  };
  const Row rows[] = {
      {"files/tab\tname.txt", "files/tab\\tname.txt: warning: w"},
      {"files/a\r\nb", "files/a\\r\\nb: warning: w"},
      {"files/del\x7F\x01", "files/del\\x7F\\x01: warning: w"},
      {"files/caf\xE9", "files/caf\\xE9: warning: w"},
      {"files/caf\xC3\xA9", "files/caf\xC3\xA9: warning: w"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.path);
    CHECK(Diagnostic{row.path, 0, Diagnostic::Severity::warning, "w"}.to_string() == row.printed);
  }
}

TEST_CASE("the new story's template text is warned about in a story that is not a draft") {
  struct Row {
    std::string text;
    int line; // of the warning; 0 for none
  };
  const std::string front = "+++\ntitle = \"T\"\ndate = 2024-01-01\n";
  const std::string written_by_new = std::string(new_article_body) + "\n";
  const Row rows[] = {
      {front + "draft = false\n+++\n" + written_by_new, 6},
      {front + "+++\n" + written_by_new, 5},                                   // no draft key: published
      {front + "draft = true\n+++\n" + written_by_new, 0},                    // a draft may hold it
      {front + "+++\nThe pier opened.\n\nWrite the story here, then go.\n", 7}, // kept in part, lower down
      {front + "+++\nThe pier opened.\n", 0},
      {front + "+++\n    Write the story here\n", 5}, // in code, still the template's
  };
  for (const auto& row : rows) {
    CAPTURE(row.text);
    const auto parsed = parse_article(row.text, "s/a.md");
    CHECK(parsed.usable);
    const bool warned = has_diagnostic(parsed, Diagnostic::Severity::warning, row.line,
                                       "\"Write the story here\" is still here from the new story's template");
    CHECK(warned == (row.line != 0));
    if (row.line == 0) CHECK(parsed.diagnostics.empty());
  }
}

TEST_CASE("multi-line strings become one line") {
  CHECK(single_line("  A title\nacross\t lines ") == "A title across lines");
  CHECK(single_line("bell\x07") == "bell");
}
