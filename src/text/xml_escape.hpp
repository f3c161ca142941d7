// Text inside XML and HTML: feeds, and the small pages that send a browser on.
#pragma once
#include <string>
#include <string_view>

namespace gazette {

// Escapes &, <, >, " and ', and drops the control characters XML 1.0 does not allow.
std::string xml_escape(std::string_view text);

} // namespace gazette
