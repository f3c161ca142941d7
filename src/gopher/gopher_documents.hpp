// Gopher answers that are not menus of the publication: text documents,
// error menus, and the page a "URL:" selector answers.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace gazette {

// LF text as a Gopher text document: CRLF lines; with `dot_terminator`,
// RFC 1436 dot-stuffing and a closing "." line.
std::string gopher_text_document(std::string_view lf_text, bool dot_terminator);

// A menu holding one error line (type 3), as Gopher clients expect.
std::string gopher_error_menu(std::string_view message);

// Whether a "URL:" page may send readers on to `target`: not for schemes
// such as javascript: or data:, nor for a target with control characters.
bool may_leave_for(std::string_view target);

// The page a "URL:" selector answers: a link and a refresh to `target`, or
// nullopt when it may not lead there.
std::optional<std::string> url_redirect_page(std::string_view target);

} // namespace gazette
