#include "access_log.hpp"

#include "log.hpp"

#include <cerrno>
#include <fmt/format.h>
#include <unistd.h>
#include <utility>

namespace gazette {

namespace {

void write_fully(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return; // nowhere left to write it
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
}

} // namespace

std::string printable_for_log(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    if (c < 0x20 || c == 0x7F || c == '\\' || c == ' ') out += fmt::format("\\x{:02x}", c);
    else out += static_cast<char>(c);
  }
  return out.empty() ? "-" : out;
}

std::string access_line(std::time_t now, std::string_view client, std::string_view status, std::string_view request,
                        std::uint64_t bytes, std::chrono::steady_clock::duration duration) {
  std::tm utc{};
  gmtime_r(&now, &utc);
  char time_text[32];
  std::strftime(time_text, sizeof time_text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  const double ms = std::chrono::duration<double, std::milli>(duration).count();
  return fmt::format("{} {} {} {} {} {:.3f}ms\n", time_text, client, status, printable_for_log(request), bytes, ms);
}

AccessLog::AccessLog(int fd, Limits limits)
    : fd_(fd), limits_(limits), writer_([this](std::stop_token stop) { write_batches(stop); }) {}

AccessLog::~AccessLog() {
  writer_.request_stop();
  writer_.join();
}

void AccessLog::record(std::string_view client, std::string_view status, std::string_view request, std::uint64_t bytes,
                       std::chrono::steady_clock::duration duration) {
  add(access_line(std::time(nullptr), client, status, request, bytes, duration));
}

void AccessLog::add(std::string_view line) {
  bool wake;
  {
    std::lock_guard lock(mutex_);
    if (held_.size() + line.size() > limits_.hold_at_most_bytes) {
      ++dropped_;
      return;
    }
    const std::size_t before = held_.size();
    held_ += line;
    // The writer sleeps until a batch starts, then until the batch is due:
    // it needs waking for a batch's first line, and once it is full.
    wake = before == 0 || (before < limits_.write_at_bytes && held_.size() >= limits_.write_at_bytes);
  }
  if (wake) wake_.notify_one();
}

void AccessLog::write_batches(std::stop_token stop) {
  std::string batch;
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, stop, [&] { return !held_.empty(); });
    if (held_.empty()) return; // stopping, and everything is written
    wake_.wait_for(lock, stop, limits_.gather_for, [&] { return held_.size() >= limits_.write_at_bytes; });
    batch.swap(held_);
    const std::uint64_t dropped = std::exchange(dropped_, 0);
    lock.unlock();
    write_fully(fd_, batch);
    if (dropped > 0)
      log_message("access log: {} lines dropped while {} bytes waited for standard output; check that what reads it "
                  "keeps up",
                  dropped, limits_.hold_at_most_bytes);
    batch.clear();
    lock.lock();
  }
}

} // namespace gazette
