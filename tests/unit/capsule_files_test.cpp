// The walk of the capsule's static files, whole and one folder at a time:
// a folder read alone lists what the whole walk lists in it.
#include "content/capsule_files.hpp"
#include "temp_capsule.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <map>
#include <sys/stat.h>
#include <unistd.h>

using namespace gazette;
using gazette::testing::TempCapsule;

namespace {

std::vector<std::string> urls(const std::vector<StaticFile>& files) {
  std::vector<std::string> all;
  for (const auto& file : files) all.push_back(file.url_path);
  return all;
}

// What the whole walk lists in `folder` itself: its files, and it and its subfolders.
CapsuleFiles in_folder(const CapsuleFiles& whole, const std::string& folder) {
  CapsuleFiles out;
  for (const auto& file : whole.files)
    if (file.url_path.starts_with(folder) && file.url_path.find('/', folder.size()) == std::string::npos)
      out.files.push_back(file);
  for (const auto& sub : whole.directories)
    if (sub == folder || (sub.starts_with(folder) && sub.find('/', folder.size()) == sub.size() - 1))
      out.directories.push_back(sub);
  return out;
}

} // namespace

TEST_CASE("capsule files: what the walk lists and leaves out") {
  TempCapsule capsule;
  capsule.write("site.toml", "title = \"T\"\n").write("logo.png", "png").write("_notes.txt", "hidden");
  capsule.write("world/_section.toml", "title = \"World\"\n").write("world/pier.md", "story").write("world/map.pdf", "pdf");
  capsule.write("images/pier.jpg", "jpeg").write("images/pier.jpg~", "backup").write("images/.pier.jpg.swp", "swap");
  capsule.write("images/2024/kites.jpg", "jpeg").write("docs/notes.md", "not a section: served as it is");
  capsule.write(".git/config", "hidden folder").write("_drafts/plan.txt", "hidden folder");
  std::filesystem::create_symlink("/etc/hostname", capsule.root() / "images/outside.txt");
  std::filesystem::create_directories(capsule.root() / "empty");

  const CapsuleFiles whole = scan_capsule_files(capsule.root());
  CHECK(urls(whole.files) == std::vector<std::string>{"/docs/notes.md", "/images/2024/kites.jpg", "/images/pier.jpg",
                                                      "/logo.png", "/world/map.pdf"});
  CHECK(whole.directories == std::vector<std::string>{"/", "/docs/", "/empty/", "/images/", "/images/2024/", "/world/"});
  REQUIRE(whole.skipped.size() == 1);
  CHECK(whole.skipped[0].path == "images/outside.txt");

  for (const std::string folder : {"/", "/docs/", "/empty/", "/images/", "/images/2024/", "/world/"}) {
    CAPTURE(folder);
    const CapsuleFiles alone = scan_capsule_folder(capsule.root(), folder);
    const CapsuleFiles expected = in_folder(whole, folder);
    CHECK(urls(alone.files) == urls(expected.files));
    CHECK(alone.directories == expected.directories);
    CHECK(alone.skipped.size() == (folder == "/images/" ? 1u : 0u));
  }
}

TEST_CASE("capsule files: a file is read at its real path, through a symlinked capsule or a symlink inside it") {
  TempCapsule capsule;
  capsule.write("site.toml", "title = \"T\"\n").write("images/pier.jpg", "jpeg").write("docs/a/b.txt", "text");
  std::filesystem::create_symlink("pier.jpg", capsule.root() / "images/alias.jpg");
  std::filesystem::create_symlink("../images/pier.jpg", capsule.root() / "docs/pier.jpg");
  const std::filesystem::path real = std::filesystem::canonical(capsule.root());
  const std::filesystem::path through = capsule.root().parent_path() / (capsule.root().filename().string() + "-link");
  std::filesystem::create_directory_symlink(capsule.root(), through);

  for (const auto& root : {capsule.root(), through}) {
    CAPTURE(root);
    const CapsuleFiles files = scan_capsule_files(root);
    CHECK(files.skipped.empty());
    std::vector<std::pair<std::string, std::string>> found;
    for (const auto& file : files.files) found.emplace_back(file.url_path, file.file.string());
    CHECK(found == std::vector<std::pair<std::string, std::string>>{
                       {"/docs/a/b.txt", (real / "docs/a/b.txt").string()},
                       {"/docs/pier.jpg", (real / "images/pier.jpg").string()},
                       {"/images/alias.jpg", (real / "images/pier.jpg").string()},
                       {"/images/pier.jpg", (real / "images/pier.jpg").string()},
                   });
  }
  std::filesystem::remove(through);
}

