#include "newsroom/newsroom.hpp"

#include "base/file_text.hpp"
#include "base/log.hpp"
#include "content/mime_types.hpp"
#include "gemini/gemini_answer.hpp"
#include "newsroom/capsule_writes.hpp"
#include "newsroom/history_store.hpp"
#include "newsroom/newsroom_pages.hpp"
#include "text/normalize.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace gazette {
namespace fs = std::filesystem;

namespace {

std::string now_text() { return rfc3339_at(std::chrono::system_clock::now()); }

std::string_view action_of(NewsroomTask::Kind kind) {
  switch (kind) {
  case NewsroomTask::Kind::write: return "upload";
  case NewsroomTask::Kind::remove: return "unpublish";
  case NewsroomTask::Kind::restore: return "restore";
  default: return "refusal";
  }
}

std::string_view mime_of(std::string_view file) {
  const std::size_t dot = file.rfind('.');
  return mime_type_for_extension(dot == std::string_view::npos ? std::string_view() : file.substr(dot));
}

// Audited, and logged on stderr; a log that cannot be written is reported,
// never a reason to fail the request.
void record(HistoryStore& history, const AuditRecord& entry) {
  // One line, whatever an upload's text put in the detail.
  log_message("{}", single_line(fmt::format("newsroom: {} {} {}: {} {}", entry.editor.empty() ? "(unknown)" : entry.editor,
                                            entry.action, entry.target, entry.status, entry.detail)));
  try {
    history.audit(entry);
  } catch (const std::system_error& e) {
    log_message("newsroom: cannot write the audit log: {}", e.what());
  }
}

// A file edited outside the newsroom since its last kept version (or never
// kept) is kept as found, so that the change about to be made can be undone.
void keep_as_found(HistoryStore& history, const std::string& file, const fs::path& path) {
  const auto current = read_file_text(path);
  if (!current) return;
  const auto versions = history.versions(file);
  if (!versions.empty() && versions.back().has_bytes())
    if (auto kept = read_file_text(history.version_file(file, versions.back().id)); kept && *kept == *current) return;
  history.keep(file, "found", "", *current);
}

NewsroomOutcome change(const Snapshot& snapshot, Answer answer) {
  const NewsroomTask& task = *answer.task;
  HistoryStore history(snapshot.config->newsroom.history);
  const fs::path path = snapshot.config->capsule / task.file;
  AuditRecord entry{now_text(), "30", task.editor, task.fingerprint, std::string(action_of(task.kind)), task.page, {}};
  auto refuse = [&](int status, std::string meta) {
    entry.status = fmt::format("{}", status);
    entry.detail = meta;
    record(history, entry);
    return NewsroomOutcome{gemini_status(status, meta)};
  };

  std::optional<std::string> restored;
  if (task.kind == NewsroomTask::Kind::restore) {
    const auto versions = history.versions(task.file);
    const bool kept = std::any_of(versions.begin(), versions.end(),
                                  [&](const VersionRecord& v) { return v.id == task.version && v.has_bytes(); });
    if (kept) restored = read_file_text(history.version_file(task.file, task.version));
    if (!restored) return refuse(51, fmt::format("No version {} of {} is kept", task.version, task.page));
  }
  std::error_code ec;
  if (task.kind == NewsroomTask::Kind::remove && !fs::exists(path, ec))
    return refuse(51, fmt::format("Nothing at {} to unpublish", task.page));

  try {
    keep_as_found(history, task.file, path);
    if (task.kind == NewsroomTask::Kind::remove) remove_file(path);
    else write_atomically(path, restored ? std::string_view(*restored) : task.bytes);
  } catch (const std::system_error& e) {
    log_message("newsroom: {}", e.what());
    return refuse(40, fmt::format("The change could not be saved ({}); nothing was changed. Try again, or tell the "
                                  "server's admin",
                                  e.code().message()));
  }
  const auto changed_at = std::chrono::steady_clock::now();
  try {
    const VersionRecord kept =
        task.kind == NewsroomTask::Kind::remove    ? history.keep(task.file, "unpublished", task.editor, std::nullopt)
        : task.kind == NewsroomTask::Kind::restore ? history.keep(task.file, "restored " + task.version, task.editor, *restored)
                                                   : history.keep(task.file, "uploaded", task.editor, task.bytes);
    entry.detail = kept.has_bytes() ? fmt::format("version {}, {} bytes", kept.id, kept.size) : fmt::format("version {}", kept.id);
  } catch (const std::system_error& e) {
    log_message("newsroom: {}", e.what());
    entry.detail = fmt::format("made, but its version was not kept: {}", e.code().message());
  }
  record(history, entry);
  return {std::move(answer), true, changed_at};
}

} // namespace

NewsroomOutcome carry_out(const Snapshot& snapshot, Answer answer) {
  const NewsroomTask& task = *answer.task;
  const Config& config = *snapshot.config;
  HistoryStore history(config.newsroom.history);
  switch (task.kind) {
  case NewsroomTask::Kind::refusal:
    record(history, {now_text(), answer.status, task.editor, task.fingerprint, "refusal",
                     task.page.empty() ? task.request : task.page,
                     answer.made.size() > 5 ? answer.made.substr(3, answer.made.size() - 5) : std::string()});
    return {std::move(answer)};
  case NewsroomTask::Kind::write:
  case NewsroomTask::Kind::remove:
  case NewsroomTask::Kind::restore: return change(snapshot, std::move(answer));
  case NewsroomTask::Kind::newsroom_page:
  case NewsroomTask::Kind::history_page:
  case NewsroomTask::Kind::version: break;
  }

  auto editor = std::find_if(config.editors.begin(), config.editors.end(),
                             [&](const EditorSettings& e) { return e.fingerprint == task.fingerprint; });
  if (editor == config.editors.end()) return {gemini_status(61, "This certificate is not in the newsroom's list")};
  if (task.kind == NewsroomTask::Kind::newsroom_page)
    return {made_gemini_answer(render_newsroom_page(snapshot.stories.get(), snapshot.problems.get(), *editor,
                                                    history.recent_changes(20), task.origin))};
  const auto versions = history.versions(task.file);
  if (task.kind == NewsroomTask::Kind::history_page)
    return {made_gemini_answer(render_history_page(task.page, task.file, versions, task.may_restore, task.origin))};
  const bool kept = std::any_of(versions.begin(), versions.end(),
                                [&](const VersionRecord& v) { return v.id == task.version && v.has_bytes(); });
  if (!kept) return {gemini_not_found()};
  Answer version = gemini_status(20, mime_of(task.file));
  version.streamed_file = history.version_file(task.file, task.version);
  return {std::move(version)};
}

} // namespace gazette
