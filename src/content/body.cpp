#include "content/body.hpp"

#include "text/utf8.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <fmt/format.h>
#include <functional>
#include <md4c.h>

namespace gazette {
namespace {

// Named entities a writer is likely to type; numeric ones are decoded in full.
constexpr std::pair<std::string_view, std::string_view> named_entities[] = {
    {"&amp;", "&"},       {"&lt;", "<"},        {"&gt;", ">"},        {"&quot;", "\""},     {"&apos;", "'"},
    {"&nbsp;", "\u00A0"}, {"&mdash;", "\u2014"}, {"&ndash;", "\u2013"}, {"&hellip;", "\u2026"},
    {"&lsquo;", "\u2018"}, {"&rsquo;", "\u2019"}, {"&ldquo;", "\u201C"}, {"&rdquo;", "\u201D"},
    {"&copy;", "\u00A9"}, {"&eacute;", "\u00E9"}, {"&euro;", "\u20AC"}, {"&pound;", "\u00A3"},
};

// Line breaks in [from, to), found with memchr: a body's lines are long
// (a paragraph is often one line), and this runs over every body loaded.
int newlines_between(const char* from, const char* to) {
  int count = 0;
  while (const void* found = std::memchr(from, '\n', static_cast<std::size_t>(to - from))) {
    ++count;
    from = static_cast<const char*>(found) + 1;
  }
  return count;
}

void append_code_point(std::string& out, char32_t c) {
  if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

void append_entity(std::string& out, std::string_view entity) {
  if (entity.starts_with("&#") && entity.ends_with(';')) {
    const bool hex = entity.size() > 3 && (entity[2] == 'x' || entity[2] == 'X');
    std::string_view digits = entity.substr(hex ? 3 : 2, entity.size() - (hex ? 4 : 3));
    unsigned long value = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value, hex ? 16 : 10);
    if (ec == std::errc{} && end == digits.data() + digits.size()) {
      append_code_point(out, static_cast<char32_t>(std::min(value, 0x110000UL)));
      return;
    }
  }
  for (const auto& [name, text] : named_entities)
    if (name == entity) {
      out += text;
      return;
    }
  out += entity; // unknown: keep as written
}

std::string attribute_text(const MD_ATTRIBUTE& attribute) {
  std::string out;
  if (!attribute.text) return out;
  for (int i = 0; attribute.substr_offsets[i] < attribute.size; ++i) {
    const MD_OFFSET begin = attribute.substr_offsets[i];
    const MD_OFFSET end = attribute.substr_offsets[i + 1];
    std::string_view piece(attribute.text + begin, end - begin);
    switch (attribute.substr_types[i]) {
    case MD_TEXT_ENTITY: append_entity(out, piece); break;
    case MD_TEXT_NULLCHAR: append_code_point(out, 0xFFFD); break;
    default: out += piece;
    }
  }
  return out;
}

std::string_view trimmed(std::string_view text) {
  const std::size_t first = text.find_first_not_of(' ');
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(' ') + 1 - first);
}

struct Table {
  std::vector<std::vector<std::string>> rows;
  std::size_t header_rows = 0;
  bool in_head = false;
};

// md4c reports the document as nested enter/leave callbacks; this collects
// them into flat blocks.
class BodyBuilder {
public:
  explicit BodyBuilder(std::string_view source) : source_(source), counted_to_(source.data()) {}

  // Bodies are kept as long as their articles: without the vector's growth slack.
  Body take() {
    body_.blocks.shrink_to_fit();
    return std::move(body_);
  }

