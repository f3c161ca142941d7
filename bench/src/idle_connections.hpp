// Opens many connections that then say nothing, and reads what holding them
// costs the server in resident memory.
#pragma once
#include "bench_target.hpp"

#include <asio/ip/tcp.hpp>
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <sys/types.h>

namespace gazette::bench {

struct IdleSettings {
  BenchTarget target;
  asio::ip::tcp::endpoint endpoint;
  unsigned count = 10'000;
  unsigned openers = 64;                       // connections being opened at once
  std::chrono::duration<double> hold{3.0};     // how long all of them stay open before the reading
  pid_t server_pid = 0;
};

struct IdleResult {
  unsigned held = 0; // open (and, for Gemini, past the TLS handshake) at the reading
  std::map<std::string, unsigned> errors;
  std::optional<long> server_kib_before, server_kib_after;
  long long listen_overflows = 0;
};

IdleResult hold_idle_connections(const IdleSettings& settings);

} // namespace gazette::bench
