// Renders what a Gopher client can fetch into a snapshot's Gopher index.
#pragma once
#include "article_renders.hpp"
#include "capsule_files.hpp"
#include "config.hpp"
#include "gopher_pages.hpp"
#include "publication.hpp"
#include "snapshot.hpp"

namespace gazette {

// LF text as a Gopher text document: CRLF lines; with `dot_terminator`,
// RFC 1436 dot-stuffing and a closing "." line.
std::string gopher_text_document(std::string_view lf_text, bool dot_terminator);

// A menu holding one error line (type 3), as Gopher clients expect.
std::string gopher_error_menu(std::string_view message);

// The page a "URL:" selector answers: a link and a refresh to `target`, or
// nullopt for schemes that must not be sent on (javascript:, data:, ...).
std::optional<std::string> url_redirect_page(std::string_view target);

// Every Gopher answer but the feeds. Reads nothing of snapshot.gemini, so
// the two sites can be built at the same time.
void add_gopher_resources(Snapshot& snapshot, const CapsuleFiles& files, const Publication* publication,
                          const GopherSettings& settings, const RendersByArticle& renders);

// Feeds are copied from the Gemini index once it is built, so both protocols
// serve the same XML.
void add_gopher_feeds(Snapshot& snapshot, const GopherSettings& settings);

GopherStyle gopher_style(const GopherSettings& settings);

} // namespace gazette