  int enter_block(MD_BLOCKTYPE type, void* detail) {
    switch (type) {
    case MD_BLOCK_QUOTE: ++quote_depth_; break;
    case MD_BLOCK_UL: lists_.push_back({false, 0}); break;
    case MD_BLOCK_OL: lists_.push_back({true, static_cast<int>(static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start)}); break;
    case MD_BLOCK_LI:
      flush_item();
      start(BlockKind::list_item);
      current_.level = static_cast<int>(lists_.size()) - 1;
      if (!lists_.empty() && lists_.back().ordered) current_.number = lists_.back().next++;
      in_item_ = true;
      number_from_source_pending_ = current_.number > 0;
      break;
    case MD_BLOCK_HR:
      start(BlockKind::section_break);
      finish();
      break;
    case MD_BLOCK_H:
      flush_item();
      start(BlockKind::heading);
      current_.level = std::clamp(static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level), 2, 3);
      break;
    case MD_BLOCK_CODE: {
      flush_item();
      start(BlockKind::preformatted);
      const auto* code = static_cast<MD_BLOCK_CODE_DETAIL*>(detail);
      current_.alt = attribute_text(code->info);
      break;
    }
    case MD_BLOCK_HTML:
      in_html_block_ = true;
      html_reported_ = false;
      break;
    case MD_BLOCK_P:
      if (in_item_) {
        if (!current_.text.empty()) current_.text += ' ';
      } else {
        start(quote_depth_ > 0 ? BlockKind::quotation : BlockKind::paragraph);
        images_in_paragraph_ = 0;
        paragraph_line_starts_.assign(1, 0);
        line_is_gemtext_link_.clear();
      }
      break;
    case MD_BLOCK_TABLE:
      flush_item();
      table_ = Table{};
      break;
    case MD_BLOCK_THEAD: table_.in_head = true; break;
    case MD_BLOCK_TBODY: table_.in_head = false; break;
    case MD_BLOCK_TR:
      table_.rows.emplace_back();
      if (table_.in_head) ++table_.header_rows;
      break;
    case MD_BLOCK_TH:
    case MD_BLOCK_TD: table_.rows.back().emplace_back(); in_cell_ = true; break;
    default: break;
    }
    return 0;
  }

  int leave_block(MD_BLOCKTYPE type, void*) {
    switch (type) {
    case MD_BLOCK_QUOTE: --quote_depth_; break;
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
      flush_item();
      lists_.pop_back();
      break;
    case MD_BLOCK_LI: flush_item(); break;
    case MD_BLOCK_H: finish(); break;
    case MD_BLOCK_CODE:
      if (current_.text.ends_with('\n')) current_.text.pop_back();
      finish();
      break;
    case MD_BLOCK_HTML: in_html_block_ = false; break;
    case MD_BLOCK_P:
      if (!in_item_) finish_paragraph();
      break;
    case MD_BLOCK_TH:
    case MD_BLOCK_TD: in_cell_ = false; break;
    case MD_BLOCK_TABLE: finish_table(); break;
    default: break;
    }
    return 0;
  }

  int enter_span(MD_SPANTYPE type, void* detail) {
    if (type == MD_SPAN_A) {
      const MD_ATTRIBUTE& href = static_cast<MD_SPAN_A_DETAIL*>(detail)->href;
      link_stack_.push_back({attribute_text(href), current_.text.size(), line_of_attribute(href)});
    } else if (type == MD_SPAN_IMG) {
      const auto* image = static_cast<MD_SPAN_IMG_DETAIL*>(detail);
      image_ = Image{attribute_text(image->src), attribute_text(image->title), current_.text.size(), line_of_attribute(image->src)};
      // An image without alt text gives its paragraph no text to date it by.
      if (current_.line == 0) current_.line = image_.line;
      ++image_depth_;
    }
    return 0;
  }

  int leave_span(MD_SPANTYPE type, void*) {
    if (type == MD_SPAN_A && !link_stack_.empty()) {
      auto link = link_stack_.back();
      link_stack_.pop_back();
      if (!in_cell_ && !link.url.empty())
        current_.links.push_back({link.url, current_.text.substr(link.start), current_.text.size(), link.line});
    } else if (type == MD_SPAN_IMG && image_depth_ > 0 && --image_depth_ == 0) {
      ++images_in_paragraph_;
      last_image_ = image_;
      if (!in_cell_)
        current_.links.push_back({image_.src, current_.text.substr(image_.start), current_.text.size(), image_.line});
    }
    return 0;
  }

