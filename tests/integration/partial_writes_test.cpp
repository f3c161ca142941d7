// Stories written slowly under a running server: an upload over a slow link,
// `cat > file`, an editor that writes in place. Whatever the writer's pauses,
// readers get the last good version until the file is closed.
#include "answer_poller.hpp"
#include "gazette_process.hpp"
#include "test_clients.hpp"

#include <csignal>
#include <cstdio>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sstream>
#include <unistd.h>

using namespace gazette::testing;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

const std::string first_half =
    "+++\ntitle = \"Slow writer\"\ndate = 2024-05-20\n+++\n\nFirst half of the story, written before the";
const std::string second_half = " network stalled. Second half.\n";

TempCapsule& desk(TempCapsule& site) {
  return site.write("site.toml", "title = \"Desk\"\n")
      .write("ukraine/_section.toml", "title = \"Ukraine\"\n")
      .write("ukraine/pier.md", article("Pier opens", "2024-05-16", "", "Pier, first version."));
}

// A file opened for writing and left open until written in full or dropped.
class OpenFile {
public:
  explicit OpenFile(const fs::path& path) : fd_(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)) {
    REQUIRE(fd_ >= 0);
  }
  OpenFile(const OpenFile&) = delete;
  OpenFile& operator=(const OpenFile&) = delete;
  ~OpenFile() { close(); }
  void write(const std::string& text) { REQUIRE(::write(fd_, text.data(), text.size()) == static_cast<ssize_t>(text.size())); }
  void close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

private:
  int fd_;
};


// Whether the log has an error or warning about `file`.
bool problem_logged(const GazetteProcess& server, const std::string& file) {
  std::istringstream log(server.stderr_text());
  for (std::string line; std::getline(log, line);)
    if (line.find(file) != std::string::npos &&
        (line.find(": error:") != std::string::npos || line.find(": warning:") != std::string::npos))
      return true;
  return false;
}

int reloads(const GazetteProcess& server) {
  const std::string log = server.stderr_text();
  int count = 0;
  for (std::size_t at = log.find("reloaded "); at != std::string::npos; at = log.find("reloaded ", at + 1)) ++count;
  return count;
}

// Another story saved whole: a reload that reads the capsule while the slow
// one is half written. Returns once that reload is live.
void publish_another(TempCapsule& site, std::uint16_t port, const std::string& slug) {
  site.write("ukraine/" + slug + ".md", article("Another " + slug, "2024-05-17"));
  REQUIRE(eventually([&] { return gemini_get(port, "/ukraine/" + slug).status() == 20; }));
}

// The story's page as each reader got it: never the first half alone.
void check_never_cut(const std::vector<std::string>& answers) {
  REQUIRE_FALSE(answers.empty());
  for (const auto& answer : answers) {
    if (answer.find("First half") == std::string::npos) continue;
    CAPTURE(answer);
    CHECK(answer.find("Second half") != std::string::npos);
  }
}

std::string page_as_read(std::uint16_t port, const std::string& path) {
  const auto response = gemini_get(port, path);
  return response.header + "\n" + response.body;
}

} // namespace

TEST_CASE("partial writes: a new story written in two halves is published only once closed") {
  TempCapsule site;
  desk(site);
  GazetteProcess server(site);
  const auto port = server.gemini_port();
  AnswerPoller story([&] { return page_as_read(port, "/ukraine/slow-writer"); });

  OpenFile file(site.root() / "ukraine/slow-writer.md");
  file.write(first_half);
  publish_another(site, port, "other");
  CHECK(gemini_get(port, "/ukraine/slow-writer").status() == 51);
  for (const std::string path : {"/", "/ukraine/", "/atom.xml"}) {
    CAPTURE(path);
    CHECK(gemini_get(port, path).body.find("Slow writer") == std::string::npos);
  }
  // A SIGHUP reads the capsule too, and leaves the open file alone.
  const int before = reloads(server);
  kill(server.pid(), SIGHUP);
  CHECK(eventually([&] { return reloads(server) > before; }));
  CHECK(gemini_get(port, "/ukraine/slow-writer").status() == 51);
  CHECK_FALSE(problem_logged(server, "slow-writer.md"));

  file.write(second_half);
  file.close();
  const auto closed = std::chrono::steady_clock::now();
  CHECK(eventually([&] { return gemini_get(port, "/ukraine/slow-writer").body.find("Second half") != std::string::npos; }, 2s));
  CAPTURE(std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - closed).count());
  CHECK(gemini_get(port, "/").body.find("Slow writer") != std::string::npos);
  check_never_cut(story.stop());
}

TEST_CASE("partial writes: a story edited in place keeps its last good version until the editor closes it") {
  TempCapsule site;
  desk(site);
  GazetteProcess server(site);
  const auto port = server.gemini_port();
  AnswerPoller story([&] { return page_as_read(port, "/ukraine/pier"); });

  {
    OpenFile file(site.root() / "ukraine/pier.md"); // truncated, as an editor saving in place does
    file.write("+++\ntitle = \"Pier opens\"\ndate = 2024-05-16\n+++\nPier, second");
    publish_another(site, port, "other");
    CHECK(gemini_get(port, "/ukraine/pier").body.find("Pier, first version.") != std::string::npos);
    // However long the pause: another reload later, the same.
    publish_another(site, port, "more");
    CHECK(gemini_get(port, "/ukraine/pier").body.find("Pier, first version.") != std::string::npos);
    file.write(" version, written whole.\n");
  }
  CHECK(eventually([&] { return gemini_get(port, "/ukraine/pier").body.find("Pier, second version, written whole.") != std::string::npos; }, 2s));
  const auto answers = story.stop();
  for (const auto& answer : answers) {
    CAPTURE(answer);
    CHECK(answer.starts_with("20 "));
    const bool first = answer.find("Pier, first version.") != std::string::npos;
    const bool second = answer.find("Pier, second version, written whole.") != std::string::npos;
    CHECK(first != second);
  }
}

