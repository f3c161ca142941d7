// The newsroom over Titan, as an editor's and a reporter's Gemini clients
// use it: real client certificates made here, real TLS, the real server.
#include "gazette_process.hpp"
#include "test_clients.hpp"

#include <csignal>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <pwd.h>
#include <regex>
#include <sstream>
#include <unistd.h>

using namespace gazette::testing;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

const ClientIdentity& editor() {
  static const ClientIdentity identity = make_client_identity("E. Ditor");
  return identity;
}
const ClientIdentity& reporter() {
  static const ClientIdentity identity = make_client_identity("R. Porter");
  return identity;
}
const ClientIdentity& stranger() {
  static const ClientIdentity identity = make_client_identity("Passer-by");
  return identity;
}

std::string editors_config(bool with_reporter = true) {
  std::string entries = fmt::format("[[editor]]\nname = \"E. Ditor\"\nfingerprint = \"{}\"\nrole = \"editor\"\n\n",
                                    editor().fingerprint_with_colons);
  if (with_reporter)
    entries += fmt::format("[[editor]]\nname = \"R. Porter\"\nfingerprint = \"{}\"\nrole = \"reporter\"\n"
                           "sections = [\"world\"]\n\n",
                           reporter().fingerprint);
  return entries;
}

std::string newsroom_config(bool with_reporter = true, const std::string& extra_top = "") {
  return test_config("request_timeout = 2\n" + extra_top) +
         "[newsroom]\nhistory = \"history\"\nmax_upload = 65536\n\n" + editors_config(with_reporter);
}

const std::string pier_source = "+++\ntitle = \"Pier opens\"\ndate = 2024-05-16\nauthor = \"E. Ditor\"\n+++\nFirst version.\n";

// Started as root, the server serves as nobody (see test_config), who must
// be able to write the capsule and the history folder beside it.
void give_to_server_user(const TempCapsule& site) {
  if (geteuid() != 0) return;
  const passwd* nobody = getpwnam("nobody");
  REQUIRE(nobody != nullptr);
  fs::create_directories(site.folder() / "history");
  for (const auto& folder : {site.root(), site.folder() / "history"}) {
    REQUIRE(lchown(folder.c_str(), nobody->pw_uid, nobody->pw_gid) == 0);
    for (const auto& entry : fs::recursive_directory_iterator(folder))
      REQUIRE(lchown(entry.path().c_str(), nobody->pw_uid, nobody->pw_gid) == 0);
  }
}

TempCapsule& newsroom_capsule(TempCapsule& site) {
  site.write("site.toml", "title = \"The Desk\"\nsections = [\"world\", \"culture\"]\n")
      .write("world/_section.toml", "title = \"World\"\n")
      .write("culture/_section.toml", "title = \"Culture\"\n")
      .write("world/pier.md", pier_source)
      .write("world/storm.md", article("Storm ahead", "2024-05-18", "draft = true\nauthor = \"R. Porter\"\n", "Draft."))
      .write("world/talks.md", article("Talks", "2024-05-17", "draft = true\nauthor = \"Someone Else\"\n", "Theirs."))
      .write("images/pier.png", "PNG-1");
  give_to_server_user(site);
  return site;
}

std::string upload(std::uint16_t port, const std::string& path, const std::string& body,
                   const std::string& parameters = ";mime=text/plain") {
  return fmt::format("titan://localhost:{}{}{};size={}\r\n{}", port, path, parameters, body.size(), body);
}

std::string story(const std::string& title, const std::string& extra, const std::string& body) {
  return "+++\ntitle = \"" + title + "\"\ndate = 2024-05-19\n" + extra + "+++\n" + body + "\n";
}

std::string read_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Every file under the capsule, with its bytes.
std::map<std::string, std::string> capsule_files(const fs::path& root) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(root))
    if (entry.is_regular_file()) files[fs::relative(entry.path(), root).string()] = read_text(entry.path());
  return files;
}

} // namespace

