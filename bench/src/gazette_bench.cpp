// gazette-bench: a load generator for Gemini and Gopher servers on loopback.
// See BENCHMARKS.md for how the project's figures are made with it.
#include "bench_target.hpp"
#include "idle_connections.hpp"
#include "load_generator.hpp"

#include <CLI/CLI.hpp>
#include <asio/io_context.hpp>
#include <asio/ip/tcp.hpp>
#include <fmt/format.h>
#include <sys/resource.h>

namespace {

using namespace gazette::bench;

// Thousands of connections need thousands of descriptors.
void raise_descriptor_limit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
  }
}

std::string describe_errors(const auto& errors) {
  std::string text;
  for (const auto& [kind, count] : errors) text += fmt::format("{}{}: {}", text.empty() ? "" : ", ", kind, count);
  return text.empty() ? "none" : text;
}

std::uint64_t total(const auto& errors) {
  std::uint64_t sum = 0;
  for (const auto& [kind, count] : errors) sum += count;
  return sum;
}

void report_load(const std::string& url, const LoadSettings& settings, const LoadResult& result, bool summary) {
  const double requests = static_cast<double>(result.completed);
  const double per_second = result.seconds > 0 ? requests / result.seconds : 0;
  const double bench_us = requests > 0 ? result.bench_cpu_seconds * 1e6 / requests : 0;
  std::optional<double> server_us;
  if (result.server_cpu_seconds && requests > 0) server_us = *result.server_cpu_seconds * 1e6 / requests;
  if (summary) {
    fmt::print("requests={} rps={:.0f} p50_us={} p90_us={} p99_us={} max_us={} errors={} no_close_notify={} "
               "resumed={} server_cpu_us={} bench_cpu_us={:.1f} listen_overflows={}\n",
               result.completed, per_second, result.latency_percentile(0.50), result.latency_percentile(0.90),
               result.latency_percentile(0.99), result.latencies_us.empty() ? 0 : result.latencies_us.back(),
               total(result.errors), result.without_close_notify, result.resumed,
               server_us ? fmt::format("{:.1f}", *server_us) : "-", bench_us, result.listen_overflows);
    return;
  }
  const bool gemini = settings.target.protocol == Protocol::gemini;
  fmt::print("target       {}{}\n", url, gemini ? (settings.resume ? " (TLS 1.3, resumed sessions)" : " (TLS 1.3, full handshakes)") : "");
  fmt::print("load         {} connection(s), {:.2f} s measured after {:.1f} s of warm-up\n", settings.connections,
             result.seconds, settings.warmup.count());
  fmt::print("requests     {} answered, {:.0f}/s, {} response bytes each\n", result.completed, per_second,
             result.completed ? result.bytes / result.completed : 0);
  fmt::print("errors       {}\n", describe_errors(result.errors));
  if (gemini)
    fmt::print("tls          {} resumed, {} ended without close_notify\n", result.resumed, result.without_close_notify);
  fmt::print("latency      p50 {} us, p90 {} us, p99 {} us, max {} us\n", result.latency_percentile(0.50),
             result.latency_percentile(0.90), result.latency_percentile(0.99),
             result.latencies_us.empty() ? 0 : result.latencies_us.back());
  if (server_us) fmt::print("server CPU   {:.1f} us per request (pid {})\n", *server_us, settings.server_pid);
  fmt::print("bench CPU    {:.1f} us per request\n", bench_us);
  fmt::print("overflows    {} connections dropped by full accept queues\n", result.listen_overflows);
}

void report_idle(const IdleSettings& settings, const IdleResult& result, bool summary) {
  std::optional<double> per_connection;
  if (result.server_kib_before && result.server_kib_after && result.held)
    per_connection = static_cast<double>(*result.server_kib_after - *result.server_kib_before) / result.held;
  if (summary) {
    fmt::print("held={} errors={} server_kib_before={} server_kib_after={} kib_per_connection={} listen_overflows={}\n",
               result.held, total(result.errors), result.server_kib_before.value_or(0),
               result.server_kib_after.value_or(0), per_connection ? fmt::format("{:.1f}", *per_connection) : "-",
               result.listen_overflows);
    return;
  }
  fmt::print("held         {} of {} idle connections{}\n", result.held, settings.count,
             settings.target.protocol == Protocol::gemini ? " (each past its TLS handshake)" : "");
  fmt::print("errors       {}\n", describe_errors(result.errors));
  if (per_connection)
    fmt::print("server RSS   {} KiB before, {} KiB holding them: {:.1f} KiB per connection\n", *result.server_kib_before,
               *result.server_kib_after, *per_connection);
  fmt::print("overflows    {} connections dropped by full accept queues\n", result.listen_overflows);
}

} // namespace

int main(int argc, char** argv) {
  CLI::App app{"gazette-bench: load a Gemini or Gopher server on loopback and report what it cost"};
  std::string url;
  LoadSettings load;
  double warmup = 1, duration = 10, timeout = 10, hold_seconds = 3;
  unsigned idle = 0;
  bool summary = false;
  app.add_option("url", url, "gemini://127.0.0.1:1965/ or gopher://127.0.0.1:70/0/selector")->required();
  app.add_option("-c,--connections", load.connections, "concurrent connections")->capture_default_str()
      ->check(CLI::Range(1u, 100'000u));
  app.add_option("-d,--duration", duration, "seconds to measure")->capture_default_str()->check(CLI::PositiveNumber);
  app.add_option("-n,--requests", load.requests, "stop after this many requests instead of after --duration");
  app.add_option("-w,--warmup", warmup, "seconds of load before measuring")->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  app.add_flag("-r,--resume", load.resume, "resume TLS 1.3 sessions (each connection offers its last ticket)");
  app.add_option("-p,--pid", load.server_pid, "the server's process, for its CPU time and memory");
  app.add_option("-t,--timeout", timeout, "seconds a request may take, connect to close")->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--idle", idle, "instead of loading: open this many connections, hold them idle, and read the "
                                 "server's resident memory")->check(CLI::Range(1u, 1'000'000u));
  app.add_option("--hold", hold_seconds, "seconds to hold idle connections before reading")->capture_default_str();
  app.add_flag("--summary", summary, "one line of key=value pairs, for scripts");
  CLI11_PARSE(app, argc, argv);

  std::string error;
  auto target = parse_bench_target(url, error);
  if (!target) {
    fmt::print(stderr, "gazette-bench: {}: {}\n", url, error);
    return 2;
  }
  raise_descriptor_limit();
  const asio::ip::tcp::endpoint endpoint(asio::ip::make_address(target->address), target->port);

  if (idle) {
    IdleSettings settings{*target, endpoint, idle, std::min(idle, 64u),
                          std::chrono::duration<double>(hold_seconds), load.server_pid};
    report_idle(settings, hold_idle_connections(settings), summary);
    return 0;
  }
  load.target = *target;
  load.endpoint = endpoint;
  load.warmup = std::chrono::duration<double>(warmup);
  load.duration = std::chrono::duration<double>(duration);
  load.timeout = std::chrono::duration<double>(timeout);
  const LoadResult result = run_load(load);
  report_load(url, load, result, summary);
  return result.completed > 0 ? 0 : 1;
}
