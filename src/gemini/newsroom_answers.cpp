#include "gemini/newsroom_answers.hpp"

#include "content/diagnostic.hpp"
#include "content/mime_types.hpp"
#include "content/upload_check.hpp"
#include "gemini/gemini_answer.hpp"
#include "gemini/newsroom_access.hpp"
#include "gemini/titan_request.hpp"

#include <fmt/format.h>

namespace gazette {
namespace {

Answer refused(const GeminiRefusal& refusal) { return gemini_status(refusal.status, refusal.meta); }

// A refusal of an upload is answered and recorded.
Answer refused(NewsroomTask task, const GeminiRefusal& refusal) {
  Answer answer = refused(refusal);
  task.kind = NewsroomTask::Kind::refusal;
  answer.task = std::move(task);
  return answer;
}

Answer with_task(NewsroomTask task) {
  Answer answer;
  answer.task = std::move(task);
  return answer;
}

bool is_served_file(const Snapshot& snapshot, const std::string& page) {
  const Resource* resource = Snapshot::find(snapshot.gemini, page);
  return resource && resource->bytes.piece(0).starts_with("20");
}

// "12: related ... names no article", the first error as `check` words it.
std::optional<std::string> first_error(const Diagnostics& diagnostics) {
  for (const auto& diagnostic : diagnostics)
    if (diagnostic.severity == Diagnostic::Severity::error)
      return diagnostic.line > 0 ? fmt::format("{}: {}", diagnostic.line, diagnostic.message) : diagnostic.message;
  return std::nullopt;
}

std::string_view extension_of(std::string_view file) {
  const std::size_t dot = file.rfind('.');
  return dot == std::string_view::npos ? std::string_view() : file.substr(dot);
}

// The media type an upload declares must fit where it goes; none is fine.
std::optional<GeminiRefusal> refuse_media_type(const UploadTarget& target, std::string_view mime) {
  if (mime.empty()) return std::nullopt;
  if (target.kind == UploadTarget::Kind::story && !mime.starts_with("text/"))
    return GeminiRefusal{59, fmt::format("A story is text (Markdown); mime={} does not fit {}", mime, target.page)};
  if (target.kind == UploadTarget::Kind::image && !mime.starts_with("image/") && mime != "application/octet-stream")
    return GeminiRefusal{59, fmt::format("mime={} does not fit the image {}", mime, target.page)};
  return std::nullopt;
}

bool target_exists(const Snapshot& snapshot, const UploadTarget& target) {
  if (target.kind == UploadTarget::Kind::image) return is_served_file(snapshot, target.page);
  return snapshot.stories && snapshot.stories->find(target.page);
}

} // namespace

Answer answer_titan(const Snapshot& snapshot, const ReceivedRequest& request, const Client& client) {
  const Config& config = *snapshot.config;
  if (config.editors.empty()) return gemini_status(53, "This server takes no titan:// uploads");
  NewsroomTask task;
  task.request = std::string(request.text);
  mask_titan_token(task.request);
  if (client.certificate) task.fingerprint = client.certificate->fingerprint;

  auto parsed = parse_titan_request(request.text, {config.hostnames, client.local_port});
  if (auto* refusal = std::get_if<GeminiRefusal>(&parsed)) return refused(std::move(task), *refusal);
  const TitanRequest& titan = std::get<TitanRequest>(parsed);
  task.origin = titan.authority;
  // Refused before its body is read, an upload is read and dropped first, so
  // that the client, still sending, hears why instead of a reset; up to twice
  // max_upload, so that "too large" reaches someone just over the limit,
  // while a client far beyond it is not fed.
  const bool unread =
      !titan.edit && request.body_state == BodyState::not_read && titan.size <= 2 * config.newsroom.max_upload;
  auto refused = [&](NewsroomTask refused_task, const GeminiRefusal& refusal) {
    Answer answer = gazette::refused(std::move(refused_task), refusal);
    if (unread) answer.unread_body = titan.size;
    return answer;
  };

  auto identified = identify_editor(config, client);
  if (auto* refusal = std::get_if<GeminiRefusal>(&identified)) return refused(std::move(task), *refusal);
  const EditorSettings& editor = *std::get<const EditorSettings*>(identified);
  task.editor = editor.name;

  const StoryIndex* index = snapshot.stories.get();
  auto resolved = upload_target(index, titan.path);
  if (auto* refusal = std::get_if<GeminiRefusal>(&resolved)) return refused(std::move(task), *refusal);
  const UploadTarget& target = std::get<UploadTarget>(resolved);
  task.file = target.file;
  task.page = target.page;
  const bool exists = target_exists(snapshot, target);
  if (auto refusal = refuse_change(editor, target, index, exists)) return refused(std::move(task), *refusal);

  if (titan.edit) {
    // What is on disk now, front matter and all, for the client's editor.
    Answer answer = gemini_status(20, target.kind == UploadTarget::Kind::story
                                          ? "text/markdown; charset=utf-8"
                                          : mime_type_for_extension(extension_of(target.file)));
    answer.streamed_file = config.capsule / target.file;
    return answer;
  }
  if (titan.size > config.newsroom.max_upload)
    return refused(std::move(task), {59, fmt::format("The upload is {} bytes; this server takes at most {} "
                                                     "(newsroom.max_upload)",
                                                     titan.size, config.newsroom.max_upload)});
  if (auto refusal = refuse_media_type(target, titan.mime)) return refused(std::move(task), *refusal);

  if (titan.size == 0) {
    if (!exists) return refused(std::move(task), {51, fmt::format("Nothing at {} to unpublish", target.page)});
    task.kind = NewsroomTask::Kind::remove;
    return with_task(std::move(task));
  }
  if (request.body_state == BodyState::not_read) {
    Answer answer;
    answer.body_bytes = titan.size;
    return answer;
  }
  if (request.body_state == BodyState::incomplete)
    return refused(std::move(task), {59, fmt::format("The upload ended after {} of its {} bytes", request.body.size(),
                                                     titan.size)});

  if (target.kind == UploadTarget::Kind::story) {
    const std::string_view slug = std::string_view(target.page).substr(target.section.size() + 2);
    const ParsedArticle story = check_uploaded_article(
        request.body, target.section, slug, *index,
        [&](std::string_view relative) { return is_served_file(snapshot, fmt::format("/{}", relative)); });
    if (auto error = first_error(story.diagnostics)) return refused(std::move(task), {59, *error});
    if (auto refusal = refuse_story(editor, story.article)) return refused(std::move(task), *refusal);
  }
  task.kind = NewsroomTask::Kind::write;
  task.bytes = request.body;
  return with_task(std::move(task));
}

std::optional<Answer> answer_newsroom(const Snapshot& snapshot, const GeminiRequest& request, const Client& client) {
  const Config& config = *snapshot.config;
  const std::string_view path = request.path;
  if (config.editors.empty() || (path != "/newsroom" && !path.starts_with(newsroom_path))) return std::nullopt;
  auto identified = identify_editor(config, client);
  if (auto* refusal = std::get_if<GeminiRefusal>(&identified)) return refused(*refusal);
  const EditorSettings& editor = *std::get<const EditorSettings*>(identified);
  if (path == "/newsroom") return gemini_status(31, newsroom_path);

  NewsroomTask task;
  task.editor = editor.name;
  task.fingerprint = client.certificate->fingerprint;
  task.request = request.url;
  task.origin = request.authority;
  if (path == newsroom_path) {
    task.kind = NewsroomTask::Kind::newsroom_page;
    return with_task(std::move(task));
  }

  // history/<page>, version/<id>/<page>, restore/<id>/<page>
  std::string_view rest = path.substr(newsroom_path.size());
  const std::string_view action = rest.substr(0, rest.find('/'));
  if (action != "history" && action != "version" && action != "restore") return gemini_not_found();
  if (editor.role != EditorSettings::Role::editor)
    return refused(GeminiRefusal{61, "Past versions are for editors"});
  rest.remove_prefix(std::min(action.size() + 1, rest.size()));
  if (action != "history") {
    task.version = std::string(rest.substr(0, rest.find('/')));
    if (!is_version_id(task.version)) return gemini_not_found();
    rest.remove_prefix(std::min(task.version.size() + 1, rest.size()));
  }
  auto resolved = upload_target(snapshot.stories.get(), fmt::format("/{}", rest));
  if (std::holds_alternative<GeminiRefusal>(resolved)) return gemini_not_found();
  const UploadTarget& target = std::get<UploadTarget>(resolved);
  task.file = target.file;
  task.page = target.page;

  if (action == "history") {
    task.kind = NewsroomTask::Kind::history_page;
    task.may_restore = true;
    return with_task(std::move(task));
  }
  if (action == "version") {
    task.kind = NewsroomTask::Kind::version;
    return with_task(std::move(task));
  }
  if (request.query_text != "yes")
    return gemini_status(10, fmt::format("Restore {} as it was in version {}? Type yes to restore it", target.page,
                                         task.version));
  task.kind = NewsroomTask::Kind::restore;
  return with_task(std::move(task));
}

Answer answer_after_change(const Snapshot& snapshot, const NewsroomTask& task) {
  const bool on_show = task.kind != NewsroomTask::Kind::remove && is_served_file(snapshot, task.page);
  return gemini_status(30, fmt::format("gemini://{}{}", task.origin, on_show ? task.page : newsroom_path));
}

} // namespace gazette
