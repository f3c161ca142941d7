#include "net/access_log.hpp"

#include <chrono>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <optional>
#include <poll.h>
#include <csignal>
#include <string>
#include <thread>
#include <unistd.h>

using namespace gazette;
using namespace std::chrono_literals;

namespace {

struct Pipe {
  int read_end = -1, write_end = -1;
  Pipe() {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    read_end = fds[0];
    write_end = fds[1];
  }
  ~Pipe() {
    if (read_end >= 0) ::close(read_end);
    if (write_end >= 0) ::close(write_end);
  }
  // Reads until `bytes` have come or nothing comes for `quiet`.
  std::string read(std::size_t bytes, std::chrono::milliseconds quiet = 5s) const {
    std::string got;
    char chunk[4096];
    while (got.size() < bytes) {
      pollfd ready{read_end, POLLIN, 0};
      if (::poll(&ready, 1, static_cast<int>(quiet.count())) != 1) break;
      const ssize_t n = ::read(read_end, chunk, sizeof chunk);
      if (n <= 0) break;
      got.append(chunk, static_cast<std::size_t>(n));
    }
    return got;
  }
};

// Fills the pipe, so that a write to it blocks until its reader comes;
// returns the bytes it took.
std::size_t fill(const Pipe& pipe) {
  REQUIRE(::fcntl(pipe.write_end, F_SETFL, O_NONBLOCK) == 0);
  std::size_t taken = 0;
  for (const std::string block(4096, 'x');;) {
    const ssize_t n = ::write(pipe.write_end, block.data(), block.size());
    if (n <= 0) break;
    taken += static_cast<std::size_t>(n);
  }
  REQUIRE(::fcntl(pipe.write_end, F_SETFL, 0) == 0);
  return taken;
}

// Standard error, sent into a pipe for as long as this lives.
struct CapturedStderr {
  Pipe pipe;
  int saved = ::dup(STDERR_FILENO);
  CapturedStderr() { ::dup2(pipe.write_end, STDERR_FILENO); }
  ~CapturedStderr() { restore(); }
  void restore() {
    if (saved < 0) return;
    ::dup2(saved, STDERR_FILENO);
    ::close(saved);
    saved = -1;
  }
};

} // namespace

TEST_CASE("access lines: time, client, status, the request made printable, bytes and milliseconds") {
  struct Row {
    std::time_t time;
    std::string client, status, request;
    std::uint64_t bytes;
    std::chrono::microseconds duration;
    std::string line;
  };
  const Row rows[] = {
      {0, "127.0.0.1", "20", "gemini://localhost/", 1234, 512us,
       "1970-01-01T00:00:00Z 127.0.0.1 20 gemini://localhost/ 1234 0.512ms\n"},
      {1795000000, "::1", "51", "gemini://localhost/a b", 0, 2'000'000us,
       "2026-11-18T11:06:40Z ::1 51 gemini://localhost/a\\x20b 0 2000.000ms\n"},
      {86399, "192.0.2.7", "59", "gemini://x/\r\nforged 20", 40, 1us,
       "1970-01-01T23:59:59Z 192.0.2.7 59 gemini://x/\\x0d\\x0aforged\\x2020 40 0.001ms\n"},
      {60, "192.0.2.7", "3", "", 12, 0us, "1970-01-01T00:01:00Z 192.0.2.7 3 - 12 0.000ms\n"},
      {60, "192.0.2.7", "ok", "gopher:\\x7f", 1, 0us, "1970-01-01T00:01:00Z 192.0.2.7 ok gopher:\\x5cx7f 1 0.000ms\n"},
      // The same second as the row before, then the next: the time is kept
      // for a second, and only for that second.
      {60, "192.0.2.7", "1", "gopher:/", 18446744073709551615u, 999'999us,
       "1970-01-01T00:01:00Z 192.0.2.7 1 gopher:/ 18446744073709551615 999.999ms\n"},
      {61, "192.0.2.7", "1", "gopher:\x7f\xff", 5, 1'000'000'000us,
       "1970-01-01T00:01:01Z 192.0.2.7 1 gopher:\\x7f\xff 5 1000000.000ms\n"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.request);
    CHECK(access_line(row.time, row.client, row.status, row.request, row.bytes, row.duration) == row.line);
  }
}

