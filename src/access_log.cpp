#include "access_log.hpp"

#include "log.hpp"

#include <ctime>
#include <fmt/format.h>

namespace gazette {

std::string printable_for_log(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    if (c < 0x20 || c == 0x7F || c == '\\' || c == ' ') out += fmt::format("\\x{:02x}", c);
    else out += static_cast<char>(c);
  }
  return out.empty() ? "-" : out;
}

void log_access(std::string_view client, std::string_view status, std::string_view request, std::uint64_t bytes,
                std::chrono::steady_clock::duration duration) {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char time_text[32];
  std::strftime(time_text, sizeof time_text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  double ms = std::chrono::duration<double, std::milli>(duration).count();
  write_line(1, fmt::format("{} {} {} {} {} {:.3f}ms", time_text, client, status, printable_for_log(request),
                            bytes, ms));
}

} // namespace gazette
