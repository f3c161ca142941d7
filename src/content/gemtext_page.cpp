#include "content/gemtext_page.hpp"

namespace gazette {

namespace {

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

// The lines of `text`, each without its "\n" (and "\r").
template <typename Each> void for_each_line(std::string_view text, Each each) {
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (line.ends_with('\r')) line.remove_suffix(1);
    each(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
}

} // namespace

Body parse_gemtext(std::string_view gemtext) {
  Body body;
  Block* preformatted = nullptr; // the block being filled while toggled on
  int number = 0;
  for_each_line(gemtext, [&](std::string_view line) {
    ++number;
    if (line.starts_with("```")) {
      if (preformatted) {
        preformatted = nullptr;
        return;
      }
      Block block;
      block.kind = BlockKind::preformatted;
      block.alt = trimmed(line.substr(3));
      block.line = number;
      body.blocks.push_back(std::move(block));
      preformatted = &body.blocks.back();
      return;
    }
    if (preformatted) {
      if (number > preformatted->line + 1) preformatted->text += '\n';
      preformatted->text += line;
      return;
    }
    Block block;
    block.line = number;
    if (line.starts_with("=>")) {
      const std::string_view rest = trimmed(line.substr(2));
      const std::size_t space = rest.find_first_of(" \t");
      block.kind = BlockKind::link_line;
      block.url = std::string(rest.substr(0, space));
      if (space != std::string_view::npos) block.text = std::string(trimmed(rest.substr(space)));
      if (block.url.empty()) return;
    } else if (line.starts_with('#')) {
      const std::size_t level = std::min<std::size_t>(line.find_first_not_of('#'), line.size());
      block.kind = BlockKind::heading;
      block.level = static_cast<int>(std::min<std::size_t>(level, 3));
      block.text = std::string(trimmed(line.substr(level)));
    } else if (line.starts_with("* ")) {
      block.kind = BlockKind::list_item;
      block.text = std::string(trimmed(line.substr(2)));
    } else if (line.starts_with('>')) {
      block.kind = BlockKind::quotation;
      block.text = std::string(trimmed(line.substr(1)));
    } else {
      block.text = std::string(trimmed(line));
    }
    // An empty line, or a quotation line with nothing in it, only parts blocks.
    if (block.kind != BlockKind::link_line && block.text.empty()) return;
    body.blocks.push_back(std::move(block));
  });
  return body;
}

std::string gemtext_title(std::string_view gemtext) {
  std::string title;
  bool preformatted = false;
  for_each_line(gemtext, [&](std::string_view line) {
    if (line.starts_with("```")) preformatted = !preformatted;
    else if (!preformatted && title.empty() && line.starts_with('#') && !line.starts_with("##"))
      title = trimmed(line.substr(1));
  });
  return title;
}

} // namespace gazette
