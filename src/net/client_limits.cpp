#include "net/client_limits.hpp"

#include <cmath>

namespace gazette {

std::optional<ClientLimits::Ticket> ClientLimits::admit(const std::string& address) {
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mutex_);
  forget_idle_clients(now);
  auto [it, created] = clients_.try_emplace(address);
  Client& client = it->second;
  if (created) {
    client.tokens = settings_.burst;
    client.refilled = now;
  }
  if (client.connections >= settings_.connections_per_client) return std::nullopt;

  const double elapsed = std::chrono::duration<double>(now - client.refilled).count();
  client.tokens = std::min(settings_.burst, client.tokens + elapsed * settings_.requests_per_second);
  client.refilled = now;
  std::optional<std::chrono::seconds> wait;
  if (client.tokens >= 1) {
    client.tokens -= 1;
  } else {
    const double seconds = std::ceil((1 - client.tokens) / settings_.requests_per_second);
    wait = std::chrono::seconds(std::max<long long>(1, static_cast<long long>(seconds)));
  }
  ++client.connections;
  return Ticket(shared_from_this(), address, wait);
}

void ClientLimits::release(const std::string& address) {
  std::lock_guard lock(mutex_);
  if (auto it = clients_.find(address); it != clients_.end() && it->second.connections > 0) --it->second.connections;
}

// An address with no connection and a bucket that has refilled is the same
// as one never seen; dropping it keeps the table as small as the traffic.
void ClientLimits::forget_idle_clients(std::chrono::steady_clock::time_point now) {
  if (now - last_sweep_ < std::chrono::seconds(10)) return;
  last_sweep_ = now;
  for (auto it = clients_.begin(); it != clients_.end();) {
    const double elapsed = std::chrono::duration<double>(now - it->second.refilled).count();
    const bool refilled = it->second.tokens + elapsed * settings_.requests_per_second >= settings_.burst;
    it = it->second.connections == 0 && refilled ? clients_.erase(it) : std::next(it);
  }
}

} // namespace gazette
