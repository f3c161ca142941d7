// Limits per client address: how many connections one address may hold at
// once, and how fast it may make requests (a token bucket). One client cannot
// take the server from everyone else.
#pragma once
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

namespace gazette {

struct ClientLimitSettings {
  unsigned connections_per_client = 64;
  double requests_per_second = 20; // the bucket's refill rate
  double burst = 200;              // the bucket's size
};

// Shared with every ticket, like ConnectionLimit.
class ClientLimits : public std::enable_shared_from_this<ClientLimits> {
public:
  explicit ClientLimits(ClientLimitSettings settings) : settings_(settings) {}

  // Held by a connection for its lifetime.
  class Ticket {
  public:
    Ticket(std::shared_ptr<ClientLimits> limits, std::string address, std::optional<std::chrono::seconds> wait)
        : limits_(std::move(limits)), address_(std::move(address)), wait_(wait) {}
    Ticket(Ticket&&) noexcept = default;
    Ticket& operator=(Ticket&&) = delete;
    ~Ticket() {
      if (limits_) limits_->release(address_);
    }
    // Set when this request is over the address's rate: how long to wait.
    std::optional<std::chrono::seconds> slow_down() const { return wait_; }

  private:
    std::shared_ptr<ClientLimits> limits_;
    std::string address_;
    std::optional<std::chrono::seconds> wait_;
  };

  // Nullopt when the address already holds connections_per_client connections.
  std::optional<Ticket> admit(const std::string& address);

private:
  struct Client {
    unsigned connections = 0;
    double tokens = 0;
    std::chrono::steady_clock::time_point refilled;
  };
  void release(const std::string& address);
  void forget_idle_clients(std::chrono::steady_clock::time_point now);

  ClientLimitSettings settings_;
  std::mutex mutex_;
  std::unordered_map<std::string, Client> clients_;
  std::chrono::steady_clock::time_point last_sweep_{};
};

} // namespace gazette
