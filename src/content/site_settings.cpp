#include "content/site_settings.hpp"

#include "text/normalize.hpp"
#include "text/utf8.hpp"
#include "toml/toml_parse.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <toml++/toml.h>

namespace gazette {

bool is_valid_slug(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

namespace {

struct SettingsReader {
  const std::string& source;
  Diagnostics& diagnostics;

  void add(const toml::node* node, Diagnostic::Severity severity, std::string message) {
    int line = node ? static_cast<int>(node->source().begin.line) : 1;
    diagnostics.push_back({source, line, severity, std::move(message)});
  }

  std::optional<toml::table> parse(std::string_view raw) {
    const std::string text = normalize_newlines(raw);
    if (int line = first_invalid_utf8_line(text)) {
      diagnostics.push_back({source, line, Diagnostic::Severity::error, "invalid UTF-8; save the file as UTF-8"});
      return std::nullopt;
    }
    ParsedToml parsed = parse_toml(text, source);
    if (parsed.error_line) {
      diagnostics.push_back({source, parsed.error_line, Diagnostic::Severity::error, std::move(parsed.error)});
      return std::nullopt;
    }
    return std::move(parsed.table);
  }

  // `limit`, when given, is the most characters pages show of it.
  void string(const toml::node& node, std::string_view key, std::string& out, std::size_t limit = 0) {
    auto value = node.value<std::string>();
    if (!value) {
      add(&node, Diagnostic::Severity::error, fmt::format("{} must be a string, in quotes", key));
      return;
    }
    out = single_line(*value);
    if (limit == 0) return;
    std::string why;
    out = kept_short(std::move(out), key, limit, why);
    if (!why.empty()) add(&node, Diagnostic::Severity::warning, std::move(why));
  }

  void count(const toml::node& node, std::string_view key, int& out, int max, int min = 0) {
    auto value = node.value_exact<int64_t>();
    if (value && *value >= min && *value <= max) out = static_cast<int>(*value);
    else add(&node, Diagnostic::Severity::error, fmt::format("{} must be a whole number from {} to {}", key, min, max));
  }

  void require_title(const toml::table& table, const std::string& title) {
    if (!table.contains("title")) diagnostics.push_back({source, 1, Diagnostic::Severity::error, "missing title: add title = \"...\""});
    else if (title.empty()) add(table.get("title"), Diagnostic::Severity::error, "title must not be empty");
  }

  void unknown(const toml::node& node, std::string_view key) {
    add(&node, Diagnostic::Severity::warning, fmt::format("unknown key {}, ignored; check its spelling", key));
  }
};

} // namespace

ParsedSite parse_site_settings(std::string_view text, const std::string& source) {
  ParsedSite out;
  SettingsReader reader{source, out.diagnostics};
  auto table = reader.parse(text);
  if (!table) return out;
  Site& site = out.site;
  for (const auto& [key_name, node] : *table) {
    std::string_view key = key_name.str();
    if (key == "title") reader.string(node, key, site.title, max_title_characters);
    else if (key == "tagline") reader.string(node, key, site.tagline, max_description_characters);
    else if (key == "lang") {
      reader.string(node, key, site.lang);
      bool valid = !site.lang.empty() && std::all_of(site.lang.begin(), site.lang.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '-';
      });
      if (!valid) {
        reader.add(&node, Diagnostic::Severity::error, "lang must be a BCP 47 tag such as \"en\" or \"pt-BR\"");
        site.lang.clear();
      }
    } else if (key == "front_page") reader.count(node, key, site.front_page, 1000);
    else if (key == "related") reader.count(node, key, site.related, 100);
    else if (key == "list_page") reader.count(node, key, site.list_page, 200, 1);
    else if (key == "feed_entries") reader.count(node, key, site.feed_entries, 500, 1);
    else if (key == "sections") {
      const auto* array = node.as_array();
      if (!array) reader.add(&node, Diagnostic::Severity::error, "sections must be an array of section folder names");
      else
        for (const auto& item : *array) {
          if (auto name = item.value<std::string>()) site.section_order.push_back(*name);
          else reader.add(&item, Diagnostic::Severity::error, "sections must hold only strings");
        }
    } else if (key == "social") {
      const auto* array = node.as_array();
      if (!array) {
        reader.add(&node, Diagnostic::Severity::error, "social must be written as [[social]] tables with name and url");
        continue;
      }
      for (const auto& item : *array) {
        const auto* entry = item.as_table();
        SocialLink link;
        if (entry) {
          if (const auto* name = entry->get("name")) reader.string(*name, "social.name", link.name);
          if (const auto* url = entry->get("url")) reader.string(*url, "social.url", link.url);
        }
        if (link.name.empty() || link.url.empty())
          reader.add(&item, Diagnostic::Severity::error, "each [[social]] needs a name and a url");
        else site.social.push_back(std::move(link));
      }
    } else if (key == "pages") {
      const auto* array = node.as_array();
      if (!array) {
        reader.add(&node, Diagnostic::Severity::error, "pages must be an array of page paths, such as [\"about.gmi\"]");
        continue;
      }
      site.pages.emplace();
      for (const auto& item : *array) {
        if (auto path = item.value<std::string>()) site.pages->push_back(*path);
        else reader.add(&item, Diagnostic::Severity::error, "pages must hold only strings");
      }
    } else if (key == "tags") {
      const auto* names = node.as_table();
      if (!names) {
        reader.add(&node, Diagnostic::Severity::error, "tags must be a [tags] table of tag = \"Readable name\"");
        continue;
      }
      for (const auto& [tag, name] : *names) {
        std::string readable;
        reader.string(name, fmt::format("tags.{}", tag.str()), readable, max_tag_characters);
        if (!readable.empty()) site.tag_names.insert_or_assign(std::string(tag.str()), std::move(readable));
      }
    } else reader.unknown(node, key);
  }
  reader.require_title(*table, site.title);
  sort_by_line(out.diagnostics);
  return out;
}

ParsedSection parse_section_settings(std::string_view text, const std::string& source) {
  ParsedSection out;
  SettingsReader reader{source, out.diagnostics};
  auto table = reader.parse(text);
  if (!table) return out;
  for (const auto& [key_name, node] : *table) {
    std::string_view key = key_name.str();
    if (key == "title") reader.string(node, key, out.section.title, max_title_characters);
    else if (key == "description") reader.string(node, key, out.section.description, max_description_characters);
    else reader.unknown(node, key);
  }
  reader.require_title(*table, out.section.title);
  sort_by_line(out.diagnostics);
  return out;
}

} // namespace gazette
