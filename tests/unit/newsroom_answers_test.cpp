#include "gemini/gemini_answer.hpp"
#include "gemini/newsroom_answers.hpp"

#include "newsroom_snapshot.hpp"
#include "routing_snapshot.hpp"

#include <doctest/doctest.h>

using namespace gazette;
using namespace gazette::testing;

namespace {

std::string story(const std::string& extra, const std::string& authors = "\"R. Porter\"") {
  return "+++\ntitle = \"Storm ahead\"\ndate = 2024-05-19\nauthor = " + authors + "\n" + extra + "+++\nBody.\n";
}

// The answer keeps a view of the body: `body` must outlive it.
Answer titan(const Snapshot& snapshot, const std::string& line, const std::optional<ClientCertificate>& certificate,
             std::optional<std::string_view> body = std::nullopt) {
  ReceivedRequest request{Framing::complete, line};
  if (body) {
    request.body_state = BodyState::complete;
    request.body = *body;
  }
  return answer_gemini(snapshot, request, Client{1965, {}, certificate});
}

std::string meta(const Answer& answer) { return answer.made.size() > 5 ? answer.made.substr(3, answer.made.size() - 5) : ""; }

} // namespace

TEST_CASE("Titan: who may upload where, decided before the body is read") {
  const auto snapshot = newsroom_snapshot();
  const auto editor = certificate_of(editor_fingerprint), reporter = certificate_of(reporter_fingerprint);
  struct Row {
    std::string line;
    std::optional<ClientCertificate> certificate;
    std::string status;     // empty: the answer asks for the body
    std::string meta_contains;
  };
  const Row rows[] = {
      {"titan://localhost/world/pier;size=10", std::nullopt, "60", "client certificates"},
      {"titan://localhost/world/pier;size=10", certificate_of(editor_fingerprint, false), "62", "not valid now"},
      {"titan://localhost/world/pier;size=10", certificate_of(stranger_fingerprint), "61", stranger_fingerprint},
      {"titan://localhost/world/pier;size=10", editor, "", ""},
      {"titan://localhost/world/new-story;size=10", reporter, "", ""},
      {"titan://localhost/world/storm;size=10", reporter, "", ""},
      {"titan://localhost/images/new.png;mime=image/png;size=10", reporter, "", ""},
      {"titan://localhost/world/pier;size=10", reporter, "61", "/world/pier is published"},
      {"titan://localhost/world/summit;size=10", reporter, "61", "/world/summit is scheduled"},
      {"titan://localhost/world/talks;size=10", reporter, "61", "not yours"},
      {"titan://localhost/culture/show;size=10", reporter, "61", "You file in world only"},
      {"titan://localhost/culture/new;size=10", reporter, "61", "You file in world only"},
      {"titan://localhost/images/pier.png;size=10", reporter, "61", "Reporters add new images"},
      {"titan://localhost/images/pier.png;size=0", reporter, "61", "Reporters add new images"},
      {"titan://localhost/world/pier;size=4097", editor, "59", "at most 4096"},
      {"titan://localhost/world/pier;mime=image/png;size=10", editor, "59", "A story is text"},
      {"titan://localhost/images/x.png;mime=text/plain;size=10", editor, "59", "does not fit the image"},
      {"titan://localhost/sports/x;size=10", editor, "59", "no section sports"},
      {"titan://localhost/world/;size=10", editor, "59", "Name the story"},
      {"titan://localhost/world/Pier;size=10", editor, "59", "Name the story"},
      {"titan://localhost/about.gmi;size=10", editor, "59", "Uploads go to a story"},
      {"titan://localhost/.hidden/x.png;size=10", editor, "59", "Uploads go to a story"},
      {"titan://localhost/newsroom/x.png;size=10", editor, "59", "Uploads go to a story"},
      {"titan://localhost/world/gone;size=0", editor, "51", "Nothing at /world/gone"},
      {"titan://localhost/world/pier;size", editor, "59", "whole number"},
      {"titan://other.example/world/pier;size=1", editor, "53", "other.example"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.line);
    CAPTURE(row.status);
    const Answer answer = titan(*snapshot, row.line, row.certificate);
    CHECK(answer.status == row.status);
    if (row.status.empty()) {
      CHECK(answer.body_bytes == 10);
      CHECK_FALSE(answer.task);
      continue;
    }
    CHECK(meta(answer).find(row.meta_contains) != std::string::npos);
    // Every refused upload is recorded, with who asked.
    REQUIRE(answer.task);
    CHECK(answer.task->kind == NewsroomTask::Kind::refusal);
    CHECK(answer.task->request == row.line);
    CHECK(answer.task->fingerprint == (row.certificate ? row.certificate->fingerprint : ""));
  }
  // A refused body up to twice max_upload (4096 here) is read and dropped
  // first, so that a client still sending it hears why; a larger one is not read.
  CHECK(titan(*snapshot, "titan://localhost/world/pier;size=10", std::nullopt).unread_body == 10);
  CHECK(titan(*snapshot, "titan://localhost/world/pier;size=10", reporter).unread_body == 10);
  CHECK(titan(*snapshot, "titan://localhost/world/pier;size=4097", editor).unread_body == 4097);
  CHECK(titan(*snapshot, "titan://localhost/world/pier;size=8192", std::nullopt).unread_body == 8192);
  CHECK(titan(*snapshot, "titan://localhost/world/pier;size=8193", editor).unread_body == 0);
  CHECK(titan(*snapshot, "titan://localhost/world/pier;size=8193", std::nullopt).unread_body == 0);
  CHECK(titan(*snapshot, "titan://localhost/world/pier;edit", std::nullopt).unread_body == 0);
}

