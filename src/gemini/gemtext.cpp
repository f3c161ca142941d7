#include "gemini/gemtext.hpp"

#include <fmt/format.h>
#include <vector>

namespace gazette {

namespace {

bool looks_like_gemtext_syntax(std::string_view line) {
  return line.starts_with("=>") || line.starts_with('#') || line.starts_with('>') || line.starts_with("* ") ||
         line.starts_with("```");
}

} // namespace

std::string escape_gemtext_line(std::string_view line) {
  return looks_like_gemtext_syntax(line) ? " " + std::string(line) : std::string(line);
}

namespace {

struct PendingLink {
  std::string url;
  int number;
  std::string text;
};

// Appends the block's text with " [n]" after each link's words, straight
// into the page: a body's text is most of its page.
void append_marked_text(const Block& block, GemtextLinkNumbers& numbers, std::vector<PendingLink>& pending,
                        std::string& out) {
  std::size_t copied = 0;
  for (const auto& link : block.links) {
    const std::size_t end = std::min(link.end, block.text.size());
    out.append(block.text, copied, end - copied);
    const int number = numbers.next++;
    fmt::format_to(std::back_inserter(out), " [{}]", number);
    pending.push_back({link.url, number, link.text});
    copied = end;
  }
  out.append(block.text, copied);
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
    case BlockKind::paragraph: {
      const std::size_t start = out.size();
      append_marked_text(block, numbers, pending, out);
      // Escaped as escape_gemtext_line does, in place.
      if (looks_like_gemtext_syntax(std::string_view(out).substr(start))) out.insert(start, 1, ' ');
      out += '\n';
      break;
    }
    case BlockKind::heading:
      out.append(static_cast<std::size_t>(block.level), '#') += ' ';
      append_marked_text(block, numbers, pending, out);
      out += '\n';
      break;
    case BlockKind::quotation:
      out += "> ";
      append_marked_text(block, numbers, pending, out);
      out += '\n';
      break;
    case BlockKind::list_item:
      out += "* ";
      if (block.number > 0) fmt::format_to(std::back_inserter(out), "{}. ", block.number);
      append_marked_text(block, numbers, pending, out);
      out += '\n';
      break;
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
