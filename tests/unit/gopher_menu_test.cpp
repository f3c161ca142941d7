#include "text/ascii_transliteration.hpp"
#include "gopher/gopher_menu.hpp"
#include "gopher/gopher_documents.hpp"
#include "text/text_wrap.hpp"
#include "text/utf8.hpp"
#include "utf8_encoding.hpp"

#include <algorithm>
#include <utility>
#include <vector>
#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace gazette;
using gazette::testing::utf8_of;

namespace {

std::vector<std::string> menu_lines(const std::string& menu) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < menu.size()) {
    std::size_t end = menu.find("\r\n", start);
    REQUIRE(end != std::string::npos);
    lines.push_back(menu.substr(start, end - start));
    start = end + 2;
  }
  return lines;
}

} // namespace

TEST_CASE("menu lines have four fields, CRLF, and a closing dot") {
  GopherMenu menu({"news.example", 7070}, false);
  menu.info("The Review");
  menu.item('0', "A story", "/world/a-story");
  menu.url("Mastodon", "https://example.social/@review");
  menu.blank();
  const auto lines = menu_lines(menu.finish());
  REQUIRE(lines.size() == 5);
  CHECK(lines[0] == "iThe Review\t\terror.host\t1");
  CHECK(lines[1] == "0A story\t/world/a-story\tnews.example\t7070");
  CHECK(lines[2] == "hMastodon\tURL:https://example.social/@review\tnews.example\t7070");
  CHECK(lines[3] == "i\t\terror.host\t1");
  CHECK(lines[4] == ".");
}

TEST_CASE("display strings stay under 70 columns: items are cut at a word, info lines wrap") {
  const std::string long_title =
      "Trump's big idea: Deploy assassination teams to Mexico, and other stories of the week that ran long";
  GopherMenu menu({"h", 70}, false);
  menu.item('0', long_title, "/s");
  menu.info(long_title + " " + long_title);
  menu.info("https://example.org/" + std::string(150, 'x'));
  const auto lines = menu_lines(menu.finish());
  CHECK(lines[0] == "0Trump's big idea: Deploy assassination teams to Mexico, and other...\t/s\th\t70");
  for (const auto& line : lines) {
    if (line == ".") continue;
    CHECK(std::count(line.begin(), line.end(), '\t') == 3);
    CHECK(utf8_length(line.substr(1, line.find('\t') - 1)) < 70);
  }
  CHECK(lines.size() > 5);
}

TEST_CASE("info lines: one line as written when it fits, else wrapped") {
  const std::string fits(69, 'a'), one_over(70, 'a');
  struct Row {
    std::string text;
    std::vector<std::string> shown;
  };
  const Row rows[] = {
      {"", {""}},
      {"Monday 3 June", {"Monday 3 June"}},
      {fits, {fits}},
      {one_over, {one_over.substr(0, 69), "a"}},
      {"  spaced   out ", {"spaced out"}},
      {" lead", {"lead"}},
      {"trail ", {"trail"}},
      {"two  spaces", {"two spaces"}},
      {"a\tb", {"a b"}},
      {std::string(40, 'b') + " " + std::string(40, 'c'), {std::string(40, 'b'), std::string(40, 'c')}},
  };
  for (const auto& row : rows) {
    CAPTURE(row.text);
    GopherMenu menu({"h", 70}, false);
    menu.info(row.text);
    std::vector<std::string> expected;
    for (const auto& shown : row.shown) expected.push_back("i" + shown + "\t\terror.host\t1");
    expected.push_back(".");
    CHECK(menu_lines(menu.finish()) == expected);
  }
}

TEST_CASE("TAB, CR and LF never break a menu line") {
  GopherMenu menu({"h", 70}, false);
  menu.item('0', "a\tb\r\nc", "/x\ty");
  CHECK(menu.finish() == "0a b  c\t/x y\th\t70\r\n.\r\n");

  // A break is blanked wherever it sits; the other bytes below 0x0E, or
  // beyond ASCII, stay as they are.
  for (std::size_t at = 0; at < 30; ++at)
    for (char c : {'\t', '\r', '\n'}) {
      std::string field(30, 'x');
      field[at] = c;
      CAPTURE(at);
      CHECK(menu_field(field) == std::string(at, 'x') + " " + std::string(29 - at, 'x'));
    }
  const std::string others = "\x0B\x0C\x01\x7F\xC3\xA9\xE2\x80\x94 and a CR at the end \x0D";
  CHECK(menu_field(others) == others.substr(0, others.size() - 1) + " ");
}