TEST_CASE("access log: held lines are all written, in order, when the log ends") {
  Pipe out;
  {
    AccessLog log(out.write_end, {.gather_for = std::chrono::hours(1), .write_at_bytes = 1 << 20});
    log.add("one\n");
    log.add("two\n");
    log.add("three\n");
    CHECK(log.lines_added() == 3);
  }
  CHECK(out.read(14, 100ms) == "one\ntwo\nthree\n");
}

TEST_CASE("access log: a full batch is written at once, without waiting for its time") {
  Pipe out;
  AccessLog log(out.write_end, {.gather_for = std::chrono::hours(1), .write_at_bytes = 8});
  log.add("1234\n");
  log.add("5678\n");
  CHECK(out.read(10) == "1234\n5678\n");
}

TEST_CASE("access log: a batch's lines are written once its time is up") {
  Pipe out;
  AccessLog log(out.write_end, {.gather_for = 10ms, .write_at_bytes = 1 << 20});
  log.add("alone\n");
  CHECK(out.read(6) == "alone\n");
}

TEST_CASE("access log: a reader that stops costs lines, every one of them counted on stderr, not the server") {
  Pipe out;
  const std::size_t prefill = fill(out); // the log's first write waits for the reader

  CapturedStderr err;
  const int added = 1000;
  std::string everything;
  {
    AccessLog log(out.write_end, {.gather_for = 0ms, .write_at_bytes = 1, .hold_at_most_bytes = 100});
    // Each returns at once although nothing can be written.
    for (int i = 0; i < added; ++i) log.add(std::to_string(1000 + i) + "\n");
    // Dropped lines were requests answered all the same.
    CHECK(log.lines_added() == added);
    std::thread reader([&] { everything = out.read(SIZE_MAX, 200ms); });
    reader.join();
  }
  everything += out.read(SIZE_MAX, 0ms); // whatever the log wrote as it ended
  err.restore();
  const std::string report = err.pipe.read(SIZE_MAX, 100ms);

  REQUIRE(everything.size() >= prefill);
  const std::string lines = everything.substr(prefill);
  // What came is whole lines, in the order they were added.
  int count = 0, last = 0;
  for (std::size_t at = 0; at < lines.size(); at += 5, ++count) {
    REQUIRE(lines.size() - at >= 5);
    CHECK(lines[at + 4] == '\n');
    const int number = std::stoi(lines.substr(at, 4));
    CHECK(number > last);
    last = number;
  }
  CHECK(count < added);
  // The lines that did not come are the ones reported dropped.
  int reported = 0;
  const std::string marker = "access log: ";
  for (auto at = report.find(marker); at != std::string::npos; at = report.find(marker, at + 1))
    reported += std::stoi(report.substr(at + marker.size()));
  CHECK(report.find("lines dropped while 100 bytes waited for standard output") != std::string::npos);
  CHECK(reported == added - count);
}

TEST_CASE("access log: a reader that never comes back does not keep the log from ending") {
  Pipe out;
  fill(out);
  // The writer the log leaves behind keeps writing to this descriptor, so it
  // is never closed (as standard output is not), and the write that finally
  // fails must not end the test with SIGPIPE.
  const int never_closed = ::dup(out.write_end);
  REQUIRE(never_closed >= 0);
  ::signal(SIGPIPE, SIG_IGN);
  CapturedStderr err;
  {
    AccessLog log(never_closed, {.gather_for = 0ms, .write_at_bytes = 1, .finish_within = 100ms});
    log.add("stuck in a write, or never taken\n");
    log.add("the same\n");
  }
  err.restore();
  const std::string report = err.pipe.read(SIZE_MAX, 100ms);
  CHECK(report.find("access log: standard output took nothing for 100 ms; ending without the last ") !=
        std::string::npos);
}
