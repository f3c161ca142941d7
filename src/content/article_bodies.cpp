#include "content/article_bodies.hpp"

#include "base/file_text.hpp"
#include "content/article_source.hpp"

namespace gazette {

// The loader makes each ParsedArticle as a mutable object (see settle) and
// shares it as const; what is changed here is never read by another thread
// meanwhile: builds run one at a time, a body is read only by the build
// that renders its story, and no snapshot holds an article.
void release_body(const Article& article) {
  if (article.body_released) return;
  auto& released = const_cast<Article&>(article);
  released.body = Body{};
  released.body_released = true;
}

void release_bodies(LoadCache& cache) {
  for (const auto& [source, cached] : cache.articles)
    if (cached.parsed) release_body(cached.parsed->article);
}

bool restore_body(const std::filesystem::path& capsule, const Article& article) {
  if (!article.body_released) return true;
  const auto text = read_file_text(capsule / article.source);
  if (!text) return false;
  ParsedArticle parsed = parse_article(*text, article.source);
  if (parsed.article.content_hash != article.content_hash) return false;
  auto& restored = const_cast<Article&>(article);
  restored.body = std::move(parsed.article.body);
  restored.body_released = false;
  return true;
}

} // namespace gazette