TEST_CASE("newsroom: an editor's upload is checked, written, published and kept, then the client is sent to it") {
  TempCapsule site;
  newsroom_capsule(site);
  GazetteProcess server(site, newsroom_config());
  const auto port = server.gemini_port();

  const std::string second = "+++\ntitle = \"Pier opens\"\ndate = 2024-05-16\nauthor = \"E. Ditor\"\n+++\nSecond version.\n";
  const auto response = gemini_exchange_as(editor(), port, upload(port, "/world/pier", second));
  CHECK(response.header == fmt::format("30 gemini://localhost:{}/world/pier", port));
  CHECK(read_text(site.root() / "world/pier.md") == second);
  // The redirect waits for the reload: the page it names already shows the upload.
  CHECK(gemini_get(port, "/world/pier").body.find("Second version.") != std::string::npos);

  // The version it replaced, and the new one, are kept with who made them.
  const auto history = gemini_exchange_as(editor(), port, fmt::format("gemini://localhost:{}/newsroom/history/world/pier\r\n", port));
  CHECK(history.status() == 20);
  CHECK(history.body.find("Kept as found in the capsule, " + std::to_string(pier_source.size()) + " bytes.") != std::string::npos);
  CHECK(history.body.find("Uploaded by E. Ditor, " + std::to_string(second.size()) + " bytes.") != std::string::npos);
  const std::regex version_link(R"(=> /newsroom/version/(\d{8}-\d{6}-\d{6})/world/pier View this version)");
  std::vector<std::string> ids;
  for (std::sregex_iterator it(history.body.begin(), history.body.end(), version_link), end; it != end; ++it)
    ids.push_back((*it)[1]);
  REQUIRE(ids.size() == 2);
  const auto oldest = gemini_exchange_as(editor(), port, fmt::format("gemini://localhost:{}/newsroom/version/{}/world/pier\r\n", port, ids[1]));
  CHECK(oldest.header == "20 text/markdown; charset=utf-8");
  CHECK(oldest.body == pier_source);

  // The history folder is outside the capsule, and nothing of it is served.
  CHECK(fs::exists(site.folder() / "history/world/pier.md/versions"));
  CHECK(gemini_get(port, "/history/audit.log").status() == 51);
  const std::string audit = read_text(site.folder() / "history/audit.log");
  CHECK(audit.find("\t30\tE. Ditor\t" + editor().fingerprint + "\tupload\t/world/pier\tversion ") != std::string::npos);
  CHECK(server.stderr_text().find("newsroom: E. Ditor upload /world/pier: 30") != std::string::npos);

  // An image, to an image path; it is served at once.
  const auto image = gemini_exchange_as(editor(), port, upload(port, "/images/storm.png", "PNG-2", ";mime=image/png"));
  CHECK(image.header == fmt::format("30 gemini://localhost:{}/images/storm.png", port));
  CHECK(gemini_get(port, "/images/storm.png").body == "PNG-2");

  // The newsroom page names who made the recent changes.
  const auto newsroom = gemini_exchange_as(editor(), port, fmt::format("gemini://localhost:{}/newsroom/\r\n", port));
  CHECK(newsroom.status() == 20);
  CHECK(newsroom.body.find("E. Ditor uploaded /images/storm.png") != std::string::npos);
  CHECK(newsroom.body.find("E. Ditor uploaded /world/pier") != std::string::npos);
  CHECK(newsroom.body.find(fmt::format("=> titan://localhost:{}/world/storm;edit Edit: Storm ahead", port)) != std::string::npos);
}

