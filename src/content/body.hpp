// The body of an article, parsed from CommonMark into blocks that both the
// Gemini and the Gopher renderers understand. Parsing is pure: text in, blocks
// and warnings out.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace gazette {

// An inline link inside a block's text. `end` is the byte offset in the
// block's text just after the link's words, where a renderer puts its [n].
struct InlineLink {
  std::string url;
  std::string text;
  std::size_t end = 0;
  int line = 0; // 1-based line where its URL is written (in an article, of the file)
};

enum class BlockKind {
  paragraph,     // text, with inline links
  heading,       // level 2 or 3 (a level-1 heading in the body is level 2)
  quotation,     // one paragraph of a quotation; consecutive ones belong together
  list_item,     // bullet (number == 0) or numbered list item
  preformatted,  // text kept exactly, alt kept as alt text; GFM tables land here with alt "Table"
  image,         // url = src, text = alt, caption = title
  link_line,     // a paragraph that is only a link, or a passed-through "=>" line
  section_break, // "---" alone on a line
};

struct Block {
  BlockKind kind = BlockKind::paragraph;
  std::string text;
  std::vector<InlineLink> links;
  int level = 0;       // heading level; list nesting depth (0 = top)
  int number = 0;      // numbered list item's number; 0 for a bullet
  std::string alt;     // preformatted alt text
  std::string url;     // image src or link_line target
  std::string caption; // image caption (the CommonMark title)
  int line = 0;        // 1-based line in the body where the block starts (in an article, of the file)
};

struct BodyWarning {
  int line = 0; // 1-based line in the body
  std::string message;
};

struct Body {
  std::vector<Block> blocks;
  std::vector<BodyWarning> warnings;
};

// A link or image of a body, where it is written: what every load checks
// and links, kept when the body itself is let go.
struct BodyReference {
  std::string url;
  int line = 0;
  bool image = false;
};
std::vector<BodyReference> body_references(const Body& body);

Body parse_body(std::string_view commonmark);

// The teaser default: the first paragraph, cut at a word boundary to at most
// `limit` characters (code points) with "…" where it was cut.
std::string default_teaser(const Body& body, std::size_t limit = 300);

} // namespace gazette
