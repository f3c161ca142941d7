// gazette check: how problems are reported, and the summary.
#include "gazette_process.hpp"

#include <doctest/doctest.h>
#include <algorithm>
#include <fstream>
#include <iterator>

using namespace gazette::testing;

namespace {

bool has_line(const std::string& text, const std::string& line) {
  return ("\n" + text).find("\n" + line + "\n") != std::string::npos;
}

// The summary: the output's last line, without its newline.
std::string last_line(const std::string& text) {
  const std::string_view lines = std::string_view(text).substr(0, text.ends_with('\n') ? text.size() - 1 : text.size());
  return std::string(lines.substr(lines.rfind('\n') + 1));
}

} // namespace

TEST_CASE("gazette check: a missing quote is named with its line in every kind of file") {
  struct Row {
    std::string file; // relative to the folder holding config.toml
    std::string text;
    std::string reported; // the whole line check prints
  };
  const std::string missing_quote = "error: the string on this line is missing its closing \"; end it with \", or put "
                                    "text of several lines between \"\"\" and \"\"\"";
  const Row rows[] = {
      {"config.toml", "# Gazette\n\ncapsule = \"capsule\n", "config.toml:3: " + missing_quote},
      {"capsule/site.toml", "title = \"The Foreign Desk\nlang = \"en\"\n", "site.toml:1: " + missing_quote},
      {"capsule/ukraine/_section.toml", "\ntitle = 'Ukraine\n",
       "ukraine/_section.toml:2: error: the string on this line is missing its closing '; end it with ', or put "
       "text of several lines between ''' and '''"},
      {"capsule/ukraine/broken.md", "+++\ndate = 2024-01-01\ntitle = \"Broken\n+++\nBody.\n",
       "ukraine/broken.md:3: " + missing_quote},
      {"capsule/ukraine/bare.md", "+++\ndate = 2024-01-01\ntitle = Bare words\n+++\nBody.\n",
       "ukraine/bare.md:3: error: front matter is not valid TOML: text must be in quotes, as in title = \"The "
       "Foreign Desk\" (numbers, dates, true and false go without)"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.file);
    TempCapsule site;
    copy_sample_capsule(site);
    std::ofstream(site.folder() / "config.toml") << test_config();
    std::ofstream(site.folder() / row.file) << row.text;
    CommandResult checked = run_gazette(site.folder(), {"check", "--config", "config.toml"});
    CHECK(checked.exit_status == 1);
    CHECK(has_line(checked.out, row.reported));
  }
}

TEST_CASE("gazette check's summary counts every article file and says how many failed") {
  TempCapsule site;
  copy_sample_capsule(site);
  std::ofstream(site.folder() / "config.toml") << test_config();
  CommandResult clean = run_gazette(site.folder(), {"check", "--config", "config.toml"});
  CHECK(clean.exit_status == 0);
  CHECK(last_line(clean.out) == "0 errors, 0 warnings; 5 articles checked, 0 with errors, 4 published");

  site.write("ukraine/broken.md", "+++\ntitle = \"Broken\ndate = 2024-01-01\n+++\nBody.\n");
  CommandResult one_broken = run_gazette(site.folder(), {"check", "--config", "config.toml"});
  CHECK(one_broken.exit_status == 1);
  CHECK(last_line(one_broken.out) == "1 error, 0 warnings; 6 articles checked, 1 with errors, 4 published");

  // An error that leaves the story online counts it too; a draft is checked,
  // not published.
  site.write("ukraine/draft.md", "+++\ntitle = \"Draft\"\ndate = 2024-01-01\ndraft = true\nmood = 1\n+++\nBody.\n")
      .write("ukraine/bad-link.md", "+++\ntitle = \"Bad link\"\ndate = 2024-01-01\nrelated = [\"ukraine/none\"]\n+++\nBody.\n");
  CommandResult more = run_gazette(site.folder(), {"check", "--config", "config.toml"});
  CHECK(last_line(more.out) == "2 errors, 1 warning; 8 articles checked, 2 with errors, 5 published");
}

TEST_CASE("gazette check: links that lead nowhere, template text left in, and when scheduled stories appear") {
  TempCapsule site;
  copy_sample_capsule(site);
  std::ofstream(site.folder() / "config.toml") << test_config();
  // Each appended line's number is the file's line count after it.
  const auto lines_of = [&](const std::string& file) {
    std::ifstream text(site.root() / file);
    return std::to_string(std::count(std::istreambuf_iterator<char>(text), {}, '\n'));
  };
  const std::string pier = "israel-gaza/us-military-pier-to-open-for-business-but-storms-ahead.md";
  std::ofstream(site.root() / pier, std::ios::app) << "\n![grey square](images/gaza-pier.png \"A placeholder photo\")\n";
  std::ofstream(site.root() / "about.gmi", std::ios::app) << "=> /ukraine/ Ukraine\n=> contact.gmi Contact us\n";
  const std::string pier_line = lines_of(pier), contact_line = lines_of("about.gmi");
  site.write("ukraine/untouched.md", "+++\ntitle = \"Untouched\"\ndate = 2024-01-01\ndraft = false\n+++\n"
                                     "Write the story here. Set draft = false to publish it.\n")
      .write("ukraine/later.md", "+++\ntitle = \"Later\"\ndate = 2099-01-01\n+++\nNot yet.\n");

  CommandResult checked = run_gazette(site.folder(), {"check", "--config", "config.toml"});
  CHECK(checked.exit_status == 0); // warnings and notes alone
  CAPTURE(checked.out);
  CHECK(has_line(checked.out, pier + ":" + pier_line +
                                  ": warning: image \"images/gaza-pier.png\" leads nowhere: it resolves to "
                                  "/israel-gaza/images/gaza-pier.png, where nothing is served; a relative link starts "
                                  "from its page's folder: write /images/gaza-pier.png"));
  CHECK(has_line(checked.out, "about.gmi:" + contact_line + ": warning: link \"contact.gmi\" leads nowhere: it resolves to /contact.gmi, "
                              "where nothing is served; fix the link, or add what it names"));
  CHECK(has_line(checked.out, "ukraine/untouched.md:6: warning: \"Write the story here\" is still here from the new "
                              "story's template; write the story, or set draft = true until it is written"));
  CHECK(has_line(checked.out, "ukraine/later.md: note: scheduled; appears 2099-01-01T00:00:00Z"));
  CHECK(last_line(checked.out) == "0 errors, 3 warnings; 7 articles checked, 0 with errors, 5 published");
}
