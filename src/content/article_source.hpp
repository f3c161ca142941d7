// One article file: TOML front matter between "+++" lines, then a CommonMark
// body. Parsing is pure: the file's text in, the article and its problems out.
#pragma once
#include "content/diagnostic.hpp"
#include "content/publication.hpp"

#include <string_view>

namespace gazette {

struct ParsedArticle {
  Article article;
  bool usable = false; // false when the file has any error: it is not published
  int image_src_line = 0;
  std::vector<int> alias_lines; // parallel to article.aliases
  Diagnostics diagnostics;
};

// The body `gazette new` writes, and the words of it that must not be
// published: a story that still holds them and is not a draft is warned about.
inline constexpr std::string_view new_article_body = "Write the story here. Set draft = false to publish it.";
inline constexpr std::string_view new_article_placeholder = "Write the story here";

// `source` is the path relative to the capsule, used in diagnostics. Accepts a
// UTF-8 byte order mark and CRLF line endings.
ParsedArticle parse_article(std::string_view text, const std::string& source);

} // namespace gazette
