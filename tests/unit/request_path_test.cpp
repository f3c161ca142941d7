#include "text/url_path.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace gazette;

TEST_CASE("request paths are decoded and their dot segments removed") {
  struct Row {
    std::string raw, expected;
  };
  const Row rows[] = {
      {"", "/"},
      {"/", "/"},
      {"/a", "/a"},
      {"/a/", "/a/"},
      {"/a/b/..", "/a/"},
      {"/a/b/.", "/a/b/"},
      {"/a/..", "/"},
      {"/a/b/../../c", "/c"},
      {"/a/%2E%2E/b", "/b"},
      {"/%2e/b", "/b"},
      {"/./a/./..", "/"},
      {"/...", "/..."},
      {"/..a/b", "/..a/b"},
      {"/a%20b", "/a b"},
      {"/%25", "/%"},
      {"///a///", "/a/"},
      {"/_hidden", "/_hidden"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.raw);
    auto result = normalize_request_path(row.raw);
    REQUIRE(std::holds_alternative<std::string>(result));
    CHECK(std::get<std::string>(result) == row.expected);
  }
}

TEST_CASE("request paths that hide separators or bytes are refused") {
  const std::string refused[] = {"/a%2Fb", "/a%2fb", "/a%5Cb", "/a%00", "/a%0A", "/a%FF", "/a%", "/a%4", "/a%G0"};
  for (const auto& raw : refused) {
    CAPTURE(raw);
    CHECK(std::holds_alternative<PathRefusal>(normalize_request_path(raw)));
  }
}

TEST_CASE("a path whose dot segments climb above the root is refused, not clamped") {
  // Clamping would answer "/../../etc/passwd" with "/etc/passwd": a path
  // that names nothing would get a page.
  const std::string climbing[] = {"/..", "/../", "/../../..", "/../../etc/passwd", "/a/../../b", "/%2E%2E/b",
                                  "/%2e%2e", "/./..", "/a/./../b/../.."};
  for (const auto& raw : climbing) {
    CAPTURE(raw);
    auto result = normalize_request_path(raw);
    REQUIRE(std::holds_alternative<PathRefusal>(result));
    CHECK(std::get<PathRefusal>(result).reason == climbs_above_root_reason);
  }
}

TEST_CASE("climbs_above_root counts the folders a path has entered") {
  struct Row {
    std::string path;
    bool climbs;
  };
  const Row rows[] = {
      {"", false},       {"/", false},          {"/a/..", false},     {"a/..", false},
      {"/a/b/../..", false}, {"/..a", false},  {"/a..", false},      {"/./.", false},
      {"/..", true},     {"..", true},          {"/../a", true},      {"/a/../..", true},
      {"//..", true},    {"/./..", true},       {"/a/./../b/../..", true},
  };
  for (const auto& row : rows) {
    CAPTURE(row.path);
    CHECK(climbs_above_root(row.path) == row.climbs);
  }
}

TEST_CASE("paths are percent-encoded for URLs") {
  CHECK(percent_encode_path("/dir/") == "/dir/");
  CHECK(percent_encode_path("/a b/café") == "/a%20b/caf%C3%A9");
  CHECK(percent_encode_path("/100%?#") == "/100%25%3F%23");
  // Every byte: RFC 3986's unreserved characters, sub-delims, ':', '@' and
  // '/' stay; anything else becomes %XX.
  const std::string_view kept = "-._~/!$&'()*+,;=:@";
  for (int c = 0; c < 256; ++c) {
    CAPTURE(c);
    const char byte = static_cast<char>(c);
    const bool stays = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       kept.find(byte) != std::string_view::npos;
    CHECK(percent_encode_path(std::string(1, byte)) == (stays ? std::string(1, byte) : fmt::format("%{:02X}", c)));
  }
}

TEST_CASE("links in a page resolve against its path as a client's do") {
  struct Row {
    std::string page, link, resolved;
  };
  const Row rows[] = {
      {"/world/pier", "images/x.png", "/world/images/x.png"},
      {"/world/pier", "/images/x.png", "/images/x.png"},
      {"/world/pier", "talks", "/world/talks"},
      {"/world/pier", "../ukraine/", "/ukraine/"},
      {"/world/pier", "../../../x", "/x"},
      {"/world/pier", ".", "/world/"},
      {"/world/pier", "..", "/"},
      {"/world/", "pier", "/world/pier"},
      {"/about.gmi", "world/", "/world/"},
      {"/", "about.gmi", "/about.gmi"},
      {"/world/pier", "talks?q=1#part", "/world/talks"},
      {"/world/pier", "/search?peace", "/search"},
      {"/world/pier", "/a//b/./c", "/a/b/c"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.link);
    CHECK(resolve_link_path(row.page, row.link) == row.resolved);
  }
}

TEST_CASE("a URL scheme is letters, digits, '+', '-' and '.' before a colon") {
  struct Row {
    std::string link;
    std::string scheme; // as url_scheme gives it: lowercase, or empty for none
  };
  const Row rows[] = {
      {"https://example.org/", "https"}, {"gemini://x/", "gemini"},   {"mailto:a@b", "mailto"}, {"svn+ssh://h/", "svn+ssh"},
      {"JavaScript:void(0)", "javascript"}, {"FILE:///x", "file"}, {"/a:b", ""},        {"a/b:c", ""},
      {"images/x.png", ""},              {":x", ""},                 {"1http://x", ""},          {"", ""},
  };
  for (const auto& row : rows) {
    CAPTURE(row.link);
    CHECK(has_url_scheme(row.link) == !row.scheme.empty());
    CHECK(url_scheme(row.link) == row.scheme);
  }
}

TEST_CASE("a capsule path loses its leading slashes, and nothing else") {
  struct Row {
    std::string path;
    std::string relative;
  };
  const Row rows[] = {
      {"/images/x.png", "images/x.png"}, {"images/x.png", "images/x.png"}, {"///a/b", "a/b"},
      {"/", ""},                         {"", ""},                         {"a//b/", "a//b/"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.path);
    CHECK(capsule_relative(row.path) == row.relative);
  }
}