TEST_CASE("newsroom: a history folder not made yet is made at the first change; one that cannot be is named at start") {
  TempCapsule site;
  newsroom_capsule(site);
  fs::remove_all(site.folder() / "history");
  if (geteuid() == 0) {
    const passwd* nobody = getpwnam("nobody");
    REQUIRE(nobody != nullptr);
    REQUIRE(lchown(site.folder().c_str(), nobody->pw_uid, nobody->pw_gid) == 0);
  }
  {
    GazetteProcess server(site, newsroom_config());
    CHECK(server.stderr_text().find("cannot write") == std::string::npos);
    const auto port = server.gemini_port();
    const auto response = gemini_exchange_as(editor(), port, upload(port, "/world/pier", pier_source + "Again.\n"));
    CHECK(response.header == fmt::format("30 gemini://localhost:{}/world/pier", port));
    CHECK(fs::exists(site.folder() / "history/world/pier.md/versions"));
  }

  // A folder the server may not write, where the history would be made.
  const fs::path locked = site.folder() / "locked";
  fs::create_directories(locked);
  if (geteuid() == 0) REQUIRE(lchown(locked.c_str(), 0, 0) == 0);
  fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                              fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
  std::string config = newsroom_config();
  config.replace(config.find("history = \"history\""), 19, "history = \"locked/history\"");
  GazetteProcess server(site, config);
  CHECK(server.stderr_text().find("newsroom.history: cannot write " + fs::absolute(locked).string() + " (") !=
        std::string::npos);
  fs::permissions(locked, fs::perms::owner_write, fs::perm_options::add); // for the folder's removal
}

TEST_CASE("newsroom: refusals (60, 61, 62, 59 with check's message) leave the capsule byte-identical") {
  TempCapsule site;
  newsroom_capsule(site);
  GazetteProcess server(site, newsroom_config());
  const auto port = server.gemini_port();
  const auto before = capsule_files(site.root());

  const std::string fine = story("Pier opens", "author = \"E. Ditor\"\n", "Changed.");
  const auto anonymous = gemini_exchange(port, upload(port, "/world/pier", fine));
  CHECK(anonymous.status() == 60);
  const auto unknown = gemini_exchange_as(stranger(), port, upload(port, "/world/pier", fine, ";token=hunter2"));
  CHECK(unknown.status() == 61);
  CHECK(unknown.meta().find(stranger().fingerprint) != std::string::npos);
  const ClientIdentity expired = make_client_identity("E. Ditor", -48h, -24h);
  const auto old_certificate = gemini_exchange_as(expired, port, upload(port, "/world/pier", fine));
  CHECK(old_certificate.status() == 62);

  const std::string broken = "+++\ntitle = \"Pier opens\"\ndate = 2024-05-16\nrelated = [\"world/nowhere\"]\n+++\nBody.\n";
  const auto refused = gemini_exchange_as(editor(), port, upload(port, "/world/pier", broken));
  CHECK(refused.header == "59 4: related \"world/nowhere\" names no article; write section/slug of an existing article, "
                          "or a full URL");
  // One header line and one log line, whatever the message quotes.
  const std::string splitting = "+++\ntitle = \"Pier opens\"\ndate = 2024-05-16\nrelated = [\"x\\r\\n20 text/gemini\"]\n+++\n";
  const auto split = gemini_exchange_as(editor(), port, upload(port, "/world/pier", splitting));
  CHECK(split.header == "59 4: related \"x  20 text/gemini\" names no article; write section/slug of an existing "
                        "article, or a full URL");
  CHECK(server.stderr_text().find("\n20 text/gemini") == std::string::npos);
  CHECK(server.stderr_text().find("refusal /world/pier: 59 4: related \"x 20 text/gemini\"") != std::string::npos);
  // The same words `gazette check` prints for the file.
  site.write("../check/capsule/site.toml", "title = \"Check\"\n")
      .write("../check/capsule/world/_section.toml", "title = \"World\"\n")
      .write("../check/capsule/world/pier.md", broken);
  std::ofstream(site.folder() / "check/config.toml") << "capsule = \"capsule\"\n";
  const auto check = run_gazette(site.folder() / "check", {"check", "--config", "config.toml"});
  CHECK(check.out.find("world/pier.md:4: error: related \"world/nowhere\" names no article; write section/slug of an "
                       "existing article, or a full URL") != std::string::npos);
  fs::remove_all(site.folder() / "check");

  const auto unterminated = gemini_exchange_as(editor(), port, upload(port, "/world/pier", "+++\ntitle = \"x\"\n"));
  CHECK(unterminated.status() == 59);
  const auto too_big = gemini_exchange_as(editor(), port, upload(port, "/world/pier", std::string(65537, 'x')));
  CHECK(too_big.header == "59 The upload is 65537 bytes; this server takes at most 65536 (newsroom.max_upload)");
  const auto not_a_story = gemini_exchange_as(editor(), port, upload(port, "/world/pier", "PNG", ";mime=image/png"));
  CHECK(not_a_story.status() == 59);
  const auto nowhere = gemini_exchange_as(editor(), port, upload(port, "/sports/match", fine));
  CHECK(nowhere.status() == 59);
  const auto published = gemini_exchange_as(reporter(), port, upload(port, "/world/pier", fine));
  CHECK(published.header == "61 Reporters change their own drafts; /world/pier is published");

  CHECK(capsule_files(site.root()) == before);
  // Every refusal is in the audit log, with the name where there is one.
  const std::string audit = read_text(site.folder() / "history/audit.log");
  CHECK(audit.find("\t60\t-\t-\trefusal\t") != std::string::npos);
  CHECK(audit.find("\t61\t-\t" + stranger().fingerprint + "\trefusal\t") != std::string::npos);
  CHECK(audit.find("\t62\t-\t") != std::string::npos);
  CHECK(audit.find("\t59\tE. Ditor\t" + editor().fingerprint + "\trefusal\t/world/pier\t4: related") != std::string::npos);
  CHECK(audit.find("\t61\tR. Porter\t" + reporter().fingerprint + "\trefusal\t/world/pier\tReporters change") != std::string::npos);
  // A token is no use to Gazette, and may be another site's password: it is logged nowhere.
  CHECK(server.wait_for_stdout(";token=*******;size="));
  CHECK(server.stdout_text().find("hunter2") == std::string::npos);
  CHECK(audit.find(";token=*******;size=") != std::string::npos);
  CHECK(audit.find("hunter2") == std::string::npos);
}