  int text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size) {
    std::string_view piece(text, size);
    if (type == MD_TEXT_HTML || in_html_block_) {
      // One warning per HTML block or inline run, on the line it starts.
      if (!html_reported_) warn_html(text);
      html_reported_ = true;
      return 0;
    }
    html_reported_ = false;
    note_line(text);
    if (number_from_source_pending_) {
      number_from_source_pending_ = false;
      if (int written = written_item_number(text); written >= 0) current_.number = written;
    }
    // Most pieces are plain text, taken as they are; only a character
    // reference or a null is decoded into a string of its own.
    std::string decoded_reference;
    std::string_view decoded = piece;
    switch (type) {
    case MD_TEXT_NULLCHAR:
      append_code_point(decoded_reference, 0xFFFD);
      decoded = decoded_reference;
      break;
    case MD_TEXT_ENTITY:
      append_entity(decoded_reference, piece);
      decoded = decoded_reference;
      break;
    case MD_TEXT_BR:
    case MD_TEXT_SOFTBR:
      if (current_.kind == BlockKind::preformatted) decoded = "\n";
      else decoded = " ";
      break;
    default: break;
    }
    if (in_cell_) {
      table_.rows.back().back() += decoded;
      return 0;
    }
    const bool line_starts = !paragraph_line_starts_.empty() && current_.text.size() == paragraph_line_starts_.back();
    current_.text += decoded;
    if (!paragraph_line_starts_.empty()) {
      // A paragraph's source line breaks are its text's spaces.
      if (type == MD_TEXT_SOFTBR || type == MD_TEXT_BR) paragraph_line_starts_.push_back(current_.text.size());
      else if (line_starts) line_is_gemtext_link_.push_back(raw_line_starts_with_link(text));
    }
    return 0;
  }

