// Renders what a Gemini reader can fetch into a snapshot's Gemini index.
#pragma once
#include "article_renders.hpp"
#include "capsule_files.hpp"
#include "config.hpp"
#include "publication.hpp"
#include "snapshot.hpp"

#include <string>
#include <string_view>

namespace gazette {

// "20 text/gemini; lang=en\r\n"; meta is cut to the 1024 bytes the protocol allows.
std::string gemini_header(int status, std::string_view meta);

// "text/gemini" with "; lang=" when the publication names its language.
std::string gemtext_mime_type(std::string_view lang);

// Files kept in memory up to this size; larger ones are streamed from disk.
inline constexpr std::uint64_t max_in_memory_file = 256 * 1024;

// Static files, folder redirects ("/dir" -> "/dir/") and folder index.gmi pages.
void add_static_gemini_resources(Snapshot& snapshot, const CapsuleFiles& files, std::string_view lang);

// Front page, sections, articles, topics and alias redirects; these take
// precedence over static files at the same path.
// `base_url` ("gemini://host[:port]") makes the feeds' absolute links.
void add_publication_gemini_resources(Snapshot& snapshot, const Publication& publication,
                                      const std::vector<std::pair<std::string, std::string>>& redirects,
                                      const std::string& base_url, const RendersByArticle& renders);

// "gemini://<first hostname>", with ":<port>" when the first listener is not on 1965.
std::string gemini_base_url(const Config& config);

} // namespace gazette
