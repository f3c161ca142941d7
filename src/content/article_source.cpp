#include "content/article_source.hpp"

#include "toml/toml_parse.hpp"
#include "text/normalize.hpp"
#include "text/text_wrap.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <set>
#include <toml++/toml.h>

namespace gazette {

namespace {

std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day) {
  year -= month <= 2;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(year - era * 400);
  const unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::optional<Timestamp> to_timestamp(const toml::node& node) {
  if (const auto* date = node.as_date()) {
    const toml::date& d = date->get();
    return Timestamp{days_from_civil(d.year, d.month, d.day) * 86400, false};
  }
  if (const auto* date_time = node.as_date_time()) {
    const toml::date_time& dt = date_time->get();
    std::int64_t seconds = days_from_civil(dt.date.year, dt.date.month, dt.date.day) * 86400 +
                           dt.time.hour * 3600 + dt.time.minute * 60 + dt.time.second;
    if (dt.offset) seconds -= dt.offset->minutes * 60; // local date-times are taken as UTC
    return Timestamp{seconds, true};
  }
  return std::nullopt;
}

// Reads the front matter's keys, each with its line in the file.
class FrontMatterReader {
public:
  FrontMatterReader(ParsedArticle& out, int line_offset) : out_(out), offset_(line_offset) {}

  int line_of(const toml::node& node) const { return offset_ + static_cast<int>(node.source().begin.line); }

  void error(const toml::node& node, std::string message) {
    out_.diagnostics.push_back({out_.article.source, line_of(node), Diagnostic::Severity::error, std::move(message)});
  }
  void warning(const toml::node& node, std::string message) { warning_at(line_of(node), std::move(message)); }
  void warning_at(int line, std::string message) {
    out_.diagnostics.push_back({out_.article.source, line, Diagnostic::Severity::warning, std::move(message)});
  }

  std::optional<std::string> string(const toml::node& node, std::string_view key) {
    if (auto value = node.value<std::string_view>()) return single_line(*value);
    error(node, fmt::format("{} must be a string, in quotes", key));
    return std::nullopt;
  }

  // `value` as lists may show it: at most `limit` characters.
  std::string at_most(const toml::node& node, std::string_view key, std::string value, std::size_t limit) {
    std::string why;
    value = kept_short(std::move(value), key, limit, why);
    if (!why.empty()) warning(node, std::move(why));
    return value;
  }

  std::optional<Timestamp> timestamp(const toml::node& node, std::string_view key) {
    if (auto value = to_timestamp(node)) return value;
    error(node, fmt::format("{} must be a TOML date or date-time without quotes, such as {} = 2024-05-17 or "
                            "{} = 2024-05-17T08:00:00Z",
                            key, key, key));
    return std::nullopt;
  }

  // A string or an array of strings; each value with its line.
  std::vector<std::pair<std::string, int>> strings(const toml::node& node, std::string_view key, bool allow_single) {
    std::vector<std::pair<std::string, int>> values;
    if (allow_single)
      if (auto value = node.value<std::string>()) return {{*value, line_of(node)}};
    const auto* array = node.as_array();
    if (!array) {
      error(node, allow_single ? fmt::format("{} must be a string or an array of strings", key)
                               : fmt::format("{} must be an array of strings, such as {} = [\"a\", \"b\"]", key, key));
      return values;
    }
    for (const auto& item : *array) {
      if (auto value = item.value<std::string>()) values.emplace_back(*value, line_of(item));
      else error(item, fmt::format("{} must hold only strings", key));
    }
    return values;
  }

  void read_image(const toml::node& node) {
    const auto* table = node.as_table();
    if (!table) return error(node, "image must be a table, written [image] with src, caption and credit");
    LeadImage image;
    for (const auto& [key, value] : *table) {
      if (key == "src") {
        if (auto text = string(value, "image.src")) image.src = *text, out_.image_src_line = line_of(value);
      } else if (key == "caption") {
        if (auto text = string(value, "image.caption")) image.caption = *text;
      } else if (key == "credit") {
        if (auto text = string(value, "image.credit")) image.credit = *text;
      } else {
        warning(value, fmt::format("unknown key image.{}, ignored; check its spelling", key.str()));
      }
    }
    if (image.src.empty()) return error(node, "image needs src, a path in the capsule or an absolute URL");
    out_.article.image = std::move(image);
  }

  void read_notes(const toml::node& node) {
    const auto* array = node.as_array();
    if (!array) return error(node, "notes must be written as [[notes]] tables");
    for (const auto& item : *array) {
      const auto* table = item.as_table();
      if (!table) {
        error(item, "each note must be a [[notes]] table with date, kind and text");
        continue;
      }
      Note note;
      bool complete = true;
      for (const auto& [key, value] : *table) {
        if (key == "date") {
          if (auto date = timestamp(value, "notes.date")) note.date = *date;
          else complete = false;
        } else if (key == "kind") {
          auto kind = string(value, "notes.kind");
          if (kind && (*kind == "update" || *kind == "correction")) note.kind = *kind;
          else if (kind) error(value, fmt::format("notes.kind must be \"update\" or \"correction\", not \"{}\"", *kind));
          if (note.kind.empty()) complete = false;
        } else if (key == "text") {
          if (auto text = string(value, "notes.text")) note.text = *text;
        } else {
          warning(value, fmt::format("unknown key notes.{}, ignored; check its spelling", key.str()));
        }
      }
      for (const char* key : {"date", "kind", "text"}) {
        if (!table->contains(key)) {
          error(item, fmt::format("a note needs {}", key));
          complete = false;
        }
      }
      if (complete) out_.article.notes.push_back(std::move(note));
    }
  }

private:
  ParsedArticle& out_;
  int offset_;
};

}

namespace {

bool is_front_matter_fence(std::string_view line) { return line == "+++"; }

// A control character other than a TAB or a line's end: ESC and the like,
// which a reader's terminal would act on rather than show.
bool is_stray_control(char c) { return is_control_character(c) && c != '\t' && c != '\n' && c != '\r'; }

// Where the first stray control character is, or text.size(). A plain loop:
// every story's whole file passes through it at each start.
std::size_t first_stray_control(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i)
    if (is_stray_control(text[i])) return i;
  return text.size();
}

// A tag is the last part of its page's path, /tags/<tag>/, as written.
bool can_name_its_page(std::string_view tag) {
  return !tag.empty() && tag != "." && tag != ".." && tag.find('/') == std::string_view::npos &&
         !has_control_character(tag);
}

} // namespace

