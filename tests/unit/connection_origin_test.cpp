#include "net/connection_origin.hpp"

#include <doctest/doctest.h>

using gazette::address_text;

TEST_CASE("a client's address is written as Asio writes it") {
  const char* addresses[] = {
      "0.0.0.0",         "127.0.0.1",   "10.0.0.9",  "192.0.2.7", "100.64.10.200",
      "255.255.255.255", "1.2.3.4",     "::1",       "::",        "2001:db8::17",
      "::ffff:192.0.2.7", "fe80::1ff:fe23:4567:890a",
  };
  for (const char* text : addresses) {
    CAPTURE(text);
    const auto address = asio::ip::make_address(text);
    CHECK(address_text(address) == address.to_string());
    CHECK(address_text(address) == text);
  }
}
