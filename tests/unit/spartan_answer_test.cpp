#include "spartan/spartan_answer.hpp"

#include "routing_snapshot.hpp"

#include <doctest/doctest.h>

using namespace gazette;

namespace {

std::string sent(const Answer& answer) { return answer.resource ? answer.resource->bytes.joined() : answer.made; }

} // namespace

TEST_CASE("Spartan routing: each request line's answer, from the snapshot alone") {
  const auto snapshot = gazette::testing::routing_snapshot();
  struct Row {
    std::string line;
    std::string status;
    std::string starts;
    std::uint64_t unread_body = 0;
  };
  const Row rows[] = {
      {"localhost / 0", "2", "2 text/gemini\r\n# Front\n=: /search"},
      // One server, one publication: any host name is served.
      {"127.0.0.1 / 0", "2", "2 text/gemini\r\n# Front\n"},
      {"news.example /a/./c 0", "2", "2 text/gemini\r\n# C\n"},
      {"localhost /a/%63 0", "2", "2 text/gemini\r\n# C\n"},
      {"localhost /dir 0", "3", "3 /dir/\r\n"},
      {"localhost /dir/ 0", "2", "2 text/gemini\r\n# Dir\n"},
      {"localhost /nothing 0", "4", "4 Not found\r\n"},
      {"localhost /search 0", "2", "2 text/gemini\r\n# Search the news\n\n=: /search"},
      {"localhost /search?pier 0", "2", "2 text/gemini\r\n# Search: pier\n\n2 stories found for \"pier\".\n\n"
                                        "=> /w/pier 2024-05-16 Pier opens\n=> /w/talks"},
      // A body where none is expected is refused, and read so the client hears why.
      {"localhost /a/c 5", "4", "4 /a/c takes no input; send a content length of 0\r\n", 5},
      {"localhost / 1", "4", "4 / takes no input", 1},
      {"localhost /search 2000", "4", "4 Search words are longer than 1024 bytes\r\n", 2000},
      {"localhost / x", "4", "4 Content length is not a number of bytes\r\n"},
      {"localhost /", "4", "4 Send \"host path content-length\""},
      {"localhost /../a 0", "4", "4 Path climbs above the root\r\n"},
      {"localhost a 0", "4", "4 Path must start with \"/\"\r\n"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.line);
    const Answer answer = answer_spartan(*snapshot, {Framing::complete, row.line}, {300, {}});
    CHECK(answer.status == row.status);
    CHECK(sent(answer).starts_with(row.starts));
    CHECK(answer.unread_body == row.unread_body);
    CHECK(answer.body_bytes == 0);
  }
}

TEST_CASE("Spartan routing: words posted to /search are the query") {
  const auto snapshot = gazette::testing::routing_snapshot();
  // First the answer asks for the body; the connection reads it and asks again.
  ReceivedRequest request{Framing::complete, "localhost /search 8"};
  const Answer first = answer_spartan(*snapshot, request, {300, {}});
  CHECK(first.body_bytes == 8);
  CHECK(first.made.empty());
  CHECK(first.resource == nullptr);

  struct Row {
    BodyState state;
    std::string body;
    std::string status;
    std::string starts;
  };
  const Row rows[] = {
      {BodyState::complete, "istanbul", "2", "2 text/gemini\r\n# Search: istanbul\n\n1 story found for \"istanbul\".\n\n"
                                             "=> /w/talks 2024-05-10 Talks resume\n=: /search Search again\n"
                                             "=> / Front page: The Desk\n"},
      {BodyState::complete, "zzzzzzzz", "2", "2 text/gemini\r\n# Search: zzzzzzzz\n\nNo stories found for \"zzzzzzzz\".\n\n=: /search"},
      {BodyState::incomplete, "ista", "4", "4 The body ended before its content length of 8 bytes\r\n"},
      {BodyState::complete, "ista\xFF\xFE\xFD\xFC", "4", "4 Search words are not valid UTF-8\r\n"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.body);
    request.body_state = row.state;
    request.body = row.body;
    const Answer answer = answer_spartan(*snapshot, request, {300, {}});
    CHECK(answer.status == row.status);
    CHECK(sent(answer).starts_with(row.starts));
    CHECK(answer.body_bytes == 0);
  }
}

TEST_CASE("Spartan routing: requests cut short, too long or too fast") {
  const auto snapshot = gazette::testing::routing_snapshot();
  CHECK(sent(answer_spartan(*snapshot, {Framing::too_long, std::string(2000, 'a')}, {300, {}})) ==
        "4 Request line is longer than 1024 bytes\r\n");
  CHECK(sent(answer_spartan(*snapshot, {Framing::need_more, "localhost /"}, {300, {}})) ==
        "4 Request timed out; send \"host path content-length\" and CRLF\r\n");
  const Answer slow = answer_spartan(*snapshot, {Framing::complete, "localhost /search 5"}, {300, std::chrono::seconds(3)});
  CHECK(sent(slow) == "4 Too many requests; try again in 3 seconds\r\n");
  CHECK(slow.unread_body == 5);
}

TEST_CASE("Spartan routing: a capsule without a publication has no search") {
  const auto snapshot = gazette::testing::routing_snapshot(false);
  CHECK(sent(answer_spartan(*snapshot, {Framing::complete, "localhost /search 0"}, {300, {}})) == "4 Not found\r\n");
  CHECK(sent(answer_spartan(*snapshot, {Framing::complete, "localhost /search 4"}, {300, {}})).starts_with(
      "4 /search takes no input"));
}
