#include "finger/finger_answer.hpp"

#include "routing_snapshot.hpp"

#include <doctest/doctest.h>

using namespace gazette;

namespace {

std::string sent(const Answer& answer) { return answer.resource ? answer.resource->bytes.joined() : answer.made; }

const std::string hint = "finger @news.example lists the latest stories and the sections.\r\n";

} // namespace

TEST_CASE("Finger routing: each query's answer, from the snapshot alone") {
  const auto snapshot = gazette::testing::routing_snapshot();
  struct Row {
    std::string line, status, bytes;
  };
  const Row rows[] = {
      {"", "ok", "The Desk\r\n"},
      {"/W", "ok", "The Desk\r\n"},
      {"/W ", "ok", "The Desk\r\n"},
      {"w", "ok", "W\r\n"},
      {"W", "ok", "W\r\n"},
      {"/W w", "ok", "W\r\n"},
      {"pier", "ok", "Pier opens\r\n"},
      {"w/pier", "ok", "Pier opens\r\n"},
      {"nothing", "error", "Nothing here is named \"nothing\".\r\n" + hint},
      {"/Ww", "error", "Nothing here is named \"/ww\".\r\n" + hint},
      {"@elsewhere", "error", "Finger forwarding service denied.\r\n" + hint},
      {"pier@news.example@elsewhere", "error", "Finger forwarding service denied.\r\n" + hint},
      {"/W w@elsewhere", "error", "Finger forwarding service denied.\r\n" + hint},
      {"w\x01", "error", "Query contains a control character.\r\n" + hint},
      // Finger speaks ASCII: what a reader typed is shown back transliterated.
      {"caf\xC3\xA9", "error", "Nothing here is named \"cafe\".\r\n" + hint},
  };
  for (const auto& row : rows) {
    CAPTURE(row.line);
    const Answer answer = answer_finger(*snapshot, {Framing::complete, row.line}, {79, {}});
    CHECK(answer.status == row.status);
    CHECK(sent(answer) == row.bytes);
  }
}

TEST_CASE("Finger routing: queries cut short, too long or too fast") {
  const auto snapshot = gazette::testing::routing_snapshot();
  CHECK(sent(answer_finger(*snapshot, {Framing::too_long, std::string(2000, 'a')}, {79, {}})) ==
        "The query is longer than 1024 bytes.\r\n" + hint);
  CHECK(sent(answer_finger(*snapshot, {Framing::need_more, "w"}, {79, {}})) ==
        "The query timed out; send a name, or nothing, and CRLF.\r\n" + hint);
  CHECK(sent(answer_finger(*snapshot, {Framing::complete, "w"}, {79, std::chrono::seconds(3)})) ==
        "Too many requests; try again in 3 seconds.\r\n" + hint);
}
