#include "gopher/gopher_request.hpp"

#include <doctest/doctest.h>

using namespace gazette;

TEST_CASE("Gopher selectors, search words and Gopher+ suffixes") {
  struct Row {
    std::string line, selector, search;
    bool has_search, gopher_plus;
  };
  const Row rows[] = {
      {"", "", "", false, false},
      {"/", "/", "", false, false},
      {"/world/pier", "/world/pier", "", false, false},
      {"world/pier", "world/pier", "", false, false},
      {"/search\tpeace talks", "/search", "peace talks", true, false},
      {"/search\t", "/search", "", true, false},
      {"/search\tpeace\t+", "/search", "peace", true, true},
      {"/world/pier\t+", "/world/pier", "", false, true},
      {"/world/pier\t!", "/world/pier", "", false, true},
      {"/\t$", "/", "", false, true},
      {"/world/pier\t+text/plain", "/world/pier", "", false, true},
      {"URL:https://example.org/", "URL:https://example.org/", "", false, false},
      {"/caf\xC3\xA9", "/caf\xC3\xA9", "", false, false},
      {"/world/../world/pier", "/world/../world/pier", "", false, false},
      {"/..a/b..", "/..a/b..", "", false, false},
      {"URL:https://example.org/../../a", "URL:https://example.org/../../a", "", false, false},
  };
  for (const auto& row : rows) {
    CAPTURE(row.line);
    auto result = parse_gopher_request(row.line);
    REQUIRE(std::holds_alternative<GopherRequest>(result));
    const auto& request = std::get<GopherRequest>(result);
    CHECK(request.selector == row.selector);
    CHECK(request.search == row.search);
    CHECK(request.has_search == row.has_search);
    CHECK(request.gopher_plus == row.gopher_plus);
  }
}

TEST_CASE("bad selectors are refused with a reason") {
  struct Row {
    std::string line, reason;
  };
  const Row rows[] = {
      {std::string(1025, 'a'), "longer than 1024"},
      {"/a\x01", "control character"},
      {std::string("/a\0b", 4), "control character"},
      {"/a\xFF", "not valid UTF-8"},
      {"/search\t\xFF", "not valid UTF-8"},
      {"/../", "climbs above the root"},
      {"..", "climbs above the root"},
      {"/world/../../etc/passwd", "climbs above the root"},
      {"/../search\tpeace", "climbs above the root"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.line);
    auto result = parse_gopher_request(row.line);
    REQUIRE(std::holds_alternative<GopherRefusal>(result));
    CHECK(std::get<GopherRefusal>(result).message.find(row.reason) != std::string::npos);
  }
  CHECK(std::holds_alternative<GopherRequest>(parse_gopher_request(std::string(1024, 'a'))));
}

TEST_CASE("a web browser on the Gopher port is recognised") {
  auto result = parse_gopher_request("GET /world/ HTTP/1.1");
  REQUIRE(std::holds_alternative<HttpRequest>(result));
  CHECK(std::get<HttpRequest>(result).path == "/world/");
}

TEST_CASE("Gopher request framing ends at LF, with or without CR") {
  CHECK(frame_gopher_request("/a").state == Framing::need_more);
  CHECK(frame_gopher_request("/a\r\n").line_length == 2);
  CHECK(frame_gopher_request("/a\n").line_length == 2);
  CHECK(frame_gopher_request("\r\n").line_length == 0);
  CHECK(frame_gopher_request(std::string(2000, 'a')).state == Framing::too_long);
}
