// What Finger answers, as plain text: the latest stories, a section's
// latest, and the stories that share a name. Rendered once per snapshot; a
// story's own text is Gopher's 70-column text document.
#pragma once
#include "content/publication.hpp"

#include <functional>
#include <string>
#include <vector>

namespace gazette {

struct FingerStyle {
  std::string host;        // as in "finger world@host"
  std::string url_prefix;  // a story's address is this and its path: "gemini://host", "gopher://host/0"
  std::size_t wrap = 70;
  bool ascii = true;
  // The name a story answers to: its slug, or "section/slug" when another
  // story shares the slug.
  std::function<std::string(const Article&)> name;
};

// The publication's title, its latest stories (each with its date, its
// Finger name and its address) and its sections. CRLF lines.
std::string render_finger_front(const Publication& publication, const FingerStyle& style);

// A section's title, description and latest stories, as the front lists them.
std::string render_finger_section(const Publication& publication, const Section& section, const FingerStyle& style);

// The answer for a slug that more than one story has: each of them, by the
// name that finds it alone.
std::string render_finger_choices(const std::string& slug, const std::vector<const Article*>& stories,
                                  const FingerStyle& style);

// Text lines as Finger sends them: CRLF.
std::string crlf_lines(std::string_view lf_text);

} // namespace gazette
