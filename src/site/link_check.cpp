#include "site/link_check.hpp"

#include "base/file_text.hpp"
#include "base/parallel_for.hpp"
#include "content/mime_types.hpp"
#include "text/url_path.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <iterator>
#include <mutex>
#include <set>

namespace gazette {
namespace {

// The path a link leads to on this capsule, as the server looks it up.
std::string target_path(std::string_view page_path, std::string_view link) {
  const std::string resolved = resolve_link_path(page_path, link);
  std::string decoded;
  return percent_decode(resolved, decoded) ? decoded : resolved;
}

bool answers(const Resources& gemini, const std::string& path) {
  const Resource* resource = Snapshot::find(gemini, path);
  if (!resource || resource->bytes.size() == 0) return false;
  const char status = resource->bytes.piece(0)[0];
  return status == '1' || status == '2' || status == '3';
}

// A link to another server ("//host/x"), or to the page itself ("#part",
// "?query"), is no path of this capsule to look up.
bool is_checked(std::string_view link) {
  return !link.empty() && !has_url_scheme(link) && !link.starts_with("//") && !link.starts_with('#') &&
         !link.starts_with('?');
}

class LinkChecker {
public:
  LinkChecker(const Publication* publication, const Resources& gemini) : publication_(publication), gemini_(gemini) {}

  void check(std::string_view source, int line, std::string_view page_path, std::string_view kind,
             std::string_view link, Diagnostics& out, std::vector<std::uint64_t>* targets) const {
    if (const std::string why = unfollowable(url_scheme(link)); !why.empty()) {
      out.push_back({std::string(source), line, Diagnostic::Severity::warning,
                     fmt::format("{} \"{}\" leads nowhere: {}", kind, link, why)});
      return;
    }
    if (!is_checked(link)) return;
    const std::string path = target_path(page_path, link);
    if (targets) targets->push_back(link_target_hash(path));
    if (answers(gemini_, path)) return;
    const std::string where = path == link ? "nothing is served at that path"
                                            : fmt::format("it resolves to {}, where nothing is served", path);
    out.push_back({std::string(source), line, Diagnostic::Severity::warning,
                   fmt::format("{} \"{}\" leads nowhere: {}; {}", kind, link, where, advice(link, path))});
  }

private:
  // Why no reader can follow a link of `scheme`, or "" when one may.
  static std::string unfollowable(std::string_view scheme) {
    if (scheme == "javascript" || scheme == "vbscript")
      return fmt::format("no Gemini or Gopher client runs {}: links; remove the link", scheme);
    if (scheme == "file")
      return "a file: link names a file on the writer's own computer; put the file in the capsule and link to it there";
    return "";
  }

  std::string advice(std::string_view link, const std::string& path) const {
    if (!link.starts_with('/')) {
      const std::string from_top = target_path("/", link);
      if (answers(gemini_, from_top))
        return fmt::format("a relative link starts from its page's folder: write {}", from_top);
    }
    if (is_unpublished_story(path)) return "it is a story not published yet (a draft, or dated later)";
    return "fix the link, or add what it names";
  }

  // Listed only when a link leads nowhere, which most loads never see.
  bool is_unpublished_story(const std::string& path) const {
    std::call_once(unpublished_listed_, [&] {
      if (publication_)
        for (const auto& article : publication_->articles)
          if (!publication_->by_path.count(article->path())) unpublished_.insert(article->path());
    });
    return unpublished_.count(path) > 0;
  }

