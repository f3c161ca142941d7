// One line per request on stdout:
//   <UTC time> <client address> <status> <request> <bytes sent> <duration>
// The status is Gemini's two digits, or for Gopher the item type sent
// ("1" menu, "0" text, "3" error, ...) or "HTTP".
#pragma once
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace gazette {

// Control and non-printable bytes become \xNN so a hostile request cannot
// forge log lines.
std::string printable_for_log(std::string_view text);

void log_access(std::string_view client, std::string_view status, std::string_view request, std::uint64_t bytes,
                std::chrono::steady_clock::duration duration);

} // namespace gazette