ParsedArticle parse_article(std::string_view raw_text, const std::string& source) {
  ParsedArticle out;
  Article& article = out.article;
  article.source = source;
  auto fail = [&](int line, std::string message) {
    out.diagnostics.push_back({source, line, Diagnostic::Severity::error, std::move(message)});
    return out;
  };

  std::string text = normalize_newlines(raw_text);
  article.content_hash = std::hash<std::string>{}(text);
  if (int line = first_invalid_utf8_line(text))
    return fail(line, "invalid UTF-8; save the file as UTF-8");
  if (const std::size_t stray = first_stray_control(text); stray < text.size()) {
    const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(stray), '\n');
    out.diagnostics.push_back({source, static_cast<int>(line), Diagnostic::Severity::warning,
                               "a control character (such as ESC, often pasted from a terminal) is dropped here and "
                               "wherever else the file has one: readers' terminals would act on it"});
    std::erase_if(text, is_stray_control);
  }

  // Split into lines just enough to find the two fences.
  std::size_t first_end = text.find('\n');
  if (!is_front_matter_fence(std::string_view(text).substr(0, first_end)))
    return fail(1, "the file must start with a line that is exactly +++ (the front matter)");
  std::size_t position = first_end == std::string::npos ? text.size() : first_end + 1;
  std::size_t front_start = position;
  int line = 2;
  std::size_t front_end = std::string::npos;
  while (position < text.size()) {
    std::size_t end = text.find('\n', position);
    std::string_view current = std::string_view(text).substr(position, end == std::string::npos ? end : end - position);
    if (is_front_matter_fence(current)) {
      front_end = position;
      position = end == std::string::npos ? text.size() : end + 1;
      break;
    }
    position = end == std::string::npos ? text.size() : end + 1;
    ++line;
  }
  if (front_end == std::string::npos)
    return fail(1, "unterminated front matter: add a line that is exactly +++ after the last key");
  const int body_first_line = line + 1;

  const std::string_view front_text = std::string_view(text).substr(front_start, front_end - front_start);
  ParsedToml parsed = parse_toml(front_text, source, "front matter is not valid TOML");
  if (parsed.error_line) return fail(1 + parsed.error_line, std::move(parsed.error));
  const toml::table& front = parsed.table;

  FrontMatterReader reader(out, 1);
  bool has_title = false, has_date = false;
  const toml::node* updated_node = nullptr;
  for (const auto& [key_name, node] : front) {
    const std::string_view key = key_name.str();
    if (key == "title") {
      if (auto value = reader.string(node, key)) {
        article.title = reader.at_most(node, key, std::move(*value), max_title_characters);
        has_title = !article.title.empty();
        if (!has_title) reader.error(node, "title must not be empty");
      }
    } else if (key == "subtitle") {
      if (auto value = reader.string(node, key)) article.subtitle = *value;
    } else if (key == "date") {
      // The calendar has no year 0, and its archive page would be the archive's own path.
      auto value = reader.timestamp(node, key);
      if (value && value->unix_seconds < days_from_civil(1, 1, 1) * 86400) {
        reader.error(node, "date is before the year 1; write the year in full, such as date = 2024-05-17");
      } else if (value) {
        article.date = *value, has_date = true;
        // A year like 0224 is more likely a slip than a story from antiquity,
        // and would file the story under the bottom of every list unnoticed.
        if (value->unix_seconds < days_from_civil(1000, 1, 1) * 86400)
          reader.warning(node, "date is before the year 1000; if the year is a slip, write it in full, such as "
                               "date = 2024-05-17 (the story is published as dated)");
      }
    } else if (key == "updated") {
      if (auto value = reader.timestamp(node, key)) {
        article.updated = *value;
        updated_node = &node;
      }
    } else if (key == "author") {
      for (auto& [name, _] : reader.strings(node, key, true)) article.authors.push_back(single_line(name));
    } else if (key == "summary") {
      if (auto value = reader.string(node, key))
        article.summary = reader.at_most(node, key, std::move(*value), max_summary_characters);
    } else if (key == "tags") {
      // A repeated tag would list the story twice on its topic page.
      bool past_limit = false;
      for (auto& [tag, at] : reader.strings(node, key, false)) {
        if (!can_name_its_page(tag))
          reader.warning_at(at, fmt::format("tag \"{}\" cannot be the path of its page, /tags/<tag>/; it is left out. "
                                            "Write the tag with letters, digits and -, and give it its name in "
                                            "site.toml's [tags]",
                                            tag));
        else if (const std::size_t length = utf8_length(tag); length > max_tag_characters)
          reader.warning_at(at, fmt::format("tag \"{}\" is {} characters long, more than {}; it is left out",
                                            cut_to_width(tag, 40), length, max_tag_characters));
        else if (std::find(article.tags.begin(), article.tags.end(), tag) != article.tags.end())
          reader.warning_at(at, fmt::format("tag \"{}\" is named twice; the repeat is ignored", tag));
        else if (article.tags.size() < max_tags) article.tags.push_back(tag);
        else if (!past_limit) {
          past_limit = true;
          reader.warning_at(at, fmt::format("more than {} tags; \"{}\" and the tags after it are left out", max_tags, tag));
        }
      }
    } else if (key == "related") {
      for (auto& [target, at] : reader.strings(node, key, false)) article.related.push_back({target, at});
    } else if (key == "aliases") {
      for (auto& [alias, at] : reader.strings(node, key, false)) {
        article.aliases.push_back(alias);
        out.alias_lines.push_back(at);
      }
    } else if (key == "draft") {
      if (auto value = node.value_exact<bool>()) article.draft = *value;
      else reader.error(node, "draft must be true or false");
    } else if (key == "notes") {
      reader.read_notes(node);
    } else if (key == "image") {
      reader.read_image(node);
    } else {
      reader.warning(node, fmt::format("unknown front matter key {}, ignored; check its spelling", key));
    }
  }
  // Pages show an update only when it is later than the story; an earlier
  // one is most likely a slip of the writer's, and would vanish unsaid.
  if (has_date && updated_node && article.updated->unix_seconds < article.date.unix_seconds)
    reader.warning(*updated_node, fmt::format("updated ({}) is before the story's date ({}), so pages do not show it; "
                                              "write the day it was updated, or leave updated out",
                                              article.updated->rfc3339(), article.date.rfc3339()));
  if (!front.contains("title")) out.diagnostics.push_back({source, 1, Diagnostic::Severity::error, "missing title: add title = \"...\" to the front matter"});
  if (!front.contains("date"))
    out.diagnostics.push_back({source, 1, Diagnostic::Severity::error, "missing date: add date = 2024-05-17 (a TOML date) to the front matter"});

  const std::string_view body_text = std::string_view(text).substr(position);
  article.body = parse_body(body_text);
  for (const auto& warning : article.body.warnings)
    out.diagnostics.push_back({source, body_first_line - 1 + warning.line, Diagnostic::Severity::warning, warning.message});
  for (auto& block : article.body.blocks) {
    block.line += body_first_line - 1;
    for (auto& link : block.links) link.line += body_first_line - 1;
  }
  if (const std::size_t placeholder = body_text.find(new_article_placeholder);
      placeholder != std::string_view::npos && !article.draft) {
    const auto line = body_first_line + std::count(body_text.begin(), body_text.begin() + static_cast<std::ptrdiff_t>(placeholder), '\n');
    out.diagnostics.push_back({source, static_cast<int>(line), Diagnostic::Severity::warning,
                               fmt::format("\"{}\" is still here from the new story's template; write the story, "
                                           "or set draft = true until it is written",
                                           new_article_placeholder)});
  }
  // Every list, feed and search result shows it: cut once, here.
  if (article.summary.empty()) {
    article.body_teaser = default_teaser(article.body, max_summary_characters);
    article.body_teaser.shrink_to_fit(); // kept as long as the story is loaded
  }
  article.references = body_references(article.body);

  // An article with any error stays offline: a mistake must not publish something wrong.
  out.usable = has_title && has_date && !has_errors(out.diagnostics);
  sort_by_line(out.diagnostics);
  return out;
}

} // namespace gazette
