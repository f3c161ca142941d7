// Every request rule of the Gemini specification, against the real server.
#include "gazette_process.hpp"
#include "test_clients.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <thread>

using namespace gazette::testing;
using namespace std::chrono_literals;

namespace {

TempCapsule& plain_capsule(TempCapsule& site) {
  site.write("index.gmi", "# Home\n")
      .write("a.gmi", "# A\n")
      .write("notes.txt", "plain text\n")
      .write("pic.png", "\x89PNG")
      .write("photo.jpg", "jpeg")
      .write("data.bin1", "bytes")
      .write("dir/index.gmi", "# Dir\n")
      .write("empty-dir/readme.txt", "no index here\n")
      .write("caf\xC3\xA9.gmi", "# Cafe\n")
      .write(".hidden", "secret")
      .write(".git/config", "secret")
      .write("_section.toml", "title = \"secret\"\n")
      .write("dir/_private.gmi", "secret")
      .write("_drafts/x.gmi", "secret");
  std::ofstream(site.folder() / "secret.txt") << "outside the capsule\n";
  return site;
}

} // namespace

TEST_CASE("Gemini: exact response headers for every request rule") {
  TempCapsule site;
  plain_capsule(site);
  GazetteProcess server(site);
  const auto port = server.gemini_port();
  const std::string base = fmt::format("gemini://localhost:{}", port);
  std::string exactly_1024 = base + "/";
  exactly_1024 += std::string(1024 - exactly_1024.size(), 'x');
  REQUIRE(exactly_1024.size() == 1024);

  struct Row {
    std::string request;
    std::string header; // exact
  };
  const std::vector<Row> rows = {
      {base + "/a.gmi\r\n", "20 text/gemini"},
      {base + "/notes.txt\r\n", "20 text/plain; charset=utf-8"},
      {base + "/pic.png\r\n", "20 image/png"},
      {base + "/photo.jpg\r\n", "20 image/jpeg"},
      {base + "/data.bin1\r\n", "20 application/octet-stream"},
      {base + "/dir/\r\n", "20 text/gemini"},
      {base + "/dir/index.gmi\r\n", "20 text/gemini"},
      {base + "/dir\r\n", "31 /dir/"},
      {base + "\r\n", "20 text/gemini"},
      {base + "/\r\n", "20 text/gemini"},
      {base + "/empty-dir/\r\n", "51 Not found"},
      {base + "/missing.gmi\r\n", "51 Not found"},
      {base + "/.hidden\r\n", "51 Not found"},
      {base + "/dir/_private.gmi\r\n", "51 Not found"},
      {base + "/_drafts/x.gmi\r\n", "51 Not found"},
      {base + "/.git/config\r\n", "51 Not found"},
      {base + "/_section.toml\r\n", "51 Not found"},
      {base + "/a.gmi?x=1\r\n", "20 text/gemini"},
      {base + "/a.gmi\r\ngarbage after the request", "20 text/gemini"},
      {fmt::format("GEMINI://LOCALHOST:{}/a.gmi\r\n", port), "20 text/gemini"},
      {"gemini://localhost/a.gmi\r\n", "20 text/gemini"},
      {base + "/caf%C3%A9.gmi\r\n", "20 text/gemini"},
      {base + "/caf\xC3\xA9.gmi\r\n", "20 text/gemini"},
      {base + "/caf%c3%a9.gmi\r\n", "20 text/gemini"},
      {exactly_1024 + "\r\n", "51 Not found"},
      {fmt::format("https://localhost:{}/\r\n", port), "53 This server does not proxy https: URLs"},
      {fmt::format("gemini://example.org:{}/\r\n", port), "53 This server does not serve the host example.org"},
      {"gemini://localhost:1/\r\n", "53 This server does not serve port 1"},
      {"\r\n", "59 Empty request; send an absolute gemini:// URL and CRLF"},
      {"/a.gmi\r\n", "59 Request is not an absolute URL; it needs gemini://host/"},
      {"localhost/a.gmi\r\n", "59 Request is not an absolute URL; it needs gemini://host/"},
      {fmt::format("gemini://user@localhost:{}/\r\n", port), "59 Request URL must not contain userinfo"},
      {base + "/a.gmi#top\r\n", "59 Request URL must not contain a fragment"},
      {"\xEF\xBB\xBF" + base + "/\r\n", "59 Request starts with a byte order mark"},
      {base + "/\xFF\xFE\r\n", "59 Request is not valid UTF-8"},
      {base + std::string("/a\0b", 4) + "\r\n", "59 Request contains a control character"},
      {base + "/a\tb\r\n", "59 Request contains a control character"},
      {base + "/a\x01" "b\r\n", "59 Request contains a control character"},
      {base + "/a\x1B[2Jb\r\n", "59 Request contains a control character"},
      {base + "/a\x7F\r\n", "59 Request contains a control character"},
      {base + "/a\rb\r\n", "59 Request contains a control character"},
      {base + "/\n", "59 Request has a line feed without its carriage return; end the line with CRLF"},
      {base + "/a%00b.gmi\r\n", "59 Path contains a control character"},
      {base + "/a b\r\n", "59 Request contains a space; encode it as %20"},
      {exactly_1024 + "x\r\n", "59 Request is longer than 1024 bytes"},
      {std::string(2000, 'a'), "59 Request is longer than 1024 bytes"},
      {base + "/dir%2Fa.gmi\r\n", "59 Path contains an encoded slash"},
      {base + "/dir%2fa.gmi\r\n", "59 Path contains an encoded slash"},
      {base + "/dir%5Ca.gmi\r\n", "59 Path contains a backslash"},
      {base + "/dir\\a.gmi\r\n", "59 Request is not a valid URL"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.request);
    GeminiResponse response = gemini_exchange(port, row.request);
    CHECK(response.error == "");
    CHECK(response.header == row.header);
    CHECK(response.close_notify);
  }
  // Hostile input above left the server serving everyone else.
  CHECK(gemini_get(port, "/a.gmi").header == "20 text/gemini");
  CHECK(server.running());
}

