// A capsule's own pages (about.gmi and the like) are gemtext: read here
// into the blocks an article body has, so that a Gopher reader gets them
// as plain text with numbered references, like a story.
#pragma once
#include "content/body.hpp"

#include <string>
#include <string_view>

namespace gazette {

// Each line of gemtext as a block: a text line is a paragraph, "=>" a link
// line, "#" to "###" a heading of that level, "* " a list item, ">" a
// quotation, and "```" toggles preformatted text (its alt text kept).
// Blank lines only part blocks.
Body parse_gemtext(std::string_view gemtext);

// The page's first level-one heading, or "" when it has none.
std::string gemtext_title(std::string_view gemtext);

} // namespace gazette
