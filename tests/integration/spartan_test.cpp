// The same publication over Spartan, with a raw Spartan client: a request
// line, a body when there are words to post, and the answer to the end.
#include "gazette_process.hpp"
#include "test_clients.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <regex>
#include <set>
#include <sstream>

using namespace gazette::testing;
using namespace std::chrono_literals;

namespace {

struct SpartanResponse {
  bool completed = false;
  std::string status_line; // without its CRLF
  std::string body;
};

// "host path content-length" CRLF, then the body, as the specification has it.
SpartanResponse spartan(std::uint16_t port, const std::string& path, const std::string& body = "",
                        const std::string& host = "localhost") {
  const TcpResponse raw = tcp_exchange(port, fmt::format("{} {} {}\r\n{}", host, path, body.size(), body));
  SpartanResponse response;
  response.completed = raw.completed;
  const std::size_t end = raw.bytes.find("\r\n");
  if (end == std::string::npos) return response;
  response.status_line = raw.bytes.substr(0, end);
  response.body = raw.bytes.substr(end + 2);
  return response;
}

std::string spartan_config(const std::string& spartan_keys = "", const std::string& extra_top = "") {
  return test_config(extra_top) + "[spartan]\nlisten = [\"127.0.0.1:0\"]\n" + spartan_keys;
}

} // namespace

TEST_CASE("Spartan: Gemini's pages, with a prompt line for search, and every link answers") {
  TempCapsule site;
  copy_sample_capsule(site);
  std::string paragraphs;
  for (int i = 0; i < 1000; ++i) paragraphs += fmt::format("Paragraph {} of a long read, told at length.\n\n", i);
  site.write("ukraine/long-read.md", "+++\ntitle = \"A long read\"\ndate = 2023-01-01\n+++\n" + paragraphs);
  GazetteProcess server(site, spartan_config());
  const auto port = server.spartan_port();
  REQUIRE(port != 0);

  const SpartanResponse front = spartan(port, "/");
  REQUIRE(front.completed);
  CHECK(front.status_line == "2 text/gemini");
  CHECK(front.body.find("\n=: /search Search the news\n") != std::string::npos);
  CHECK(front.body.find("=> /search ") == std::string::npos);
  // Apart from that line, the front page is Gemini's.
  std::string gemini_front = gemini_get(server.gemini_port(), "/").body;
  gemini_front.replace(gemini_front.find("=> /search "), 3, "=: ");
  CHECK(front.body == gemini_front);

  // A story is Gemini's page, byte for byte; Spartan has no lang parameter.
  const std::string story = "/diplomacy-watch/ukraine-and-russia-are-quietly-talking";
  const SpartanResponse page = spartan(port, story);
  CHECK(page.status_line == "2 text/gemini");
  CHECK(page.body == gemini_get(server.gemini_port(), story).body);
  // One longer than a 16 KiB write: Gemini's bytes after Spartan's own
  // header, written on their own.
  const std::string long_story = "/ukraine/long-read";
  const SpartanResponse long_page = spartan(port, long_story);
  CHECK(long_page.status_line == "2 text/gemini");
  CHECK(long_page.body.size() > 40 * 1024);
  CHECK(long_page.body == gemini_get(server.gemini_port(), long_story).body);

  // Every link of the front page and of the pages it links to answers.
  std::set<std::string> seen;
  std::vector<std::string> queue{"/"};
  const std::regex link_line(R"(^=[>:] (/\S*))");
  int pages = 0;
  while (!queue.empty()) {
    const std::string path = queue.back();
    queue.pop_back();
    if (!seen.insert(path).second || seen.size() > 80) continue;
    CAPTURE(path);
    const SpartanResponse response = spartan(port, path);
    REQUIRE(response.completed);
    CHECK((response.status_line.starts_with("2 ") || response.status_line.starts_with("3 /")));
    if (response.status_line != "2 text/gemini") continue;
    ++pages;
    std::istringstream lines(response.body);
    for (std::string line; std::getline(lines, line);) {
      std::smatch match;
      if (std::regex_search(line, match, link_line)) queue.push_back(match[1]);
    }
  }
  CHECK(pages >= 10);
  CHECK(seen.count("/ukraine/"));
  CHECK(seen.count("/search"));
}

