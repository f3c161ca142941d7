#include "site/gemini_site.hpp"

#include "content/mime_types.hpp"
#include "gemini/atom_feed.hpp"
#include "gemini/gemini_response.hpp"
#include "gemini/gemtext_pages.hpp"
#include "text/url_path.hpp"

#include <fmt/format.h>

namespace gazette {
namespace fs = std::filesystem;

namespace {

std::string mime_type_for(const fs::path& file, std::string_view lang) {
  std::string_view type = mime_type_for_extension(file.extension().string());
  return type == "text/gemini" ? gemtext_mime_type(lang) : std::string(type);
}

// The header, then the file's bytes, shared with the other protocols' answers.
Resource file_resource(const StaticFile& file, const SharedBytes& bytes, std::string_view lang) {
  std::string header = gemini_header(20, mime_type_for(file.file, lang));
  if (file.size > max_in_memory_file) return Resource{std::move(header), file.file, file.size};
  return Resource{bytes.with_head(std::move(header), 0), {}, 0};
}

// The pages that show the latest stories: the front page and the feeds,
// the sections' all or, with `sections`, theirs alone. Returns their paths.
std::vector<std::string> add_latest_pages(Snapshot& snapshot, const Publication& publication,
                                          const std::string& base_url, const RendersByArticle& renders,
                                          const std::set<std::string>* sections = nullptr) {
  std::vector<std::string> paths{"/", "/atom.xml"};
  const std::string ok = gemini_header(20, gemtext_mime_type(publication.site.lang));
  snapshot.gemini["/"] = Resource{render_front_page_gemtext(publication, gemtext_entries(renders)).after(ok), {}, 0};
  const std::string atom = gemini_header(20, "application/atom+xml");
  snapshot.gemini["/atom.xml"] = Resource{
      atom + render_atom_feed(publication, publication.site.title, "/atom.xml", "/", publication.published, base_url), {}, 0};
  for (const auto& section : publication.sections) {
    if (sections && !sections->count(section.name)) continue;
    const std::string page = "/" + section.name + "/";
    snapshot.gemini[page + "atom.xml"] = Resource{
        atom + render_atom_feed(publication, fmt::format("{}: {}", publication.site.title, section.title),
                                page + "atom.xml", page, section.articles, base_url),
        {}, 0};
    paths.push_back(page + "atom.xml");
  }
  return paths;
}

} // namespace

void add_static_gemini_resources(Snapshot& snapshot, const CapsuleFiles& files, const std::vector<SharedBytes>& bytes,
                                 std::string_view lang) {
  for (std::size_t i = 0; i < files.files.size(); ++i)
    snapshot.gemini[files.files[i].url_path] = file_resource(files.files[i], bytes[i], lang);
  for (const auto& folder : files.directories) {
    if (folder != "/")
      snapshot.gemini[folder.substr(0, folder.size() - 1)].bytes =
          gemini_header(31, percent_encode_path(folder));
    if (const Resource* index = snapshot.gemini.find(folder + "index.gmi")) snapshot.gemini[folder] = *index;
  }
}

void update_gemini_static_file(Snapshot& snapshot, const std::string& url_path, const StaticFile* file,
                               const SharedBytes& bytes, std::string_view lang) {
  if (file) snapshot.gemini[url_path] = file_resource(*file, bytes, lang);
  else snapshot.gemini.erase(url_path);
}

std::string gemini_base_url(const Config& config) {
  const std::string host = config.hostnames.empty() ? "localhost" : config.hostnames.front();
  const std::uint16_t port = config.gemini.listen.empty() ? 1965 : config.gemini.listen.front().port;
  return port == 1965 || port == 0 ? "gemini://" + host : fmt::format("gemini://{}:{}", host, port);
}

void add_publication_gemini_resources(Snapshot& snapshot, const Publication& publication,
                                      const std::vector<std::pair<std::string, std::string>>& redirects,
                                      const std::string& base_url, const RendersByArticle& renders,
                                      const std::vector<ListingPage>& listings) {
  // Two paths (the page and its redirect) per list page, one per story, one per feed.
  snapshot.gemini.reserve(snapshot.gemini.size() + publication.published.size() + redirects.size() +
                          2 * listings.size() + publication.sections.size() + 8);
  for (const auto& listing : listings) add_gemini_listing_page(snapshot, listing.plan->path, listing.gemini);
  for (const Article* article : publication.published)
    snapshot.gemini[article->path()] = Resource{renders.at(article)->gemini_response, {}, 0};
  for (const auto& [alias, target] : redirects)
    snapshot.gemini[alias] = Resource{gemini_header(31, percent_encode_path(target)), {}, 0};
  // A page linked from the front page is found without its extension too
  // ("/about"), when nothing else answers there.
  for (const auto& capsule_page : publication.pages)
    if (const auto dot = capsule_page.path.rfind('.'); dot != std::string::npos)
      snapshot.gemini.try_emplace(capsule_page.path.substr(0, dot),
                                  Resource{gemini_header(31, percent_encode_path(capsule_page.path)), {}, 0});

  snapshot.gemini[std::string(search_path)] = Resource{gemini_header(10, "Search the news"), {}, 0};
  add_latest_pages(snapshot, publication, base_url, renders);
}

std::string add_gemini_listing_page(Snapshot& snapshot, const std::string& path, SharedBytes response) {
  snapshot.gemini[path] = Resource{std::move(response), {}, 0};
  if (path.size() <= 1 || path.back() != '/') return {};
  std::string bare = path.substr(0, path.size() - 1);
  snapshot.gemini[bare] = Resource{gemini_header(31, percent_encode_path(path)), {}, 0};
  return bare;
}

void update_gemini_story(Snapshot& snapshot, const Article& article, const RendersByArticle& renders) {
  snapshot.gemini[article.path()] = Resource{renders.at(&article)->gemini_response, {}, 0};
}

std::vector<std::string> update_gemini_latest_pages(Snapshot& snapshot, const Publication& publication,
                                                    const std::string& base_url, const RendersByArticle& renders,
                                                    const std::set<std::string>& sections) {
  return add_latest_pages(snapshot, publication, base_url, renders, &sections);
}

} // namespace gazette
