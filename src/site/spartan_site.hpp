// Renders what a Spartan client can fetch into a snapshot's Spartan index:
// Gemini's answers with a Spartan status line, sharing their bytes.
#pragma once
#include "config/config.hpp"
#include "content/publication.hpp"
#include "site/article_renders.hpp"
#include "snapshot/snapshot.hpp"

namespace gazette {

// Every Spartan answer, from snapshot.gemini, which must be complete. Pages
// and files are Gemini's bytes after a Spartan header; the front page is
// rendered again with a prompt line for search, and /search is the page
// that holds the prompt. With `settings.ascii`, gemtext is transliterated:
// then each page is a copy of its own.
void add_spartan_resources(Snapshot& snapshot, const Publication* publication, const RendersByArticle& renders,
                           const SpartanSettings& settings);

// After an edit of a story: the answers at `gemini_paths`, which Gemini's
// changed, again from Gemini's, and the front page.
void update_spartan_pages(Snapshot& snapshot, const Publication& publication, const RendersByArticle& renders,
                          const SpartanSettings& settings, const std::vector<std::string>& gemini_paths);

} // namespace gazette