TEST_CASE("Spartan: redirects, errors, and words posted to /search") {
  TempCapsule site;
  copy_sample_capsule(site);
  GazetteProcess server(site, spartan_config());
  const auto port = server.spartan_port();

  struct Row {
    std::string path, body, status_line, body_starts;
  };
  const Row rows[] = {
      {"/ukraine", "", "3 /ukraine/", ""},
      {"/about", "", "3 /about.gmi", ""},
      {"/nothing", "", "4 Not found", ""},
      {"/../etc/passwd", "", "4 Path climbs above the root", ""},
      {"/search", "", "2 text/gemini", "# Search the news\n\n=: /search "},
      {"/search", "blinken", "2 text/gemini", "# Search: blinken\n\n"},
      {"/search?blinken", "", "2 text/gemini", "# Search: blinken\n\n"},
      // A body where none is expected.
      {"/", "hello", "4 / takes no input; send a content length of 0", ""},
      {"/ukraine/", "x", "4 /ukraine/ takes no input; send a content length of 0", ""},
  };
  for (const auto& row : rows) {
    CAPTURE(row.path);
    CAPTURE(row.body);
    const SpartanResponse response = spartan(port, row.path, row.body);
    REQUIRE(response.completed);
    CHECK(response.status_line == row.status_line);
    CHECK(response.body.starts_with(row.body_starts));
  }

  // The results are Gemini's for the same words, with a prompt to search again.
  const SpartanResponse results = spartan(port, "/search", "peace summit");
  const GeminiResponse gemini = gemini_get(server.gemini_port(), "/search?peace%20summit");
  CHECK(results.body.find("=: /search Search again\n") != std::string::npos);
  std::string gemini_results = gemini.body;
  gemini_results.replace(gemini_results.find("=> /search Search again"), 3, "=: ");
  CHECK(results.body == gemini_results);

  // A content length the body does not reach: the client says it is done sending.
  const TcpResponse short_body = tcp_exchange(port, "localhost /search 20\r\npeace", 10s, true);
  CHECK(short_body.bytes == "4 The body ended before its content length of 20 bytes\r\n");
  const TcpResponse not_a_length = tcp_exchange(port, "localhost / five\r\n");
  CHECK(not_a_length.bytes == "4 Content length is not a number of bytes\r\n");
  const TcpResponse too_long = tcp_exchange(port, "localhost /" + std::string(1100, 'a') + " 0\r\n");
  CHECK(too_long.bytes == "4 Request line is longer than 1024 bytes\r\n");
  CHECK(too_long.completed); // the rest of the line is read and dropped: no reset
  const TcpResponse too_many_words = tcp_exchange(port, "localhost /search 5000\r\n" + std::string(5000, 'a'));
  CHECK(too_many_words.bytes == "4 Search words are longer than 1024 bytes\r\n");
  // More than the content length said: the answer still ends cleanly, no reset.
  const TcpResponse surplus = tcp_exchange(port, "localhost /search 5\r\npeace" + std::string(70000, 'x'));
  CHECK(surplus.bytes.starts_with("2 text/gemini\r\n# Search: peace\n\n"));
  CHECK(surplus.completed);
  const TcpResponse refused_surplus =
      tcp_exchange(port, "localhost /search 5000\r\n" + std::string(5000, 'a') + std::string(70000, 'x'));
  CHECK(refused_surplus.bytes == "4 Search words are longer than 1024 bytes\r\n");
  CHECK(refused_surplus.completed);
  // Answered at once, not after the client's time runs out.
  const TcpResponse bare_lf = tcp_exchange(port, "localhost / 0\n", 3s);
  CHECK(bare_lf.bytes == "4 Request has a line feed without its carriage return; end the line with CRLF\r\n");
  CHECK(server.running());

  // The access log names the protocol and the request line.
  CHECK(server.wait_for_stdout(" 127.0.0.1 2 spartan:localhost\\x20/search\\x2012"));
  CHECK(server.wait_for_stdout(" 127.0.0.1 4 spartan:localhost\\x20/nothing\\x200"));
}

TEST_CASE("Spartan: off unless configured; ASCII for old machines; behind a PROXY header; live") {
  TempCapsule plain;
  copy_sample_capsule(plain);
  {
    GazetteProcess server(plain);
    CHECK(server.stderr_text().find("spartan listening") == std::string::npos);
  }

  TempCapsule site;
  copy_sample_capsule(site);
  GazetteProcess server(site, spartan_config("ascii = true\nproxy_protocol = true\n", "request_timeout = 2\n"));
  const auto port = server.spartan_port();
  const std::string story = "/israel-gaza/us-military-pier-to-open-for-business-but-storms-ahead";
  const TcpResponse ascii = tcp_exchange(port, "PROXY TCP4 203.0.113.7 127.0.0.1 5555 300\r\nlocalhost " + story + " 0\r\n");
  REQUIRE(ascii.completed);
  CHECK(ascii.bytes.starts_with("2 text/gemini\r\n# "));
  for (unsigned char c : ascii.bytes) CHECK(c < 0x80);
  CHECK(server.wait_for_stdout(" 203.0.113.7 2 spartan:localhost\\x20" + story + "\\x200"));
  // Without the header the connection is not served.
  CHECK(tcp_exchange(port, "localhost / 0\r\n", 15s).bytes.empty());

  site.write("ukraine/fresh-news.md", article("Fresh news", "2024-06-01", "", "Just in."));
  CHECK(eventually([&] {
    return tcp_exchange(port, "PROXY TCP4 203.0.113.8 127.0.0.1 5555 300\r\nlocalhost /ukraine/fresh-news 0\r\n")
        .bytes.starts_with("2 text/gemini\r\n# Fresh news\n");
  }));
}
