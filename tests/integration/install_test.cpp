// `cmake --install` from this build into a fresh prefix: the program, its
// manual pages, the systemd unit naming the installed program, and an
// example configuration with the sample capsule that check finds clean.
#include "gazette_process.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fstream>
#include <set>
#include <sstream>
#include <sys/wait.h>

using namespace gazette::testing;
namespace fs = std::filesystem;

namespace {

struct Ran {
  int status = -1;
  std::string output; // stdout and stderr together
};

Ran run(const std::string& command) {
  Ran ran;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) ran.output.append(buffer, n);
  const int status = pclose(pipe);
  ran.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return ran;
}

std::set<std::string> files_under(const fs::path& folder) {
  std::set<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(folder))
    if (!entry.is_directory()) files.insert(fs::relative(entry.path(), folder).string());
  return files;
}

std::string read_text(const fs::path& file) {
  std::ifstream in(file);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

} // namespace

TEST_CASE("cmake --install puts the program, man pages, systemd unit and examples under the prefix") {
  TempCapsule site; // only its folder is used, as the prefix
  const fs::path prefix = site.folder() / "prefix";
  const Ran installed = run(fmt::format("'{}' --install '{}' --prefix '{}'", GAZETTE_CMAKE, GAZETTE_BUILD_DIR, prefix.string()));
  INFO(installed.output);
  REQUIRE(installed.status == 0);

  std::set<std::string> expected{"bin/gazette", "share/man/man1/gazette.1", "share/man/man5/gazette.5",
                                 "lib/systemd/system/gazette.service", "share/doc/gazette/examples/config.toml"};
  for (const auto& file : files_under(fs::path(GAZETTE_SOURCE_DIR) / "capsule"))
    expected.insert("share/doc/gazette/examples/capsule/" + file);
  CHECK(files_under(prefix) == expected);

  const Ran version = run(fmt::format("'{}' --version", (prefix / "bin/gazette").string()));
  CHECK(version.status == 0);
  CHECK(version.output.starts_with("gazette "));

  // The unit runs the installed program.
  const std::string unit = read_text(prefix / "lib/systemd/system/gazette.service");
  CHECK(unit.find(fmt::format("\nExecStart={} serve --config /srv/gazette/config.toml\n", (prefix / "bin/gazette").string())) !=
        std::string::npos);
  CHECK(unit.find("@GAZETTE") == std::string::npos);
  if (run("command -v systemd-analyze").status == 0) {
    const Ran verified = run(fmt::format("MANPATH='{}' systemd-analyze verify '{}'", (prefix / "share/man").string(),
                                         (prefix / "lib/systemd/system/gazette.service").string()));
    INFO(verified.output);
    CHECK(verified.status == 0);
  } else {
    MESSAGE("systemd-analyze is not installed: the unit's syntax is not verified");
  }

  // The manual pages format without a warning, and man finds them.
  for (const std::string page : {"share/man/man1/gazette.1", "share/man/man5/gazette.5"}) {
    CAPTURE(page);
    const Ran formatted = run(fmt::format("groff -man -t -ww -z '{}'", (prefix / page).string()));
    CHECK(formatted.status == 0);
    CHECK(formatted.output == "");
  }
  const Ran found = run(fmt::format("MANPATH='{}' man -w 5 gazette", (prefix / "share/man").string()));
  CHECK(found.output == (prefix / "share/man/man5/gazette.5").string() + "\n");

  // The example configuration and capsule check clean as they are.
  const Ran checked = run(fmt::format("'{}' check --config '{}'", (prefix / "bin/gazette").string(),
                                      (prefix / "share/doc/gazette/examples/config.toml").string()));
  CHECK(checked.status == 0);
  CHECK(checked.output.starts_with("0 errors, 0 warnings; 5 articles checked, 0 with errors, 4 published"));
}
