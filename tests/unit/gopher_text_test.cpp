// Article bodies as Gopher text, block by block.
#include "content/body.hpp"
#include "gopher/gopher_text.hpp"

#include <doctest/doctest.h>

using namespace gazette;

namespace {

std::string text_of(std::string_view markdown, std::size_t width = 70) {
  std::string out;
  TextReferences references;
  render_body_text(parse_body(markdown), TextStyle{width, true}, references, out);
  return out;
}

} // namespace

TEST_CASE("Gopher text: blocks as lines, table by table") {
  struct Row {
    std::string markdown;
    std::size_t width;
    std::string text;
  };
  const Row rows[] = {
      // A reference stays on the line of the word before it.
      {"aaaa bbbb [cccc](https://c/)", 14, "aaaa bbbb\ncccc [1]\n"},
      {"aaaa bbbb [cc](https://c/)", 12, "aaaa bbbb\ncc [1]\n"},
      {"[a](https://a/) [b](https://b/) c", 8, "a [1]\nb [2] c\n"},
      {"caf\xC3\xA9 caf\xC3\xA9 [caf\xC3\xA9](https://c/)", 12, "cafe cafe\ncafe [1]\n"},
      // A quotation is marked on every line, also after a list, whose
      // hanging indent would otherwise take it in.
      {"- an item\n\n> a quote", 70, "  * an item\n\n> a quote\n"},
      {"> one two three four", 12, "> one two\n> three four\n"},
      {"> one\n>\n> two", 70, "> one\n>\n> two\n"},
      {"- one\n- two", 70, "  * one\n  * two\n"},
      {"- one\n  - two\n\n    1. three", 70, "  * one\n    * two\n      1. three\n"},
      // Items nested deeper than eight levels are indented as the eighth.
      {"- a\n  - b\n    - c\n      - d\n        - e\n          - f\n            - g\n              - h\n"
       "                - i\n                  - j\n                    - k",
       70,
       "  * a\n    * b\n      * c\n        * d\n          * e\n            * f\n              * g\n"
       "                * h\n                  * i\n                  * j\n                  * k\n"},
      // "=" is the title's alone.
      {"## Section", 70, "Section\n-------\n"},
      {"### Part", 70, "Part\n~~~~\n"},
      {"# Top", 70, "Top\n---\n"},
      {"## A heading that wraps", 12, "A heading\nthat wraps\n----------\n"},
      {"Photo: ![pier](/p.png \"The pier at dawn\")", 70, "Photo: pier [1]\n"},
      // Link lines written together are a list of links; apart, paragraphs.
      {"=> gemini://a/ A\n=> gemini://b/ B", 70, "A [1]\nB [2]\n"},
      {"[a](https://a/)\n\n[b](https://b/)", 70, "a [1]\n\nb [2]\n"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.markdown);
    CHECK(text_of(row.markdown, row.width) == row.text);
  }
}

TEST_CASE("Gopher text: lists nested thousands deep make text in proportion to the file") {
  std::string markdown;
  for (int i = 0; i < 4000; ++i) markdown += "- ";
  markdown += "x\n";
  const std::string text = text_of(markdown);
  // Eight levels of indent, a marker and a line end for each of the 4,000 items.
  CHECK(text.size() <= 4000 * (2 + 2 * 8 + 3));
  CHECK(text.find("                  * x\n") != std::string::npos);
}

TEST_CASE("Gopher text: a reference marker is a space and [n] once written") {
  CHECK(reference_marker(3).ends_with("[3]"));
  std::string out;
  TextStyle{70, true}.wrap(out, "words" + reference_marker(12));
  CHECK(out == "words [12]\n");
}
