#include "config/config.hpp"

#include "base/file_text.hpp"
#include "text/utf8.hpp"
#include "toml/toml_parse.hpp"

#include <algorithm>
#include <arpa/inet.h>
#include <charconv>
#include <fmt/format.h>
#include <map>
#include <set>
#include <toml++/toml.h>

namespace gazette {
namespace fs = std::filesystem;

std::string ListenAddress::to_string() const {
  return ip.find(':') != std::string::npos ? fmt::format("[{}]:{}", ip, port)
                                           : fmt::format("{}:{}", ip, port);
}

std::optional<ListenAddress> parse_listen_address(std::string_view text) {
  std::size_t colon = text.rfind(':');
  if (colon == std::string_view::npos || colon + 1 == text.size()) return std::nullopt;
  std::string_view host = text.substr(0, colon);
  std::string_view port_text = text.substr(colon + 1);

  unsigned port = 0;
  auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (ec != std::errc{} || end != port_text.data() + port_text.size() || port > 65535) return std::nullopt;

  bool bracketed = host.size() >= 2 && host.front() == '[' && host.back() == ']';
  std::string ip(bracketed ? host.substr(1, host.size() - 2) : host);
  unsigned char address[16];
  bool valid = bracketed ? inet_pton(AF_INET6, ip.c_str(), address) == 1
                         : inet_pton(AF_INET, ip.c_str(), address) == 1;
  if (!valid) return std::nullopt;
  return ListenAddress{ip, static_cast<std::uint16_t>(port)};
}

bool ConfigResult::has_errors() const {
  return std::any_of(problems.begin(), problems.end(),
                     [](const ConfigProblem& p) { return p.severity == ConfigProblem::Severity::error; });
}

std::string format_problem(const fs::path& file, const ConfigProblem& problem) {
  std::string where = problem.line > 0 ? fmt::format("{}:{}", file.string(), problem.line) : file.string();
  const char* severity = problem.severity == ConfigProblem::Severity::error ? "error" : "warning";
  return problem.key.empty() ? fmt::format("{}: {}: {}", where, severity, problem.message)
                             : fmt::format("{}: {}: {}: {}", where, severity, problem.key, problem.message);
}

namespace {

// Reads one table's keys into settings, noting every problem with its line.
class TableReader {
public:
  TableReader(const toml::table& table, std::string prefix, std::vector<ConfigProblem>& problems)
      : table_(table), prefix_(std::move(prefix)), problems_(problems) {}

  const toml::node* find(std::string_view key) {
    known_.insert(std::string(key));
    return table_.get(key);
  }

  void error(std::string_view key, const toml::node* node, std::string message) {
    problems_.push_back({ConfigProblem::Severity::error, line_of(node), dotted(key), std::move(message)});
  }

  void warning(std::string_view key, const toml::node* node, std::string message) {
    problems_.push_back({ConfigProblem::Severity::warning, line_of(node), dotted(key), std::move(message)});
  }

  // A key the table must have, reported at the table's own line.
  void missing(std::string_view key, std::string message) {
    problems_.push_back({ConfigProblem::Severity::error, line_of(&table_), dotted(key), std::move(message)});
  }

  void read_string(std::string_view key, std::string& out) {
    if (const auto* node = find(key)) {
      if (auto value = node->value<std::string>()) out = *value;
      else error(key, node, "must be a string, in quotes");
    }
  }

  void read_path(std::string_view key, fs::path& out, const fs::path& base) {
    std::string text;
    read_string(key, text);
    if (!text.empty()) out = fs::path(text).is_absolute() ? fs::path(text) : base / text;
  }

  void read_bool(std::string_view key, bool& out) {
    if (const auto* node = find(key)) {
      if (auto value = node->value_exact<bool>()) out = *value;
      else error(key, node, "must be true or false");
    }
  }

  template <typename Int> void read_int(std::string_view key, Int& out, long long min, long long max) {
    if (const auto* node = find(key)) {
      auto value = node->value_exact<int64_t>();
      if (!value || *value < min || *value > max)
        error(key, node, fmt::format("must be a whole number from {} to {}", min, max));
      else out = static_cast<Int>(*value);
    }
  }

