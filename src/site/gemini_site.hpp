// Renders what a Gemini reader can fetch into a snapshot's Gemini index.
#pragma once
#include "site/article_renders.hpp"
#include "site/listing_pages.hpp"
#include "content/capsule_files.hpp"
#include "config/config.hpp"
#include "content/publication.hpp"
#include "snapshot/snapshot.hpp"

#include <set>
#include <string>
#include <string_view>

namespace gazette {

// Static files, of `bytes` (read_static_files), folder redirects ("/dir" ->
// "/dir/") and folder index.gmi pages.
void add_static_gemini_resources(Snapshot& snapshot, const CapsuleFiles& files, const std::vector<SharedBytes>& bytes,
                                 std::string_view lang);

// Front page, articles, the `listings` (sections, topics, archives) and
// alias redirects; these take precedence over static files at the same path.
// `base_url` ("gemini://host[:port]") makes the feeds' absolute links.
// The answer for the static file at `url_path`: `file`, of `bytes`, or
// none when it went.
void update_gemini_static_file(Snapshot& snapshot, const std::string& url_path, const StaticFile* file,
                               const SharedBytes& bytes, std::string_view lang);

void add_publication_gemini_resources(Snapshot& snapshot, const Publication& publication,
                                      const std::vector<std::pair<std::string, std::string>>& redirects,
                                      const std::string& base_url, const RendersByArticle& renders,
                                      const std::vector<ListingPage>& listings);

// A list page at `path`, and at its path without the final slash a
// redirect to it; returns that path, or "" when there is none.
std::string add_gemini_listing_page(Snapshot& snapshot, const std::string& path, SharedBytes response);

// After an edit of `article` that leaves it where it was in every list: its
// page, at article.path().
void update_gemini_story(Snapshot& snapshot, const Article& article, const RendersByArticle& renders);

// After edits of stories of `sections` that leave them where they were: the
// pages that show the latest stories (the front page, the site's feed and
// those sections'), rendered again once. Returns the paths written.
std::vector<std::string> update_gemini_latest_pages(Snapshot& snapshot, const Publication& publication,
                                                    const std::string& base_url, const RendersByArticle& renders,
                                                    const std::set<std::string>& sections);

// "gemini://<first hostname>", with ":<port>" when the first listener is not on 1965.
std::string gemini_base_url(const Config& config);

} // namespace gazette
