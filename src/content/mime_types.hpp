// MIME types of static files, by extension.
#pragma once
#include <string_view>

namespace gazette {

// `extension` includes the dot, any case (".gmi", ".PNG"); unknown ones are
// application/octet-stream. Text types carry "; charset=utf-8" except
// text/gemini, whose parameters (lang) the caller adds.
std::string_view mime_type_for_extension(std::string_view extension);

} // namespace gazette
