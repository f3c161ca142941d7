#include "gopher/gopher_answer.hpp"

#include "routing_snapshot.hpp"

#include <doctest/doctest.h>

using namespace gazette;

namespace {

std::string sent(const Answer& answer) { return answer.resource ? answer.resource->bytes.joined() : answer.made; }

} // namespace

TEST_CASE("Gopher routing: each selector's answer, from the snapshot alone") {
  const auto snapshot = gazette::testing::routing_snapshot();
  struct Row {
    std::string line;
    std::string status;
    std::string starts;
  };
  const Row rows[] = {
      {"", "ok", "iFront\t"},
      {"/", "ok", "iFront\t"},
      {"/a", "ok", "A text\r\n"},
      {"a", "ok", "A text\r\n"},
      {"/a\t+", "ok", "A text\r\n"},
      {"/a\t$", "ok", "A text\r\n"},
      {"URL:https://example.org/", "ok", "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" "
                                         "content=\"2; url=https://example.org/\">"},
      // A menu without its closing slash; a text keeps its own path.
      {"/d", "ok", "iD\t"},
      {"d", "ok", "iD\t"},
      {"/d/", "ok", "iD\t"},
      {"/a/", "ok", "iA's menu\t"},
      {"/a/b", "3", "3Not found: /a/b\t"},
      {"URL:https://example.org", "3", "3Not found: URL:https://example.org\t"},
      {"URL:https://elsewhere.example/", "3", "3Not found: URL:https://elsewhere.example/\t"},
      {"/nothing", "3", "3Not found: /nothing\t\terror.host\t1\r\n.\r\n"},
      {"/bell\x07", "3", "3Selector contains a control character\t"},
      {"/../", "3", "3Selector climbs above the root\t\terror.host\t1\r\n.\r\n"},
      {"/../a", "3", "3Selector climbs above the root\t"},
      {"/search\tpier", "1", "iSearch: pier\t\terror.host\t1\r\ni2 stories found for \"pier\".\t\terror.host\t1\r\n"
                             "i\t\terror.host\t1\r\n0Pier opens\t/w/pier\tlocalhost\t70\r\n0Talks resume\t"},
      {"search\tistanbul", "1", "iSearch: istanbul\t\terror.host\t1\r\ni1 story found"},
      {"/search\t", "1", "iSearch:\t\terror.host\t1\r\niType one or more words to search for."},
      {"GET / HTTP/1.1", "HTTP", "HTTP/1.0 400 Bad Request\r\n"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.line);
    const Answer answer = answer_gopher(*snapshot, {Framing::complete, row.line}, {70, {}});
    CHECK(answer.status == row.status);
    CHECK(sent(answer).starts_with(row.starts));
  }
  const Answer browser = answer_gopher(*snapshot, {Framing::complete, "GET /a HTTP/1.1"}, {70, {}});
  CHECK(sent(browser).find("gopher://localhost:70/1/a") != std::string::npos);
}

TEST_CASE("Gopher routing: requests cut short, too long or too fast") {
  const auto snapshot = gazette::testing::routing_snapshot();
  CHECK(sent(answer_gopher(*snapshot, {Framing::too_long, std::string(2000, 'a')}, {70, {}})) ==
        "3Selector is longer than 1024 bytes\t\terror.host\t1\r\n.\r\n");
  CHECK(sent(answer_gopher(*snapshot, {Framing::need_more, "/a"}, {70, {}})) ==
        "3Request timed out; send a selector and CRLF\t\terror.host\t1\r\n.\r\n");
  CHECK(sent(answer_gopher(*snapshot, {Framing::complete, "/a"}, {70, std::chrono::seconds(3)})) ==
        "3Too many requests; try again in 3 seconds\t\terror.host\t1\r\n.\r\n");
}

TEST_CASE("Gopher routing: a capsule without a publication has no search") {
  const auto snapshot = gazette::testing::routing_snapshot(false);
  CHECK(answer_gopher(*snapshot, {Framing::complete, "/search\tpier"}, {70, {}}).status == "3");
}
