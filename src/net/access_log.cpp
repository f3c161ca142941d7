#include "net/access_log.hpp"

#include "base/log.hpp"

#include <charconv>
#include <condition_variable>
#include <iterator>
#include <mutex>
#include <utility>

namespace gazette {

namespace {

void append_printable(std::string& out, std::string_view text) {
  if (text.empty()) {
    out += '-';
    return;
  }
  static constexpr char hex[] = "0123456789abcdef";
  for (unsigned char c : text) {
    if (c < 0x20 || c == 0x7F || c == '\\' || c == ' ') out.append({'\\', 'x', hex[c >> 4], hex[c & 0xF]});
    else out += static_cast<char>(c);
  }
}

void append_number(std::string& out, std::uint64_t value) {
  char digits[20];
  out.append(digits, std::to_chars(std::begin(digits), std::end(digits), value).ptr);
}

// Formatting a time costs more than the rest of a Gopher request's line,
// and a second's requests share one: each thread keeps the last.
std::string_view utc_text(std::time_t now) {
  thread_local std::time_t shown = 0;
  thread_local char text[32];
  thread_local std::size_t length = 0;
  if (length == 0 || now != shown) {
    std::tm utc{};
    gmtime_r(&now, &utc);
    length = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    shown = now;
  }
  return {text, length};
}

} // namespace

std::string printable_for_log(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_printable(out, text);
  return out;
}

std::string access_line(std::time_t now, std::string_view client, std::string_view status, std::string_view request,
                        std::uint64_t bytes, std::chrono::steady_clock::duration duration) {
  const auto us = std::chrono::round<std::chrono::microseconds>(duration).count();
  std::string line;
  line.reserve(64 + client.size() + status.size() + request.size());
  line.append(utc_text(now)).append(1, ' ').append(client).append(1, ' ').append(status).append(1, ' ');
  append_printable(line, request);
  // Written by hand rather than formatted: this is every request's path.
  line += ' ';
  append_number(line, bytes);
  line += ' ';
  append_number(line, static_cast<std::uint64_t>(us / 1000));
  const auto thousandths = static_cast<int>(us % 1000);
  line.append({'.', static_cast<char>('0' + thousandths / 100), static_cast<char>('0' + thousandths / 10 % 10),
               static_cast<char>('0' + thousandths % 10), 'm', 's', '\n'});
  return line;
}

struct AccessLog::Shared {
  Shared(int fd, Limits limits) : fd(fd), limits(limits) {}

  const int fd;
  const Limits limits;
  std::mutex mutex;
  std::condition_variable wake;     // for the writer: lines came, or the log ends
  std::condition_variable finished; // for the log: everything is written
  std::string held;                 // the rest guarded by mutex
  std::uint64_t dropped = 0;
  std::uint64_t added = 0; // dropped lines too
  bool stopping = false, done = false;
};

AccessLog::AccessLog(int fd, Limits limits)
    : shared_(std::make_shared<Shared>(fd, limits)), writer_([shared = shared_] { write_batches(*shared); }) {}

AccessLog::~AccessLog() {
  std::unique_lock lock(shared_->mutex);
  shared_->stopping = true;
  shared_->wake.notify_one();
  if (shared_->finished.wait_for(lock, shared_->limits.finish_within, [&] { return shared_->done; })) {
    lock.unlock();
    writer_.join();
    return;
  }
  const std::size_t unwritten = shared_->held.size();
  lock.unlock();
  writer_.detach();
  log_message("access log: standard output took nothing for {} ms; ending without the last {} bytes of access lines "
              "and the batch being written",
              shared_->limits.finish_within.count(), unwritten);
}

void AccessLog::record(std::string_view client, std::string_view status, std::string_view request, std::uint64_t bytes,
                       std::chrono::steady_clock::duration duration) {
  add(access_line(std::time(nullptr), client, status, request, bytes, duration));
}

void AccessLog::add(std::string_view line) {
  Shared& shared = *shared_;
  bool wake;
  {
    std::lock_guard lock(shared.mutex);
    ++shared.added;
    if (shared.held.size() + line.size() > shared.limits.hold_at_most_bytes) {
      ++shared.dropped;
      return;
    }
    const std::size_t before = shared.held.size();
    shared.held += line;
    // The writer sleeps until a batch starts, then until the batch is due:
    // it needs waking for a batch's first line, and once it is full.
    wake = before == 0 || (before < shared.limits.write_at_bytes && shared.held.size() >= shared.limits.write_at_bytes);
  }
  if (wake) shared.wake.notify_one();
}

std::uint64_t AccessLog::lines_added() const {
  std::lock_guard lock(shared_->mutex);
  return shared_->added;
}

void AccessLog::write_batches(Shared& shared) {
  std::string batch;
  std::unique_lock lock(shared.mutex);
  for (;;) {
    shared.wake.wait(lock, [&] { return !shared.held.empty() || shared.stopping; });
    if (shared.held.empty()) break; // stopping, and everything is written
    shared.wake.wait_for(lock, shared.limits.gather_for,
                         [&] { return shared.held.size() >= shared.limits.write_at_bytes || shared.stopping; });
    batch.swap(shared.held);
    const std::uint64_t dropped = std::exchange(shared.dropped, 0);
    lock.unlock();
    write_fully(shared.fd, batch);
    if (dropped > 0)
      log_message("access log: {} lines dropped while {} bytes waited for standard output; check that what reads it "
                  "keeps up",
                  dropped, shared.limits.hold_at_most_bytes);
    batch.clear();
    lock.lock();
  }
  shared.done = true;
  shared.finished.notify_all();
}

} // namespace gazette
