// An article body as plain text for Gopher: hard-wrapped, links numbered
// [n] in the text and listed as references at the end.
#pragma once
#include "content/body.hpp"

#include <string>
#include <vector>

namespace gazette {

struct TextReferences {
  std::vector<std::string> urls; // [1] is urls[0]
  int add(const std::string& url) {
    urls.push_back(url);
    return static_cast<int>(urls.size());
  }
};

// How text reads in a plain-text document: its width, and whether it is
// transliterated to ASCII (before wrapping, so columns stay right).
struct TextStyle {
  std::size_t width = 70;
  bool ascii = true;

  std::string prepare(std::string_view text) const;
  // Prepares `text` and appends it wrapped to `out`; see append_wrapped. A
  // reference marker (see reference_marker) stays on the line of the word
  // before it.
  void wrap(std::string& out, std::string_view text, std::string_view first_indent = "",
            std::string_view rest_indent = "") const;
  // A heading: its text wrapped, underlined with `underline` under its
  // longest line ("=" for the title, "-" for a section, "~" below that).
  void heading(std::string& out, std::string_view text, char underline) const;
};

// " [n]", joined to the word before it so that wrapping never leaves "[n]"
// alone at the start of a line; TextStyle::wrap writes the join as a space.
std::string reference_marker(int number);

// Appends the body's lines (LF-terminated) to `out`.
void render_body_text(const Body& body, const TextStyle& style, TextReferences& references, std::string& out);

// Inserts a reference marker after each inline link's words, numbering through `references`.
std::string text_with_link_markers(const Block& block, TextReferences& references);

} // namespace gazette
