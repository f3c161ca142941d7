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
  // Prepares `text` and appends it wrapped to `out`; see append_wrapped.
  void wrap(std::string& out, std::string_view text, std::string_view first_indent = "",
            std::string_view rest_indent = "") const;
};

// Appends the body's lines (LF-terminated) to `out`.
void render_body_text(const Body& body, const TextStyle& style, TextReferences& references, std::string& out);

// Inserts " [n]" after each inline link's words, numbering through `references`.
std::string text_with_link_markers(const Block& block, TextReferences& references);

} // namespace gazette
