#include "spartan/spartan_request.hpp"

#include <doctest/doctest.h>

using namespace gazette;

TEST_CASE("Spartan request lines: host, path, query and content length") {
  struct Row {
    std::string line, host, path, query;
    std::uint64_t length;
  };
  const Row rows[] = {
      {"localhost / 0", "localhost", "/", "", 0},
      {"news.example /world/pier 0", "news.example", "/world/pier", "", 0},
      {"127.0.0.1 /search 12", "127.0.0.1", "/search", "", 12},
      {"[::1] /world/ 0", "[::1]", "/world/", "", 0},
      {"LOCALHOST /a/./b/../c%2Dd 0", "LOCALHOST", "/a/c-d", "", 0},
      {"localhost /caf%C3%A9 0", "localhost", "/caf\xC3\xA9", "", 0},
      {"localhost /search?peace%20talks 0", "localhost", "/search", "peace talks", 0},
      {"localhost /world 007", "localhost", "/world", "", 7},
      {"localhost / 18446744073709551615", "localhost", "/", "", 18446744073709551615ULL},
  };
  for (const auto& row : rows) {
    CAPTURE(row.line);
    auto parsed = parse_spartan_request(row.line);
    REQUIRE(std::holds_alternative<SpartanRequest>(parsed));
    const auto& request = std::get<SpartanRequest>(parsed);
    CHECK(request.host == row.host);
    CHECK(request.path == row.path);
    CHECK(request.query == row.query);
    CHECK(request.content_length == row.length);
  }
}

TEST_CASE("bad Spartan request lines are refused with a reason") {
  struct Row {
    std::string line, reason;
  };
  const Row rows[] = {
      {"", "separated by single spaces"},
      {"localhost /", "separated by single spaces"},
      {"localhost / 0 extra", "separated by single spaces"},
      {"localhost  / 0", "separated by single spaces"},
      {" / 0", "names no host"},
      {"local_host / 0", "not a host name"},
      {"localhost world 0", "must start with \"/\""},
      {"localhost / ", "not a number"},
      {"localhost / -1", "not a number"},
      {"localhost / 1x", "not a number"},
      {"localhost / +1", "not a number"},
      {"localhost / 18446744073709551616", "not a number"},
      {"localhost / 99999999999999999999", "not a number"},
      {"localhost /caf\xC3\xA9 0", "not printable US-ASCII"},
      {"localhost /a\tb 0", "not printable US-ASCII"},
      {"localhost / 0\n", "line feed without its carriage return"},
      {"localhost /../etc/passwd 0", "climbs above the root"},
      {"localhost /a%2Fb 0", "encoded slash"},
      {"localhost /a%zz 0", "malformed percent escape"},
      {"localhost /search?a%z 0", "malformed percent escape"},
      {"localhost /" + std::string(1030, 'a') + " 0", "longer than 1024"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.line);
    auto parsed = parse_spartan_request(row.line);
    REQUIRE(std::holds_alternative<SpartanRefusal>(parsed));
    CHECK(std::get<SpartanRefusal>(parsed).message.find(row.reason) != std::string::npos);
  }
}

TEST_CASE("a Spartan request line ends at its CRLF; the body follows") {
  struct Row {
    std::string received;
    Framing state;
    std::size_t line_length;
  };
  const Row rows[] = {
      {"", Framing::need_more, 0},
      {"localhost / 0", Framing::need_more, 0},
      {"localhost / 0\n", Framing::complete, 14},
      {"localhost /a\nb 0\r\n", Framing::complete, 13},
      {std::string(max_spartan_line_bytes - 1, 'a') + "\n", Framing::complete, max_spartan_line_bytes},
      {std::string(max_spartan_line_bytes, 'a') + "\n", Framing::too_long, 0},
      {"localhost / 0\r", Framing::need_more, 0},
      {"localhost / 0\r\n", Framing::complete, 13},
      {"localhost /search 5\r\npeace", Framing::complete, 19},
      {"localhost /search 7\r\nab\r\ncd", Framing::complete, 19},
      {std::string(max_spartan_request_bytes, 'a'), Framing::too_long, 0},
      {std::string(max_spartan_line_bytes + 1, 'a') + "\r\n", Framing::too_long, 0},
      {std::string(max_spartan_line_bytes, 'a') + "\r\n", Framing::complete, max_spartan_line_bytes},
  };
  for (const auto& row : rows) {
    CAPTURE(row.received);
    const FramedRequest framed = frame_spartan_request(row.received);
    CHECK(framed.state == row.state);
    if (row.state == Framing::complete) CHECK(framed.line_length == row.line_length);
  }
}