TEST_CASE("capsule files: a name no request can hold is left out, with a warning") {
  TempCapsule capsule;
  capsule.write("site.toml", "title = \"T\"\n").write("files/ok.txt", "ok");
  const std::string names[] = {"files/tab\tname.txt", "files/cr\rname.txt", "files/nl\nname.txt", "files/del\x7Fname.txt",
                               "files/bad\xFFname.txt", "line\nbreak/inside.txt"};
  for (const auto& name : names) capsule.write(name, "x");

  const CapsuleFiles whole = scan_capsule_files(capsule.root());
  CHECK(urls(whole.files) == std::vector<std::string>{"/files/ok.txt"});
  CHECK(whole.directories == std::vector<std::string>{"/", "/files/"});
  std::vector<std::string> skipped;
  for (const auto& diagnostic : whole.skipped) {
    CHECK(diagnostic.severity == Diagnostic::Severity::warning);
    CHECK(diagnostic.message.find(diagnostic.path.starts_with("files/bad") ? "not valid UTF-8" : "control character") !=
          std::string::npos);
    skipped.push_back(diagnostic.path);
  }
  std::sort(skipped.begin(), skipped.end());
  CHECK(skipped == std::vector<std::string>{"files/bad\xFFname.txt", "files/cr\rname.txt", "files/del\x7Fname.txt",
                                            "files/nl\nname.txt", "files/tab\tname.txt", "line\nbreak"});
}

TEST_CASE("capsule files: what cannot be read as a file is left out, with a warning that says why") {
  TempCapsule capsule;
  capsule.write("site.toml", "title = \"T\"\n").write("files/ok.txt", "ok").write("files/locked.txt", "secret");
  REQUIRE(::mkfifo((capsule.root() / "files/pipe.txt").c_str(), 0644) == 0);
  std::filesystem::create_symlink("gone.png", capsule.root() / "files/dangling.png");
  std::filesystem::permissions(capsule.root() / "files/locked.txt", std::filesystem::perms::none);
  // Root reads a file whatever its mode: there the integration tests, whose
  // server reads as another user, show the same refusal.
  const bool can_lock = ::geteuid() != 0;

  const CapsuleFiles whole = scan_capsule_files(capsule.root());
  CHECK(urls(whole.files) == (can_lock ? std::vector<std::string>{"/files/ok.txt"}
                                       : std::vector<std::string>{"/files/locked.txt", "/files/ok.txt"}));
  std::map<std::string, std::string> skipped;
  for (const auto& diagnostic : whole.skipped) {
    CHECK(diagnostic.severity == Diagnostic::Severity::warning);
    skipped[diagnostic.path] = diagnostic.message;
  }
  CHECK(skipped.size() == (can_lock ? 3u : 2u));
  CHECK(skipped["files/pipe.txt"].find("not a regular file") != std::string::npos);
  CHECK(skipped["files/dangling.png"].find("a symlink that leads nowhere") != std::string::npos);
  if (can_lock) CHECK(skipped["files/locked.txt"].find("cannot be read (Permission denied)") != std::string::npos);
  std::filesystem::permissions(capsule.root() / "files/locked.txt", std::filesystem::perms::owner_all);
}