TEST_CASE("newsroom: size=0 unpublishes; an editor restores a past version from its history") {
  TempCapsule site;
  newsroom_capsule(site);
  GazetteProcess server(site, newsroom_config());
  const auto port = server.gemini_port();

  const auto unpublished = gemini_exchange_as(editor(), port, fmt::format("titan://localhost:{}/world/pier;size=0\r\n", port));
  CHECK(unpublished.header == fmt::format("30 gemini://localhost:{}/newsroom/", port));
  CHECK_FALSE(fs::exists(site.root() / "world/pier.md"));
  CHECK(gemini_get(port, "/world/pier").status() == 51);

  const auto history = gemini_exchange_as(editor(), port, fmt::format("gemini://localhost:{}/newsroom/history/world/pier\r\n", port));
  CHECK(history.body.find("Unpublished by E. Ditor.") != std::string::npos);
  std::smatch restore;
  REQUIRE(std::regex_search(history.body, restore, std::regex(R"(=> (/newsroom/restore/\d{8}-\d{6}-\d{6}/world/pier) Restore)")));
  const std::string restore_path = restore[1];

  const auto asked = gemini_exchange_as(editor(), port, fmt::format("gemini://localhost:{}{}\r\n", port, restore_path));
  CHECK(asked.status() == 10);
  // A reporter may not, and a reader is asked who they are.
  CHECK(gemini_exchange_as(reporter(), port, fmt::format("gemini://localhost:{}{}?yes\r\n", port, restore_path)).status() == 61);
  CHECK(gemini_get(port, restore_path + "?yes").status() == 60);
  const auto restored = gemini_exchange_as(editor(), port, fmt::format("gemini://localhost:{}{}?yes\r\n", port, restore_path));
  CHECK(restored.header == fmt::format("30 gemini://localhost:{}/world/pier", port));
  CHECK(read_text(site.root() / "world/pier.md") == pier_source);
  CHECK(gemini_get(port, "/world/pier").body.find("First version.") != std::string::npos);

  const auto after = gemini_exchange_as(editor(), port, fmt::format("gemini://localhost:{}/newsroom/history/world/pier\r\n", port));
  CHECK(after.body.find("Restored ") != std::string::npos);
  CHECK(read_text(site.folder() / "history/audit.log").find("\t30\tE. Ditor\t" + editor().fingerprint + "\trestore\t/world/pier\t") !=
        std::string::npos);
  // Nothing left to unpublish twice.
  fs::remove(site.root() / "world/pier.md");
  CHECK(eventually([&] { return gemini_get(port, "/world/pier").status() == 51; }));
  CHECK(gemini_exchange_as(editor(), port, fmt::format("titan://localhost:{}/world/pier;size=0\r\n", port)).status() == 51);
}