  void read_rate(std::string_view key, double& out, double max) {
    if (const auto* node = find(key)) {
      std::optional<double> value;
      if (auto i = node->value_exact<int64_t>()) value = static_cast<double>(*i);
      else if (auto f = node->value_exact<double>()) value = *f;
      if (!value || !(*value > 0) || *value > max)
        error(key, node, fmt::format("must be a number greater than 0 (at most {})", max));
      else out = *value;
    }
  }

  void read_seconds(std::string_view key, std::chrono::milliseconds& out) {
    if (const auto* node = find(key)) {
      std::optional<double> seconds;
      if (auto i = node->value_exact<int64_t>()) seconds = static_cast<double>(*i);
      else if (auto f = node->value_exact<double>()) seconds = *f;
      if (!seconds || !(*seconds > 0) || *seconds > 86'400)
        error(key, node, "must be a number of seconds greater than 0 (at most 86400)");
      else out = std::chrono::milliseconds(static_cast<long long>(*seconds * 1000));
    }
  }

  // A string or an array of strings.
  std::vector<std::string> read_strings(std::string_view key) {
    std::vector<std::string> out;
    const auto* node = find(key);
    if (!node) return out;
    if (auto value = node->value<std::string>()) return {*value};
    const auto* array = node->as_array();
    if (!array) {
      error(key, node, "must be a string or an array of strings");
      return out;
    }
    for (const auto& item : *array) {
      if (auto value = item.value<std::string>()) out.push_back(*value);
      else error(key, &item, "must hold only strings");
    }
    return out;
  }

  void read_listen(std::string_view key, std::vector<ListenAddress>& out) {
    if (!table_.contains(key)) {
      find(key);
      return;
    }
    std::vector<ListenAddress> addresses;
    for (const auto& text : read_strings(key)) {
      if (auto address = parse_listen_address(text)) addresses.push_back(*address);
      else
        error(key, find(key),
              fmt::format("\"{}\" is not an address to listen on; write an IP address and a port "
                          "(0 to 65535), such as \"127.0.0.1:1965\" or \"[::1]:1965\"",
                          text));
    }
    out = std::move(addresses);
  }

  // Unknown keys are warnings: an admin may be ahead of this version.
  void warn_unknown(const std::set<std::string>& subtables = {}) {
    for (const auto& [key, node] : table_) {
      std::string name(key.str());
      if (known_.count(name) || subtables.count(name)) continue;
      problems_.push_back({ConfigProblem::Severity::warning, line_of(&node), dotted(name),
                           "unknown key, ignored; check its spelling"});
    }
  }

  static int line_of(const toml::node* node) {
    return node ? static_cast<int>(node->source().begin.line) : 0;
  }

private:
  std::string dotted(std::string_view key) const {
    return prefix_.empty() ? std::string(key) : fmt::format("{}.{}", prefix_, key);
  }

  const toml::table& table_;
  std::string prefix_;
  std::vector<ConfigProblem>& problems_;
  std::set<std::string> known_;
};

bool valid_hostname(const std::string& host) {
  if (host.empty() || host.size() > 253) return false;
  return std::all_of(host.begin(), host.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '-' || c == '.' || c == ':';
  });
}

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

const toml::table* subtable(const toml::table& root, std::string_view name, std::vector<ConfigProblem>& problems) {
  const toml::node* node = root.get(name);
  if (!node) return nullptr;
  if (const auto* table = node->as_table()) return table;
  problems.push_back({ConfigProblem::Severity::error, static_cast<int>(node->source().begin.line),
                      std::string(name), fmt::format("must be a table, written [{}]", name)});
  return nullptr;
}

bool is_slug(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

// One [[editor]] table. Names may repeat (a person with a certificate on
// each device); fingerprints may not.
EditorSettings read_editor(const toml::table& table, std::vector<ConfigProblem>& problems) {
  TableReader reader(table, "editor", problems);
  EditorSettings editor;
  if (const auto* node = reader.find("name")) {
    reader.read_string("name", editor.name);
    if (node->is_string() && (editor.name.empty() || has_control_character(editor.name)))
      reader.error("name", node, "must be a person's name: some text, without tabs or line breaks");
  } else {
    reader.missing("name", "missing; write the person's name as readers would see it, name = \"A. Writer\"");
  }
  if (const auto* node = reader.find("fingerprint")) {
    std::string text;
    reader.read_string("fingerprint", text);
    if (node->is_string()) {
      if (auto fingerprint = normalize_fingerprint(text)) editor.fingerprint = *fingerprint;
      else
        reader.error("fingerprint", node,
                     "must be the SHA-256 of the client certificate: 64 hexadecimal digits, colons optional "
                     "(openssl x509 -in cert.pem -noout -fingerprint -sha256 prints it)");
    }
  } else {
    reader.missing("fingerprint", "missing; write the SHA-256 of the person's client certificate");
  }
  if (const auto* node = reader.find("role")) {
    std::string role;
    reader.read_string("role", role);
    if (role == "editor") editor.role = EditorSettings::Role::editor;
    else if (role == "reporter") editor.role = EditorSettings::Role::reporter;
    else if (node->is_string())
      reader.error("role", node, "must be \"editor\" (any story) or \"reporter\" (their own drafts)");
  } else {
    reader.missing("role", "missing; write role = \"editor\" (any story) or role = \"reporter\" (their own drafts)");
  }
  if (const auto* node = reader.find("sections")) {
    for (const auto& section : reader.read_strings("sections")) {
      if (is_slug(section)) editor.sections.push_back(section);
      else reader.error("sections", node, fmt::format("\"{}\" is not a section folder's name (a-z, 0-9 and -)", section));
    }
    if (editor.role == EditorSettings::Role::editor && !editor.sections.empty())
      reader.warning("sections", node, "limits a reporter only; an editor files in every section");
  }
  reader.warn_unknown();
  return editor;
}

void read_editors(const toml::table& root, Config& config, std::vector<ConfigProblem>& problems) {
  const toml::node* node = root.get("editor");
  if (!node) return;
  const toml::array* entries = node->as_array();
  if (!entries || !std::all_of(entries->begin(), entries->end(), [](const toml::node& n) { return n.is_table(); })) {
    problems.push_back({ConfigProblem::Severity::error, TableReader::line_of(node), "editor",
                        "must be tables, each written [[editor]] with name, fingerprint and role"});
    return;
  }
  std::map<std::string, int> lines; // fingerprint -> line of its first entry
  for (const auto& entry : *entries) {
    const toml::table& table = *entry.as_table();
    EditorSettings editor = read_editor(table, problems);
    if (editor.fingerprint.empty()) continue;
    const int line = TableReader::line_of(&table);
    if (auto [first, added] = lines.emplace(editor.fingerprint, line); !added) {
      problems.push_back({ConfigProblem::Severity::error, line, "editor.fingerprint",
                          fmt::format("is also given at line {}; a certificate names one person", first->second)});
      continue;
    }
    config.editors.push_back(std::move(editor));
  }
}

// Whether readers could fetch what lies at `path`: inside the capsule and
// in no folder whose name starts with "." or "_" (which is never served).
bool served_from_capsule(const fs::path& capsule, const fs::path& path) {
  const fs::path inside = path.lexically_normal().lexically_relative(capsule.lexically_normal());
  if (inside.empty() || *inside.begin() == "..") return false;
  return std::none_of(inside.begin(), inside.end(), [](const fs::path& part) {
    return (part.native().starts_with('.') || part.native().starts_with('_')) && part != "." && part != "..";
  });
}

} // namespace

std::optional<std::string> normalize_fingerprint(std::string_view text) {
  std::string digits(64, '0');
  std::size_t count = 0;
  for (unsigned char c : text) {
    if (c == ':') continue;
    if (!std::isxdigit(c) || count == digits.size()) return std::nullopt;
    digits[count++] = static_cast<char>(std::tolower(c));
  }
  if (count != digits.size()) return std::nullopt;
  return digits;
}

ConfigResult parse_config(std::string_view text, const fs::path& file) {
  ConfigResult result;
  Config& config = result.config;
  config.file = file;
  const fs::path base = file.parent_path();
  config.capsule = base / "capsule";
  config.hostnames = {"localhost"};
  config.gemini.listen = {*parse_listen_address("127.0.0.1:1965"), *parse_listen_address("[::1]:1965")};
  config.gemini.cert = base / "certs/cert.pem";
  config.gemini.key = base / "certs/key.pem";
  config.newsroom.history = base / "history";

  if (int line = first_invalid_utf8_line(text)) {
    result.problems.push_back({ConfigProblem::Severity::error, line, "", "invalid UTF-8; save the file as UTF-8"});
    return result;
  }
  ParsedToml parsed = parse_toml(text, file.string());
  if (parsed.error_line) {
    result.problems.push_back({ConfigProblem::Severity::error, parsed.error_line, "", std::move(parsed.error)});
    return result;
  }
  const toml::table& root = parsed.table;

  auto& problems = result.problems;
  TableReader top(root, "", problems);
  top.read_path("capsule", config.capsule, base);
  if (top.find("hostname")) {
    auto names = top.read_strings("hostname");
    config.hostnames.clear();
    for (auto& name : names) {
      if (valid_hostname(name)) config.hostnames.push_back(lowercase(name));
      else top.error("hostname", top.find("hostname"),
                     fmt::format("\"{}\" is not a host name; use letters, digits, '-' and '.'", name));
    }
    if (config.hostnames.empty() && names.empty())
      top.error("hostname", top.find("hostname"), "needs at least one name, such as \"localhost\"");
  }
  top.read_string("user", config.user);
  top.read_string("group", config.group);
  top.read_int("threads", config.threads, 0, 1024);
  if (top.find("page_store")) {
    std::string folder;
    top.read_string("page_store", folder);
    config.page_store = folder.empty() ? fs::path() : fs::path(folder).is_absolute() ? fs::path(folder) : base / folder;
  }
  top.read_int("max_connections", config.max_connections, 1, 1'000'000);
  top.read_seconds("request_timeout", config.request_timeout);
  top.read_seconds("shutdown_timeout", config.shutdown_timeout);

  if (const auto* table = subtable(root, "gemini", problems)) {
    TableReader gemini(*table, "gemini", problems);
    gemini.read_listen("listen", config.gemini.listen);
    gemini.read_path("cert", config.gemini.cert, base);
    gemini.read_path("key", config.gemini.key, base);
    gemini.read_bool("proxy_protocol", config.gemini.proxy_protocol);
    gemini.read_path("ticket_keys", config.gemini.ticket_keys, base);
    gemini.warn_unknown();
  }

  config.gopher.host = config.hostnames.empty() ? "localhost" : config.hostnames.front();
  if (const auto* table = subtable(root, "gopher", problems)) {
    TableReader gopher(*table, "gopher", problems);
    gopher.read_listen("listen", config.gopher.listen);
    if (!config.gopher.listen.empty() && config.gopher.listen.front().port != 0)
      config.gopher.port = config.gopher.listen.front().port;
    gopher.read_string("host", config.gopher.host);
    gopher.read_int("port", config.gopher.port, 1, 65535);
    gopher.read_int("wrap", config.gopher.wrap, 40, 200);
    gopher.read_bool("ascii", config.gopher.ascii);
    gopher.read_bool("dot_terminator", config.gopher.dot_terminator);
    gopher.read_bool("proxy_protocol", config.gopher.proxy_protocol);
    gopher.warn_unknown();
  }
  if (const auto* table = subtable(root, "spartan", problems)) {
    TableReader spartan(*table, "spartan", problems);
    spartan.read_listen("listen", config.spartan.listen);
    spartan.read_bool("ascii", config.spartan.ascii);
    spartan.read_bool("proxy_protocol", config.spartan.proxy_protocol);
    spartan.warn_unknown();
  }
  config.finger.host = config.hostnames.empty() ? "localhost" : config.hostnames.front();
  if (const auto* table = subtable(root, "finger", problems)) {
    TableReader finger(*table, "finger", problems);
    finger.read_listen("listen", config.finger.listen);
    finger.read_string("host", config.finger.host);
    finger.read_bool("ascii", config.finger.ascii);
    finger.read_bool("proxy_protocol", config.finger.proxy_protocol);
    finger.warn_unknown();
  }
  if (const auto* table = subtable(root, "limits", problems)) {
    TableReader limits(*table, "limits", problems);
    limits.read_int("connections_per_client", config.limits.connections_per_client, 1, 1'000'000);
    limits.read_rate("requests_per_second", config.limits.requests_per_second, 1e6);
    limits.read_rate("burst", config.limits.burst, 1e6);
    limits.warn_unknown();
  }
  if (const auto* table = subtable(root, "newsroom", problems)) {
    TableReader newsroom(*table, "newsroom", problems);
    newsroom.read_path("history", config.newsroom.history, base);
    newsroom.read_int("max_upload", config.newsroom.max_upload, 1, 1LL << 30);
    newsroom.warn_unknown();
  }
  read_editors(root, config, problems);
  if (!config.editors.empty() && served_from_capsule(config.capsule, config.newsroom.history))
    problems.push_back({ConfigProblem::Severity::error, 0, "newsroom.history",
                        fmt::format("{} is inside the capsule, where readers could fetch past versions; put it "
                                    "beside the capsule (the default, history/) or in a folder whose name starts "
                                    "with \".\"",
                                    config.newsroom.history.string())});
  // Secrets the server reads must not be published with the capsule.
  for (const auto& [key, secret] : {std::pair{"gemini.key", &config.gemini.key},
                                    std::pair{"gemini.ticket_keys", &config.gemini.ticket_keys}})
    if (!secret->empty() && served_from_capsule(config.capsule, *secret))
      problems.push_back({ConfigProblem::Severity::error, 0, key,
                          fmt::format("{} is inside the capsule, where readers could fetch it; keep it beside the "
                                      "capsule (the default, certs/) or in a folder whose name starts with \".\"",
                                      secret->string())});
  if (served_from_capsule(config.capsule, file))
    problems.push_back({ConfigProblem::Severity::warning, 0, "capsule",
                        fmt::format("{} is inside the capsule, where readers can fetch it, with its editors' names "
                                    "and fingerprints; keep it beside the capsule",
                                    file.string())});
  top.warn_unknown({"gemini", "gopher", "spartan", "finger", "limits", "newsroom", "editor"});
  return result;
}

ConfigResult load_config(const fs::path& file) {
  const auto text = read_file_text(file);
  if (!text) {
    ConfigResult result;
    result.config.file = file;
    result.problems.push_back({ConfigProblem::Severity::error, 0, "",
                               fmt::format("cannot read the configuration: {}", std::strerror(errno))});
    return result;
  }
  ConfigResult result = parse_config(*text, file);
  if (result.has_errors()) return result;

  std::error_code ec;
  const fs::path& capsule = result.config.capsule;
  if (!fs::is_directory(capsule, ec))
    result.problems.push_back({ConfigProblem::Severity::error, 0, "capsule",
                               fmt::format("{} is not a readable folder; point capsule at the content root",
                                           capsule.string())});
  else if (fs::directory_iterator(capsule, ec); ec)
    result.problems.push_back({ConfigProblem::Severity::error, 0, "capsule",
                               fmt::format("cannot read {}: {}", capsule.string(), ec.message())});
  if (result.config.editors.empty()) return result;
  // The newsroom's own paths come first while it is on.
  if (fs::exists(capsule / "newsroom", ec))
    result.problems.push_back({ConfigProblem::Severity::warning, 0, "editor",
                               fmt::format("{} is not served at /newsroom/, which is the newsroom's page while "
                                           "[[editor]] entries exist; rename it",
                                           (capsule / "newsroom").string())});
  std::set<std::string> named;
  for (const auto& editor : result.config.editors)
    for (const auto& section : editor.sections)
      if (named.insert(section).second && !fs::exists(capsule / section / "_section.toml", ec))
        result.problems.push_back({ConfigProblem::Severity::warning, 0, "editor.sections",
                                   fmt::format("\"{}\" is not a section of the capsule (a folder with "
                                               "_section.toml); no story can be filed there",
                                               section)});
  return result;
}

} // namespace gazette
