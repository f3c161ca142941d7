#include "gemini/gemini_request.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace gazette;

namespace {

const std::vector<std::string> hostnames{"localhost", "news.example"};
const GeminiIdentity identity{hostnames, 1965};

std::string padded_url(std::size_t total) {
  std::string url = "gemini://localhost/";
  url.append(total - url.size(), 'a');
  return url;
}

} // namespace

TEST_CASE("valid Gemini requests give the normalized path and the raw query") {
  struct Row {
    std::string line, path, query;
    bool has_query;
  };
  const Row rows[] = {
      {"gemini://localhost/", "/", "", false},
      {"gemini://localhost", "/", "", false},
      {"gemini://localhost:1965/a.gmi", "/a.gmi", "", false},
      {"gemini://localhost:/a.gmi", "/a.gmi", "", false},
      {"GEMINI://LOCALHOST/a.gmi", "/a.gmi", "", false},
      {"gemini://localhost./a.gmi", "/a.gmi", "", false},
      {"gemini://news.example/dir/", "/dir/", "", false},
      {"gemini://localhost/dir", "/dir", "", false},
      {"gemini://localhost/a/./b/../c", "/a/c", "", false},
      {"gemini://localhost/a/../x", "/x", "", false},
      {"gemini://localhost/a/%2e%2e/x", "/x", "", false},
      {"gemini://localhost/%252e%252e/x", "/%2e%2e/x", "", false},
      {"gemini://localhost/a//b", "/a/b", "", false},
      {"gemini://localhost/caf%C3%A9.gmi", "/café.gmi", "", false},
      {"gemini://localhost/café.gmi", "/café.gmi", "", false},
      {"gemini://localhost/search?odegaard%20peace", "/search", "odegaard%20peace", true},
      {"gemini://localhost/search?", "/search", "", true},
      {"gemini://localhost?q", "/", "q", true},
      {"gemini://localhost/search?caf%C3%A9%E2%80%94", "/search", "caf%C3%A9%E2%80%94", true},
      {"gemini://localhost/search?café", "/search", "caf%C3%A9", true},
  };
  for (const auto& row : rows) {
    CAPTURE(row.line);
    auto result = parse_gemini_request(row.line, identity);
    REQUIRE(std::holds_alternative<GeminiRequest>(result));
    const auto& request = std::get<GeminiRequest>(result);
    CHECK(request.path == row.path);
    CHECK(request.query == row.query);
    CHECK(request.has_query == row.has_query);
    CHECK(request.url == row.line);
  }
}

TEST_CASE("a query is also given percent-decoded, for search") {
  auto text_of = [&](std::string_view line) {
    auto result = parse_gemini_request(line, identity);
    REQUIRE(std::holds_alternative<GeminiRequest>(result));
    return std::get<GeminiRequest>(result).query_text;
  };
  CHECK(text_of("gemini://localhost/search?odegaard%20peace") == "odegaard peace");
  CHECK(text_of("gemini://localhost/search?caf\xC3\xA9%E2%80%94") == "caf\xC3\xA9\xE2\x80\x94");
  CHECK(text_of("gemini://localhost/search?") == "");
}

TEST_CASE("a URL of exactly 1024 bytes is valid, 1025 is not") {
  CHECK(std::holds_alternative<GeminiRequest>(parse_gemini_request(padded_url(1024), identity)));
  auto over = parse_gemini_request(padded_url(1025), identity);
  REQUIRE(std::holds_alternative<GeminiRefusal>(over));
  CHECK(std::get<GeminiRefusal>(over).status == 59);
}

