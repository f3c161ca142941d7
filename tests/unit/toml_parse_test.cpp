// One TOML mistake is reported the same way in every file that holds TOML:
// config.toml, site.toml, _section.toml and an article's front matter.
#include "config/config.hpp"
#include "content/article_source.hpp"
#include "content/site_settings.hpp"
#include "toml/toml_parse.hpp"

#include <doctest/doctest.h>

using namespace gazette;

namespace {

struct Mistake {
  std::string lines; // one or more lines of TOML, the mistake on the last
  std::string message;
};

const Mistake mistakes[] = {
    {"title = \"The Foreign Desk\n", "the string on this line is missing its closing \"; end it with \""},
    {"title = 'The Foreign Desk\n", "the string on this line is missing its closing '; end it with '"},
    {"title = \"Ødegaard\n", "the string on this line is missing its closing \""},
    {"title = \"\"\"The Foreign Desk\n", "the text that starts with \"\"\" on this line is missing its closing \"\"\""},
    {"title = The Foreign Desk\n", "not valid TOML: text must be in quotes, as in title = \"The Foreign Desk\""},
    {"title = Ukraine\n", "text must be in quotes"},
    {"title = nothing\n", "text must be in quotes"},
    {"tags = [\"war\", peace]\n", "text must be in quotes"},
    {"title = \"A\" \"B\"\n", "not valid TOML: Error while parsing key-value pair"},
};

// The line of the mistake, when `lines` follow one good line.
constexpr int mistake_line = 2;

} // namespace

TEST_CASE("parse_toml: a table, or the line of the first mistake and what to do") {
  for (const auto& mistake : mistakes) {
    CAPTURE(mistake.lines);
    ParsedToml parsed = parse_toml("lang = \"en\"\n" + mistake.lines, "site.toml");
    CHECK(parsed.error_line == mistake_line);
    CHECK(parsed.error.find(mistake.message) != std::string::npos);
    CHECK(parsed.table.empty());
  }
  ParsedToml good = parse_toml("title = \"T\"\n[gemini]\nport = 1965\n", "config.toml");
  CHECK(good.error_line == 0);
  CHECK(good.error.empty());
  CHECK(good.table["gemini"]["port"].value<int>() == 1965);
  CHECK(parse_toml("x = 1 2\n", "a.toml", "front matter is not valid TOML").error.starts_with("front matter is not valid TOML: "));
}

TEST_CASE("is_unquoted_text: a bare word where a value belongs, at or just before the parser's column") {
  struct Row {
    std::string line;
    std::size_t column;
    bool unquoted;
  };
  const Row rows[] = {
      {"title = The Foreign Desk", 9, true},
      {"title = True", 11, true},
      {"title = nope", 12, true},
      {"draft = fa", 11, true},
      {"tags = [fun, b]", 10, true},
      {"tags = [\"a\", fun]", 15, true},
      {"x = {a = 1, b = c}", 17, true},
      {"x=Ukraine", 3, true},
      {"[gemini", 8, false},        // a table header
      {"x = 12abc", 7, false},      // a number gone wrong
      {"x = 2024-01-01 x", 16, false},
      {"x = \"a\" \"b\"", 9, false},
      {"x = true", 5, false},
      {"x = ", 5, false},
      {"", 1, false},
  };
  for (const auto& row : rows) {
    CAPTURE(row.line);
    CHECK(is_unquoted_text(row.line, row.column) == row.unquoted);
  }
}

TEST_CASE("a TOML mistake reads the same in config.toml, site.toml, _section.toml and front matter") {
  for (const auto& mistake : mistakes) {
    CAPTURE(mistake.lines);
    const std::string toml = "user = \"nobody\"\n" + mistake.lines;

    ConfigResult config = parse_config(toml, "config.toml");
    REQUIRE(config.problems.size() == 1);
    CHECK(config.problems[0].line == mistake_line);
    CHECK(config.problems[0].message.find(mistake.message) != std::string::npos);

    ParsedSite site = parse_site_settings(toml, "site.toml");
    REQUIRE(!site.diagnostics.empty());
    CHECK(site.diagnostics[0].line == mistake_line);
    CHECK(site.diagnostics[0].message.find(mistake.message) != std::string::npos);

    ParsedSection section = parse_section_settings(toml, "world/_section.toml");
    REQUIRE(!section.diagnostics.empty());
    CHECK(section.diagnostics[0].line == mistake_line);
    CHECK(section.diagnostics[0].message.find(mistake.message) != std::string::npos);

    // The front matter starts on the file's second line.
    ParsedArticle article = parse_article("+++\n" + toml + "+++\nBody.\n", "world/a.md");
    CHECK_FALSE(article.usable);
    REQUIRE(article.diagnostics.size() == 1);
    CHECK(article.diagnostics[0].line == mistake_line + 1);
    CHECK(article.diagnostics[0].message.find(mistake.message) != std::string::npos);
  }
}
