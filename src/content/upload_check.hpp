// A story uploaded to /<section>/<slug>, checked before anything is written,
// by the rules `gazette check` applies: the file on its own (parse_article),
// then against the rest of the capsule as the loader checks it (related
// stories, aliases, the lead photo).
#pragma once
#include "content/article_source.hpp"
#include "content/story_index.hpp"

#include <functional>
#include <string_view>

namespace gazette {

// Whether a capsule path ("images/pier.png") is a file readers can fetch.
using CapsuleFileTest = std::function<bool(std::string_view relative)>;

// The parsed story, its diagnostics holding every problem `check` would
// report for the file once written; `usable` is false when the file itself
// has errors.
ParsedArticle check_uploaded_article(std::string_view text, std::string_view section, std::string_view slug,
                                     const StoryIndex& index, const CapsuleFileTest& is_capsule_file);

} // namespace gazette