TEST_CASE("every refusal names its reason") {
  struct Row {
    std::string line;
    int status;
    std::string meta_contains;
  };
  const Row rows[] = {
      {"", 59, "Empty request"},
      {"\xEF\xBB\xBFgemini://localhost/", 59, "byte order mark"},
      {"gemini://localhost/\xFF\xFE", 59, "not valid UTF-8"},
      {"gemini://localhost/\xC0\xAF", 59, "not valid UTF-8"},
      {std::string("gemini://localhost/a\0b", 22), 59, "control character"},
      {"gemini://localhost/a\tb", 59, "control character"},
      {"gemini://localhost/a\nb", 59, "line feed without its carriage return"},
      {"gemini://localhost/\n", 59, "line feed without its carriage return"},
      {"gemini://localhost/a\x7F", 59, "control character"},
      {"gemini://localhost/a b", 59, "space"},
      {"/a.gmi", 59, "not an absolute URL"},
      {"localhost/a.gmi", 59, "not an absolute URL"},
      {"//localhost/a.gmi", 59, "not an absolute URL"},
      {"gemini://user@localhost/", 59, "userinfo"},
      {"gemini://user:pw@localhost/", 59, "userinfo"},
      {"gemini://localhost/a.gmi#frag", 59, "fragment"},
      {"gemini:///a.gmi", 59, "no host"},
      {"gemini:a.gmi", 59, "no host"},
      {"gemini://local host/", 59, "space"},
      {"gemini://localhost/%zz", 59, "not a valid URL"},
      {"gemini://localhost/a%2Fb", 59, "encoded slash"},
      {"gemini://localhost/..%2f..%2fetc", 59, "encoded slash"},
      {"gemini://localhost/../../", 59, "climbs above the root"},
      {"gemini://localhost/..", 59, "climbs above the root"},
      {"gemini://localhost/../../etc/passwd", 59, "climbs above the root"},
      {"gemini://localhost/%2e%2e/x", 59, "climbs above the root"},
      {"gemini://localhost/a/../../b?q", 59, "climbs above the root"},
      {"gemini://localhost/a%5Cb", 59, "backslash"},
      {"gemini://localhost/a\\b", 59, "not a valid URL"},
      {"gemini://localhost/a%00b", 59, "control character"},
      {"gemini://localhost/a%FF", 59, "not valid UTF-8"},
      {"gemini://localhost/search?%FF", 59, "Query is not valid UTF-8"},
      {"gemini://localhost/search?ab%E2%80", 59, "Query is not valid UTF-8"},
      {"gemini://localhost/search?%C0%AF", 59, "Query is not valid UTF-8"},
      {"gemini://localhost[/", 59, "not a valid URL"},
      {"https://localhost/", 53, "https"},
      {"HTTP://localhost/", 53, "http"},
      {"gemini://example.org/", 53, "example.org"},
      {"gemini://localhost:1966/", 53, "1966"},
      {"gemini://localhost:0/", 53, "port"},
      {"gemini://127.0.0.1/", 53, "127.0.0.1"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.line);
    auto result = parse_gemini_request(row.line, identity);
    REQUIRE(std::holds_alternative<GeminiRefusal>(result));
    const auto& refusal = std::get<GeminiRefusal>(result);
    CHECK(refusal.status == row.status);
    CHECK(refusal.meta.find(row.meta_contains) != std::string::npos);
  }
}

TEST_CASE("request framing waits for CRLF within 1026 bytes, and ends at an LF alone") {
  struct Row {
    std::string received;
    Framing state;
    std::size_t line_length;
  };
  const Row rows[] = {
      {"", Framing::need_more, 0},
      {"gemini://localhost/", Framing::need_more, 0},
      {"gemini://localhost/\n", Framing::complete, 20},
      {"gemini://localhost/a\nb\r\n", Framing::complete, 21},
      {"\n", Framing::complete, 1},
      {padded_url(1023) + "\n", Framing::complete, 1024},
      {padded_url(1024) + "\n", Framing::too_long, 0},
      {"gemini://localhost/\r", Framing::need_more, 0},
      {"gemini://localhost/\r\n", Framing::complete, 19},
      {"gemini://localhost/\r\nextra bytes", Framing::complete, 19},
      {"\r\n", Framing::complete, 0},
      {padded_url(1024) + "\r\n", Framing::complete, 1024},
      {padded_url(1025) + "\r", Framing::too_long, 0},
      {padded_url(1025) + "\r\n", Framing::too_long, 0},
      {std::string(1026, 'a'), Framing::too_long, 0},
      {std::string(1025, 'a'), Framing::need_more, 0},
  };
  for (const auto& row : rows) {
    CAPTURE(row.received.size());
    auto framed = frame_gemini_request(row.received);
    CHECK(framed.state == row.state);
    if (row.state == Framing::complete) CHECK(framed.line_length == row.line_length);
  }
}
