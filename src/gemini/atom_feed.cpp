#include "gemini/atom_feed.hpp"

#include "text/url_path.hpp"
#include "text/xml_escape.hpp"

#include <fmt/format.h>

namespace gazette {

std::string render_atom_feed(const Publication& publication, const std::string& title, const std::string& path,
                             const std::string& page_path, const std::vector<const Article*>& stories,
                             const std::string& base_url) {
  const Site& site = publication.site;
  const auto entries = static_cast<std::size_t>(site.feed_entries);
  std::string updated = "1970-01-01T00:00:00Z";
  std::int64_t newest = 0;
  for (std::size_t i = 0; i < stories.size() && i < entries; ++i)
    if (last_change(*stories[i]).unix_seconds >= newest) {
      newest = last_change(*stories[i]).unix_seconds;
      updated = last_change(*stories[i]).rfc3339();
    }

  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  out += site.lang.empty() ? "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
                           : fmt::format("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n", xml_escape(site.lang));
  out += fmt::format("  <title>{}</title>\n", xml_escape(title));
  if (!site.tagline.empty()) out += fmt::format("  <subtitle>{}</subtitle>\n", xml_escape(site.tagline));
  out += fmt::format("  <id>{}</id>\n", xml_escape(base_url + percent_encode_path(path)));
  out += fmt::format("  <link rel=\"self\" href=\"{}\"/>\n", xml_escape(base_url + percent_encode_path(path)));
  out += fmt::format("  <link rel=\"alternate\" href=\"{}\"/>\n", xml_escape(base_url + percent_encode_path(page_path)));
  out += fmt::format("  <updated>{}</updated>\n", updated);
  // Entries without an author of their own fall back to the publication.
  out += fmt::format("  <author><name>{}</name></author>\n", xml_escape(site.title));
  out += "  <generator>Gazette</generator>\n";

  for (std::size_t i = 0; i < stories.size() && i < entries; ++i) {
    const Article& article = *stories[i];
    const std::string url = xml_escape(base_url + percent_encode_path(article.path()));
    out += "  <entry>\n";
    out += fmt::format("    <title>{}</title>\n", xml_escape(article.title));
    out += fmt::format("    <id>{}</id>\n", url);
    out += fmt::format("    <link rel=\"alternate\" href=\"{}\"/>\n", url);
    out += fmt::format("    <published>{}</published>\n", article.date.rfc3339());
    out += fmt::format("    <updated>{}</updated>\n", last_change(article).rfc3339());
    for (const auto& author : article.authors) out += fmt::format("    <author><name>{}</name></author>\n", xml_escape(author));
    if (const Section* section = publication.find_section(article.section))
      out += fmt::format("    <category term=\"{}\" label=\"{}\"/>\n", xml_escape(section->name), xml_escape(section->title));
    if (const auto& teaser = article.teaser(); !teaser.empty()) out += fmt::format("    <summary>{}</summary>\n", xml_escape(teaser));
    out += "  </entry>\n";
  }
  out += "</feed>\n";
  return out;
}

} // namespace gazette
