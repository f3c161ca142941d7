#include "newsroom/newsroom_pages.hpp"

#include "gemini/gemini_response.hpp"
#include "gemini/gemtext.hpp"
#include "gemini/newsroom_access.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace gazette {
namespace {

std::string authors_text(const StoryInfo& story) {
  return story.authors.empty() ? std::string() : fmt::format(", {}", fmt::join(story.authors, ", "));
}

std::string edit_url(std::string_view origin, std::string_view page) { return fmt::format("titan://{}{};edit", origin, page); }

// A story of a list: an edit link where the person may change it, else
// its page; editors also get its history.
void append_story(std::string& out, const StoryInfo& story, const EditorSettings& editor, std::string_view origin,
                  std::string_view when) {
  const std::string label = fmt::format("{} ({}{})", story.title, when, authors_text(story));
  if (may_change_story(editor, story)) append_link_line(out, edit_url(origin, story.path), "Edit: " + label);
  else if (story.state == StoryInfo::State::published) append_link_line(out, story.path, label);
  else out += escape_gemtext_line(label) + "\n";
  if (editor.role == EditorSettings::Role::editor)
    append_link_line(out, fmt::format("/newsroom/history{}", story.path), "History: " + story.title);
}

void append_stories(std::string& out, std::string_view heading, const std::vector<StoryInfo>& stories,
                    const EditorSettings& editor, std::string_view origin, bool by_appearance) {
  out += fmt::format("\n## {}\n\n", heading);
  if (stories.empty()) out += "None.\n";
  for (const auto& story : stories)
    append_story(out, story, editor, origin,
                 by_appearance ? "appears " + story.date.rfc3339() : story.date.day());
}

std::string_view change_words(std::string_view action) {
  if (action == "upload") return "uploaded";
  if (action == "unpublish") return "unpublished";
  if (action == "restore") return "restored";
  return action;
}

std::string capitalized(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

std::string when_text(std::string_view rfc3339) {
  // "2026-12-03T21:39:38Z" -> "2026-12-03 21:39:38 UTC"
  if (rfc3339.size() != 20) return std::string(rfc3339);
  return fmt::format("{} {} UTC", rfc3339.substr(0, 10), rfc3339.substr(11, 8));
}

// The problems in files of the sections a reporter files into (every file,
// for an editor or a reporter of every section), as `gazette check` words them.
void append_problems(std::string& out, const Diagnostics* problems, const EditorSettings& editor) {
  out += "\n## Problems\n\n";
  std::vector<const Diagnostic*> shown;
  if (problems)
    for (const auto& problem : *problems) {
      const std::string_view folder = std::string_view(problem.path).substr(0, problem.path.find('/'));
      if (files_in_section(editor, folder)) shown.push_back(&problem);
    }
  if (shown.empty()) out += "None.\n";
  for (std::size_t i = 0; i < shown.size() && i < max_problems_listed; ++i)
    out += escape_gemtext_line(shown[i]->to_string()) + "\n";
  if (shown.size() > max_problems_listed)
    out += fmt::format("And {} more; the server's log and gazette check list them all.\n",
                       shown.size() - max_problems_listed);
}

} // namespace

std::string render_newsroom_page(const StoryIndex* index, const Diagnostics* problems, const EditorSettings& editor,
                                 const std::vector<AuditRecord>& recent, std::string_view origin) {
  std::string out = gemini_header(20, "text/gemini");
  out += "# Newsroom\n\n";
  const bool is_editor = editor.role == EditorSettings::Role::editor;
  out += escape_gemtext_line(
             is_editor ? fmt::format("{}, editor: you may change every story.", editor.name)
             : editor.sections.empty()
                 ? fmt::format("{}, reporter: you file and change your own drafts.", editor.name)
                 : fmt::format("{}, reporter: you file and change your own drafts, in {}.", editor.name,
                               fmt::join(editor.sections, ", "))) +
         "\n";
  out += "Stories go up with Titan: their Markdown source, front matter included, to their own path. "
         "An upload of size 0 unpublishes.\n";

  append_problems(out, problems, editor);
  const std::vector<StoryInfo> none;
  append_stories(out, "Drafts", index ? index->drafts : none, editor, origin, false);
  append_stories(out, "Scheduled", index ? index->scheduled : none, editor, origin, true);

  out += "\n## Recent changes\n\n";
  if (recent.empty()) out += "None yet.\n";
  for (const auto& change : recent) {
    const std::string line = fmt::format("{} {} {} {}", when_text(change.time), change.editor.empty() ? "?" : change.editor,
                                         change_words(change.action), change.target);
    if (is_editor) append_link_line(out, fmt::format("/newsroom/history{}", change.target), line);
    else out += escape_gemtext_line(line) + "\n";
  }

  append_stories(out, "Latest stories", index ? index->latest : none, editor, origin, false);

  out += "\n## A new story\n\n";
  if (!index || index->sections.empty()) out += "This capsule has no sections to file stories in.\n";
  else {
    out += "Upload it to titan://" + std::string(origin) + "/<section>/<slug>, the slug in lowercase letters, "
           "digits and -; it starts as a draft:\n\n";
    for (const auto& section : index->sections)
      if (files_in_section(editor, section.name))
        append_link_line(out, fmt::format("titan://{}/{}/", origin, section.name),
                         fmt::format("New story in {}", section.title.empty() ? section.name : section.title));
    out += fmt::format("\n```Front matter to start from\n+++\ntitle = \"\"\ndate = {}\nauthor = \"{}\"\ndraft = true\n+++\n```\n",
                       Timestamp{index->now, false}.day(), editor.name);
  }
  return out;
}

std::string render_history_page(std::string_view page, std::string_view file, const std::vector<VersionRecord>& versions,
                                bool may_restore, std::string_view origin) {
  std::string out = gemini_header(20, "text/gemini");
  out += fmt::format("# History of {}\n\n", page);
  out += escape_gemtext_line(fmt::format("Every version of {} kept by the newsroom, newest first.", file)) + "\n";
  append_link_line(out, edit_url(origin, page), "Edit the current version");
  if (versions.empty()) out += "\nNo versions kept yet: the newsroom keeps one at each upload, unpublish or restore.\n";
  for (auto version = versions.rbegin(); version != versions.rend(); ++version) {
    const std::string who = version->editor.empty() ? std::string("as found in the capsule")
                                                    : fmt::format("by {}", version->editor);
    out += fmt::format("\n## {}\n\n", when_text(version->time));
    out += escape_gemtext_line(version->has_bytes()
                                   ? fmt::format("{} {}, {} bytes.", version->action == "found" ? "Kept" : capitalized(version->action),
                                                 who, version->size)
                                   : fmt::format("Unpublished {}.", who)) +
           "\n";
    if (!version->has_bytes()) continue;
    append_link_line(out, fmt::format("/newsroom/version/{}{}", version->id, page), "View this version");
    if (may_restore)
      append_link_line(out, fmt::format("/newsroom/restore/{}{}", version->id, page), "Restore this version");
  }
  return out;
}

} // namespace gazette
