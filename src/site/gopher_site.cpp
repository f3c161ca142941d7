#include "site/gopher_site.hpp"

#include "content/gemtext_page.hpp"
#include "content/listings.hpp"
#include "gopher/gopher_documents.hpp"
#include "gopher/gopher_links.hpp"
#include "gopher/gopher_pages.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <set>
#include <unordered_map>

namespace gazette {
namespace fs = std::filesystem;

namespace {

bool is_gemtext_file(const StaticFile& file) {
  return (file.file.extension() == ".gmi" || file.file.extension() == ".gemini") && file.size <= max_in_memory_file;
}

// A page's links outside Gopherspace, each once however often it has it.
using PageLinks = std::set<std::string>;

// Adds to `targets` the "URL:" selector's target of `link`, as written in
// the page at `page`, when it leaves Gopherspace for a place Gopher may send
// a reader to.
void add_outside_link(PageLinks& targets, const GopherOrigin& origin, const Publication* publication,
                      std::string_view page, std::string_view link) {
  if (GopherLink item = gopher_link(origin, publication, page, link); item.leaves_gopher())
    if (std::string target = item.selector.substr(4); may_leave_for(target)) targets.insert(std::move(target));
}

// The file's bytes as Gemini's answer holds them, or a copy when a text
// file must end with Gopher's dot.
Resource file_resource(const StaticFile& file, const SharedBytes& bytes, bool dot_terminator) {
  if (file.size > max_in_memory_file) return Resource{{}, file.file, file.size};
  if (dot_terminator && gopher_item_type(file.file.extension().string()) == '0')
    return Resource{gopher_text_document(bytes.joined(), true), {}, 0};
  return Resource{bytes, {}, 0};
}

// What a folder holds, as its menu lists it: subfolders ("/images/2024/"),
// then files, each in the walk's order.
struct FolderEntries {
  std::vector<std::string_view> folders;
  std::vector<const StaticFile*> files;
};

// "/images/" for "/images/2024/" and for "/images/pier.jpg".
std::string_view parent_folder(std::string_view path) {
  const std::string_view inside = path.ends_with('/') ? path.substr(0, path.size() - 1) : path;
  return path.substr(0, inside.rfind('/') + 1);
}

using EntriesByFolder = std::unordered_map<std::string_view, FolderEntries>;

// Every folder's entries, gathered in one pass over the walk: a capsule of
// thousands of photo folders would otherwise be scanned whole for each.
EntriesByFolder entries_by_folder(const CapsuleFiles& files) {
  EntriesByFolder by_folder;
  for (const auto& folder : files.directories)
    if (folder != "/") by_folder[parent_folder(folder)].folders.push_back(folder);
  for (const auto& file : files.files) by_folder[parent_folder(file.url_path)].files.push_back(&file);
  return by_folder;
}

// What `folder` holds; nothing for an empty folder.
const FolderEntries& entries_of(const EntriesByFolder& by_folder, const std::string& folder) {
  static const FolderEntries empty;
  const auto found = by_folder.find(folder);
  return found == by_folder.end() ? empty : found->second;
}

// Where page `n` of a folder's menu answers: the folder's own selector for
// the first, then "<folder>page/<n>/", with "page" made longer while the
// folder holds a subfolder of that name.
std::string folder_menu_page(const std::string& folder, const FolderEntries& held, std::size_t n) {
  if (n == 1) return folder;
  std::string word = "page";
  while (std::find(held.folders.begin(), held.folders.end(), folder + word + "/") != held.folders.end()) word += 's';
  return fmt::format("{}{}/{}/", folder, word, n);
}

// The menu of a plain folder, its subfolders and files by name, as pages,
// each with its selector.
std::vector<std::pair<std::string, std::string>> folder_menu_pages(const std::string& folder, const FolderEntries& held,
                                                                  const GopherStyle& style) {
  struct Entry {
    char type;
    std::string_view name, selector;
  };
  std::vector<Entry> entries;
  for (std::string_view sub : held.folders) entries.push_back({'1', sub.substr(folder.size()), sub});
  for (const StaticFile* file : held.files)
    entries.push_back({gopher_item_type(file->file.extension().string()),
                       std::string_view(file->url_path).substr(folder.size()), file->url_path});

  // A folder of photos grows with the archive, and no menu may pass 64 KiB:
  // pages of lines as a listing's, by the same budget.
  const auto ranges = paginate(entries.size(), entries.size() + 1, listing_entry_budget, [&](std::size_t i) {
    return entries[i].name.size() + entries[i].selector.size() + style.origin.host.size() + 16;
  });
  auto selector = [&](std::size_t n) { return folder_menu_page(folder, held, n); };

  std::vector<std::pair<std::string, std::string>> pages;
  const std::size_t count = ranges.size();
  for (std::size_t k = 0; k < count; ++k) {
    GopherMenu menu(style.origin, style.ascii);
    menu.info(k == 0 ? folder : fmt::format("{}, page {} of {}", folder, k + 1, count));
    menu.blank();
    for (std::size_t i = ranges[k].begin; i < ranges[k].end; ++i)
      menu.item(entries[i].type, entries[i].name, entries[i].selector);
    if (count > 1 || folder != "/") menu.blank();
    if (k + 1 < count) menu.item('1', fmt::format("More of {} (page {} of {})", folder, k + 2, count), selector(k + 2));
    if (k > 0) menu.item('1', fmt::format("Back to page {}", k), selector(k));
    if (folder != "/") menu.item('1', "Top", "/");
    pages.emplace_back(selector(k + 1), menu.finish());
  }
  return pages;
}

std::string caps_txt(const Publication* publication, const GopherSettings& settings) {
  return fmt::format("CAPS\n\nCapsVersion=1\nExpireCapsAfter=3600\n\nPathDelimeter=/\nPathIdentity=.\nPathParent=..\n"
                     "PathParentDouble=FALSE\nPathEscapeCharacter=\\\nPathKeepPreDelimeter=FALSE\n\n"
                     "ServerSoftware=Gazette\nServerSoftwareVersion={}\nServerDefaultEncoding={}\n"
                     "ServerSupportsStdinScripts=FALSE\nServerDescription={}\n",
                     GAZETTE_VERSION, settings.ascii ? "ascii" : "utf-8",
                     publication ? menu_field(publication->site.title) : "Gazette");
}

// A story's links that leave Gopherspace: its photo, body links and related links.
PageLinks story_outside_links(const Publication& publication, const Article& article, const GopherOrigin& origin) {
  PageLinks targets;
  const std::string page = article.path();
  if (article.image) add_outside_link(targets, origin, &publication, page, article.image->src);
  for (const auto& reference : article.references) add_outside_link(targets, origin, &publication, page, reference.url);
  for (const auto& entry : article.related) add_outside_link(targets, origin, &publication, page, entry.target);
  return targets;
}

void count_links(OutsideLinks& links, const PageLinks& page) {
  for (const auto& link : page) links.add(link);
}

// Every link of the publication that leaves Gopherspace: the social links
// (as one page's), and every story's.
void add_outside_links(OutsideLinks& links, const Publication& publication, const GopherOrigin& origin) {
  PageLinks social_links;
  for (const auto& social : publication.site.social) add_outside_link(social_links, origin, &publication, "/", social.url);
  count_links(links, social_links);
  for (const Article* article : publication.published) count_links(links, story_outside_links(publication, *article, origin));
}

// A story's text at its path and its menu under it.
void add_story(Resources& gopher, const Article& article, const ArticleRenders& rendered) {
  gopher[article.path()] = Resource{rendered.gopher_text, {}, 0};
  gopher[article.path() + "/"] = Resource{rendered.gopher_menu, {}, 0};
}

// An old path answers as the story's own selectors do, the text at the
// path and the menu under it.
void add_alias(Resources& gopher, const std::string& alias, const std::string& target) {
  const Resource* story_text = gopher.find(target);
  const Resource* story_menu = gopher.find(target + "/");
  if (!story_text || !story_menu) return;
  if (alias.ends_with('/')) {
    gopher[alias] = *story_menu;
  } else {
    gopher[alias] = *story_text;
    gopher[alias + "/"] = *story_menu;
  }
}

} // namespace

void add_gopher_resources(Snapshot& snapshot, const CapsuleFiles& files, const std::vector<SharedBytes>& bytes,
                          const Publication* publication,
                          const std::vector<std::pair<std::string, std::string>>& redirects,
                          const GopherSettings& settings, const RendersByArticle& renders,
                          const std::vector<ListingPage>& listings) {
  const GopherStyle style = gopher_style(settings);
  auto& gopher = snapshot.gopher;
  auto text = [&](const std::string& lf_text) { return Resource{gopher_text_document(lf_text, settings.dot_terminator), {}, 0}; };
  auto menu = [](SharedBytes bytes) { return Resource{std::move(bytes), {}, 0}; };

  // Links that leave Gopherspace, each answered at its "URL:" selector.
  OutsideLinks outside;
  for (std::size_t i = 0; i < files.files.size(); ++i) {
    const StaticFile& file = files.files[i];
    if (!is_gemtext_file(file)) {
      gopher[file.url_path] = file_resource(file, bytes[i], settings.dot_terminator);
      continue;
    }
    // Gemtext is markup to a Gopher client: it gets the page as plain text.
    const Body page = parse_gemtext(bytes[i].joined());
    gopher[file.url_path] = text(render_gemtext_page_text(publication, file.url_path, page, style));
    PageLinks page_links;
    for (const auto& link : body_links(page)) add_outside_link(page_links, style.origin, publication, file.url_path, link.url);
    count_links(outside, page_links);
  }
  gopher["/caps.txt"] = text(caps_txt(publication, settings));

  if (publication) {
    // A text and a menu per story, a menu per list page.
    gopher.reserve(gopher.size() + 2 * publication->published.size() + listings.size() + 8);
    gopher["/"] = menu(render_front_page_menu(*publication, style, gopher_entries(renders)));
    for (const auto& listing : listings) gopher[listing.plan->path] = menu(listing.gopher);
    for (const Article* article : publication->published) add_story(gopher, *article, *renders.at(article));
    for (const auto& [alias, target] : redirects) add_alias(gopher, alias, target);
    // A page linked from the front page also answers without its extension
    // ("/about"), when nothing else has that selector.
    for (const auto& capsule_page : publication->pages)
      if (const auto dot = capsule_page.path.rfind('.'); dot != std::string::npos)
        if (const Resource* page = Snapshot::find(gopher, capsule_page.path))
          gopher.try_emplace(capsule_page.path.substr(0, dot), *page);
    add_outside_links(outside, *publication, style.origin);
  }
  // Last: a folder's menu is not served where the publication answers (the
  // top, a section, a list, a story's menu, an alias).
  const auto by_folder = entries_by_folder(files);
  for (const auto& folder : files.directories)
    if (!gopher.find(folder))
      for (auto& [selector, page] : folder_menu_pages(folder, entries_of(by_folder, folder), style))
        gopher.try_emplace(selector, menu(std::move(page)));
  snapshot.outside_links = std::move(outside);
}

void update_gopher_static_file(Snapshot& snapshot, const std::string& url_path, const StaticFile* file,
                               const SharedBytes& bytes, const GopherSettings& settings) {
  if (file) snapshot.gopher[url_path] = file_resource(*file, bytes, settings.dot_terminator);
  else snapshot.gopher.erase(url_path);
}

void update_gopher_folder_menu(Snapshot& snapshot, const std::string& folder, const CapsuleFiles& files,
                               const GopherSettings& settings) {
  const auto by_folder = entries_by_folder(files);
  const FolderEntries& held = entries_of(by_folder, folder);
  const auto pages = folder_menu_pages(folder, held, gopher_style(settings));
  for (const auto& [selector, page] : pages) snapshot.gopher[selector] = Resource{page, {}, 0};
  // Pages past the new last one, when the folder has fewer entries now.
  for (std::size_t n = pages.size() + 1; snapshot.gopher.find(folder_menu_page(folder, held, n)); ++n)
    snapshot.gopher.erase(folder_menu_page(folder, held, n));
}

void update_gopher_story(Snapshot& snapshot, const Article& article,
                         const std::vector<std::pair<std::string, std::string>>& redirects, const RendersByArticle& renders) {
  add_story(snapshot.gopher, article, *renders.at(&article));
  for (const auto& [alias, target] : redirects)
    if (target == article.path()) add_alias(snapshot.gopher, alias, target);
}

void count_gopher_story_links(Snapshot& snapshot, const Publication& publication, const Article& article,
                              const GopherSettings& settings, bool published) {
  for (const auto& link : story_outside_links(publication, article, gopher_style(settings).origin)) {
    if (published) snapshot.outside_links.add(link);
    else snapshot.outside_links.remove(link);
  }
}

void withdraw_gopher_story(Snapshot& snapshot, const Publication& publication, const Article& article,
                           const GopherSettings& settings) {
  snapshot.gopher.erase(article.path());
  snapshot.gopher.erase(article.path() + "/");
  count_gopher_story_links(snapshot, publication, article, settings, false);
}

void update_gopher_front_page(Snapshot& snapshot, const Publication& publication, const GopherSettings& settings,
                              const RendersByArticle& renders) {
  snapshot.gopher["/"] = Resource{render_front_page_menu(publication, gopher_style(settings), gopher_entries(renders)), {}, 0};
}

} // namespace gazette