TEST_CASE("partial writes: `cat > file` that stalls half way is published once cat ends") {
  TempCapsule site;
  desk(site);
  GazetteProcess server(site);
  const auto port = server.gemini_port();
  AnswerPoller story([&] { return page_as_read(port, "/ukraine/slow-writer"); });

  // The shell creates the file before cat has read a byte: first it is open and empty.
  const std::string command = "cat > '" + (site.root() / "ukraine/slow-writer.md").string() + "'";
  FILE* cat = ::popen(command.c_str(), "w");
  REQUIRE(cat != nullptr);
  publish_another(site, port, "other");
  CHECK(gemini_get(port, "/ukraine/slow-writer").status() == 51);
  std::fputs(first_half.c_str(), cat);
  std::fflush(cat);
  CHECK(eventually([&] { return fs::file_size(site.root() / "ukraine/slow-writer.md") == first_half.size(); }));
  publish_another(site, port, "more");
  CHECK(gemini_get(port, "/ukraine/slow-writer").status() == 51);
  std::fputs(second_half.c_str(), cat);
  CHECK(::pclose(cat) == 0);

  CHECK(eventually([&] { return gemini_get(port, "/ukraine/slow-writer").body.find("Second half") != std::string::npos; }, 2s));
  // The empty file, read while cat waited, is no error to report.
  CHECK_FALSE(problem_logged(server, "slow-writer.md"));
  check_never_cut(story.stop());
}

TEST_CASE("partial writes: a file deleted while written is never published, and the next save is") {
  TempCapsule site;
  desk(site);
  GazetteProcess server(site);
  const auto port = server.gemini_port();
  AnswerPoller story([&] { return page_as_read(port, "/ukraine/slow-writer"); });

  {
    OpenFile file(site.root() / "ukraine/slow-writer.md");
    file.write(first_half);
    publish_another(site, port, "other");
    CHECK(gemini_get(port, "/ukraine/slow-writer").status() == 51);
    fs::remove(site.root() / "ukraine/slow-writer.md");
    file.write(second_half);
  }
  publish_another(site, port, "more");
  CHECK(gemini_get(port, "/ukraine/slow-writer").status() == 51);

  site.write("ukraine/slow-writer.md", first_half + second_half);
  CHECK(eventually([&] { return gemini_get(port, "/ukraine/slow-writer").status() == 20; }, 2s));
  check_never_cut(story.stop());
}

TEST_CASE("partial writes: site settings and a section's settings half written keep their last good version") {
  TempCapsule site;
  desk(site).write("site.toml", "title = \"Desk\"\ntagline = \"All the news\"\n");
  GazetteProcess server(site);
  const auto port = server.gemini_port();
  REQUIRE(gemini_get(port, "/").body.starts_with("# Desk\nAll the news\n"));

  {
    OpenFile settings(site.root() / "site.toml");
    settings.write("title = \"Desk\"\n"); // valid on its own, the tagline not written yet
    OpenFile section(site.root() / "ukraine/_section.toml");
    section.write("title = \"Ukr");
    publish_another(site, port, "other");
    CHECK(gemini_get(port, "/").body.starts_with("# Desk\nAll the news\n"));
    CHECK(gemini_get(port, "/ukraine/").body.starts_with("# Ukraine\n"));
    CHECK_FALSE(problem_logged(server, "_section.toml"));
    settings.write("tagline = \"Every story, whole\"\n");
    section.write("aine and around\"\n");
  }
  CHECK(eventually([&] { return gemini_get(port, "/").body.starts_with("# Desk\nEvery story, whole\n"); }, 2s));
  CHECK(eventually([&] { return gemini_get(port, "/ukraine/").body.starts_with("# Ukraine and around\n"); }, 2s));
}

TEST_CASE("partial writes: a page or an image half written is served as it was, a new one once closed") {
  TempCapsule site;
  desk(site).write("about.gmi", "# About\nThe whole first version.\n").write("images/map.png", "PNG whole first");
  GazetteProcess server(site);
  const auto port = server.gemini_port();
  REQUIRE(gemini_get(port, "/about.gmi").body == "# About\nThe whole first version.\n");

  {
    OpenFile page(site.root() / "about.gmi");
    page.write("# About\nThe second");
    OpenFile image(site.root() / "images/map.png");
    image.write("PNG half");
    OpenFile index(site.root() / "images/index.gmi");
    index.write("# Ima");
    publish_another(site, port, "other");
    CHECK(gemini_get(port, "/about.gmi").body == "# About\nThe whole first version.\n");
    CHECK(tcp_exchange(server.gopher_port(), "/about.gmi\r\n").bytes.find("The whole first version.") != std::string::npos);
    CHECK(gemini_get(port, "/images/map.png").body == "PNG whole first");
    CHECK(tcp_exchange(server.gopher_port(), "/images/map.png\r\n").bytes == "PNG whole first");
    CHECK(gemini_get(port, "/images/index.gmi").status() == 51);
    CHECK(gemini_get(port, "/images/").status() == 51);
    CHECK(tcp_exchange(server.gopher_port(), "/images/\r\n").bytes.find("map.png") != std::string::npos);
    page.write(" version, whole.\n");
    image.write(" and whole");
    index.write("ges\n");
  }
  CHECK(eventually([&] { return gemini_get(port, "/about.gmi").body == "# About\nThe second version, whole.\n"; }, 2s));
  CHECK(eventually([&] { return gemini_get(port, "/images/map.png").body == "PNG half and whole"; }, 2s));
  CHECK(gemini_get(port, "/images/").body == "# Images\n");
}
