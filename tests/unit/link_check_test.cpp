// Links that lead nowhere: looked up among the answers of a snapshot built
// from a small capsule, as `gazette check` and a reload look them up.
#include "site/link_check.hpp"
#include "site/snapshot_builder.hpp"
#include "temp_capsule.hpp"

#include <doctest/doctest.h>

using namespace gazette;
using gazette::testing::article;
using gazette::testing::TempCapsule;

namespace {

TempCapsule& small_capsule(TempCapsule& capsule) {
  return capsule.write("site.toml", "title = \"T\"\n")
      .write("world/_section.toml", "title = \"World\"\n")
      .write("world/other.md", article("Other", "2024-01-01", "tags = [\"aid\"]\n"))
      .write("world/draft.md", article("Draft", "2024-01-01", "draft = true\n"))
      .write("world/chart.png", "png")
      .write("images/p.png", "png")
      .write("docs/index.gmi", "# Docs\n");
}

BuiltSnapshot build(const TempCapsule& capsule) {
  auto config = std::make_shared<Config>();
  config->capsule = capsule.root();
  config->hostnames = {"localhost"};
  return build_snapshot(config, nullptr);
}

// The link warnings of a build, each as check prints it.
std::vector<std::string> link_warnings(const BuiltSnapshot& built) {
  std::vector<std::string> found;
  for (const auto& d : built.diagnostics)
    if (d.message.find(" leads nowhere: ") != std::string::npos) found.push_back(d.to_string());
  return found;
}

} // namespace

TEST_CASE("a body's link or image that leads nowhere is a warning with its line; one that answers is not") {
  struct Row {
    std::string body;    // of world/pier.md, whose body starts on line 5
    std::string warning; // what check prints, or empty
  };
  const std::string at = "world/pier.md:5: warning: ";
  const Row rows[] = {
      {"[x](/images/p.png)", ""},
      {"[x](chart.png)", ""}, // /world/chart.png
      {"[x](other)", ""},
      {"[x](./other)", ""},
      {"[x](../world/other)", ""},
      {"[x](/world/)", ""},
      {"[x](/world)", ""},      // 31 to /world/
      {"[x](/)", ""},
      {"[x](/search?aid)", ""}, // 10, then results
      {"[x](/search)", ""},
      {"[x](/atom.xml)", ""},
      {"[x](/world/atom.xml)", ""},
      {"[x](/tags/aid/)", ""},
      {"[x](/docs/)", ""}, // a folder's index.gmi
      {"[x](/docs)", ""},
      {"[x](/images/p%2Epng)", ""},
      {"[x](#part)", ""},
      {"[x](?query)", ""},
      {"[x](https://example.org/nothing)", ""},
      {"[x](gemini://example.org/nothing)", ""},
      {"[x](mailto:desk@example.org)", ""},
      {"[x](//example.org/nothing)", ""},
      {"=> /world/other Other", ""},
      {"![grey square](images/p.png \"A photo\")",
       at + "image \"images/p.png\" leads nowhere: it resolves to /world/images/p.png, where nothing is served; a "
            "relative link starts from its page's folder: write /images/p.png"},
      {"See [x](/nothing) now.",
       at + "link \"/nothing\" leads nowhere: nothing is served at that path; fix the link, or add what it names"},
      {"[x](/world/draft)",
       at + "link \"/world/draft\" leads nowhere: nothing is served at that path; it is a story not published yet (a "
            "draft, or dated later)"},
      {"[x](/world/other.md)", at + "link \"/world/other.md\" leads nowhere: nothing is served at that path; fix the "
                                    "link, or add what it names"},
      {"[x](/site.toml)", at + "link \"/site.toml\" leads nowhere: nothing is served at that path; fix the link, or add "
                               "what it names"},
      {"[x](../../up)", at + "link \"../../up\" leads nowhere: it resolves to /up, where nothing is served; fix the "
                             "link, or add what it names"},
      {"=> missing Gone", at + "link \"missing\" leads nowhere: it resolves to /world/missing, where nothing is "
                               "served; fix the link, or add what it names"},
      {"[x](/tags/none/)", at + "link \"/tags/none/\" leads nowhere: nothing is served at that path; fix the link, or "
                                "add what it names"},
      // Links no reader's client will follow, whatever the case of their scheme.
      {"[x](javascript:alert(1))",
       at + "link \"javascript:alert(1)\" leads nowhere: no Gemini or Gopher client runs javascript: links; remove the link"},
      {"=> JavaScript:void(0) Go",
       at + "link \"JavaScript:void(0)\" leads nowhere: no Gemini or Gopher client runs javascript: links; remove the link"},
      {"[x](vbscript:msgbox)",
       at + "link \"vbscript:msgbox\" leads nowhere: no Gemini or Gopher client runs vbscript: links; remove the link"},
      {"![map](file:///home/me/map.png)",
       at + "image \"file:///home/me/map.png\" leads nowhere: a file: link names a file on the writer's own computer; "
            "put the file in the capsule and link to it there"},
      {"[x](finger://example.org/desk)", ""},
      {"[x](javascripts/app.js)", at + "link \"javascripts/app.js\" leads nowhere: it resolves to "
                                       "/world/javascripts/app.js, where nothing is served; fix the link, or add what it names"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.body);
    TempCapsule capsule;
    small_capsule(capsule).write("world/pier.md", article("Pier", "2024-01-02", "", row.body));
    const auto found = link_warnings(build(capsule));
    CHECK(found == (row.warning.empty() ? std::vector<std::string>{} : std::vector<std::string>{row.warning}));
  }
}