TEST_CASE("ASCII transliteration for legacy clients") {
  struct Row {
    std::string in, out;
  };
  const Row rows[] = {
      {"\xE2\x80\x9Ctough\xE2\x80\x9D", "\"tough\""},
      {"Ukraine\xE2\x80\x99s", "Ukraine's"},
      {"measures \xE2\x80\x94 use", "measures -- use"},
      {"2002\xE2\x80\x93" "2022", "2002-2022"},
      {"wait\xE2\x80\xA6", "wait..."},
      {"\xC3\x98" "degaard", "Odegaard"},
      {"Erdo\xC4\x9F" "an", "Erdogan"},
      {"caf\xC3\xA9 na\xC3\xAFve", "cafe naive"},
      {"plain ASCII", "plain ASCII"},
      // Combining marks, ligatures and dashes beside other text.
      {"cafe\xCC\x81 e\xCC\x81t\xC3\xA9", "cafe ete"},       // a combining mark after an ASCII letter
      {"x \xCC\x81y", "x ?y"},                                  // and after a space: nothing to combine with
      {"\xC3\x86on \xC3\x86RO \xC5\x92uvre", "AEon AERO OEuvre"},
      {"\xE2\x80\x94" "dash\xE2\x80\x94 \xE2\x80\x95", "--dash-- --"},
      {"tab\there\xC3\xA9\tx", "tab\theree\tx"},
      {"\xC3\xA9 \xC3\xA9  \xC3\xA9\n", "e e  e\n"},
      {"\xC2\xA0nbsp\xC2\xA0", " nbsp "},
      {"Sm\xC3\xB8rrebr\xC3\xB8" + std::string(70, 'd') + "\xC3\xA9 x", "Smorrebro" + std::string(70, 'd') + "e x"}, // one long word
      {"Caf\xC3\xA9 \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0", "Cafe Moskva"}, // other scripts are romanized
      // found past a long ASCII stretch
      {"Caf\xC3\xA9 and a long ASCII stretch \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0", "Cafe and a long ASCII stretch Moskva"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.in);
    CHECK(to_ascii(row.in) == row.out);
  }
  GopherMenu menu({"h", 70}, true);
  menu.info("\xE2\x80\x9CRockin' in the Free World\xE2\x80\x9D");
  CHECK(menu.finish() == "i\"Rockin' in the Free World\"\t\terror.host\t1\r\n.\r\n");
}

TEST_CASE("transliteration: punctuation taken without ICU comes out as ICU gives it") {
  // A letter beyond ASCII later in the text sends the whole text through
  // ICU's rules, which gives the answer to compare with.
  std::vector<unsigned> code_points;
  for (unsigned c = 0xA0; c <= 0xBF; ++c) code_points.push_back(c);
  for (unsigned c = 0x2000; c <= 0x203F; ++c) code_points.push_back(c);
  for (unsigned c : code_points) {
    CAPTURE(c);
    const std::string text = fmt::format("a{0}b {0}{0}", utf8_of(c));
    CHECK(to_ascii(text) + " e" == to_ascii(text + " \xC3\xA9"));
  }
  CHECK(to_ascii("\xE2\x80\x9C" "Quietly\xE2\x80\x9D \xE2\x80\x94 wait\xE2\x80\xA6\xC2\xA0\xC2\xAB" "a\xC2\xBB") ==
        "\"Quietly\" -- wait... <<a>>");
  // A broken sequence is not taken as punctuation.
  CHECK(to_ascii("a\xE2\x80" "A") == to_ascii("a\xE2\x80" "A \xC3\xA9").substr(0, 3));
}

TEST_CASE("slugs from titles") {
  CHECK(slug_from_title("Ukraine and Russia are (quietly) talking") == "ukraine-and-russia-are-quietly-talking");
  CHECK(slug_from_title("$320M US military pier") == "320m-us-military-pier");
  CHECK(slug_from_title("Trump's big idea") == "trumps-big-idea");
  CHECK(slug_from_title("\xC3\x98" "degaard \xE2\x80\x94 caf\xC3\xA9") == "odegaard-cafe");
  CHECK(slug_from_title("!!!") == "story");
}

TEST_CASE("wrapping at a width, with indents, never breaking a long word") {
  struct Row {
    std::string text;
    std::size_t width;
    std::string first_indent, rest_indent, wrapped;
  };
  const Row rows[] = {
      {"one two three four", 9, "", "", "one two\nthree\nfour\n"},
      {"one two three", 10, "* ", "  ", "* one two\n  three\n"},
      {"see https://example.org/a/very/long/path now", 12, "", "", "see\nhttps://example.org/a/very/long/path\nnow\n"},
      {"", 10, "", "", "\n"},
      {"", 10, "* ", "  ", "* \n"},
      {"  spaced   out  ", 20, "", "", "spaced out\n"},
      {"caf\xC3\xA9 caf\xC3\xA9", 9, "", "", "caf\xC3\xA9 caf\xC3\xA9\n"},
      {"caf\xC3\xA9 caf\xC3\xA9", 8, "", "", "caf\xC3\xA9\ncaf\xC3\xA9\n"},
      {"\xC3\xA9\xC3\xA9 ab", 5, "\xE2\x80\xA2 ", "  ", "\xE2\x80\xA2 \xC3\xA9\xC3\xA9\n  ab\n"},
      // Two spaces together, early and late in the text.
      {"abcdefg  hij klm nop", 12, "", "", "abcdefg hij\nklm nop\n"},
      {"ab  cd efghijk lmnop", 5, "", "", "ab cd\nefghijk\nlmnop\n"},
      {"one two three four", 7, "", "", "one two\nthree\nfour\n"},
      {"one two three", 3, "> ", "> ", "> one\n> two\n> three\n"},
      {" lead and trail ", 30, "", "", "lead and trail\n"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.text);
    std::string out = "before\n";
    append_wrapped(out, row.text, row.width, row.first_indent, row.rest_indent);
    CHECK(out == "before\n" + row.wrapped);
  }
  CHECK(cut_to_width("short", 10) == "short");
  CHECK(cut_to_width("one two three", 9) == "one...");
  CHECK(cut_to_width("one two three", 10) == "one two...");
  CHECK(cut_to_width("one two three", 11) == "one two...");
  CHECK(cut_to_width("one two three", 9, "\u2026") == "one two\u2026");
  CHECK(cut_to_width("one two three", 13, "\u2026") == "one two three");
  CHECK(cut_to_width("caf\u00e9 au lait", 6, "\u2026") == "caf\u00e9\u2026");
}

