// Writing gemtext: escaping text lines, and an article body whose inline
// links keep their words in the text and follow each block as link lines.
#pragma once
#include "content/body.hpp"

#include <string>
#include <string_view>

namespace gazette {

// A text line that a client would read as a link, heading, list item,
// quotation, preformat toggle or (on Spartan) prompt gets a leading space, which makes it plain
// text in every client while keeping the words as written.
std::string escape_gemtext_line(std::string_view line);

// A link line; without a label, or with the URL as its label, the bare URL,
// which clients show as it is.
void append_link_line(std::string& out, std::string_view url, std::string_view label);

// Appends the body as gemtext lines to `out`. Clients number link lines
// themselves, so the text carries no numbers of its own that could disagree
// with theirs: a link line is labelled with the words it was made from.
void render_body_gemtext(const Body& body, std::string& out);

} // namespace gazette
