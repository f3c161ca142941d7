#include "site/spartan_site.hpp"

#include "gemini/gemtext_pages.hpp"
#include "spartan/spartan_response.hpp"
#include "text/ascii_transliteration.hpp"

#include <charconv>
#include <optional>

namespace gazette {

namespace {

struct GeminiHeader {
  int status = 0;
  std::string_view meta;
  std::size_t size = 0; // with its CRLF
};

// Every Gemini answer in the snapshot starts with its header, in its first piece.
std::optional<GeminiHeader> header_of(const SharedBytes& bytes) {
  if (bytes.piece_count() == 0) return std::nullopt;
  const std::string_view first = bytes.piece(0);
  const std::size_t end = first.find("\r\n");
  if (end == std::string_view::npos || end < 2) return std::nullopt;
  GeminiHeader header;
  if (std::from_chars(first.data(), first.data() + 2, header.status).ec != std::errc()) return std::nullopt;
  header.meta = first.substr(std::min<std::size_t>(3, end), end - std::min<std::size_t>(3, end));
  header.size = end + 2;
  return header;
}

class SpartanPages {
public:
  SpartanPages(bool ascii) : ascii_(ascii) {}

  // A gemtext page: shared, or transliterated into a copy of its own.
  Resource page(const SharedBytes& gemtext, std::size_t replaced, std::string_view mime) const {
    std::string header = spartan_header(2, mime);
    if (!ascii_ || !mime.starts_with("text/gemini")) return Resource{gemtext.with_head(std::move(header), replaced), {}, 0};
    const std::string whole = gemtext.joined();
    return Resource{std::move(header) + to_ascii(std::string_view(whole).substr(replaced)), {}, 0};
  }

  std::optional<Resource> from_gemini(const Resource& gemini) const {
    const auto header = header_of(gemini.bytes);
    if (!header) return std::nullopt;
    switch (header->status) {
    case 20: {
      const std::string mime = spartan_mime_type(header->meta);
      if (!gemini.streamed_file.empty()) return Resource{spartan_header(2, mime), gemini.streamed_file, gemini.streamed_size};
      return page(gemini.bytes, header->size, mime);
    }
    case 30:
    case 31: return Resource{spartan_header(3, header->meta), {}, 0};
    default: return std::nullopt; // Gemini's prompt for search; Spartan prompts in the page
    }
  }

private:
  bool ascii_;
};

// Gemini's front page, with a prompt line for search.
void add_front_page(Snapshot& snapshot, const Publication& publication, const RendersByArticle& renders,
                    const SpartanPages& pages) {
  snapshot.spartan["/"] =
      pages.page(render_front_page_gemtext(publication, gemtext_entries(renders), SearchLink::prompt), 0, "text/gemini");
}

} // namespace

void add_spartan_resources(Snapshot& snapshot, const Publication* publication, const RendersByArticle& renders,
                           const SpartanSettings& settings) {
  const SpartanPages pages(settings.ascii);
  snapshot.spartan.reserve(snapshot.gemini.size());
  snapshot.gemini.for_each([&](const std::string& path, const Resource& gemini) {
    if (auto spartan = pages.from_gemini(gemini)) snapshot.spartan.try_emplace(path, std::move(*spartan));
  });
  if (!publication) return;

  add_front_page(snapshot, *publication, renders, pages);
  snapshot.spartan[std::string(search_path)] =
      pages.page(SharedBytes("# Search the news\n\n=: /search Type the words to look for\n\n=> / Front page: " +
                             publication->site.title + "\n"),
                 0, "text/gemini");
}

void update_spartan_pages(Snapshot& snapshot, const Publication& publication, const RendersByArticle& renders,
                          const SpartanSettings& settings, const std::vector<std::string>& gemini_paths) {
  const SpartanPages pages(settings.ascii);
  for (const auto& path : gemini_paths)
    if (const Resource* gemini = snapshot.gemini.find(path))
      if (auto spartan = pages.from_gemini(*gemini)) snapshot.spartan[path] = std::move(*spartan);
  add_front_page(snapshot, publication, renders, pages);
}

} // namespace gazette
