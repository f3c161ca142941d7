#include "gemini/titan_request.hpp"

#include <doctest/doctest.h>

using namespace gazette;

namespace {

const std::vector<std::string> hostnames{"localhost", "news.example"};

} // namespace

TEST_CASE("Titan request lines: path, parameters and edit") {
  struct Row {
    std::string line;
    std::string authority, path, mime, token;
    std::uint64_t size;
    bool edit;
  };
  const Row rows[] = {
      {"titan://localhost/world/pier;mime=text/plain;size=10;token=hello", "localhost", "/world/pier", "text/plain",
       "hello", 10, false},
      // Lagrange writes the port; the order of parameters is free.
      {"titan://localhost:1965/world/pier;size=0;mime=text/markdown", "localhost:1965", "/world/pier", "text/markdown",
       "", 0, false},
      {"titan://news.example/images/pier.png;size=123456", "news.example", "/images/pier.png", "", "", 123456, false},
      {"TITAN://LOCALHOST/world/pier;size=1", "LOCALHOST", "/world/pier", "", "", 1, false},
      {"titan://localhost/world/pier;edit", "localhost", "/world/pier", "", "", 0, true},
      {"titan://localhost/a/./b/../c%2Dd;size=2", "localhost", "/a/c-d", "", "", 2, false},
      {"titan://localhost/w/p;mime=Text/Plain%3B%20charset%3Dutf-8;size=3", "localhost", "/w/p", "text/plain", "", 3, false},
      {"titan://localhost/w/p;token=two%20words;size=3", "localhost", "/w/p", "", "two words", 3, false},
      {"titan://localhost/w/p;size=18446744073709551615", "localhost", "/w/p", "", "", 18446744073709551615ULL, false},
  };
  for (const auto& row : rows) {
    CAPTURE(row.line);
    auto parsed = parse_titan_request(row.line, {hostnames, 1965});
    REQUIRE(std::holds_alternative<TitanRequest>(parsed));
    const auto& request = std::get<TitanRequest>(parsed);
    CHECK(request.url == row.line);
    CHECK(request.authority == row.authority);
    CHECK(request.path == row.path);
    CHECK(request.mime == row.mime);
    CHECK(request.token == row.token);
    CHECK(request.size == row.size);
    CHECK(request.edit == row.edit);
  }
}

TEST_CASE("Titan request lines that are refused, and why") {
  struct Row {
    std::string line;
    int status;
    std::string meta_contains;
  };
  const Row rows[] = {
      {"titan://localhost/world/pier", 59, "needs size=N"},
      {"titan://localhost/world/pier;mime=text/plain", 59, "needs size=N"},
      {"titan://localhost/world/pier;size=", 59, "whole number"},
      {"titan://localhost/world/pier;size=-1", 59, "whole number"},
      {"titan://localhost/world/pier;size=1x", 59, "whole number"},
      {"titan://localhost/world/pier;size=18446744073709551616", 59, "whole number"},
      {"titan://localhost/world/pier;size=1;size=2", 59, "size is given twice"},
      {"titan://localhost/world/pier;mime=text;size=1", 59, "media type"},
      {"titan://localhost/world/pier;mime=a/b/c;size=1", 59, "media type"},
      {"titan://localhost/world/pier;size=1;colour=red", 59, "Unknown Titan parameter colour"},
      {"titan://localhost/world/pier;size=1;", 59, "Unknown Titan parameter (empty)"},
      {"titan://localhost/world/pier;edit=yes", 59, "Unknown Titan parameter edit"},
      {"titan://localhost/world/pier;edit;size=3", 59, "edit request takes no size"},
      {"titan://localhost/world/pier;edit;edit", 59, "edit is given twice"},
      {"titan://localhost/world/pier;token=%ZZ;size=1", 59, "not a valid URL"},
      {"titan://localhost/world/pier;token=%FF;size=1", 59, "token is not valid"},
      {"titan://localhost/world/pier?x;size=1", 59, "no query"},
      {"titan://localhost/../../x;size=1", 59, "climbs above the root"},
      {"titan://other.example/x;size=1", 53, "does not serve the host other.example"},
      {"titan://localhost:1966/x;size=1", 53, "does not serve port 1966"},
      {"gemini://localhost/x;size=1", 53, "does not proxy gemini: URLs"},
      {"titan://localhost/x;size=1#part", 59, "fragment"},
      {"titan://user@localhost/x;size=1", 59, "userinfo"},
      {"titan://localhost/a b;size=1", 59, "space"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.line);
    auto parsed = parse_titan_request(row.line, {hostnames, 1965});
    REQUIRE(std::holds_alternative<GeminiRefusal>(parsed));
    CHECK(std::get<GeminiRefusal>(parsed).status == row.status);
    CHECK(std::get<GeminiRefusal>(parsed).meta.find(row.meta_contains) != std::string::npos);
  }
}

TEST_CASE("which request lines are Titan's") {
  CHECK(is_titan_request("titan://localhost/x;size=1"));
  CHECK(is_titan_request("TiTaN://localhost/"));
  CHECK_FALSE(is_titan_request("gemini://localhost/"));
  CHECK_FALSE(is_titan_request("titan"));
  CHECK_FALSE(is_titan_request(""));
}

TEST_CASE("a Titan token is masked where a request line is logged") {
  struct Row {
    std::string line, logged;
  };
  const Row rows[] = {
      {"titan://localhost/w/p;token=secret;size=3", "titan://localhost/w/p;token=******;size=3"},
      {"titan://localhost/w/p;size=3;token=two%20words", "titan://localhost/w/p;size=3;token=***********"},
      {"titan://localhost/w/p;token=a;token=bc;size=1", "titan://localhost/w/p;token=*;token=**;size=1"},
      {"titan://localhost/w/p;token=;size=1", "titan://localhost/w/p;token=;size=1"},
      {"titan://localhost/w/p;size=3", "titan://localhost/w/p;size=3"},
      {"gemini://localhost/w/p;token=secret", "gemini://localhost/w/p;token=secret"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.line);
    std::string line = row.line;
    mask_titan_token(line);
    CHECK(line == row.logged);
  }
}
