#include "gemini/gemtext.hpp"

#include <fmt/format.h>
#include <vector>

namespace gazette {

namespace {

// "=:" is Spartan's prompt line: the same pages are served there.
bool looks_like_gemtext_syntax(std::string_view line) {
  return line.starts_with("=>") || line.starts_with("=:") || line.starts_with('#') || line.starts_with('>') || line.starts_with("* ") ||
         line.starts_with("```");
}

} // namespace

std::string escape_gemtext_line(std::string_view line) {
  std::string escaped;
  if (looks_like_gemtext_syntax(line)) escaped += ' ';
  escaped += line;
  return escaped;
}

void append_link_line(std::string& out, std::string_view url, std::string_view label) {
  out.append("=> ").append(url);
  if (!label.empty() && label != url) out.append(" ").append(label);
  out += '\n';
}

namespace {

void flush_links(std::vector<const InlineLink*>& pending, std::string& out) {
  for (const InlineLink* link : pending) append_link_line(out, link->url, link->text);
  pending.clear();
}

// List items and a quotation's paragraphs are one group: no blank line
// between them (a quotation's paragraphs are parted by a ">" line), and
// their link lines come after the whole group.
bool same_group(const Block* previous, const Block& block) {
  return previous && previous->kind == block.kind &&
         (block.kind == BlockKind::list_item || block.kind == BlockKind::quotation);
}

} // namespace

void render_body_gemtext(const Body& body, std::string& out) {
  // The links of the block (or group) being written, for the lines after it.
  std::vector<const InlineLink*> pending;
  const Block* previous = nullptr;
  for (const auto& block : body.blocks) {
    const bool grouped = same_group(previous, block);
    if (!grouped) {
      flush_links(pending, out);
      if (previous) out += '\n';
    } else if (block.kind == BlockKind::quotation) {
      // The quotation goes on, in a new paragraph.
      out += ">\n";
    }
    previous = &block;

    for (const auto& link : block.links) pending.push_back(&link);
    switch (block.kind) {
    case BlockKind::paragraph:
      // Escaped as escape_gemtext_line does, without a copy: a body's text is most of its page.
      if (looks_like_gemtext_syntax(block.text)) out += ' ';
      out.append(block.text) += '\n';
      break;
    case BlockKind::heading:
      out.append(static_cast<std::size_t>(block.level), '#').append(" ").append(block.text) += '\n';
      break;
    case BlockKind::quotation:
      out.append("> ").append(block.text) += '\n';
      break;
    case BlockKind::list_item:
      out += "* ";
      if (block.number > 0) fmt::format_to(std::back_inserter(out), "{}. ", block.number);
      out.append(block.text) += '\n';
      break;
    case BlockKind::preformatted: {
      out += "```" + block.alt + "\n";
      std::size_t start = 0;
      while (start <= block.text.size()) {
        std::size_t end = block.text.find('\n', start);
        if (end == std::string::npos) end = block.text.size();
        std::string_view line(block.text.data() + start, end - start);
        // A line that starts with ``` would end the block early.
        if (line.starts_with("```")) out += ' ';
        out += line;
        out += '\n';
        start = end + 1;
      }
      out += "```\n";
      break;
    }
    case BlockKind::image: {
      const std::string& words = block.caption.empty() ? block.text : block.caption;
      out += fmt::format("=> {} Photo: {}\n", block.url, words.empty() ? "image" : words);
      break;
    }
    case BlockKind::link_line: append_link_line(out, block.url, block.text); break;
    case BlockKind::section_break: out += escape_gemtext_line("* * *") + "\n"; break;
    }
  }
  flush_links(pending, out);
}

} // namespace gazette