private:
  struct List {
    bool ordered;
    int next;
  };
  struct OpenLink {
    std::string url;
    std::size_t start;
    int line;
  };
  struct Image {
    std::string src, caption;
    std::size_t start = 0;
    int line = 0;
  };

  // Whether the source line holding `text` starts with "=>" as written:
  // "\\=>" is an escaped, literal "=>" and stays text.
  bool raw_line_starts_with_link(const MD_CHAR* text) const {
    if (text < source_.data() || text >= source_.data() + source_.size()) return false;
    std::size_t start = source_.rfind('\n', static_cast<std::size_t>(text - source_.data()));
    start = start == std::string_view::npos ? 0 : start + 1;
    std::string_view line = source_.substr(start);
    line.remove_prefix(std::min(line.find_first_not_of(' '), line.size()));
    return line.starts_with("=>");
  }

  // The number an author wrote before an ordered item ("7." in "7. text"),
  // which CommonMark itself does not keep; -1 when it cannot be read.
  int written_item_number(const MD_CHAR* text) const {
    if (text < source_.data() || text >= source_.data() + source_.size()) return -1;
    std::size_t start = source_.rfind('\n', static_cast<std::size_t>(text - source_.data()));
    std::string_view marker = source_.substr(start == std::string_view::npos ? 0 : start + 1,
                                             static_cast<std::size_t>(text - source_.data()) - (start == std::string_view::npos ? 0 : start + 1));
    marker.remove_prefix(std::min(marker.find_first_not_of(" >"), marker.size()));
    int number = -1;
    auto [end, ec] = std::from_chars(marker.data(), marker.data() + marker.size(), number);
    if (ec != std::errc{} || end == marker.data() + marker.size() || (*end != '.' && *end != ')')) return -1;
    return number;
  }

  // md4c hands text over mostly in source order, so lines are counted on
  // from the last place asked about rather than from the top each time.
  int line_of(const MD_CHAR* text) {
    if (text < source_.data() || text > source_.data() + source_.size()) return 0;
    if (text < counted_to_) {
      counted_to_ = source_.data();
      newlines_before_ = 0;
    }
    newlines_before_ += newlines_between(counted_to_, text);
    counted_to_ = text;
    return 1 + newlines_before_;
  }

  // Where a link's URL is written: md4c points into the source for a URL
  // that needed no decoding, else the line of the text read last.
  int line_of_attribute(const MD_ATTRIBUTE& attribute) {
    const std::less<const MD_CHAR*> before;
    if (attribute.text && !before(attribute.text, source_.data()) && before(attribute.text, source_.data() + source_.size()))
      return line_of(attribute.text);
    return 1 + newlines_before_;
  }

  void note_line(const MD_CHAR* text) {
    if (current_.line == 0) current_.line = line_of(text);
  }

  void warn_html(const MD_CHAR* text) {
    const int line = std::max(line_of(text), current_.line);
    if (!body_.warnings.empty() && body_.warnings.back().line == line) return;
    // Made in place: GCC 12 at -O3 reports a false out-of-bounds read when
    // a local warning is moved in.
    BodyWarning& warning = body_.warnings.emplace_back();
    warning.line = line;
    warning.message = "raw HTML is dropped; write it as Markdown";
  }

  void start(BlockKind kind) {
    current_ = Block{};
    current_.kind = kind;
  }

  void finish() {
    body_.blocks.push_back(std::move(current_));
    start(BlockKind::paragraph);
  }

  void flush_item() {
    if (!in_item_) return;
    in_item_ = false;
    finish();
  }

  void finish_paragraph() {
    const std::vector<std::size_t> starts = std::move(paragraph_line_starts_);
    paragraph_line_starts_.clear();
    // Line i of the paragraph as written: its text up to the space that
    // stands for the line break.
    auto source_line = [&](std::size_t i) {
      const std::size_t end = i + 1 < starts.size() ? starts[i + 1] - 1 : current_.text.size();
      return std::string_view(current_.text).substr(starts[i], end - starts[i]);
    };
    bool all_gemtext_links = !starts.empty() && line_is_gemtext_link_.size() == starts.size();
    for (std::size_t i = 0; all_gemtext_links && i < starts.size(); ++i)
      all_gemtext_links = line_is_gemtext_link_[i] && source_line(i).starts_with("=>");

    if (all_gemtext_links && current_.kind == BlockKind::paragraph) {
      // The author wrote gemtext link lines; they pass through.
      const int line = current_.line;
      for (std::size_t i = 0; i < starts.size(); ++i) {
        std::string_view rest = source_line(i).substr(2);
        rest.remove_prefix(std::min(rest.find_first_not_of(" \t"), rest.size()));
        const std::size_t space = rest.find_first_of(" \t");
        Block block;
        block.kind = BlockKind::link_line;
        block.url = std::string(rest.substr(0, space));
        if (space != std::string_view::npos) {
          std::string_view label = rest.substr(space);
          label.remove_prefix(std::min(label.find_first_not_of(" \t"), label.size()));
          block.text = std::string(label);
        }
        block.line = line + static_cast<int>(i);
        if (!block.url.empty()) body_.blocks.push_back(std::move(block));
      }
      start(BlockKind::paragraph);
      return;
    }

    const bool only_image = images_in_paragraph_ == 1 && current_.links.size() == 1 &&
                            current_.links[0].url == last_image_.src &&
                            trimmed(current_.text) == trimmed(current_.links[0].text);
    if (only_image) {
      current_.kind = BlockKind::image;
      current_.url = last_image_.src;
      current_.caption = last_image_.caption;
      current_.text = current_.links[0].text;
      current_.links.clear();
    } else if (current_.kind == BlockKind::paragraph && current_.links.size() == 1 &&
               current_.links[0].text == current_.text && !current_.text.empty()) {
      current_.kind = BlockKind::link_line;
      current_.url = current_.links[0].url;
      current_.links.clear();
    }
    finish();
  }

  // Columns are padded to their widest cell, up to this many characters;
  // a wider cell runs past its column. Padding to any width would let one
  // long cell over many short rows make text the square of the file's size.
  static constexpr std::size_t max_padded_width = 40;

  void finish_table() {
    std::vector<std::size_t> widths;
    for (const auto& row : table_.rows)
      for (std::size_t c = 0; c < row.size(); ++c) {
        if (widths.size() <= c) widths.push_back(0);
        widths[c] = std::min(std::max(widths[c], utf8_length(row[c])), max_padded_width);
      }
    std::string text;
    auto separator = [&] {
      for (std::size_t c = 0; c < widths.size(); ++c) text += (c ? "-+-" : "") + std::string(widths[c], '-');
      text += '\n';
    };
    for (std::size_t r = 0; r < table_.rows.size(); ++r) {
      const auto& row = table_.rows[r];
      std::string line;
      for (std::size_t c = 0; c < widths.size(); ++c) {
        const std::string cell = c < row.size() ? row[c] : "";
        line += (c ? " | " : "") + cell + std::string(widths[c] - std::min(widths[c], utf8_length(cell)), ' ');
      }
      while (line.ends_with(' ')) line.pop_back();
      text += line + '\n';
      if (r + 1 == table_.header_rows) separator();
    }
    if (!text.empty()) text.pop_back();
    Block block;
    block.kind = BlockKind::preformatted;
    block.alt = "Table";
    block.text = std::move(text);
    block.line = current_.line;
    body_.blocks.push_back(std::move(block));
    start(BlockKind::paragraph);
  }

  std::string_view source_;
  const MD_CHAR* counted_to_;   // line_of has counted the newlines before here
  int newlines_before_ = 0;
  Body body_;
  Block current_;
  std::vector<List> lists_;
  std::vector<OpenLink> link_stack_;
  std::vector<std::size_t> paragraph_line_starts_; // where each source line of an open paragraph starts in its text
  std::vector<bool> line_is_gemtext_link_;
  Image image_, last_image_;
  Table table_;
  int quote_depth_ = 0;
  int image_depth_ = 0;
  int images_in_paragraph_ = 0;
  bool in_item_ = false;
  bool number_from_source_pending_ = false;
  bool in_html_block_ = false;
  bool html_reported_ = false;
  bool in_cell_ = false;
};

} // namespace

