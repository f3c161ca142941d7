// The publication's pages as gemtext: article, front page, sections, tags.
// Rendered once per snapshot; the request path only looks the bytes up.
#pragma once
#include "publication.hpp"

#include <string>

namespace gazette {

std::string render_article_gemtext(const Publication& publication, const Article& article);
std::string render_front_page_gemtext(const Publication& publication);
std::string render_section_gemtext(const Publication& publication, const Section& section);
std::string render_tag_gemtext(const Publication& publication, const std::string& tag,
                               const std::vector<const Article*>& stories);
std::string render_tag_index_gemtext(const Publication& publication);

// "/tags/<tag>/" as a URL path, escaped.
std::string tag_url(const std::string& tag);

} // namespace gazette
