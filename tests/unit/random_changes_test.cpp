// Long runs of random changes of every kind a newsroom makes (edits, new
// stories, removals, renames, moves between sections, drafts, stories
// scheduled for later, related links, aliases, photos, section and site
// settings, several files at once), each built as a reload builds it, in
// place or whole, under the default settings and under others: after every
// one, all answers, problems and searches must be those a fresh build of the
// same files makes.
#include "fresh_build.hpp"
#include "temp_capsule.hpp"

#include <chrono>
#include <doctest/doctest.h>
#include <filesystem>
#include <fmt/format.h>
#include <map>
#include <optional>
#include <vector>

using namespace gazette;
using gazette::testing::article;
using gazette::testing::every_protocol;
using gazette::testing::TempCapsule;

namespace {

// The last section's folder comes and goes with its settings file.
const char* const sections[] = {"world", "arts", "money", "sport"};
const char* const tags[] = {"harbour", "stage", "budget", "election", "drought"};
const char* const words[] = {"pier", "envoy", "curtain", "tariff", "ballot", "d\u00e9tente"};

struct Story {
  std::string section, slug;
  std::string title;
  std::string date;
  std::vector<std::string> tags;
  std::string body;
  bool draft = false;
  std::optional<std::string> related; // "section/slug", or a URL
  std::optional<std::string> alias;
  bool photo = false;
  std::optional<std::string> summary, author, updated;

  std::string path() const { return section + "/" + slug + ".md"; }

  std::string text() const {
    std::string extra = "tags = [";
    for (std::size_t i = 0; i < tags.size(); ++i)
      extra += (i ? ", \"" : "\"") + tags[i] + "\"";
    extra += "]\n";
    if (draft) extra += "draft = true\n";
    if (related) extra += "related = [\"" + *related + "\"]\n";
    if (alias) extra += "aliases = [\"" + *alias + "\"]\n";
    if (summary) extra += "summary = \"" + *summary + "\"\n";
    if (author) extra += "author = \"" + *author + "\"\n";
    if (updated) extra += "updated = " + *updated + "\n";
    if (photo) extra += "[image]\nsrc = \"images/photo.png\"\ncaption = \"A photo\"\n";
    return article(title, date, extra, body);
  }
};

// A small, deterministic source of choices.
class Choices {
public:
  explicit Choices(std::uint32_t seed) : state_(seed) {}
  std::size_t below(std::size_t n) {
    state_ = state_ * 1664525u + 1013904223u;
    return (state_ >> 8) % n;
  }
  bool one_in(std::size_t n) { return below(n) == 0; }

private:
  std::uint32_t state_;
};

class Newsroom {
public:
  Newsroom(TempCapsule& capsule, std::uint32_t seed) : capsule_(capsule), choose_(seed) {}

  // The capsule's first state, written as a whole.
  void start() {
    capsule_.write("site.toml", site_text());
    for (const char* section : sections)
      capsule_.write(std::string(section) + "/_section.toml", section_text(section));
    capsule_.write("images/photo.png", "png");
    for (int i = 0; i < 24; ++i) {
      Story story = new_story();
      capsule_.write(story.path(), story.text());
      stories_[story.path()] = std::move(story);
    }
  }

  // One to three random changes, made to the capsule's files: the files
  // they changed, as inotify names them.
  ChangedFiles next(std::string& what) {
    changed_.clear();
    // Each save gets a time of its own: the test saves faster than the
    // file system's clock ticks, and no editor saves within a reload's
    // quiet spell of the last.
    saved_at_ = std::filesystem::file_time_type::clock::now() + std::chrono::seconds(++saves_);
    const std::size_t count = choose_.one_in(4) ? 2 + choose_.below(2) : 1;
    for (std::size_t i = 0; i < count; ++i)
      change(what);
    return changed_;
  }

private:
  std::string site_text() const {
    return fmt::format(
        "title = \"The Ledger\"\nlang = \"en\"\nfront_page = {}\nlist_page = {}\nfeed_entries = 3\nrelated = {}\n{}",
        front_page_, list_page_, related_count_, money_first_ ? "sections = [\"money\"]\n" : "");
  }
  std::string section_text(const std::string& section) const {
    return fmt::format("title = \"The {} desk{}\"\n", section,
                       section_suffix_.count(section) ? section_suffix_.at(section) : "");
  }

  std::string date() {
    // Few days and hours, so that stories often share a day, a month or a
    // second; now and then a date after the test runs, which waits.
    if (choose_.one_in(15)) return "2099-01-01T00:00:00Z";
    return fmt::format("{}-{:02}-{:02}T{:02}:00:00Z", 2023 + choose_.below(2), 1 + choose_.below(3),
                       1 + choose_.below(3), choose_.below(2) * 9);
  }

