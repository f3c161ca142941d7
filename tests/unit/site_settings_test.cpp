// site.toml and _section.toml: the texts every page shows are kept short.
#include "content/site_settings.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace gazette;

namespace {

const Diagnostic* warning_on(const Diagnostics& diagnostics, int line) {
  for (const auto& d : diagnostics)
    if (d.severity == Diagnostic::Severity::warning && d.line == line) return &d;
  return nullptr;
}

} // namespace

TEST_CASE("site.toml and _section.toml: a title, tagline, description or tag name too long is cut, with a warning") {
  struct Row {
    std::string key;
    std::size_t limit;
    bool section; // in _section.toml, else site.toml
  };
  const Row rows[] = {
      {"title", max_title_characters, false},
      {"tagline", max_description_characters, false},
      {"title", max_title_characters, true},
      {"description", max_description_characters, true},
  };
  for (const auto& row : rows) {
    for (const std::size_t length : {row.limit, row.limit + 1}) {
      CAPTURE(row.key);
      CAPTURE(length);
      // Words of four letters and a space: a cut falls at a word.
      std::string text;
      while (text.size() + 5 < length) text += "word ";
      text.append(length - text.size(), 'x');
      const std::string toml = row.key == "title" ? fmt::format("title = \"{}\"\n", text)
                                                  : fmt::format("title = \"T\"\n{} = \"{}\"\n", row.key, text);
      const int line = row.key == "title" ? 1 : 2;
      Diagnostics diagnostics;
      std::string kept;
      if (row.section) {
        const ParsedSection parsed = parse_section_settings(toml, "world/_section.toml");
        diagnostics = parsed.diagnostics;
        kept = row.key == "title" ? parsed.section.title : parsed.section.description;
      } else {
        const ParsedSite parsed = parse_site_settings(toml, "site.toml");
        diagnostics = parsed.diagnostics;
        kept = row.key == "title" ? parsed.site.title : parsed.site.tagline;
      }
      const Diagnostic* warning = warning_on(diagnostics, line);
      if (length <= row.limit) {
        CHECK(kept == text);
        CHECK(warning == nullptr);
      } else {
        CHECK(kept.ends_with("word\u2026"));
        CHECK(kept.size() <= row.limit + 2); // "…" is three bytes, one character
        REQUIRE(warning != nullptr);
        CHECK(warning->message == fmt::format("{} is {} characters long; pages show it cut to {}, at a word, with "
                                              "\u2026. Shorten it",
                                              row.key, length, row.limit));
      }
    }
  }

  const ParsedSite named = parse_site_settings(
      fmt::format("title = \"T\"\n[tags]\nnato = \"NATO\"\nlong = \"{}\"\n", std::string(max_tag_characters + 1, 'x')),
      "site.toml");
  REQUIRE(named.diagnostics.size() == 1);
  CHECK(named.diagnostics[0].line == 4);
  CHECK(named.diagnostics[0].message.starts_with("tags.long is 65 characters long"));
  CHECK(named.site.tag_names.at("nato") == "NATO");
  CHECK(named.site.tag_names.at("long").size() <= max_tag_characters + 2);
}
