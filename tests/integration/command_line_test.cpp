// The command line itself: unknown commands, help, and `gazette new`.
#include "gazette_process.hpp"

#include <doctest/doctest.h>
#include <fstream>
#include <set>

using namespace gazette::testing;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> command_names{"serve", "check", "render", "new", "fingerprint"};

std::set<std::string> files_under(const fs::path& folder) {
  std::set<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) files.insert(fs::relative(entry.path(), folder).string());
  return files;
}

} // namespace

TEST_CASE("an unknown command, or none, is named and the commands are listed") {
  TempCapsule site;
  struct Row {
    std::vector<std::string> args;
    std::string says;
  };
  const Row rows[] = {
      {{"bogus"}, "gazette: unknown command \"bogus\""},
      {{"chek", "--config", "config.toml"}, "gazette: unknown command \"chek\""},
      {{}, "gazette: a command is needed"},
      {{"--verbose"}, "gazette: unknown option \"--verbose\""},
  };
  for (const auto& row : rows) {
    CAPTURE(row.says);
    CommandResult result = run_gazette(site.folder(), row.args);
    CHECK(result.exit_status == 2);
    CHECK(result.err.starts_with(row.says + "; the commands are serve, check, render, new, fingerprint"));
    CHECK(result.out.empty());
  }
}

TEST_CASE("--help shows every command with its arguments; each command's help its own") {
  TempCapsule site;
  CommandResult help = run_gazette(site.folder(), {"--help"});
  CHECK(help.exit_status == 0);
  for (const std::string usage : {"gazette serve [--config PATH]", "gazette check [--config PATH]",
                                  "gazette render PATH [--gopher] [--config PATH]",
                                  "gazette new SECTION TITLE [--config PATH]", "gazette fingerprint [--config PATH]"}) {
    CAPTURE(usage);
    CHECK(help.out.find("\n  " + usage + "\n") != std::string::npos);
  }
  for (const auto& name : command_names) {
    CAPTURE(name);
    CommandResult own = run_gazette(site.folder(), {name, "--help"});
    CHECK(own.exit_status == 0);
    CHECK(own.out.find("Usage: gazette " + name + " [OPTIONS]") != std::string::npos);
    CHECK(own.out.find("--config TEXT=config.toml") != std::string::npos);
  }
  CHECK(run_gazette(site.folder(), {"new", "--help"}).out.find("Usage: gazette new [OPTIONS] section title") != std::string::npos);
}

TEST_CASE("gazette new refuses an empty title and writes nothing") {
  TempCapsule site;
  copy_sample_capsule(site);
  std::ofstream(site.folder() / "config.toml") << test_config();
  const std::set<std::string> before = files_under(site.root());
  for (const std::string title : {"", " ", "   ", "\t", " \n "}) {
    CAPTURE(title);
    CommandResult refused = run_gazette(site.folder(), {"new", "ukraine", title, "--config", "config.toml"});
    CHECK(refused.exit_status == 1);
    CHECK(refused.err == "the title is empty; give the headline, such as: gazette new ukraine \"Pier opens for business\"\n");
    CHECK(refused.out.empty());
    CHECK(files_under(site.root()) == before);
  }
  // Space around a real title is not kept.
  CommandResult made = run_gazette(site.folder(), {"new", "ukraine", "  Talks   resume ", "--config", "config.toml"});
  CHECK(made.exit_status == 0);
  CHECK(made.out == "capsule/ukraine/talks-resume.md\n");
  std::ifstream in(site.root() / "ukraine/talks-resume.md");
  std::string first, second;
  std::getline(in, first);
  std::getline(in, second);
  CHECK(second == "title = 'Talks resume'");
}
