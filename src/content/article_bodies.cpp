#include "content/article_bodies.hpp"

#include "content/article_source.hpp"

#include <fstream>
#include <iterator>

namespace gazette {

// The loader makes each ParsedArticle as a mutable object (see settle) and
// shares it as const; what is changed here is never read by another thread
// meanwhile: builds run one at a time, a body is read only by the build
// that renders its story, and no snapshot holds an article.
void release_bodies(LoadCache& cache) {
  for (auto& [source, cached] : cache.articles) {
    if (!cached.parsed || cached.parsed->article.body_released) continue;
    auto& article = const_cast<ParsedArticle&>(*cached.parsed).article;
    article.body = Body{};
    article.body_released = true;
  }
}

bool restore_body(const std::filesystem::path& capsule, const Article& article) {
  if (!article.body_released) return true;
  std::ifstream in(capsule / article.source, std::ios::binary);
  const std::string text(std::istreambuf_iterator<char>(in), {});
  ParsedArticle parsed = parse_article(text, article.source);
  if (!in.is_open() || parsed.article.content_hash != article.content_hash) return false;
  auto& restored = const_cast<Article&>(article);
  restored.body = std::move(parsed.article.body);
  restored.body_released = false;
  return true;
}

} // namespace gazette