  Story new_story() {
    Story story;
    story.section = any_section();
    story.slug = "story-" + std::to_string(next_slug_++);
    story.title = fmt::format("The {} story {}", words[choose_.below(6)], next_slug_);
    story.date = date();
    story.tags = {tags[choose_.below(5)]};
    if (choose_.one_in(2)) story.tags.push_back(tags[choose_.below(5)]);
    if (story.tags.size() == 2 && story.tags[0] == story.tags[1]) story.tags.pop_back();
    story.body = body();
    story.photo = choose_.one_in(4);
    return story;
  }

  std::string body() {
    std::string text = fmt::format("The {} report.", words[choose_.below(6)]);
    if (choose_.one_in(2))
      text +=
          fmt::format("\n\nMore on the {} [here](https://example.org/{}).", words[choose_.below(6)], choose_.below(9));
    if (choose_.one_in(5)) text += "\n\nSee [the other desk](/arts/).";
    return text;
  }

  std::string any_section() { return sections[choose_.below(sport_open_ ? 4 : 3)]; }

  Story& any_story() {
    auto it = stories_.begin();
    std::advance(it, static_cast<std::ptrdiff_t>(choose_.below(stories_.size())));
    return it->second;
  }

  void write_file(const std::string& path, const std::string& text) {
    capsule_.write(path, text);
    std::filesystem::last_write_time(capsule_.root() / path, saved_at_);
    changed_.insert(path);
  }
  void remove_file(const std::string& path) {
    std::filesystem::remove(capsule_.root() / path);
    changed_.insert(path);
  }
  void save(const Story& story) { write_file(story.path(), story.text()); }
  void save(const Story& story, std::string& what, const std::string& label) {
    what += " " + label + ":" + story.path();
    save(story);
  }
  // Writes the file when it is not there, else removes it: whether it is there now.
  bool toggle_file(const std::string& path, const std::string& text) {
    const bool there = std::filesystem::exists(capsule_.root() / path);
    if (there)
      remove_file(path);
    else
      write_file(path, text);
    return !there;
  }

  void change(std::string& what) {
    if (stories_.size() < 6) {
      add(what);
      return;
    }
    Story& story = any_story();
    const std::size_t kind = choose_.below(25);
    switch (kind) {
    case 0:
      story.body = body();
      save(story, what, "body");
      break;
    case 1:
      story.title = fmt::format("The {} story, retold {}", words[choose_.below(6)], choose_.below(100));
      save(story, what, "title");
      break;
    case 2:
    case 3:
      story.date = date();
      save(story, what, "date");
      break;
    case 4:
      story.tags = {tags[choose_.below(5)]};
      save(story, what, "tags");
      break;
    case 5:
      story.draft = !story.draft;
      save(story, what, "draft");
      break;
    case 6: {
      const Story& other = any_story();
      story.related = choose_.one_in(4) ? "https://example.org/elsewhere" : other.section + "/" + other.slug;
      save(story, what, "related");
      break;
    }
    case 7:
      story.alias = "/old/" + story.slug;
      save(story, what, "alias");
      break;
    case 8:
      story.photo = !story.photo;
      save(story, what, "photo");
      break;
    case 9:
      remove(story, what);
      break;
    case 10:
    case 11:
      add(what);
      break;
    case 12: {
      // Renamed in its section, or moved to another.
      Story moved = story;
      moved.slug += "-b";
      if (choose_.one_in(2)) moved.section = any_section();
      if (stories_.count(moved.path())) return;
      what += " move:" + story.path() + "->" + moved.path();
      remove_file(story.path());
      stories_.erase(story.path());
      save(moved);
      stories_[moved.path()] = std::move(moved);
      break;
    }
    case 13: {
      const std::string section = any_section();
      section_suffix_[section] = " " + std::to_string(choose_.below(100));
      what += " section:" + section;
      write_file(section + "/_section.toml", section_text(section));
      break;
    }
    case 14: {
      front_page_ = 2 + choose_.below(3);
      list_page_ = 2 + choose_.below(3);
      related_count_ = 1 + choose_.below(3);
      what += " site";
      write_file("site.toml", site_text());
      break;
    }
    case 15:
      what += toggle_file("images/photo.png", "png") ? " photo-back" : " photo-removed";
      break;
    default:
      change_more(what, story, kind);
      break;
    }
  }

