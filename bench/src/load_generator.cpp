#include "load_generator.hpp"

#include "process_usage.hpp"
#include "tls_client.hpp"

#include <algorithm>
#include <array>
#include <asio/co_spawn.hpp>
#include <asio/detached.hpp>
#include <asio/io_context.hpp>
#include <asio/read.hpp>
#include <asio/steady_timer.hpp>
#include <asio/write.hpp>
#include <openssl/err.h>

namespace gazette::bench {

namespace {

using asio::ip::tcp;
using Clock = std::chrono::steady_clock;

// One connection at a time, reused request after request.
struct Slot {
  explicit Slot(asio::io_context& io) : socket(io) {}
  tcp::socket socket;
  SslSessionHandle session; // the last session the server gave this slot
  std::array<char, 64 * 1024> buffer{};
  bool busy = false;
  bool timed_out = false;
  Clock::time_point started;
};

struct Outcome {
  std::string error; // empty: answered as expected
  std::uint64_t bytes = 0;
  bool close_notify = true;
  bool resumed = false;
};

// What the whole run shares. Everything runs on one thread.
struct Run {
  const LoadSettings& settings;
  asio::io_context io;
  SslContextHandle tls = make_client_context();
  bool measuring = false;
  bool stopped = false;
  std::uint64_t started_requests = 0; // counted only while measuring
  std::optional<std::uint64_t> expected_bytes;
  Clock::time_point measure_start;
  std::optional<double> server_cpu_start;
  double bench_cpu_start = 0;
  long long overflows_start = 0;
  LoadResult result;

  explicit Run(const LoadSettings& s) : settings(s) {}

  bool want_another() {
    if (stopped) return false;
    if (!measuring || settings.requests == 0) return true;
    if (started_requests >= settings.requests) return false;
    ++started_requests;
    return true;
  }

  void start_measuring() {
    measuring = true;
    result = LoadResult{};
    measure_start = Clock::now();
    if (settings.server_pid) server_cpu_start = process_cpu_seconds(settings.server_pid);
    bench_cpu_start = own_cpu_seconds();
    overflows_start = listen_overflows();
  }

  void stop() {
    if (stopped) return;
    stopped = true;
    result.seconds = std::chrono::duration<double>(Clock::now() - measure_start).count();
    result.bench_cpu_seconds = own_cpu_seconds() - bench_cpu_start;
    result.listen_overflows = listen_overflows() - overflows_start;
    if (settings.server_pid && server_cpu_start)
      if (auto end = process_cpu_seconds(settings.server_pid)) result.server_cpu_seconds = *end - *server_cpu_start;
  }

  void record(Outcome outcome, Clock::duration latency) {
    if (!measuring || stopped) return;
    if (outcome.error.empty() && expected_bytes && *expected_bytes != outcome.bytes)
      outcome.error = "response size changed";
    if (!outcome.error.empty()) {
      ++result.errors[outcome.error];
    } else {
      if (!expected_bytes) expected_bytes = outcome.bytes;
      ++result.completed;
      result.bytes += outcome.bytes;
      result.resumed += outcome.resumed;
      result.without_close_notify += !outcome.close_notify;
      result.latencies_us.push_back(static_cast<std::uint32_t>(
          std::chrono::duration_cast<std::chrono::microseconds>(latency).count()));
    }
    if (settings.requests && result.completed + errors_total() >= settings.requests) stop();
  }