Body parse_body(std::string_view commonmark) {
  BodyBuilder builder(commonmark);
  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = MD_FLAG_TABLES;
  parser.enter_block = [](MD_BLOCKTYPE t, void* d, void* u) { return static_cast<BodyBuilder*>(u)->enter_block(t, d); };
  parser.leave_block = [](MD_BLOCKTYPE t, void* d, void* u) { return static_cast<BodyBuilder*>(u)->leave_block(t, d); };
  parser.enter_span = [](MD_SPANTYPE t, void* d, void* u) { return static_cast<BodyBuilder*>(u)->enter_span(t, d); };
  parser.leave_span = [](MD_SPANTYPE t, void* d, void* u) { return static_cast<BodyBuilder*>(u)->leave_span(t, d); };
  parser.text = [](MD_TEXTTYPE t, const MD_CHAR* s, MD_SIZE n, void* u) { return static_cast<BodyBuilder*>(u)->text(t, s, n); };
  md_parse(commonmark.data(), static_cast<MD_SIZE>(commonmark.size()), &parser, &builder);
  return builder.take();
}

std::vector<BodyReference> body_references(const Body& body) {
  std::vector<BodyReference> references;
  for (const auto& block : body.blocks) {
    for (const auto& link : block.links) references.push_back({link.url, link.line, false});
    if (block.kind == BlockKind::image) references.push_back({block.url, block.line, true});
    else if (block.kind == BlockKind::link_line) references.push_back({block.url, block.line, false});
  }
  return references;
}

std::string default_teaser(const Body& body, std::size_t limit) {
  auto first = std::find_if(body.blocks.begin(), body.blocks.end(),
                            [](const Block& b) { return b.kind == BlockKind::paragraph && !b.text.empty(); });
  if (first == body.blocks.end()) return {};
  const std::string& text = first->text;
  if (utf8_length(text) <= limit) return text;
  if (limit == 0) return {};
  // Room for the "…" within the limit.
  std::string cut = text.substr(0, utf8_prefix_bytes(text, limit - 1));
  if (text[cut.size()] != ' ')
    if (std::size_t space = cut.rfind(' '); space != std::string::npos) cut.resize(space);
  while (!cut.empty() && std::string_view(" ,;:-").find(cut.back()) != std::string_view::npos) cut.pop_back();
  return cut + "\u2026";
}

} // namespace gazette
