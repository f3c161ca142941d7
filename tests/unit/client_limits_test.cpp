#include "net/client_limits.hpp"

#include <doctest/doctest.h>
#include <vector>

using namespace gazette;

TEST_CASE("connections per client address are capped; each address counts alone") {
  auto limits = std::make_shared<ClientLimits>(ClientLimitSettings{2, 100, 100});
  std::vector<ClientLimits::Ticket> held;
  held.push_back(*limits->admit("192.0.2.1"));
  held.push_back(*limits->admit("192.0.2.1"));
  CHECK_FALSE(limits->admit("192.0.2.1"));
  CHECK(limits->admit("192.0.2.2"));
  held.pop_back();
  CHECK(limits->admit("192.0.2.1"));
}

TEST_CASE("a token bucket per address: a burst, then the sustained rate, then a wait in whole seconds") {
  auto limits = std::make_shared<ClientLimits>(ClientLimitSettings{100, 0.5, 3});
  for (int i = 0; i < 3; ++i) CHECK_FALSE(limits->admit("192.0.2.1")->slow_down());
  auto over = limits->admit("192.0.2.1");
  REQUIRE(over);
  REQUIRE(over->slow_down());
  CHECK(over->slow_down()->count() == 2); // one token at half a token per second
  CHECK_FALSE(limits->admit("192.0.2.9")->slow_down());
}