TEST_CASE("Titan: an upload's body, checked as gazette check would, then a change to make") {
  const auto snapshot = newsroom_snapshot();
  const auto editor = certificate_of(editor_fingerprint), reporter = certificate_of(reporter_fingerprint);
  struct Row {
    std::string path;
    std::optional<ClientCertificate> certificate;
    std::string body;
    std::string status; // empty: a write task
    std::string meta;   // the whole meta, for refusals
  };
  const Row rows[] = {
      {"/world/storm", reporter, story("draft = true\n"), "", ""},
      {"/world/new-story", reporter, story("draft = true\n"), "", ""},
      {"/world/storm", reporter, story(""), "61", "Reporters file drafts: keep draft = true, and an editor publishes it"},
      {"/world/storm", reporter, story("draft = true\n", "\"Someone Else\""), "61",
       "Put your name among the authors: author = \"R. Porter\""},
      {"/world/storm", editor, story("", "\"Someone Else\""), "", ""},
      {"/world/storm", editor, "+++\ntitle = \"No date\"\n+++\nBody.\n", "59",
       "1: missing date: add date = 2024-05-17 (a TOML date) to the front matter"},
      {"/world/storm", editor, story("related = [\"world/nowhere\"]\n"), "59",
       "5: related \"world/nowhere\" names no article; write section/slug of an existing article, or a full URL"},
      // What the message quotes cannot end the header's line.
      {"/world/storm", editor, story("related = [\"x\\r\\n20 text/gemini\"]\n"), "59",
       "5: related \"x  20 text/gemini\" names no article; write section/slug of an existing article, or a full URL"},
      // Drafts and stories waiting for their date may be named.
      {"/world/storm", editor, story("related = [\"world/talks\", \"world/summit\", \"world/pier\"]\n"), "", ""},
      {"/world/storm", editor, story("aliases = [\"/world/old-pier\"]\n"), "59",
       "5: alias \"/world/old-pier\" collides with another article's path or alias; remove one of them"},
      {"/world/storm", editor, story("aliases = [\"/world/pier\"]\n"), "59",
       "5: alias \"/world/pier\" collides with another article's path or alias; remove one of them"},
      {"/world/storm", editor, story("aliases = [\"/world/\"]\n"), "59",
       "5: alias \"/world/\" collides with another article's path or alias; remove one of them"},
      {"/world/storm", editor, story("aliases = [\"old-storm\"]\n"), "59", "5: alias \"old-storm\" must be a path starting with /"},
      // A draft's aliases are not taken, so not checked, as the loader does.
      {"/world/storm", editor, story("draft = true\naliases = [\"/world/pier\"]\n"), "", ""},
      {"/world/pier", editor, story("aliases = [\"/world/old-pier\"]\n"), "", ""},
      {"/world/storm", editor, story("[image]\nsrc = \"images/pier.png\"\n"), "", ""},
      {"/world/storm", editor, story("[image]\nsrc = \"images/missing.png\"\n"), "59",
       "6: image.src \"images/missing.png\" is not a file in the capsule; add the file or fix the path (the photo is "
       "left out meanwhile)"},
      {"/world/storm", editor, "\xff\xfe", "59", "1: invalid UTF-8; save the file as UTF-8"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.path);
    CAPTURE(row.body);
    const std::string line = "titan://localhost" + row.path + ";size=" + std::to_string(row.body.size());
    const Answer answer = titan(*snapshot, line, row.certificate, row.body);
    CHECK(answer.status == row.status);
    REQUIRE(answer.task);
    if (row.status.empty()) {
      CHECK(answer.task->kind == NewsroomTask::Kind::write);
      CHECK(answer.task->file == row.path.substr(1) + ".md");
      CHECK(answer.task->page == row.path);
      CHECK(answer.task->bytes == row.body);
      CHECK(answer.task->origin == "localhost");
      CHECK(answer.task->editor == (row.certificate->fingerprint == editor_fingerprint ? "E. Ditor" : "R. Porter"));
    } else {
      CHECK(answer.task->kind == NewsroomTask::Kind::refusal);
      CHECK(meta(answer) == row.meta);
    }
  }
}

