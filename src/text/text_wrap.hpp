// Hard-wrapping plain text into columns, for Gopher's 70-column documents
// and menus. Widths count code points.
#pragma once
#include <string>
#include <string_view>

namespace gazette {

// Breaks `text` at spaces into lines of at most `width` columns, the first
// starting with `first_indent`, the rest with `rest_indent`, and appends them
// to `out`, each ending in "\n". A word longer than a line (a URL, say) is
// never broken: it stands alone on its line. Empty text is one line of
// `first_indent`.
void append_wrapped(std::string& out, std::string_view text, std::size_t width, std::string_view first_indent = "",
                    std::string_view rest_indent = "");

// Whether append_wrapped would give `text` back unchanged, as one line of at
// most `width` columns: then a caller may take the text as it is.
bool is_one_wrapped_line(std::string_view text, std::size_t width);

// Cuts `text` to at most `width` columns at a word boundary, ending in
// `ellipsis` when it was cut.
std::string cut_to_width(std::string_view text, std::size_t width, std::string_view ellipsis = "...");

} // namespace gazette
