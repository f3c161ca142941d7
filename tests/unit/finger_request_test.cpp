#include "finger/finger_request.hpp"

#include <doctest/doctest.h>

using namespace gazette;

TEST_CASE("Finger queries: a name, maybe after /W") {
  struct Row {
    std::string line, name;
    bool verbose;
  };
  const Row rows[] = {
      {"", "", false},
      {"   ", "", false},
      {"world", "world", false},
      {"World", "world", false},
      {"pier-opens", "pier-opens", false},
      {"world/pier-opens", "world/pier-opens", false},
      {"/W", "", true},
      {"/w", "", true},
      {"/W world", "world", true},
      {"/W   world  ", "world", true},
      {"/W\tworld", "world", true},
      {" /W world", "world", true},
      // Not the /W token: a name that happens to start so.
      {"/Wworld", "/wworld", false},
      {"two words", "two words", false},
      {"caf\xC3\xA9", "caf\xC3\xA9", false},
  };
  for (const auto& row : rows) {
    CAPTURE(row.line);
    auto parsed = parse_finger_request(row.line);
    REQUIRE(std::holds_alternative<FingerRequest>(parsed));
    const auto& request = std::get<FingerRequest>(parsed);
    CHECK(request.name == row.name);
    CHECK(request.verbose == row.verbose);
  }
}

TEST_CASE("Finger forwarding and bad queries are refused with a reason") {
  struct Row {
    std::string line, reason;
  };
  const Row rows[] = {
      {"@elsewhere", "forwarding service denied"},
      {"world@elsewhere", "forwarding service denied"},
      {"world@a@b", "forwarding service denied"},
      {"/W world@elsewhere", "forwarding service denied"},
      {"/W @elsewhere", "forwarding service denied"},
      {"world\x01", "control character"},
      {std::string("a\0b", 3), "control character"},
      {"a\x7F", "control character"},
      {std::string(1025, 'a'), "longer than 1024"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.line);
    auto parsed = parse_finger_request(row.line);
    REQUIRE(std::holds_alternative<FingerRefusal>(parsed));
    CHECK(std::get<FingerRefusal>(parsed).message.find(row.reason) != std::string::npos);
  }
}

TEST_CASE("a Finger query ends at its LF, with or without CR") {
  struct Row {
    std::string received;
    Framing state;
    std::size_t line_length;
  };
  const Row rows[] = {
      {"", Framing::need_more, 0},
      {"world", Framing::need_more, 0},
      {"\r\n", Framing::complete, 0},
      {"\n", Framing::complete, 0},
      {"world\r\n", Framing::complete, 5},
      {"world\n", Framing::complete, 5},
      {"/W world\r\nmore", Framing::complete, 8},
      {std::string(max_finger_request_bytes, 'a'), Framing::too_long, 0},
  };
  for (const auto& row : rows) {
    CAPTURE(row.received);
    const FramedRequest framed = frame_finger_request(row.received);
    CHECK(framed.state == row.state);
    if (row.state == Framing::complete) CHECK(framed.line_length == row.line_length);
  }
}