TEST_CASE("Titan: an image, an unpublish, an upload cut short, and the source to edit") {
  const auto snapshot = newsroom_snapshot();
  const auto editor = certificate_of(editor_fingerprint), reporter = certificate_of(reporter_fingerprint);

  const Answer image = titan(*snapshot, "titan://localhost:1965/images/pier.png;mime=image/png;size=3", editor, "PNG");
  REQUIRE(image.task);
  CHECK(image.task->kind == NewsroomTask::Kind::write);
  CHECK(image.task->file == "images/pier.png");
  CHECK(image.task->origin == "localhost:1965");

  const Answer unpublish = titan(*snapshot, "titan://localhost/world/storm;size=0", reporter);
  REQUIRE(unpublish.task);
  CHECK(unpublish.task->kind == NewsroomTask::Kind::remove);
  CHECK(unpublish.task->file == "world/storm.md");
  CHECK(unpublish.body_bytes == 0);

  ReceivedRequest cut{Framing::complete, "titan://localhost/world/storm;size=10"};
  cut.body_state = BodyState::incomplete;
  cut.body = "four";
  const Answer short_upload = answer_gemini(*snapshot, cut, Client{1965, {}, editor});
  CHECK(short_upload.made == "59 The upload ended after 4 of its 10 bytes\r\n");

  const Answer source = titan(*snapshot, "titan://localhost/world/storm;edit", reporter);
  CHECK(source.made == "20 text/markdown; charset=utf-8\r\n");
  CHECK(source.streamed_file == "/srv/news/capsule/world/storm.md");
  CHECK_FALSE(source.task);
  CHECK(titan(*snapshot, "titan://localhost/images/pier.png;edit", editor).made == "20 image/png\r\n");
  // Readers without an identity never see sources, nor reporters others'.
  CHECK(titan(*snapshot, "titan://localhost/world/storm;edit", std::nullopt).status == "60");
  CHECK(titan(*snapshot, "titan://localhost/world/pier;edit", reporter).status == "61");

  // Over the request rate, an upload waits like any request.
  CHECK(answer_gemini(*snapshot, {Framing::complete, "titan://localhost/world/storm;size=1"},
                      Client{1965, std::chrono::seconds(3), editor})
            .made == "44 3\r\n");
}