TEST_CASE("newsroom: ;edit sends an editor the source, front matter included; never to readers") {
  TempCapsule site;
  newsroom_capsule(site);
  GazetteProcess server(site, newsroom_config());
  const auto port = server.gemini_port();

  const auto source = gemini_exchange_as(editor(), port, fmt::format("titan://localhost:{}/world/pier;edit\r\n", port));
  CHECK(source.header == "20 text/markdown; charset=utf-8");
  CHECK(source.body == pier_source);
  CHECK(gemini_exchange(port, fmt::format("titan://localhost:{}/world/pier;edit\r\n", port)).status() == 60);
  CHECK(gemini_exchange_as(stranger(), port, fmt::format("titan://localhost:{}/world/pier;edit\r\n", port)).status() == 61);
  CHECK(gemini_exchange_as(reporter(), port, fmt::format("titan://localhost:{}/world/storm;edit\r\n", port)).body ==
        read_text(site.root() / "world/storm.md"));
  CHECK(gemini_exchange_as(reporter(), port, fmt::format("titan://localhost:{}/world/talks;edit\r\n", port)).status() == 61);
  CHECK(gemini_exchange_as(editor(), port, fmt::format("titan://localhost:{}/world/nothing;edit\r\n", port)).status() == 51);
  // Readers get the page, never the source.
  CHECK(gemini_get(port, "/world/pier.md").status() == 51);
  CHECK(gemini_get(port, "/world/pier").body.find("+++") == std::string::npos);
}

TEST_CASE("newsroom: a reporter files and changes their own drafts, in their sections") {
  TempCapsule site;
  newsroom_capsule(site);
  site.write("culture/odd.md", article("Odd", "2024-05-17", "colour = \"red\"\n"));
  GazetteProcess server(site, newsroom_config());
  const auto port = server.gemini_port();
  const std::string mine = "author = \"R. Porter\"\ndraft = true\n";

  // Filed with a slip the upload's check lets through: the newsroom's page names it.
  const auto filed =
      gemini_exchange_as(reporter(), port, upload(port, "/world/new-one", story("New one", mine + "mood = \"sunny\"\n", "Filed.")));
  CHECK(filed.header == fmt::format("30 gemini://localhost:{}/newsroom/", port));
  CHECK(fs::exists(site.root() / "world/new-one.md"));
  CHECK(gemini_get(port, "/world/new-one").status() == 51); // a draft
  const auto own = gemini_exchange_as(reporter(), port, upload(port, "/world/storm", story("Storm ahead", mine, "Redrafted.")));
  CHECK(own.status() == 30);
  CHECK(read_text(site.root() / "world/storm.md").find("Redrafted.") != std::string::npos);

  const auto before = capsule_files(site.root());
  CHECK(gemini_exchange_as(reporter(), port, upload(port, "/world/talks", story("Talks", mine, "Mine now."))).header ==
        "61 Reporters change their own drafts; /world/talks is not yours (author = \"R. Porter\")");
  CHECK(gemini_exchange_as(reporter(), port, upload(port, "/culture/show", story("Show", mine, "Elsewhere."))).header ==
        "61 You file in world only");
  CHECK(gemini_exchange_as(reporter(), port, upload(port, "/world/storm", story("Storm ahead", "author = \"R. Porter\"\n", "Live!")))
            .header == "61 Reporters file drafts: keep draft = true, and an editor publishes it");
  CHECK(gemini_exchange_as(reporter(), port, upload(port, "/world/other", story("Other", "draft = true\n", "No name."))).header ==
        "61 Put your name among the authors: author = \"R. Porter\"");
  CHECK(gemini_exchange_as(reporter(), port, upload(port, "/images/pier.png", "PNG-9", ";mime=image/png")).status() == 61);
  CHECK(gemini_exchange_as(reporter(), port, fmt::format("titan://localhost:{}/world/pier;size=0\r\n", port)).status() == 61);
  CHECK(capsule_files(site.root()) == before);

  // A new image is theirs to add; the newsroom page shows them their drafts to edit.
  CHECK(gemini_exchange_as(reporter(), port, upload(port, "/images/storm.png", "PNG-3", ";mime=image/png")).status() == 30);
  const auto page = gemini_exchange_as(reporter(), port, fmt::format("gemini://localhost:{}/newsroom/\r\n", port));
  CHECK(page.body.find(fmt::format("=> titan://localhost:{}/world/new-one;edit Edit: New one", port)) != std::string::npos);
  CHECK(page.body.find("\nTalks (2024-05-17, Someone Else)\n") != std::string::npos);
  CHECK(page.body.find("R. Porter uploaded /world/new-one") != std::string::npos);
  const std::string slip = "\nworld/new-one.md:6: warning: unknown front matter key mood, ignored; check its spelling\n";
  const std::string elsewhere = "\nculture/odd.md:4: warning: unknown front matter key colour, ignored; check its spelling\n";
  CHECK(page.body.find(slip) != std::string::npos);
  CHECK(page.body.find(elsewhere) == std::string::npos); // outside their sections
  const auto editors_page = gemini_exchange_as(editor(), port, fmt::format("gemini://localhost:{}/newsroom/\r\n", port));
  CHECK(editors_page.body.find(slip) != std::string::npos);
  CHECK(editors_page.body.find(elsewhere) != std::string::npos);
  // Put right, it is gone from the page.
  CHECK(gemini_exchange_as(reporter(), port, upload(port, "/world/new-one", story("New one", mine, "Filed."))).status() == 30);
  CHECK(gemini_exchange_as(reporter(), port, fmt::format("gemini://localhost:{}/newsroom/\r\n", port)).body.find(slip) ==
        std::string::npos);
  // Past versions are for editors.
  CHECK(gemini_exchange_as(reporter(), port, fmt::format("gemini://localhost:{}/newsroom/history/world/storm\r\n", port)).status() == 61);
}

