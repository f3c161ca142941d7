// Drives N concurrent connections at one target, each making one request
// per connection as Gemini and Gopher clients do, and counts what happened.
#pragma once
#include "bench_target.hpp"

#include <asio/ip/tcp.hpp>
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace gazette::bench {

struct LoadSettings {
  BenchTarget target;
  asio::ip::tcp::endpoint endpoint;
  unsigned connections = 1;
  std::chrono::duration<double> warmup{1.0};   // requests made now are not counted
  std::chrono::duration<double> duration{10.0}; // measured time, when `requests` is 0
  std::uint64_t requests = 0;                  // otherwise: stop after this many
  bool resume = false;                         // offer each slot's last TLS session
  std::chrono::duration<double> timeout{10.0}; // per request, connect to close
  pid_t server_pid = 0;                        // 0: no server CPU figure
};

struct LoadResult {
  double seconds = 0;              // measured wall time
  std::uint64_t completed = 0;     // requests answered as expected
  std::uint64_t bytes = 0;         // response bytes of those
  std::uint64_t resumed = 0;       // of those, on a resumed TLS session
  std::uint64_t without_close_notify = 0;
  std::map<std::string, std::uint64_t> errors; // by kind
  std::vector<std::uint32_t> latencies_us;     // one per completed request, sorted
  std::optional<double> server_cpu_seconds;
  double bench_cpu_seconds = 0;
  long long listen_overflows = 0; // kernel drops during the measured time

  std::uint32_t latency_percentile(double fraction) const;
};

LoadResult run_load(const LoadSettings& settings);

} // namespace gazette::bench
