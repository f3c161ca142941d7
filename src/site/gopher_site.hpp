// Renders what a Gopher client can fetch into a snapshot's Gopher index.
#pragma once
#include "site/article_renders.hpp"
#include "site/listing_pages.hpp"
#include "content/capsule_files.hpp"
#include "config/config.hpp"
#include "gopher/gopher_pages.hpp"
#include "content/publication.hpp"
#include "snapshot/snapshot.hpp"

namespace gazette {

// Every Gopher answer. Reads nothing of snapshot.gemini, so the two sites
// can be built at the same time. The Atom feeds are Gemini's alone: their
// links are gemini:// URLs, and Gopher readers have the menus.
void add_gopher_resources(Snapshot& snapshot, const CapsuleFiles& files, const std::vector<SharedBytes>& bytes,
                          const Publication* publication,
                          const std::vector<std::pair<std::string, std::string>>& redirects,
                          const GopherSettings& settings, const RendersByArticle& renders,
                          const std::vector<ListingPage>& listings);

// The answer for a static file that is not gemtext at `url_path`: `file`,
// of `bytes`, or none when it went.
void update_gopher_static_file(Snapshot& snapshot, const std::string& url_path, const StaticFile* file,
                               const SharedBytes& bytes, const GopherSettings& settings);

// The menu of a plain folder, from `files`, which lists it (see
// scan_capsule_folder).
void update_gopher_folder_menu(Snapshot& snapshot, const std::string& folder, const CapsuleFiles& files,
                               const GopherSettings& settings);

// After an edit of `article` that leaves it where it was in every list, or
// a change to the stories its page names: its text and menu (at its path
// and its aliases).
void update_gopher_story(Snapshot& snapshot, const Article& article,
                         const std::vector<std::pair<std::string, std::string>>& redirects, const RendersByArticle& renders);

// The links `article` leaves Gopherspace by, counted once it is published
// (or its new version is), and no longer once it is withdrawn (or its old
// version is): a link no page has any longer loses its "URL:" selector.
void count_gopher_story_links(Snapshot& snapshot, const Publication& publication, const Article& article,
                              const GopherSettings& settings, bool published);

// After `article` is withdrawn from `publication`: its text and menu go,
// and its links are no longer counted.
void withdraw_gopher_story(Snapshot& snapshot, const Publication& publication, const Article& article,
                           const GopherSettings& settings);

// After such edits: the front page menu, which shows the latest stories.
void update_gopher_front_page(Snapshot& snapshot, const Publication& publication, const GopherSettings& settings,
                              const RendersByArticle& renders);

} // namespace gazette