TEST_CASE("each link is checked on its own line; drafts and scheduled stories are checked too") {
  TempCapsule capsule;
  small_capsule(capsule)
      .write("world/pier.md", article("Pier", "2024-01-02", "",
                                      "First [a](/a) and\n[b](/b).\n\n![c](c.png)\n\n=> /d\n=> /world/other\n=> /e"))
      .write("world/later.md", article("Later", "2999-01-01", "", "[f](/f)"))
      .write("world/draft.md", article("Draft", "2024-01-01", "draft = true\n", "Draft's [g](/g)."));
  std::vector<std::string> where;
  for (const auto& d : build(capsule).diagnostics)
    if (d.message.find(" leads nowhere: ") != std::string::npos) where.push_back(d.path + ":" + std::to_string(d.line));
  CHECK(where == std::vector<std::string>{"world/draft.md:6", "world/later.md:5", "world/pier.md:5", "world/pier.md:6",
                                          "world/pier.md:8", "world/pier.md:10", "world/pier.md:12"});
}

TEST_CASE("the capsule's gemtext pages: each link line that leads nowhere, outside preformatted text") {
  TempCapsule capsule;
  small_capsule(capsule)
      .write("about.gmi", "# About\n=> / Front\n```\n=> /in-preformatted\n```\n=> nowhere Gone\n=>\t/world/other\tOther\r\n"
                          "* => /a-list-item\n=> gemini://example.org/x\n")
      .write("docs/page.gmi", "=> index.gmi\n=> ../about.gmi\n=> missing.gmi\n")
      .write("plain/notes.gmi", "=> /nothing\n");
  CHECK(link_warnings(build(capsule)) ==
        std::vector<std::string>{
            "about.gmi:6: warning: link \"nowhere\" leads nowhere: it resolves to /nowhere, where nothing is served; fix "
            "the link, or add what it names",
            "docs/page.gmi:3: warning: link \"missing.gmi\" leads nowhere: it resolves to /docs/missing.gmi, where nothing "
            "is served; fix the link, or add what it names",
            "plain/notes.gmi:1: warning: link \"/nothing\" leads nowhere: nothing is served at that path; fix the link, or "
            "add what it names"});
}

TEST_CASE("gemtext link lines: the target of each, with its line") {
  struct Row {
    std::string text;
    std::vector<std::pair<std::string, int>> links;
  };
  const Row rows[] = {
      {"=> /a", {{"/a", 1}}},
      {"=>/b label", {{"/b", 1}}},
      {"=> \t c.gmi\tlabel\r\n", {{"c.gmi", 1}}},
      {"text\n=> /d\n\n=> /e label\n", {{"/d", 2}, {"/e", 4}}},
      {"```\n=> /pre\n```\n=> /after", {{"/after", 4}}},
      {"``` alt text\n=> /pre", {}},
      {"=>", {}},
      {"=>   ", {}},
      {" => /indented", {}},
      {"# => /heading", {}},
  };
  for (const auto& row : rows) {
    CAPTURE(row.text);
    std::vector<std::pair<std::string, int>> found;
    for (const auto& link : gemtext_links(row.text)) found.emplace_back(link.url, link.line);
    CHECK(found == row.links);
  }
}
