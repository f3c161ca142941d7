#include "bench_target.hpp"

#include "text/url_path.hpp"

#include <arpa/inet.h>
#include <charconv>

namespace gazette::bench {

bool is_loopback_address(std::string_view address) {
  std::string text(address);
  in_addr v4{};
  if (inet_pton(AF_INET, text.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  in6_addr v6{};
  return inet_pton(AF_INET6, text.c_str(), &v6) == 1 && IN6_IS_ADDR_LOOPBACK(&v6);
}

std::optional<BenchTarget> parse_bench_target(std::string_view url, std::string& error) {
  BenchTarget target;
  std::string_view rest;
  if (url.starts_with("gemini://")) {
    target.protocol = Protocol::gemini;
    target.port = 1965;
    rest = url.substr(9);
  } else if (url.starts_with("gopher://")) {
    target.protocol = Protocol::gopher;
    target.port = 70;
    rest = url.substr(9);
  } else {
    error = "the URL must start with gemini:// or gopher://";
    return std::nullopt;
  }

  const std::size_t path_start = rest.find('/');
  std::string_view authority = rest.substr(0, path_start);
  const std::string_view path = path_start == std::string_view::npos ? "" : rest.substr(path_start);

  std::string_view port_text;
  if (authority.starts_with('[')) {
    const std::size_t close = authority.find(']');
    if (close == std::string_view::npos) {
      error = "an IPv6 address must end with ]";
      return std::nullopt;
    }
    target.host = authority.substr(1, close - 1);
    std::string_view after = authority.substr(close + 1);
    if (after.starts_with(':')) port_text = after.substr(1);
    else if (!after.empty()) {
      error = "unexpected text after the IPv6 address";
      return std::nullopt;
    }
  } else {
    const std::size_t colon = authority.rfind(':');
    target.host = authority.substr(0, colon);
    if (colon != std::string_view::npos) port_text = authority.substr(colon + 1);
  }
  if (!port_text.empty()) {
    unsigned port = 0;
    auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (ec != std::errc{} || end != port_text.data() + port_text.size() || port == 0 || port > 65535) {
      error = "the port must be a number from 1 to 65535";
      return std::nullopt;
    }
    target.port = static_cast<std::uint16_t>(port);
  }
  if (target.host.empty()) {
    error = "the URL has no host";
    return std::nullopt;
  }
  if (target.host == "localhost") target.address = "127.0.0.1";
  else target.address = target.host;
  if (!is_loopback_address(target.address)) {
    error = "only loopback addresses (localhost, 127.0.0.0/8, ::1) may be loaded";
    return std::nullopt;
  }

  if (target.protocol == Protocol::gemini) {
    target.request = std::string(url) + "\r\n";
    if (path.empty()) target.request.insert(url.size(), "/");
    return target;
  }
  // gopher://host/1/selector: skip the item type. Selectors travel raw; the
  // URL carries them percent-encoded.
  std::string selector;
  if (!percent_decode(path.size() >= 2 ? path.substr(2) : std::string_view{}, selector)) {
    error = "the selector has a bad %-escape";
    return std::nullopt;
  }
  target.request = selector + "\r\n";
  return target;
}

} // namespace gazette::bench
