#include "gopher/gopher_text.hpp"

#include "text/ascii_transliteration.hpp"
#include "text/text_wrap.hpp"
#include "text/utf8.hpp"

#include <fmt/format.h>

namespace gazette {

std::string TextStyle::prepare(std::string_view text) const { return ascii ? to_ascii(text) : std::string(text); }

void TextStyle::wrap(std::string& out, std::string_view text, std::string_view first_indent,
                     std::string_view rest_indent) const {
  std::string transliterated;
  append_wrapped(out, ascii ? ascii_text(text, transliterated) : text, width, first_indent, rest_indent);
}

std::string text_with_link_markers(const Block& block, TextReferences& references) {
  std::string text;
  std::size_t copied = 0;
  for (const auto& link : block.links) {
    const std::size_t end = std::min(link.end, block.text.size());
    text.append(block.text, copied, end - copied);
    text += fmt::format(" [{}]", references.add(link.url));
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

std::string image_label(const Block& block) {
  if (!block.caption.empty()) return "Photo: " + block.caption;
  if (!block.text.empty()) return "Photo: " + block.text;
  return "Photo";
}

} // namespace

void render_body_text(const Body& body, const TextStyle& style, TextReferences& references, std::string& out) {
  const std::size_t width = style.width;
  const Block* previous = nullptr;
  std::string marked;
  for (const auto& block : body.blocks) {
    // Blank lines between blocks, but list items and one quotation's
    // paragraphs stay together.
    const bool continues = previous && previous->kind == block.kind &&
                           (block.kind == BlockKind::list_item);
    if (previous && !continues) out += '\n';
    previous = &block;

    switch (block.kind) {
    case BlockKind::paragraph:
      style.wrap(out, shown_text(block, references, marked));
      break;
    case BlockKind::heading: {
      const std::string text = style.prepare(shown_text(block, references, marked));
      append_wrapped(out, text, width);
      out += std::string(std::min(width, utf8_length(text)), block.level <= 2 ? '=' : '-');
      out += '\n';
      break;
    }
    case BlockKind::quotation:
      style.wrap(out, shown_text(block, references, marked), "    ", "    ");
      break;
    case BlockKind::list_item: {
      const std::string indent(2 + 2 * static_cast<std::size_t>(std::max(block.level, 0)), ' ');
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
      else style.wrap(out, fmt::format("{} [{}]", label, references.add(block.url)));
      break;
    }
    case BlockKind::section_break:
      out += std::string((width > 5 ? (width - 5) / 2 : 0), ' ') + "* * *\n";
      break;
    }
  }
}

} // namespace gazette
