// libFuzzer target: an article file (front matter and CommonMark body),
// rendered for both protocols.
#include "article_source.hpp"
#include "gemtext.hpp"
#include "gopher_text.hpp"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  gazette::ParsedArticle parsed = gazette::parse_article(text, "fuzz/article.md");
  std::string gemtext;
  gazette::GemtextLinkNumbers numbers;
  gazette::render_body_gemtext(parsed.article.body, numbers, gemtext);
  std::string plain;
  gazette::TextReferences references;
  gazette::render_body_text(parsed.article.body, gazette::TextStyle{70, size % 2 == 0}, references, plain);
  (void)gazette::default_teaser(parsed.article.body);
  return 0;
}
