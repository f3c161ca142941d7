#include "gopher/gopher_text.hpp"

#include "gopher/gopher_links.hpp"

#include "text/ascii_transliteration.hpp"
#include "text/text_wrap.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace gazette {

namespace {

// Wrapping breaks lines at spaces only, and transliteration keeps ASCII
// control characters as they are: this one joins a marker to its word
// until the lines are made.
constexpr char marker_join = '\x1f';

// Items nested deeper are indented as this deep. Each level indents every
// line of its items: without a limit, a file of a few hundred kilobytes of
// nested list markers would make gigabytes of text.
constexpr int max_indented_list_level = 8;

// The joins in out[from...] become the spaces they stand for.
void write_joins_as_spaces(std::string& out, std::size_t from) {
  for (std::size_t at = out.find(marker_join, from); at != std::string::npos; at = out.find(marker_join, at + 1))
    out[at] = ' ';
}

} // namespace

std::string reference_marker(int number) { return fmt::format("{}[{}]", marker_join, number); }

std::string TextStyle::prepare(std::string_view text) const { return ascii ? to_ascii(text) : std::string(text); }

void TextStyle::wrap(std::string& out, std::string_view text, std::string_view first_indent,
                     std::string_view rest_indent) const {
  std::string transliterated;
  const std::size_t start = out.size();
  append_wrapped(out, ascii ? ascii_text(text, transliterated) : text, width, first_indent, rest_indent);
  write_joins_as_spaces(out, start);
}

void TextStyle::heading(std::string& out, std::string_view raw, char underline) const {
  const std::string text = prepare(raw);
  const std::size_t start = out.size();
  append_wrapped(out, text, width);
  write_joins_as_spaces(out, start);
  // The longest wrapped line, without its "\n".
  std::size_t longest = 0;
  for (std::size_t line = start; line < out.size();) {
    const std::size_t end = out.find('\n', line);
    longest = std::max(longest, utf8_length(std::string_view(out).substr(line, end - line)));
    line = end + 1;
  }
  out.append(longest, underline) += '\n';
}

std::string text_with_link_markers(const Block& block, TextReferences& references) {
  std::string text;
  std::size_t copied = 0;
  for (const auto& link : block.links) {
    const std::size_t end = std::min(link.end, block.text.size());
    text.append(block.text, copied, end - copied);
    text += reference_marker(references.add(link.url));
    copied = end;
  }
  text.append(block.text, copied);
  return text;
}

namespace {

// The block's text as the document shows it; only a block with links needs
// a copy, kept in `marked`.
std::string_view shown_text(const Block& block, TextReferences& references, std::string& marked) {
  if (block.links.empty()) return block.text;
  marked = text_with_link_markers(block, references);
  return marked;
}

} // namespace

void render_body_text(const Body& body, const TextStyle& style, TextReferences& references, std::string& out) {
  const std::size_t width = style.width;
  const Block* previous = nullptr;
  std::string marked;
  for (const auto& block : body.blocks) {
    // Blank lines between blocks, but list items stay together, as do link
    // lines written on adjacent lines (a list of links), and one quotation's
    // paragraphs are parted by a quoted blank line.
    const bool same_kind = previous && previous->kind == block.kind;
    const bool listed = block.kind == BlockKind::list_item ||
                        (block.kind == BlockKind::link_line && same_kind && block.line - previous->line <= 1);
    if (same_kind && block.kind == BlockKind::quotation) out += ">\n";
    else if (previous && !(same_kind && listed)) out += '\n';
    previous = &block;

    switch (block.kind) {
    case BlockKind::paragraph:
      style.wrap(out, shown_text(block, references, marked));
      break;
    case BlockKind::heading:
      // "=" underlines a page's title alone: an article body's headings are level 2 or 3.
      style.heading(out, shown_text(block, references, marked), block.level <= 1 ? '=' : block.level == 2 ? '-' : '~');
      break;
    case BlockKind::quotation:
      // Marked as mail quotes it: an indent alone would read as the hanging
      // indent of a list item above it.
      style.wrap(out, shown_text(block, references, marked), "> ", "> ");
      break;
    case BlockKind::list_item: {
      const std::string indent(2 + 2 * static_cast<std::size_t>(std::clamp(block.level, 0, max_indented_list_level)), ' ');
      const std::string marker = block.number > 0 ? fmt::format("{}. ", block.number) : "* ";
      style.wrap(out, shown_text(block, references, marked), indent + marker,
                 indent + std::string(marker.size(), ' '));
      break;
    }
    case BlockKind::preformatted:
      out += style.prepare(block.text);
      if (!block.text.empty() && block.text.back() != '\n') out += '\n';
      break;
    case BlockKind::image:
    case BlockKind::link_line: {
      const std::string label = block.kind == BlockKind::image ? image_label(block) : block.text;
      // A bare URL needs no reference to itself.
      if (label.empty() || label == block.url) out += block.url + "\n";
      else style.wrap(out, label + reference_marker(references.add(block.url)));
      break;
    }
    case BlockKind::section_break:
      out += std::string((width > 5 ? (width - 5) / 2 : 0), ' ') + "* * *\n";
      break;
    }
  }
}

} // namespace gazette