TEST_CASE("Titan on a server without editors: refused, and no newsroom") {
  const auto snapshot = routing_snapshot();
  const Answer answer =
      answer_gemini(*snapshot, {Framing::complete, "titan://localhost/a/c;size=1"}, Client{1965, {}, certificate_of(editor_fingerprint)});
  CHECK(answer.made == "53 This server takes no titan:// uploads\r\n");
  CHECK_FALSE(answer.task);
  CHECK(answer_gemini(*snapshot, {Framing::complete, "gemini://localhost/newsroom/"}, Client{1965}).status == "51");
}

TEST_CASE("the newsroom's pages: identity first, then the page's task") {
  const auto snapshot = newsroom_snapshot();
  const auto editor = certificate_of(editor_fingerprint), reporter = certificate_of(reporter_fingerprint);
  const std::string id = "20240519-120000-000001";
  struct Row {
    std::string path;
    std::optional<ClientCertificate> certificate;
    std::string status; // empty: a task
    std::optional<NewsroomTask::Kind> kind;
    std::string file;
  };
  const Row rows[] = {
      {"/newsroom/", std::nullopt, "60", {}, ""},
      {"/newsroom/", certificate_of(stranger_fingerprint), "61", {}, ""},
      {"/newsroom/", certificate_of(reporter_fingerprint, false), "62", {}, ""},
      {"/newsroom", editor, "31", {}, ""},
      {"/newsroom/", editor, "", NewsroomTask::Kind::newsroom_page, ""},
      {"/newsroom/", reporter, "", NewsroomTask::Kind::newsroom_page, ""},
      {"/newsroom/history/world/pier", editor, "", NewsroomTask::Kind::history_page, "world/pier.md"},
      {"/newsroom/history/images/pier.png", editor, "", NewsroomTask::Kind::history_page, "images/pier.png"},
      {"/newsroom/history/world/pier", reporter, "61", {}, ""},
      {"/newsroom/version/" + id + "/world/pier", editor, "", NewsroomTask::Kind::version, "world/pier.md"},
      {"/newsroom/version/2024/world/pier", editor, "51", {}, ""},
      {"/newsroom/restore/" + id + "/world/pier", editor, "10", {}, ""},
      {"/newsroom/restore/" + id + "/world/pier?no", editor, "10", {}, ""},
      {"/newsroom/restore/" + id + "/world/pier?yes", editor, "", NewsroomTask::Kind::restore, "world/pier.md"},
      {"/newsroom/restore/" + id + "/world/pier?yes", reporter, "61", {}, ""},
      {"/newsroom/history/sports/x", editor, "51", {}, ""},
      {"/newsroom/elsewhere", editor, "51", {}, ""},
  };
  for (const auto& row : rows) {
    CAPTURE(row.path);
    const Answer answer =
        answer_gemini(*snapshot, {Framing::complete, "gemini://localhost" + row.path}, Client{1965, {}, row.certificate});
    CHECK(answer.status == row.status);
    CHECK(answer.task.has_value() == row.kind.has_value());
    if (!row.kind || !answer.task) continue;
    CHECK(answer.task->kind == *row.kind);
    CHECK(answer.task->file == row.file);
    CHECK(answer.task->origin == "localhost");
  }
}

TEST_CASE("after a change: to the page when readers get it, else to the newsroom") {
  const auto snapshot = newsroom_snapshot();
  NewsroomTask task;
  task.origin = "localhost:1965";
  task.kind = NewsroomTask::Kind::write;
  task.page = "/world/pier";
  CHECK(answer_after_change(*snapshot, task).made == "30 gemini://localhost:1965/world/pier\r\n");
  task.page = "/world/storm"; // a draft
  CHECK(answer_after_change(*snapshot, task).made == "30 gemini://localhost:1965/newsroom/\r\n");
  task.page = "/world/old-pier"; // a redirect is no page of its own
  CHECK(answer_after_change(*snapshot, task).made == "30 gemini://localhost:1965/newsroom/\r\n");
  task.kind = NewsroomTask::Kind::remove;
  task.page = "/world/pier";
  CHECK(answer_after_change(*snapshot, task).made == "30 gemini://localhost:1965/newsroom/\r\n");
  task.kind = NewsroomTask::Kind::restore;
  CHECK(answer_after_change(*snapshot, task).made == "30 gemini://localhost:1965/world/pier\r\n");
}
