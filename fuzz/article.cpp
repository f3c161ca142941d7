// libFuzzer target: an article file (front matter and CommonMark body),
// rendered for both protocols, its search words listed, and its text put in
// a Gopher menu; the renders must stay in proportion to the file, and the
// last two must keep their shapes whatever the text.
#include "content/article_source.hpp"
#include "gemini/gemtext.hpp"
#include "gopher/gopher_menu.hpp"
#include "gopher/gopher_text.hpp"
#include "content/search_index.hpp"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

namespace {

// Lowercase ASCII letters and digits, each word followed by one space.
bool is_word_list(std::string_view list) {
  return std::all_of(list.begin(), list.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' '; }) &&
         (list.empty() || (list.back() == ' ' && list.find("  ") == std::string_view::npos && list.front() != ' '));
}

// Every line ends in CRLF and holds exactly three TABs; the last is ".".
bool is_menu(std::string_view menu) {
  if (!menu.ends_with("\r\n.\r\n") && menu != ".\r\n") return false;
  menu.remove_suffix(3);
  for (std::size_t end; !menu.empty(); menu.remove_prefix(end + 2)) {
    end = menu.find("\r\n");
    if (end == std::string_view::npos) return false;
    const std::string_view line = menu.substr(0, end);
    if (std::count(line.begin(), line.end(), '\t') != 3 || line.find_first_of("\r\n") != std::string_view::npos) return false;
  }
  return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const bool ascii = size % 2 == 0;
  gazette::ParsedArticle parsed = gazette::parse_article(text, "fuzz/article.md");
  const gazette::Article& article = parsed.article;
  std::string gemtext;
  gazette::render_body_gemtext(article.body, gemtext);
  std::string plain;
  gazette::TextReferences references;
  gazette::render_body_text(article.body, gazette::TextStyle{70, ascii}, references, plain);
  (void)gazette::default_teaser(article.body);
  // The renders grow in proportion to the file: shapes whose text grew with
  // the square of their size (nested lists, padded tables) once made
  // gigabytes of a few hundred kilobytes.
  if (gemtext.size() + plain.size() > 64 * size + 4096) __builtin_trap();

  std::vector<std::string_view> texts{article.title, article.subtitle, article.summary};
  for (const auto& block : article.body.blocks) texts.push_back(block.text);
  if (!is_word_list(gazette::word_list(texts))) __builtin_trap();

  gazette::GopherMenu menu({"fuzz.example", 70}, ascii);
  for (std::string_view shown : texts) {
    menu.info(shown);
    menu.item('0', shown, shown);
  }
  if (!is_menu(menu.finish())) __builtin_trap();
  return 0;
}
