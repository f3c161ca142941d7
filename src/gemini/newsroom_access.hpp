// Who may do what in the newsroom, as pure rules: the person a client
// certificate names, where an upload may go, and what a reporter may
// change. Editors change any story; reporters file and change their own
// drafts, in their sections when they have any, and add images.
#pragma once
#include "config/config.hpp"
#include "content/publication.hpp"
#include "content/story_index.hpp"
#include "gemini/gemini_request.hpp"
#include "snapshot/answer.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace gazette {

// The person of config.toml's [[editor]] list the client's certificate
// names; else 60 (no certificate), 62 (not valid now) or 61 (not in the list).
std::variant<const EditorSettings*, GeminiRefusal> identify_editor(const Config& config, const Client& client);

// What a path of the capsule is to an upload: a story's Markdown source, or an image.
struct UploadTarget {
  enum class Kind { story, image };
  Kind kind = Kind::story;
  std::string file;    // in the capsule: "world/pier.md", "images/pier.png"
  std::string page;    // where readers find it: "/world/pier", "/images/pier.png"
  std::string section; // a story's
};

// A story's path, /<section>/<slug> in a section the index knows, or an
// image's (.png, .jpg, .jpeg, .gif, .webp; lowercase names, no hidden
// folders); else 59 saying which paths take uploads. `index` is null for a
// capsule without a publication.
std::variant<UploadTarget, GeminiRefusal> upload_target(const StoryIndex* index, std::string_view path);

// 61 when `editor` may not change, or fetch the source of, what is at
// `target` (`exists`: whether something is there now); nullopt when they may.
std::optional<GeminiRefusal> refuse_change(const EditorSettings& editor, const UploadTarget& target,
                                           const StoryIndex* index, bool exists);

// 61 when a reporter's upload would publish, or not be theirs: they file
// drafts, with their name among the authors. Nullopt for editors.
std::optional<GeminiRefusal> refuse_story(const EditorSettings& editor, const Article& uploaded);

// Whether `editor` files in `section`: an editor in every one, a reporter
// in their sections, or in every one when they have none.
bool files_in_section(const EditorSettings& editor, std::string_view section);

// Whether `editor` may change the story (for the newsroom page's edit links).
bool may_change_story(const EditorSettings& editor, const StoryInfo& story);

} // namespace gazette