TEST_CASE("newsroom: the identity survives session resumption, and ordinary readers are not asked") {
  TempCapsule site;
  newsroom_capsule(site);
  GazetteProcess server(site, newsroom_config());
  const auto port = server.gemini_port();
  const std::string page = fmt::format("gemini://localhost:{}/newsroom/\r\n", port);

  const auto first = gemini_exchange_as(editor(), port, page);
  REQUIRE(first.status() == 20);
  REQUIRE(first.session);
  // Resumed without showing the certificate again: the session remembers it.
  const auto resumed = gemini_exchange(port, page, 10s, {}, first.session.get());
  CHECK(resumed.resumed);
  CHECK(resumed.status() == 20);

  const auto reader = gemini_get(port, "/");
  CHECK(reader.status() == 20);
  const auto anonymous_resumed = gemini_exchange(port, page, 10s, {}, reader.session.get());
  CHECK(anonymous_resumed.resumed);
  CHECK(anonymous_resumed.status() == 60);
}

TEST_CASE("newsroom: a slow upload is cut off after the request timeout, and uploads count against the rate") {
  TempCapsule site;
  newsroom_capsule(site);
  GazetteProcess server(site, newsroom_config(true, "[limits]\nrequests_per_second = 0.01\nburst = 3\n"));
  const auto port = server.gemini_port();
  const auto before = capsule_files(site.root());

  GeminiConversation slow(port, &editor());
  REQUIRE(slow.handshake_done());
  slow.send(fmt::format("titan://localhost:{}/world/pier;size=100\r\n0123456789", port));
  const auto started = std::chrono::steady_clock::now();
  const auto response = slow.read_response(6s);
  CHECK(response.header == "59 The upload ended after 10 of its 100 bytes");
  CHECK(std::chrono::steady_clock::now() - started < 4s); // request_timeout = 2, checked ten times a second
  CHECK(capsule_files(site.root()) == before);

  // Three requests make the burst (the slow upload was the first); the fourth waits.
  const std::string story_text = story("Pier opens", "author = \"E. Ditor\"\n", "Rated.");
  CHECK(gemini_exchange_as(editor(), port, upload(port, "/world/pier", story_text)).status() == 30);
  CHECK(gemini_get(port, "/").status() == 20);
  CHECK(gemini_exchange_as(editor(), port, upload(port, "/world/pier", story_text)).status() == 44);
}

