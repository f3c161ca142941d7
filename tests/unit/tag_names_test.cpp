// Tags' readable names: named in site.toml's [tags], else made from the tag.
#include "content/publication.hpp"
#include "content/site_settings.hpp"

#include <doctest/doctest.h>

using namespace gazette;

TEST_CASE("a tag's name made from its slug: hyphens as spaces, the first letter capitalized") {
  struct Row {
    std::string tag, name;
  };
  const Row rows[] = {
      {"ukraine", "Ukraine"},
      {"us-foreign-policy", "Us foreign policy"},
      {"humanitarian-aid", "Humanitarian aid"},
      {"2024-elections", "2024 elections"},
      {"Already-Named", "Already Named"},
      {"\xC3\xA9lections", "\xC3\xA9lections"}, // only ASCII letters are capitalized
      {"", ""},
  };
  for (const auto& row : rows) {
    CAPTURE(row.tag);
    CHECK(tag_name_from_slug(row.tag) == row.name);
  }
}

TEST_CASE("site.toml [tags] names tags; the rest are made from their slugs") {
  const ParsedSite parsed = parse_site_settings(
      "title = \"T\"\n[tags]\nus-foreign-policy = \"US foreign policy\"\nnato = \"NATO\"\n", "site.toml");
  CHECK(parsed.diagnostics.empty());
  Publication publication;
  publication.site = parsed.site;
  CHECK(publication.tag_title("us-foreign-policy") == "US foreign policy");
  CHECK(publication.tag_title("nato") == "NATO");
  CHECK(publication.tag_title("united-states") == "United states");
}

TEST_CASE("site.toml [tags] errors name the line and the key") {
  struct Row {
    std::string toml, message;
    int line;
  };
  const Row rows[] = {
      {"title = \"T\"\ntags = [\"a\"]\n", "tags must be a [tags] table", 2},
      {"title = \"T\"\n[tags]\nnato = 3\n", "tags.nato must be a string", 3},
      {"title = \"T\"\n[tags]\nok = \"Fine\"\nbad = true\n", "tags.bad must be a string", 4},
  };
  for (const auto& row : rows) {
    CAPTURE(row.toml);
    const ParsedSite parsed = parse_site_settings(row.toml, "site.toml");
    REQUIRE(parsed.diagnostics.size() == 1);
    CHECK(parsed.diagnostics[0].severity == Diagnostic::Severity::error);
    CHECK(parsed.diagnostics[0].line == row.line);
    CHECK(parsed.diagnostics[0].message.find(row.message) != std::string::npos);
  }
}
