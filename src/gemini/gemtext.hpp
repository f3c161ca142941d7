// Writing gemtext: escaping text lines, and an article body with its links
// numbered [n] in the text and listed as link lines after each block.
#pragma once
#include "content/body.hpp"

#include <string>
#include <string_view>

namespace gazette {

// Link numbers run through a whole page, across the body and anything else
// the page numbers.
struct GemtextLinkNumbers {
  int next = 1;
};

// A text line that a client would read as a link, heading, list item,
// quotation or preformat toggle gets a leading space, which makes it plain
// text in every client while keeping the words as written.
std::string escape_gemtext_line(std::string_view line);

// Appends the body as gemtext lines to `out`.
void render_body_gemtext(const Body& body, GemtextLinkNumbers& numbers, std::string& out);

} // namespace gazette
