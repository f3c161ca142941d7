// One line per request on stdout:
//   <UTC time> <client address> <status> <request> <bytes sent> <duration>
// The status is Gemini's two digits, or for Gopher the item type sent
// ("1" menu, "0" text, "3" error, ...) or "HTTP".
//
// Lines are gathered and written by a thread of their own, in one write per
// tenth of a second or 64 KiB: a write per request was one of a Gopher
// request's nine system calls, and a reader of stdout that stalls (a full
// pipe, a paused pager) now costs lines, counted and reported, instead of
// stopping every connection, or, at the end, the server's exit.
#pragma once
#include <chrono>
#include <cstdint>
#include <ctime>
#include <memory>
#include <string>
#include <string_view>
#include <thread>

namespace gazette {

// Control and non-printable bytes become \xNN so a hostile request cannot
// forge log lines.
std::string printable_for_log(std::string_view text);

// The line, with its newline, for a request answered at `now`.
std::string access_line(std::time_t now, std::string_view client, std::string_view status, std::string_view request,
                        std::uint64_t bytes, std::chrono::steady_clock::duration duration);

class AccessLog {
public:
  struct Limits {
    std::chrono::milliseconds gather_for{100}; // the longest a line waits to be written
    std::size_t write_at_bytes = 64 * 1024;    // or less, once this much waits
    std::size_t hold_at_most_bytes = 4 * 1024 * 1024; // then lines are dropped, and counted
    std::chrono::milliseconds finish_within{5000}; // at the end, for the last lines to be taken
  };

  explicit AccessLog(int fd) : AccessLog(fd, Limits{}) {}
  AccessLog(int fd, Limits limits);
  // Writes every line still held, unless standard output takes nothing
  // for `finish_within`: then says so on stderr and ends without them.
  ~AccessLog();
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;

  void record(std::string_view client, std::string_view status, std::string_view request, std::uint64_t bytes,
              std::chrono::steady_clock::duration duration);
  void add(std::string_view line);
  // Lines added so far, those dropped included: one per request answered.
  std::uint64_t lines_added() const;

private:
  // What the log and its writer share: a writer stuck in a write that never
  // returns is left with it when the log ends.
  struct Shared;
  static void write_batches(Shared& shared);

  std::shared_ptr<Shared> shared_;
  std::thread writer_;
};

} // namespace gazette
