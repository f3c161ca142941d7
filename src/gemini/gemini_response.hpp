// The first line of every Gemini response, and the type of its pages.
#pragma once
#include <string>
#include <string_view>

namespace gazette {

// "20 text/gemini; lang=en\r\n"; meta is cut to the 1024 bytes the protocol
// allows, and a line break in it becomes a space.
std::string gemini_header(int status, std::string_view meta);

// "text/gemini" with "; lang=" when the publication names its language.
std::string gemtext_mime_type(std::string_view lang);

} // namespace gazette
