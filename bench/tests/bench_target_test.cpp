#include "bench_target.hpp"

#include <doctest/doctest.h>

using namespace gazette::bench;

TEST_CASE("gazette-bench targets: URL to address, port and request bytes") {
  struct Row {
    std::string url;
    Protocol protocol;
    std::string host, address;
    std::uint16_t port;
    std::string request;
  };
  const Row rows[] = {
      {"gemini://127.0.0.1/", Protocol::gemini, "127.0.0.1", "127.0.0.1", 1965, "gemini://127.0.0.1/\r\n"},
      {"gemini://127.0.0.1", Protocol::gemini, "127.0.0.1", "127.0.0.1", 1965, "gemini://127.0.0.1/\r\n"},
      {"gemini://localhost:19650/page.gmi", Protocol::gemini, "localhost", "127.0.0.1", 19650,
       "gemini://localhost:19650/page.gmi\r\n"},
      {"gemini://[::1]:1966/a?b", Protocol::gemini, "::1", "::1", 1966, "gemini://[::1]:1966/a?b\r\n"},
      {"gemini://127.8.9.10/", Protocol::gemini, "127.8.9.10", "127.8.9.10", 1965, "gemini://127.8.9.10/\r\n"},
      {"gopher://127.0.0.1", Protocol::gopher, "127.0.0.1", "127.0.0.1", 70, "\r\n"},
      {"gopher://127.0.0.1/", Protocol::gopher, "127.0.0.1", "127.0.0.1", 70, "\r\n"},
      {"gopher://127.0.0.1:7070/1/world", Protocol::gopher, "127.0.0.1", "127.0.0.1", 7070, "/world\r\n"},
      {"gopher://localhost/0/a%20b%09c", Protocol::gopher, "localhost", "127.0.0.1", 70, "/a b\tc\r\n"},
      {"gopher://[::1]:70/0page.txt", Protocol::gopher, "::1", "::1", 70, "page.txt\r\n"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.url);
    std::string error;
    const auto target = parse_bench_target(row.url, error);
    REQUIRE(target);
    CHECK(error.empty());
    CHECK(target->protocol == row.protocol);
    CHECK(target->host == row.host);
    CHECK(target->address == row.address);
    CHECK(target->port == row.port);
    CHECK(target->request == row.request);
  }
}

TEST_CASE("gazette-bench targets it refuses, and why") {
  struct Row {
    std::string url, error_part;
  };
  const Row rows[] = {
      {"https://127.0.0.1/", "must start with gemini:// or gopher://"},
      {"gemini://example.org/", "only loopback addresses"},
      {"gemini://10.0.0.1/", "only loopback addresses"},
      {"gopher://[2001:db8::1]/", "only loopback addresses"},
      {"gemini:///path", "no host"},
      {"gemini://127.0.0.1:0/", "port must be a number"},
      {"gemini://127.0.0.1:70000/", "port must be a number"},
      {"gemini://127.0.0.1:x/", "port must be a number"},
      {"gemini://[::1/", "must end with ]"},
      {"gemini://[::1]x/", "after the IPv6 address"},
      {"gopher://127.0.0.1/0/a%2", "bad %-escape"},
      {"gopher://127.0.0.1/0/a%zz", "bad %-escape"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.url);
    std::string error;
    CHECK_FALSE(parse_bench_target(row.url, error));
    CHECK(error.find(row.error_part) != std::string::npos);
  }
}

TEST_CASE("loopback addresses") {
  CHECK(is_loopback_address("127.0.0.1"));
  CHECK(is_loopback_address("127.255.255.254"));
  CHECK(is_loopback_address("::1"));
  CHECK_FALSE(is_loopback_address("128.0.0.1"));
  CHECK_FALSE(is_loopback_address("::2"));
  CHECK_FALSE(is_loopback_address("localhost")); // names are resolved by the parser, not here
  CHECK_FALSE(is_loopback_address(""));
}