  std::uint64_t errors_total() const {
    std::uint64_t total = 0;
    for (const auto& [kind, count] : result.errors) total += count;
    return total;
  }
};

std::string gemini_status_error(std::string_view response) {
  if (response.size() >= 2 && response[0] == '2') return {};
  return "status " + std::string(response.substr(0, std::min<std::size_t>(2, response.size())));
}

asio::awaitable<Outcome> gemini_exchange(Run& run, Slot& slot) {
  Outcome outcome;
  SslHandle ssl = start_client_tls(run.tls.get(), run.settings.target, slot.socket.native_handle());
  SSL* tls = ssl.get();
  if (run.settings.resume && slot.session) SSL_set_session(tls, slot.session.get());

  if (co_await complete_tls_call(slot.socket, tls, [tls] { return SSL_do_handshake(tls); }) < 0) {
    outcome.error = "handshake failed";
    co_return outcome;
  }
  const std::string& request = run.settings.target.request;
  if (co_await complete_tls_call(slot.socket, tls, [&] {
        return SSL_write(tls, request.data(), static_cast<int>(request.size()));
      }) < 0) {
    outcome.error = "request write failed";
    co_return outcome;
  }
  for (;;) {
    const int got = co_await complete_tls_call(slot.socket, tls, [&] {
      return SSL_read(tls, slot.buffer.data(), static_cast<int>(slot.buffer.size()));
    });
    if (got > 0) {
      if (outcome.bytes == 0) outcome.error = gemini_status_error({slot.buffer.data(), static_cast<std::size_t>(got)});
      outcome.bytes += static_cast<std::uint64_t>(got);
      continue;
    }
    if (-got == SSL_ERROR_ZERO_RETURN) {
      SSL_shutdown(tls); // our close_notify in return; not waiting for anything
      break;
    }
    const bool plain_eof = ERR_GET_REASON(ERR_peek_error()) == SSL_R_UNEXPECTED_EOF_WHILE_READING;
    if (plain_eof && outcome.bytes > 0) {
      outcome.close_notify = false;
      break;
    }
    if (outcome.error.empty()) outcome.error = outcome.bytes ? "response cut short" : "no response";
    break;
  }
  if (outcome.error.empty() && outcome.bytes == 0) outcome.error = "no response";
  outcome.resumed = SSL_session_reused(tls) == 1;
  if (run.settings.resume) slot.session.reset(SSL_get1_session(tls));
  co_return outcome;
}

asio::awaitable<Outcome> gopher_exchange(Run& run, Slot& slot) {
  Outcome outcome;
  std::error_code ec;
  co_await asio::async_write(slot.socket, asio::buffer(run.settings.target.request),
                             asio::redirect_error(asio::use_awaitable, ec));
  if (ec) {
    outcome.error = "request write failed";
    co_return outcome;
  }
  for (;;) {
    const std::size_t got = co_await slot.socket.async_read_some(asio::buffer(slot.buffer),
                                                                 asio::redirect_error(asio::use_awaitable, ec));
    outcome.bytes += got;
    if (ec == asio::error::eof) break;
    if (ec) {
      outcome.error = outcome.bytes ? "response cut short" : "no response";
      co_return outcome;
    }
  }
  if (outcome.bytes == 0) outcome.error = "no response";
  co_return outcome;
}

asio::awaitable<Outcome> one_request(Run& run, Slot& slot) {
  std::error_code ec;
  slot.socket.close(ec);
  co_await slot.socket.async_connect(run.settings.endpoint, asio::redirect_error(asio::use_awaitable, ec));
  Outcome outcome;
  if (ec) {
    outcome.error = "connect: " + ec.message();
    co_return outcome;
  }
  // Two statements, not a conditional expression: GCC 12 miscompiles co_await inside ?:.
  if (run.settings.target.protocol == Protocol::gemini) {
    // OpenSSL works the descriptor directly, so it must not block; and
    // without TCP_NODELAY the client's last handshake flight and its request
    // wait on each other's acknowledgement: 40 ms of delayed ACK a request.
    slot.socket.non_blocking(true, ec);
    slot.socket.set_option(tcp::no_delay(true), ec);
    outcome = co_await gemini_exchange(run, slot);
  } else {
    outcome = co_await gopher_exchange(run, slot);
  }
  slot.socket.close(ec);
  ERR_clear_error();
  co_return outcome;
}

asio::awaitable<void> keep_requesting(Run& run, Slot& slot) {
  while (run.want_another()) {
    slot.busy = true;
    slot.timed_out = false;
    slot.started = Clock::now();
    Outcome outcome = co_await one_request(run, slot);
    slot.busy = false;
    if (slot.timed_out) outcome.error = "timed out";
    run.record(std::move(outcome), Clock::now() - slot.started);
  }
}

// One timer for every slot: a request past its time has its socket cancelled.
asio::awaitable<void> enforce_timeouts(Run& run, std::vector<std::unique_ptr<Slot>>& slots) {
  asio::steady_timer tick(run.io);
  const auto limit = std::chrono::duration_cast<Clock::duration>(run.settings.timeout);
  while (!run.stopped) {
    tick.expires_after(std::chrono::milliseconds(100));
    co_await tick.async_wait(asio::use_awaitable);
    const auto now = Clock::now();
    for (auto& slot : slots)
      if (slot->busy && !slot->timed_out && now - slot->started > limit) {
        slot->timed_out = true;
        std::error_code ignored;
        slot->socket.cancel(ignored);
      }
  }
}

asio::awaitable<void> keep_time(Run& run) {
  asio::steady_timer timer(run.io);
  timer.expires_after(std::chrono::duration_cast<Clock::duration>(run.settings.warmup));
  co_await timer.async_wait(asio::use_awaitable);
  run.start_measuring();
  if (run.settings.requests) co_return;
  timer.expires_after(std::chrono::duration_cast<Clock::duration>(run.settings.duration));
  co_await timer.async_wait(asio::use_awaitable);
  run.stop();
}

} // namespace

std::uint32_t LoadResult::latency_percentile(double fraction) const {
  if (latencies_us.empty()) return 0;
  auto index = static_cast<std::size_t>(fraction * static_cast<double>(latencies_us.size() - 1) + 0.5);
  return latencies_us[std::min(index, latencies_us.size() - 1)];
}

LoadResult run_load(const LoadSettings& settings) {
  Run run(settings);
  std::vector<std::unique_ptr<Slot>> slots;
  for (unsigned i = 0; i < settings.connections; ++i) slots.push_back(std::make_unique<Slot>(run.io));
  for (auto& slot : slots) asio::co_spawn(run.io, keep_requesting(run, *slot), asio::detached);
  asio::co_spawn(run.io, enforce_timeouts(run, slots), asio::detached);
  asio::co_spawn(run.io, keep_time(run), asio::detached);
  run.io.run();
  std::sort(run.result.latencies_us.begin(), run.result.latencies_us.end());
  return std::move(run.result);
}

} // namespace gazette::bench
