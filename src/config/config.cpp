#include "config/config.hpp"

#include "text/utf8.hpp"
#include "toml/toml_parse.hpp"

#include <arpa/inet.h>
#include <charconv>
#include <fmt/format.h>
#include <fstream>
#include <set>
#include <sstream>
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

private:
  static int line_of(const toml::node* node) {
    return node ? static_cast<int>(node->source().begin.line) : 0;
  }
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

} // namespace

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
  if (const auto* table = subtable(root, "limits", problems)) {
    TableReader limits(*table, "limits", problems);
    limits.read_int("connections_per_client", config.limits.connections_per_client, 1, 1'000'000);
    limits.read_rate("requests_per_second", config.limits.requests_per_second, 1e6);
    limits.read_rate("burst", config.limits.burst, 1e6);
    limits.warn_unknown();
  }
  top.warn_unknown({"gemini", "gopher", "limits"});
  return result;
}

ConfigResult load_config(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    ConfigResult result;
    result.config.file = file;
    result.problems.push_back({ConfigProblem::Severity::error, 0, "",
                               fmt::format("cannot read the configuration: {}", std::strerror(errno))});
    return result;
  }
  std::ostringstream text;
  text << in.rdbuf();
  ConfigResult result = parse_config(text.str(), file);
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
  return result;
}

} // namespace gazette
