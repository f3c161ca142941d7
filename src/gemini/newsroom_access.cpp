#include "gemini/newsroom_access.hpp"

#include "content/site_settings.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace gazette {
namespace {

constexpr std::string_view image_extensions[] = {".png", ".jpg", ".jpeg", ".gif", ".webp"};

bool is_image_name(std::string_view name) {
  for (std::string_view extension : image_extensions)
    if (name.size() > extension.size() && name.ends_with(extension) &&
        is_valid_slug(name.substr(0, name.size() - extension.size())))
      return true;
  return false;
}

bool is_author(const EditorSettings& editor, const std::vector<std::string>& authors) {
  return std::find(authors.begin(), authors.end(), editor.name) != authors.end();
}

GeminiRefusal not_allowed(std::string meta) { return {61, std::move(meta)}; }

std::string_view state_name(StoryInfo::State state) {
  switch (state) {
  case StoryInfo::State::published: return "published";
  case StoryInfo::State::scheduled: return "scheduled";
  case StoryInfo::State::draft: break;
  }
  return "a draft";
}

} // namespace

std::variant<const EditorSettings*, GeminiRefusal> identify_editor(const Config& config, const Client& client) {
  if (!client.certificate)
    return GeminiRefusal{60, "The newsroom knows its people by their client certificates; choose or make one"};
  if (!client.certificate->valid_now)
    return GeminiRefusal{62, "This client certificate is not valid now (expired, or not yet valid); make a new one"};
  for (const auto& editor : config.editors)
    if (editor.fingerprint == client.certificate->fingerprint) return &editor;
  return GeminiRefusal{61, fmt::format("This certificate is not in the newsroom's list; give an editor its "
                                       "SHA-256 fingerprint, {}",
                                       client.certificate->fingerprint)};
}

std::variant<UploadTarget, GeminiRefusal> upload_target(const StoryIndex* index, std::string_view path) {
  std::vector<std::string_view> segments;
  for (std::string_view rest = path; !rest.empty();) {
    rest.remove_prefix(1); // the "/"
    const std::size_t end = std::min(rest.find('/'), rest.size());
    segments.push_back(rest.substr(0, end));
    rest.remove_prefix(end);
  }
  const bool folders_valid =
      !segments.empty() && std::all_of(segments.begin(), segments.end() - 1, [](std::string_view s) { return is_valid_slug(s); });
  if (folders_valid && segments.front() != "newsroom" && is_image_name(segments.back())) {
    const std::string relative(path.substr(1));
    return UploadTarget{UploadTarget::Kind::image, relative, std::string(path), {}};
  }
  if (segments.size() == 2 && index && index->find_section(segments[0])) {
    if (!is_valid_slug(segments[1]))
      return GeminiRefusal{59, fmt::format("Name the story with lowercase letters, digits and -: /{}/<slug>", segments[0])};
    const std::string section(segments[0]);
    return UploadTarget{UploadTarget::Kind::story, fmt::format("{}/{}.md", section, segments[1]), std::string(path), section};
  }
  if (segments.size() == 2 && is_valid_slug(segments[0]) && is_valid_slug(segments[1]))
    return GeminiRefusal{59, index ? fmt::format("There is no section {}; stories go in a section folder with "
                                                 "_section.toml",
                                                 segments[0])
                                   : std::string("This capsule has no publication (site.toml) to file stories in")};
  return GeminiRefusal{59, "Uploads go to a story, /<section>/<slug>, or an image (.png, .jpg, .jpeg, .gif or .webp) "
                           "named with lowercase letters, digits and -"};
}

std::optional<GeminiRefusal> refuse_change(const EditorSettings& editor, const UploadTarget& target,
                                           const StoryIndex* index, bool exists) {
  if (editor.role == EditorSettings::Role::editor) return std::nullopt;
  if (target.kind == UploadTarget::Kind::image) {
    if (!exists) return std::nullopt;
    return not_allowed("Reporters add new images; an editor replaces or removes one");
  }
  if (!files_in_section(editor, target.section))
    return not_allowed(fmt::format("You file in {} only", fmt::join(editor.sections, ", ")));
  const StoryInfo* story = index ? index->find(target.page) : nullptr;
  if (!story) return std::nullopt;
  if (story->state != StoryInfo::State::draft)
    return not_allowed(fmt::format("Reporters change their own drafts; {} is {}", target.page, state_name(story->state)));
  if (!is_author(editor, story->authors))
    return not_allowed(fmt::format("Reporters change their own drafts; {} is not yours (author = \"{}\")", target.page,
                                   editor.name));
  return std::nullopt;
}

std::optional<GeminiRefusal> refuse_story(const EditorSettings& editor, const Article& uploaded) {
  if (editor.role == EditorSettings::Role::editor) return std::nullopt;
  if (!uploaded.draft) return not_allowed("Reporters file drafts: keep draft = true, and an editor publishes it");
  if (!is_author(editor, uploaded.authors))
    return not_allowed(fmt::format("Put your name among the authors: author = \"{}\"", editor.name));
  return std::nullopt;
}

bool files_in_section(const EditorSettings& editor, std::string_view section) {
  return editor.role == EditorSettings::Role::editor || editor.sections.empty() ||
         std::find(editor.sections.begin(), editor.sections.end(), section) != editor.sections.end();
}

bool may_change_story(const EditorSettings& editor, const StoryInfo& story) {
  if (editor.role == EditorSettings::Role::editor) return true;
  const std::string_view section = std::string_view(story.path).substr(1, story.path.find('/', 1) - 1);
  return story.state == StoryInfo::State::draft && files_in_section(editor, section) && is_author(editor, story.authors);
}

} // namespace gazette
