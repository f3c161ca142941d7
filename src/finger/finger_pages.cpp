#include "finger/finger_pages.hpp"

#include "content/listings.hpp"
#include "text/ascii_transliteration.hpp"
#include "text/text_wrap.hpp"
#include "text/url_path.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace gazette {

namespace {

// The date's width and a space: titles and their lines hang under it.
constexpr std::string_view hanging_indent = "           ";

// Words as the reader's terminal shows them, before they are wrapped.
std::string shown(std::string_view text, const FingerStyle& style) {
  return style.ascii ? to_ascii(text) : std::string(text);
}

void heading(std::string& out, std::string_view text) {
  out.append(text) += '\n';
  out.append(text.size(), '-') += '\n';
  out += '\n';
}

void story_lines(std::string& out, const Article& article, const FingerStyle& style) {
  const std::string day = article.date.day();
  append_wrapped(out, day + " " + shown(article.title, style), style.wrap, "", hanging_indent);
  out.append(hanging_indent).append(fmt::format("finger {}@{}", style.name(article), style.host)) += '\n';
  out.append(hanging_indent).append(style.url_prefix).append(percent_encode_path(article.path())) += "\n\n";
}

void latest(std::string& out, const std::vector<const Article*>& stories, std::size_t count, const FingerStyle& style) {
  heading(out, "Latest stories");
  if (stories.empty()) out += "No stories yet.\n\n";
  for (std::size_t i = 0; i < std::min(count, stories.size()); ++i) story_lines(out, *stories[i], style);
}

} // namespace

std::string crlf_lines(std::string_view lf_text) {
  std::string out;
  out.reserve(lf_text.size() + lf_text.size() / 32);
  for (char c : lf_text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

std::string render_finger_front(const Publication& publication, const FingerStyle& style) {
  std::string out;
  append_wrapped(out, shown(publication.site.title, style), style.wrap);
  if (!publication.site.tagline.empty()) append_wrapped(out, shown(publication.site.tagline, style), style.wrap);
  out += '\n';
  latest(out, publication.published, static_cast<std::size_t>(publication.site.front_page), style);
  if (!publication.sections.empty()) {
    heading(out, "Sections");
    // What to type, then the title, in two columns.
    std::vector<std::string> commands;
    std::size_t width = 0;
    const auto sections = front_page_section_list(publication);
    for (const auto& section : sections) {
      commands.push_back(fmt::format("finger {}@{}", section.name, style.host));
      width = std::max(width, commands.back().size());
    }
    // A long title wraps under its own column, or, when the commands leave
    // it too narrow a column, under its command.
    const bool beside = width + 2 <= style.wrap / 2;
    const std::string indent(beside ? width + 2 : 4, ' ');
    for (std::size_t i = 0; i < commands.size(); ++i) {
      const std::string title = shown(sections[i].title, style);
      if (beside) {
        // Wrapped as a column of its own, then the command put in front.
        const std::size_t at = out.size();
        append_wrapped(out, title, style.wrap, indent, indent);
        out.replace(at, indent.size(), fmt::format("{:<{}}  ", commands[i], width));
      } else {
        out += commands[i] + '\n';
        append_wrapped(out, title, style.wrap, indent, indent);
      }
    }
    if (has_section_index(publication))
      append_wrapped(out, fmt::format("and {} more; the Gemini and Gopher sites list every section.",
                                      publication.sections.size() - sections.size()), style.wrap);
    out += '\n';
  }
  append_wrapped(out, fmt::format("A story's name after \"finger\" gives its text; \"finger @{}\" this list.", style.host),
                 style.wrap);
  return crlf_lines(out);
}

std::string render_finger_section(const Publication& publication, const Section& section, const FingerStyle& style) {
  std::string out;
  append_wrapped(out, shown(section.title, style), style.wrap);
  if (!section.description.empty()) append_wrapped(out, shown(section.description, style), style.wrap);
  out += '\n';
  latest(out, section.articles, static_cast<std::size_t>(publication.site.front_page), style);
  append_wrapped(out, fmt::format("Every section and the latest stories: finger @{}", style.host), style.wrap);
  return crlf_lines(out);
}

std::string render_finger_choices(const std::string& slug, const std::vector<const Article*>& stories,
                                  const FingerStyle& style) {
  std::string out;
  append_wrapped(out, fmt::format("{} stories are named \"{}\"; each has a name of its own:", stories.size(), slug),
                 style.wrap);
  out += '\n';
  for (const Article* article : stories) story_lines(out, *article, style);
  return crlf_lines(out);
}

} // namespace gazette