TEST_CASE("newsroom: [[editor]] entries reload on SIGHUP, and bad ones are refused like any key") {
  TempCapsule site;
  newsroom_capsule(site);
  GazetteProcess server(site, newsroom_config(false));
  const auto port = server.gemini_port();
  const std::string page = fmt::format("gemini://localhost:{}/newsroom/\r\n", port);
  CHECK(gemini_exchange_as(reporter(), port, page).status() == 61);

  // A mistake is refused, and the running list stays in force.
  std::ofstream(site.folder() / "config.toml") << newsroom_config(false) << "[[editor]]\nname = \"X\"\nfingerprint = \"12\"\nrole = \"editor\"\n";
  kill(server.pid(), SIGHUP);
  CHECK(eventually([&] { return server.stderr_text().find("editor.fingerprint: must be the SHA-256") != std::string::npos; }));
  CHECK(gemini_exchange_as(editor(), port, page).status() == 20);

  std::ofstream(site.folder() / "config.toml") << newsroom_config(true);
  kill(server.pid(), SIGHUP);
  CHECK(eventually([&] { return gemini_exchange_as(reporter(), port, page).status() == 20; }));
}

TEST_CASE("newsroom: a refused upload's body is read and dropped, so a client still sending hears why") {
  TempCapsule site;
  newsroom_capsule(site);
  GazetteProcess server(site, test_config() + "[newsroom]\nmax_upload = 33554432\n\n" + editors_config());
  const auto port = server.gemini_port();
  // More than the socket buffers on both sides hold: the client is still
  // writing when the answer is decided.
  const std::string body(16 << 20, 'x');
  const auto response = gemini_exchange_as(stranger(), port, upload(port, "/images/big.png", body, ";mime=image/png"), 20s);
  CHECK(response.error.empty());
  CHECK(response.status() == 61);
}

TEST_CASE("newsroom: an upload that stalls half way is never published half, and is published whole once it ends") {
  TempCapsule site;
  newsroom_capsule(site);
  GazetteProcess server(site, newsroom_config());
  const auto port = server.gemini_port();
  const std::string whole = "+++\ntitle = \"Pier opens\"\ndate = 2024-05-16\nauthor = \"E. Ditor\"\n+++\n"
                            "First half of the upload, sent before the network stalled. Second half.\n";
  const std::size_t cut = whole.find(" network stalled");
  std::vector<std::string> answers;

  GeminiConversation upload_in_halves(port, &editor());
  REQUIRE(upload_in_halves.handshake_done());
  upload_in_halves.send(fmt::format("titan://localhost:{}/world/pier;size={}\r\n{}", port, whole.size(), whole.substr(0, cut)));
  // Another editor's upload reloads the capsule meanwhile.
  CHECK(gemini_exchange_as(editor(), port, upload(port, "/world/other", story("Other", "author = \"E. Ditor\"\n", "Whole."))).status() == 30);
  REQUIRE(eventually([&] { return gemini_get(port, "/world/other").status() == 20; }));
  const auto during = std::chrono::steady_clock::now() + 500ms; // a pause longer than the server's settling time
  while (std::chrono::steady_clock::now() < during) {
    answers.push_back(gemini_get(port, "/world/pier").body);
    std::this_thread::sleep_for(20ms);
  }
  upload_in_halves.send(whole.substr(cut));
  CHECK(upload_in_halves.read_response().header == fmt::format("30 gemini://localhost:{}/world/pier", port));
  CHECK(eventually([&] { return gemini_get(port, "/world/pier").body.find("Second half.") != std::string::npos; }, 2s));
  for (const auto& answer : answers) {
    CAPTURE(answer);
    CHECK(answer.find("First version.") != std::string::npos);
  }
}
