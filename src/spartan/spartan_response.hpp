// The first line of every Spartan response, and the type of its pages.
#pragma once
#include <string>
#include <string_view>

namespace gazette {

// "2 text/gemini\r\n", "3 /world/\r\n", "4 Not found\r\n": the status is 2
// (success), 3 (redirect), 4 (client error) or 5 (server error).
std::string spartan_header(int status, std::string_view meta);

// Spartan has no "lang" parameter: a Gemini media type without it.
std::string spartan_mime_type(std::string_view gemini_mime_type);

} // namespace gazette
