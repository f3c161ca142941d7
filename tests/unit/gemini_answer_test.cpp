#include "gemini/gemini_answer.hpp"

#include "routing_snapshot.hpp"

#include <doctest/doctest.h>

using namespace gazette;

namespace {

// What the client is sent, whichever way the answer holds it.
std::string sent(const Answer& answer) { return answer.resource ? answer.resource->bytes.joined() : answer.made; }

} // namespace

TEST_CASE("Gemini routing: each request's answer, from the snapshot alone") {
  const auto snapshot = gazette::testing::routing_snapshot();
  struct Row {
    std::string line;
    std::string status;
    std::string starts; // how the bytes sent begin
  };
  const Row rows[] = {
      {"gemini://localhost/", "20", "20 text/gemini\r\n# Front\n"},
      {"gemini://localhost", "20", "20 text/gemini\r\n# Front\n"},
      {"gemini://LOCALHOST:1965/a/./b/../c", "20", "20 text/gemini\r\n# C\n"},
      {"gemini://news.example/a/%63", "20", "20 text/gemini\r\n# C\n"},
      {"gemini://localhost/dir", "31", "31 /dir/\r\n"},
      {"gemini://localhost/dir/", "20", "20 text/gemini\r\n# Dir\n"},
      {"gemini://localhost/missing", "51", "51 Not found\r\n"},
      {"gemini://localhost/../../", "59", "59 Path climbs above the root\r\n"},
      {"gemini://localhost/a/../../a/c", "59", "59 Path climbs above the root\r\n"},
      {"gemini://localhost/search", "10", "10 Search the news\r\n"},
      {"gemini://localhost/search?pier", "20", "20 text/gemini\r\n# Search: pier\n\n2 stories found for \"pier\".\n\n"
                                               "=> /w/pier 2024-05-16 Pier opens\n=> /w/talks 2024-05-10 Talks resume\n"},
      {"gemini://localhost/search?talks%20istan", "20", "20 text/gemini\r\n# Search: talks istan\n\n1 story found"},
      {"gemini://localhost/search?%FF", "59", "59 Query is not valid UTF-8"},
      {"gemini://other.example/", "53", "53 This server does not serve the host other.example\r\n"},
      {"gemini://localhost:1966/", "53", "53 This server does not serve port 1966\r\n"},
      {"https://localhost/", "53", "53 This server does not proxy https: URLs\r\n"},
      {"", "59", "59 Empty request"},
      {"gemini://localhost/a b", "59", "59 Request contains a space"},
      {"/", "59", "59 Request is not an absolute URL"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.line);
    const Answer answer = answer_gemini(*snapshot, {Framing::complete, row.line}, {1965, {}});
    CHECK(answer.status == row.status);
    CHECK(sent(answer).starts_with(row.starts));
  }
}

TEST_CASE("Gemini routing: requests cut short, too long or too fast") {
  const auto snapshot = gazette::testing::routing_snapshot();
  CHECK(sent(answer_gemini(*snapshot, {Framing::too_long, std::string(1100, 'a')}, {1965, {}})) ==
        "59 Request is longer than 1024 bytes\r\n");
  CHECK(sent(answer_gemini(*snapshot, {Framing::need_more, "gemini://localhost/"}, {1965, {}})) ==
        "59 Request timed out; send the URL and CRLF\r\n");
  const Answer slow = answer_gemini(*snapshot, {Framing::complete, "gemini://localhost/"}, {1965, std::chrono::seconds(7)});
  CHECK(slow.status == "44");
  CHECK(sent(slow) == "44 7\r\n");
}

TEST_CASE("Gemini routing: a capsule without a publication has no search") {
  const auto snapshot = gazette::testing::routing_snapshot(false);
  CHECK(answer_gemini(*snapshot, {Framing::complete, "gemini://localhost/search?pier"}, {1965, {}}).status == "51");
  CHECK(answer_gemini(*snapshot, {Framing::complete, "gemini://localhost/"}, {1965, {}}).resource ==
        &snapshot->gemini.at("/"));
}