TEST_CASE("Gemini: a request that arrives in pieces, CR and LF apart, is answered once complete") {
  TempCapsule site;
  plain_capsule(site);
  GazetteProcess server(site);
  const auto port = server.gemini_port();
  GeminiConversation slow(port);
  REQUIRE(slow.handshake_done());
  // Each send is its own TLS record; the pauses let the server read each alone.
  for (const std::string& piece : {std::string("gemini://local"), fmt::format("host:{}/a.gmi\r", port), std::string("\n")}) {
    slow.send(piece);
    std::this_thread::sleep_for(100ms);
  }
  const GeminiResponse response = slow.read_response();
  CHECK(response.header == "20 text/gemini");
  CHECK(response.body == "# A\n");
  CHECK(response.close_notify);
}

TEST_CASE("Gemini: traversal never leaves the capsule") {
  TempCapsule site;
  plain_capsule(site);
  std::filesystem::create_symlink(site.folder() / "secret.txt", site.root() / "link-out.txt");
  std::filesystem::create_symlink(site.root() / "notes.txt", site.root() / "link-in.txt");
  GazetteProcess server(site);
  const auto port = server.gemini_port();
  for (const std::string path : {"/../secret.txt", "/%2e%2e/secret.txt", "/dir/../../secret.txt", "/%252e%252e/secret.txt",
                                 "/dir/..%2fsecret.txt", "/..%5csecret.txt", "/./../secret.txt", "/link-out.txt"}) {
    CAPTURE(path);
    GeminiResponse response = gemini_get(port, path);
    CHECK((response.status() == 51 || response.status() == 59));
    CHECK(response.body.find("outside the capsule") == std::string::npos);
  }
  // Dot segments that climb above the root name nothing: refused, not clamped to "/".
  for (const std::string path : {"/../../", "/..", "/dir/../../notes.txt", "/%2e%2e/"}) {
    CAPTURE(path);
    CHECK(gemini_get(port, path).header == "59 Path climbs above the root");
  }
  GeminiResponse inside = gemini_get(port, "/link-in.txt");
  CHECK(inside.header == "20 text/plain; charset=utf-8");
  CHECK(inside.body == "plain text\n");
}

TEST_CASE("Gemini: files are byte-identical, large ones streamed") {
  TempCapsule site;
  std::string large;
  large.reserve(5 * 1024 * 1024);
  std::uint32_t state = 12345;
  for (int i = 0; i < 5 * 1024 * 1024; ++i) {
    state = state * 1664525u + 1013904223u;
    large += static_cast<char>(state >> 24);
  }
  site.write("big.bin", large).write("small.gmi", "# Small\n\n=> /big.bin Big\n").write("site.toml", "title = \"T\"\nlang = \"en\"\n");
  GazetteProcess server(site);
  GeminiResponse big = gemini_get(server.gemini_port(), "/big.bin");
  CHECK(big.header == "20 application/octet-stream");
  CHECK(big.body.size() == large.size());
  CHECK(big.body == large);
  CHECK(big.close_notify);
  GeminiResponse small = gemini_get(server.gemini_port(), "/small.gmi");
  CHECK(small.header == "20 text/gemini; lang=en");
  CHECK(small.body == "# Small\n\n=> /big.bin Big\n");
}

TEST_CASE("Gemini: a large file the server cannot open is never answered 20 with a short body") {
  TempCapsule site;
  // Large enough to be streamed from disk at request time rather than held in memory.
  const std::string content(1024 * 1024, 'x');
  site.write("index.gmi", "# Hi\n").write("locked.bin", content);
  // Unreadable to the server, whether it runs as this user or, started as root, as nobody.
  std::filesystem::permissions(site.root() / "locked.bin", std::filesystem::perms::none);
  GazetteProcess server(site);
  const GeminiResponse response = gemini_get(server.gemini_port(), "/locked.bin");
  CAPTURE(response.header);
  CAPTURE(response.body.size());
  CHECK(response.status() != -1);
  // Compared as one bool: a failure should not print a megabyte.
  if (response.status() == 20) CHECK((response.body == content));
  CHECK(gemini_get(server.gemini_port(), "/").header == "20 text/gemini");
}
