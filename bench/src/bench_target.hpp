// What gazette-bench is pointed at: a gemini:// or gopher:// URL on a
// loopback address, and the exact bytes of the request it sends.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gazette::bench {

enum class Protocol { gemini, gopher };

struct BenchTarget {
  Protocol protocol = Protocol::gemini;
  std::string host;    // as written in the URL, without brackets; sent as SNI when a name
  std::string address; // where to connect: the host, or 127.0.0.1 for localhost
  std::uint16_t port = 0;
  std::string request; // what is written on each connection, CRLF included
};

// Parses a URL. Gopher URLs follow RFC 4266: the first character of the path
// is the item type, the rest is the selector.
std::optional<BenchTarget> parse_bench_target(std::string_view url, std::string& error);

// True for 127.0.0.0/8 and ::1: the load generator refuses anything else.
bool is_loopback_address(std::string_view address);

} // namespace gazette::bench