  const Publication* publication_;
  const Resources& gemini_;
  mutable std::once_flag unpublished_listed_;
  mutable std::set<std::string> unpublished_;
};

void check_article(const LinkChecker& checker, const Article& article, Diagnostics& out,
                   std::vector<std::uint64_t>* targets = nullptr) {
  const std::string page = article.path();
  for (const auto& reference : article.references)
    checker.check(article.source, reference.line, page, reference.image ? "image" : "link", reference.url, out, targets);
}

void check_page(const LinkChecker& checker, const StaticFile& file, Diagnostics& out,
                std::vector<std::uint64_t>* targets = nullptr) {
  for (const auto& link : gemtext_links(read_file_text(file.file).value_or("")))
    checker.check(file.url_path.substr(1), link.line, file.url_path, "link", link.url, out, targets);
}

bool is_gemtext(const StaticFile& file) {
  return mime_type_for_extension(file.file.extension().string()) == "text/gemini";
}

} // namespace

std::vector<GemtextLink> gemtext_links(std::string_view text) {
  std::vector<GemtextLink> links;
  bool preformatted = false;
  int number = 0;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++number;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (line.starts_with("```")) {
      preformatted = !preformatted;
      continue;
    }
    if (preformatted || !line.starts_with("=>")) continue;
    line.remove_prefix(2);
    line.remove_prefix(std::min(line.find_first_not_of(" \t"), line.size()));
    const std::string_view url = line.substr(0, line.find_first_of(" \t"));
    if (!url.empty()) links.push_back({std::string(url), number});
  }
  return links;
}

std::uint64_t link_target_hash(std::string_view path) { return std::hash<std::string_view>{}(path); }

Diagnostics check_links(const Publication* publication, const CapsuleFiles& files, const Resources& gemini,
                        LinkTargets* targets) {
  const LinkChecker checker(publication, gemini);
  Diagnostics found;
  std::vector<std::uint64_t> leads_to;
  if (publication) {
    // Each article alone, on every core; reported in article order.
    std::vector<Diagnostics> by_article(publication->articles.size());
    std::vector<std::vector<std::uint64_t>> by_article_targets(targets ? by_article.size() : 0);
    parallel_for(by_article.size(), [&](std::size_t i) {
      check_article(checker, *publication->articles[i], by_article[i], targets ? &by_article_targets[i] : nullptr);
    });
    for (auto& diagnostics : by_article) found.insert(found.end(), diagnostics.begin(), diagnostics.end());
    for (const auto& each : by_article_targets)
      if (targets) targets->insert(each.begin(), each.end());
  }
  for (const auto& file : files.files)
    if (is_gemtext(file)) check_page(checker, file, found, targets ? &leads_to : nullptr);
  if (targets) targets->insert(leads_to.begin(), leads_to.end());
  return found;
}

CapsuleFiles gemtext_pages(const CapsuleFiles& files) {
  CapsuleFiles pages;
  std::copy_if(files.files.begin(), files.files.end(), std::back_inserter(pages.files), is_gemtext);
  return pages;
}

Diagnostics check_article_links(const Publication& publication, const Article& article, const Resources& gemini,
                                LinkTargets* targets) {
  Diagnostics found;
  std::vector<std::uint64_t> leads_to;
  check_article(LinkChecker(&publication, gemini), article, found, targets ? &leads_to : nullptr);
  if (targets) targets->insert(leads_to.begin(), leads_to.end());
  return found;
}

Diagnostics check_links_of(const Publication& publication, const CapsuleFiles& files,
                           const std::set<std::string>& sources, const Resources& gemini) {
  const LinkChecker checker(&publication, gemini);
  Diagnostics found;
  auto has_source = [&](const Article* article) { return article && sources.count(article->source) > 0; };
  for (const auto& source : sources) {
    // An article's file is <section>/<slug>.md, and its path /<section>/<slug>.
    if (!source.ends_with(".md")) continue;
    std::string path = "/"; // appended: GCC 12 at -O3 misreads "/" + std::string as an overflow
    path.append(source, 0, source.size() - 3);
    const auto published = publication.by_path.find(path);
    if (published != publication.by_path.end() && has_source(published->second))
      check_article(checker, *published->second, found);
  }
  for (const Article* waiting : publication.waiting)
    if (has_source(waiting)) check_article(checker, *waiting, found);
  for (const auto& file : files.files)
    if (is_gemtext(file) && sources.count(file.url_path.substr(1))) check_page(checker, file, found);
  return found;
}

} // namespace gazette
