// The newsroom's answers on the Gemini port: Titan uploads and edits, and
// the pages under /newsroom/. Pure, as every answer is: what needs the disk
// (writing, past versions, the audit log) is described as a NewsroomTask,
// which the newsroom does before the answer goes out.
#pragma once
#include "gemini/gemini_request.hpp"
#include "snapshot/answer.hpp"

#include <optional>
#include <string_view>

namespace gazette {

// The newsroom's page; its other pages are below it.
inline constexpr std::string_view newsroom_path = "/newsroom/";

// A titan:// request: a refusal (53, 59, 60, 61, 62, 44 comes first), the
// source to edit, "read the body, then ask again", or the change to make.
Answer answer_titan(const Snapshot& snapshot, const ReceivedRequest& request, const Client& client);

// A gemini:// request for the newsroom's pages; nullopt when the newsroom
// is off (no [[editor]] entries) or the path is not one of its.
std::optional<Answer> answer_newsroom(const Snapshot& snapshot, const GeminiRequest& request, const Client& client);

// Once a change is made, and published in `snapshot`: 30 to the page
// readers now get, or, when there is none (a draft, a story waiting for its
// date, one unpublished), to the newsroom's page.
Answer answer_after_change(const Snapshot& snapshot, const NewsroomTask& task);

} // namespace gazette
