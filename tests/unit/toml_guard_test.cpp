#include "toml/toml_guard.hpp"

#include <doctest/doctest.h>

using namespace gazette;

TEST_CASE("TOML text is made ASCII without changing its meaning or its lines") {
  struct Row {
    std::string in, out;
  };
  const Row rows[] = {
      {"title = \"plain\"", "title = \"plain\""},
      {"title = \"caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x93\xB0\"", "title = \"caf\\u00E9 \\u2014 \\U0001F4F0\""},
      {"title = 'C:\\path \"quoted\" \xC3\xA9'", "title = \"C:\\\\path \\\"quoted\\\" \\u00E9\""},
      {"t = \"\"\"a\n\xC3\xA9\"\"\"", "t = \"\"\"a\n\\u00E9\"\"\""},
      {"t = '''a\n\\\xC3\xA9'''", "t = \"\"\"a\n\\\\\\u00E9\"\"\""},
      {"t = \"esc \\\" still \xC3\xA9\"", "t = \"esc \\\" still \\u00E9\""},
      {"# \xC3\x9C" "berschrift\nk = 1", "# ?berschrift\nk = 1"},
      {"\"\xC3\xA9\" = 1", "\"\\u00E9\" = 1"},
      {"k = \"a # b \xC3\xA9\" # it's \"c\" \xC3\xA9\nj = 'x#y'", "k = \"a # b \\u00E9\" # it's \"c\" ?\nj = \"x#y\""},
      {"t = \"\"\"say \"hi\" 'o' \xC3\xA9\"\"\"\nu = 2", "t = \"\"\"say \"hi\" 'o' \\u00E9\"\"\"\nu = 2"},
      {"t = '''it's \"x\" \xC3\xA9'''", "t = \"\"\"it's \\\"x\\\" \\u00E9\"\"\""},
  };
  for (const auto& row : rows) {
    CAPTURE(row.in);
    AsciiToml ascii = ascii_toml(row.in);
    CHECK(ascii.error_line == 0);
    CHECK(ascii.text == row.out);
  }
}

TEST_CASE("non-ASCII characters outside quotes are refused with their line") {
  for (const std::string text : {"k = 1\n\xC3\xA9 = 2", "k = 1\nv = \xCD\x80"}) {
    CAPTURE(text);
    AsciiToml ascii = ascii_toml(text);
    CHECK(ascii.error_line == 2);
    CHECK(ascii.error.find("outside quotes") != std::string::npos);
  }
}

TEST_CASE("whatever the input, the parser is only ever given ASCII") {
  // A quote inside an invalid value still opens a string here; its letter is escaped.
  AsciiToml ascii = ascii_toml("k = 1\nv = 6=2\"2\xC5\x85\"");
  CHECK(ascii.error_line == 0);
  CHECK(ascii.text == "k = 1\nv = 6=2\"2\\u0145\"");
}

TEST_CASE("a string without its closing quote is refused on the line it starts") {
  struct Row {
    std::string in;
    int line;
    std::string message;
  };
  const Row rows[] = {
      {"title = \"The Foreign Desk\nlang = \"en\"\n", 1, "missing its closing \"; end it with \""},
      {"title = \"The Foreign Desk", 1, "missing its closing \""},
      {"a = 1\ntitle = 'The Foreign Desk\nlang = 'en'\n", 2, "missing its closing '; end it with '"},
      {"a = 1\ntitle = 'The Foreign Desk", 2, "missing its closing '"},
      {"title = \"caf\xC3\xA9\n", 1, "missing its closing \""},
      // An escaped quote does not close the string; a line-ending backslash
      // continues only a multi-line string.
      {"title = \"say \\\"\n", 1, "missing its closing \""},
      {"title = \"one \\\ntwo\"\n", 1, "missing its closing \""},
      {"a = 1\n\nt = \"\"\"one\ntwo\n", 3, "the text that starts with \"\"\" on this line is missing its closing \"\"\""},
      {"t = '''one\ntwo''\n", 1, "missing its closing '''"},
      {"tags = [\"a\", \"b]\n", 1, "missing its closing \""},
  };
  for (const auto& row : rows) {
    CAPTURE(row.in);
    AsciiToml ascii = ascii_toml(row.in);
    CHECK(ascii.error_line == row.line);
    CHECK(ascii.error.find(row.message) != std::string::npos);
  }
  // Quotes in comments, and closed strings of every kind, leave nothing open.
  for (const std::string text : {"# it's \"quoted\nk = 1\n", "k = \"a\\\\\" # '\n", "k = 'a\\'\n",
                                 "k = \"\"\"a\\\nb\"\"\"\n", "k = '''a\nb'''\n", "k = \"\"\n"}) {
    CAPTURE(text);
    CHECK(ascii_toml(text).error_line == 0);
  }
}
