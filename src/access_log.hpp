// One line per request on stdout:
//   <UTC time> <client address> <status> <request> <bytes sent> <duration>
#pragma once
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace gazette {

// Control and non-printable bytes become \xNN so a hostile request cannot
// forge log lines.
std::string printable_for_log(std::string_view text);

void log_access(std::string_view client, int status, std::string_view request, std::uint64_t bytes,
                std::chrono::steady_clock::duration duration);

} // namespace gazette
