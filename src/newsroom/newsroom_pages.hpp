// The newsroom's pages as gemtext, made per request for the person asking:
// the problems in the files they file into, drafts, stories waiting for
// their date, recent changes and the latest stories, each with the links
// that person may follow; and a file's past versions. Pure: the records
// in, the page out.
#pragma once
#include "config/config.hpp"
#include "content/diagnostic.hpp"
#include "content/story_index.hpp"
#include "newsroom/newsroom_records.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace gazette {

// The newsroom's page lists at most this many problems.
inline constexpr std::size_t max_problems_listed = 50;

// `index` is null for a capsule without a publication; `problems` are the
// capsule's, sorted by file and line (null: none known); `recent` is newest
// first; `origin` is "host[:port]" as the client wrote it, for titan:// links.
std::string render_newsroom_page(const StoryIndex* index, const Diagnostics* problems, const EditorSettings& editor,
                                 const std::vector<AuditRecord>& recent, std::string_view origin);

// `versions` oldest first, as kept; `page` is where readers find the file.
std::string render_history_page(std::string_view page, std::string_view file, const std::vector<VersionRecord>& versions,
                                bool may_restore, std::string_view origin);

} // namespace gazette