TEST_CASE("text documents: CRLF lines, and RFC 1436 dot-stuffing when asked") {
  CHECK(gopher_text_document("a\n.b\n", false) == "a\r\n.b\r\n");
  CHECK(gopher_text_document("a\n.b\n", true) == "a\r\n..b\r\n.\r\n");
  CHECK(gopher_error_menu("Not found: /x") == "3Not found: /x\t\terror.host\t1\r\n.\r\n");
}

TEST_CASE("URL: pages escape the target and allow only safe schemes") {
  auto page = url_redirect_page("https://example.org/?a=1&b=\"2\"");
  REQUIRE(page);
  CHECK(page->find("https://example.org/?a=1&amp;b=&quot;2&quot;") != std::string::npos);
  CHECK(page->find("http-equiv=\"refresh\"") != std::string::npos);
  CHECK(url_redirect_page("gemini://example.org/"));
  CHECK_FALSE(url_redirect_page("javascript:alert(1)"));
  CHECK_FALSE(url_redirect_page("data:text/html,hi"));
  CHECK_FALSE(url_redirect_page("no scheme"));
}

TEST_CASE("wrapping agrees with a plain word-by-word rule on random text") {
  // The rule as the header states it, a byte at a time.
  auto columns = [](std::string_view text) {
    std::size_t width = 0;
    for (char c : text) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return width;
  };
  auto reference = [&columns](std::string_view text, std::size_t width, std::string_view first_indent,
                              std::string_view rest_indent) {
    std::string out, line;
    std::size_t line_width = columns(first_indent);
    std::string_view indent = first_indent;
    for (std::size_t i = 0; i < text.size();) {
      if (text[i] == ' ') {
        ++i;
        continue;
      }
      std::size_t end = i;
      while (end < text.size() && text[end] != ' ') ++end;
      const std::size_t word_width = columns(text.substr(i, end - i));
      if (!line.empty() && line_width + 1 + word_width > width) {
        out.append(indent).append(line) += "\n";
        line.clear();
        indent = rest_indent;
        line_width = columns(rest_indent);
      }
      if (!line.empty()) {
        line += ' ';
        ++line_width;
      }
      line.append(text, i, end - i);
      line_width += word_width;
      i = end;
    }
    return out.append(indent).append(line) + "\n";
  };
  // Text that is all ASCII with single spaces is cut a line at a time, the
  // rest a word at a time: both are drawn, with and without indents.
  const std::vector<std::string> any_text = {"a", "bb", "news", "\xC3\xA9t\xC3\xA9", "\xE2\x80\x94", " ", "  ", "longerword", "x"};
  const std::vector<std::string> plain_words = {"a", "bb", "news", "longerword", "x", "https://example.org/a/long/path"};
  const std::pair<std::string, std::string> indents[] = {{"", ""}, {"* ", "  "}, {"    ", "    "}, {"\xE2\x80\xA2 ", "  "}};
  std::uint32_t seed = 7;
  auto next = [&seed] { return seed = seed * 1664525u + 1013904223u; };
  for (int round = 0; round < 4000; ++round) {
    const bool plain = round % 2 == 1;
    const auto& pieces = plain ? plain_words : any_text;
    std::string text = plain && next() % 4 == 0 ? " " : "";
    const std::size_t count = next() % 40;
    for (std::size_t k = 0; k < count; ++k) {
      if (plain && k > 0) text += ' ';
      text += pieces[(next() >> 8) % pieces.size()];
    }
    if (plain && next() % 4 == 0) text += ' ';
    const std::size_t width = 1 + (next() >> 8) % 30;
    const auto& indent = indents[(next() >> 8) % std::size(indents)];
    const std::string& first_indent = indent.first;
    const std::string& rest_indent = indent.second;
    CAPTURE(text);
    CAPTURE(width);
    CAPTURE(first_indent);
    std::string out = "before\n";
    append_wrapped(out, text, width, first_indent, rest_indent);
    CHECK(out == "before\n" + reference(text, width, first_indent, rest_indent));
    if (is_one_wrapped_line(text, width)) CHECK(reference(text, width, "", "") == text + "\n");
  }
}