  // What a newsroom changes less often: the byline, the teaser and the
  // update date, the order of sections, a section of its own, files that
  // are not stories, and files a load refuses.
  void change_more(std::string& what, Story& story, std::size_t kind) {
    switch (kind) {
    case 16:
      story.summary = choose_.one_in(3)
                          ? std::nullopt
                          : std::optional<std::string>(fmt::format("A {} summary", words[choose_.below(6)]));
      story.author = choose_.one_in(2) ? std::nullopt : std::optional<std::string>("A. Writer");
      save(story, what, "byline");
      break;
    case 17:
      story.updated = choose_.one_in(2) ? std::nullopt : std::optional<std::string>("2024-06-01");
      save(story, what, "updated");
      break;
    case 18:
      money_first_ = !money_first_;
      what += " order";
      write_file("site.toml", site_text());
      break;
    case 19:
      if (!sport_open_) {
        sport_open_ = true;
        what += " sport-opens";
        write_file("sport/_section.toml", section_text("sport"));
      } else {
        sport_open_ = false;
        what += " sport-closes";
        for (auto it = stories_.begin(); it != stories_.end();)
          if (it->second.section == "sport") {
            remove_file(it->first);
            it = stories_.erase(it);
          } else {
            ++it;
          }
        remove_file("sport/_section.toml");
      }
      break;
    case 20: {
      // A file whose name no story may have, or that never parsed.
      const bool bad_name = choose_.one_in(2);
      const std::string file = bad_name ? "world/Bad Name.md" : "arts/broken.md";
      what +=
          (toggle_file(file, bad_name ? story.text() : "+++\ntitle = \n") ? " unlisted:" : " unlisted-gone:") + file;
      break;
    }
    case 21:
      what += toggle_file("world/chart.png", "chart") ? " chart" : " chart-gone";
      break;
    case 22:
      what += " about";
      write_file("about.gmi", fmt::format("# About\n\nWe report on the {}.\n", words[choose_.below(6)]));
      break;
    case 23: {
      // A file the walk skips, and warns about.
      const std::filesystem::path link = capsule_.root() / "images/outside.png";
      const bool there = std::filesystem::is_symlink(link);
      what += there ? " link-gone" : " link";
      if (there) {
        remove_file("images/outside.png");
      } else {
        std::filesystem::create_symlink("/etc/hostname", link);
        changed_.insert("images/outside.png");
      }
      break;
    }
    default:
      story.body = fmt::format("The {} report, in full.\n\n## Background\n\n- one\n- two\n\n> A quotation.",
                               words[choose_.below(6)]);
      save(story, what, "long-body");
      break;
    }
  }

  void add(std::string& what) {
    Story story = new_story();
    save(story, what, "add");
    stories_[story.path()] = std::move(story);
  }

  void remove(const Story& story, std::string& what) {
    what += " remove:" + story.path();
    remove_file(story.path());
    stories_.erase(story.path());
  }

  TempCapsule& capsule_;
  Choices choose_;
  std::map<std::string, Story> stories_;
  std::map<std::string, std::string> section_suffix_;
  int next_slug_ = 0;
  int saves_ = 0;
  std::filesystem::file_time_type saved_at_;
  ChangedFiles changed_;
  bool sport_open_ = false, money_first_ = false;
  std::size_t front_page_ = 3, list_page_ = 3, related_count_ = 2;
};

// Every protocol served; with `other_settings`, in UTF-8 on Gopher and in
// ASCII on Spartan and Finger, Gopher's text dot-terminated in narrow
// columns, and pages kept in memory.
std::shared_ptr<const Config> settings(const TempCapsule& capsule, bool other_settings) {
  auto config = std::make_shared<Config>(*every_protocol(capsule.root()));
  if (other_settings) {
    config->gopher.ascii = false;
    config->gopher.dot_terminator = true;
    config->gopher.wrap = 40;
    config->spartan.ascii = true;
    config->finger.ascii = true;
    config->page_store.clear();
  }
  return config;
}

void run(std::uint32_t seed, int rounds) {
  CAPTURE(seed);
  TempCapsule capsule;
  Newsroom newsroom(capsule, seed);
  newsroom.start();
  const auto config = settings(capsule, seed % 2 == 0);
  BuiltSnapshot last = build_snapshot(config, nullptr);
  const std::vector<std::string> queries = {"pier", "envoy", "retold", "report", "desk", "ledger", "detente"};
  std::string history;
  for (int round = 0; round < rounds; ++round) {
    std::string what;
    ChangedFiles changed = newsroom.next(what);
    history += fmt::format("\n{}:{}", round, what);
    if (changed.empty()) continue;
    BuiltSnapshot built = gazette::testing::build_after(config, last, std::move(changed));
    CAPTURE(history);
    gazette::testing::check_same_as_fresh(built, config, queries);
    last = std::move(built);
  }
}

} // namespace

TEST_CASE("long runs of random newsroom changes match a fresh build after every change") {
  for (std::uint32_t seed = 1; seed <= 4; ++seed)
    run(seed, 80);
}
