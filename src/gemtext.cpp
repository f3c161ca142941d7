#include "gemtext.hpp"

#include <fmt/format.h>
#include <vector>

namespace gazette {

std::string escape_gemtext_line(std::string_view line) {
  const bool looks_like_syntax = line.starts_with("=>") || line.starts_with('#') || line.starts_with('>') ||
                                 line.starts_with("* ") || line.starts_with("```");
  return looks_like_syntax ? " " + std::string(line) : std::string(line);
}

namespace {

struct PendingLink {
  std::string url;
  int number;
  std::string text;
};

// The block's text with " [n]" after each link's words.
std::string marked_text(const Block& block, GemtextLinkNumbers& numbers, std::vector<PendingLink>& pending) {
  std::string text;
  std::size_t copied = 0;
  for (const auto& link : block.links) {
    const std::size_t end = std::min(link.end, block.text.size());
    text.append(block.text, copied, end - copied);
    const int number = numbers.next++;
    text += fmt::format(" [{}]", number);
    pending.push_back({link.url, number, link.text});
    copied = end;
  }
  text.append(block.text, copied);
  return text;
}

void flush_links(std::vector<PendingLink>& pending, std::string& out) {
  for (const auto& link : pending) {
    out += fmt::format("=> {} [{}] {}\n", link.url, link.number, link.text.empty() ? link.url : link.text);
  }
  pending.clear();
}

// List items and a quotation's paragraphs are one group: no blank line
// between them, and their link lines come after the whole group.
bool same_group(const Block* previous, const Block& block) {
  return previous && previous->kind == block.kind &&
         (block.kind == BlockKind::list_item || block.kind == BlockKind::quotation);
}

} // namespace

void render_body_gemtext(const Body& body, GemtextLinkNumbers& numbers, std::string& out) {
  std::vector<PendingLink> pending;
  const Block* previous = nullptr;
  for (const auto& block : body.blocks) {
    const bool grouped = same_group(previous, block);
    if (!grouped) {
      flush_links(pending, out);
      if (previous) out += '\n';
    }
    previous = &block;

    switch (block.kind) {
    case BlockKind::paragraph: out += escape_gemtext_line(marked_text(block, numbers, pending)) + "\n"; break;
    case BlockKind::heading:
      out += std::string(static_cast<std::size_t>(block.level), '#') + " " + marked_text(block, numbers, pending) + "\n";
      break;
    case BlockKind::quotation: out += "> " + marked_text(block, numbers, pending) + "\n"; break;
    case BlockKind::list_item: {
      const std::string number = block.number > 0 ? fmt::format("{}. ", block.number) : "";
      out += "* " + number + marked_text(block, numbers, pending) + "\n";
      break;
    }
    case BlockKind::preformatted: {
      out += "```" + block.alt + "\n";
      std::size_t start = 0;
      while (start <= block.text.size()) {
        std::size_t end = block.text.find('\n', start);
        if (end == std::string::npos) end = block.text.size();
        std::string_view line(block.text.data() + start, end - start);
        // A line that starts with ``` would end the block early.
        out += line.starts_with("```") ? " " + std::string(line) : std::string(line);
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
    case BlockKind::link_line:
      out += block.text.empty() ? fmt::format("=> {}\n", block.url) : fmt::format("=> {} {}\n", block.url, block.text);
      break;
    case BlockKind::section_break: out += escape_gemtext_line("* * *") + "\n"; break;
    }
  }
  flush_links(pending, out);
}

} // namespace gazette
