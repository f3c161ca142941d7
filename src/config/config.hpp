// config.toml: what the server listens on, where the capsule is, and limits.
// parse_config is pure (text in, settings and problems out) so it can be
// tested table by table and fuzzed; checks that touch the disk come after.
#pragma once
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gazette {

struct ListenAddress {
  std::string ip; // a literal IPv4 or IPv6 address, without brackets
  std::uint16_t port = 0; // 0: the kernel picks a free port (tests use this)

  std::string to_string() const; // "127.0.0.1:1965", "[::1]:1965"
};

// "127.0.0.1:1965", "[::1]:1965", "0.0.0.0:70"; nullopt when it is none of those.
std::optional<ListenAddress> parse_listen_address(std::string_view text);

struct GeminiSettings {
  std::vector<ListenAddress> listen;
  std::filesystem::path cert;
  std::filesystem::path key;
  bool proxy_protocol = false; // connections start with a PROXY v1 or v2 header
  std::filesystem::path ticket_keys; // shared session-ticket keys; empty: OpenSSL's own, per process
};

struct GopherSettings {
  std::vector<ListenAddress> listen;
  std::string host;          // advertised in menus
  std::uint16_t port = 70;   // advertised in menus
  int wrap = 70;             // text column width
  bool ascii = true;         // transliterate to ASCII for legacy clients
  bool dot_terminator = false; // RFC 1436 dot-stuffing and "." after text documents
  bool proxy_protocol = false; // connections start with a PROXY v1 or v2 header
};

struct SpartanSettings {
  std::vector<ListenAddress> listen; // none: Spartan is off
  bool ascii = false;          // transliterate pages to ASCII for machines without UTF-8
  bool proxy_protocol = false; // connections start with a PROXY v1 or v2 header
};

struct FingerSettings {
  std::vector<ListenAddress> listen; // none: Finger is off
  std::string host;            // named in the answers' "finger name@host" hints
  bool ascii = true;           // transliterate to ASCII, as most terminals' finger expects
  bool proxy_protocol = false; // connections start with a PROXY v1 or v2 header
};

struct LimitSettings {
  unsigned connections_per_client = 64;
  double requests_per_second = 20;
  double burst = 200;
};

// One [[editor]] entry: a person of the newsroom, known by the SHA-256 of
// the client certificate they show.
struct EditorSettings {
  enum class Role { editor, reporter }; // editor: any story; reporter: their own drafts
  std::string name;
  std::string fingerprint; // 64 lowercase hexadecimal digits, no colons
  Role role = Role::reporter;
  std::vector<std::string> sections; // a reporter files only here, when any are named
};

struct NewsroomSettings {
  std::filesystem::path history;  // past versions and the audit log; never served
  std::uint64_t max_upload = 4 * 1024 * 1024; // bytes in one Titan upload
};

struct Config {
  std::filesystem::path file;    // the config file itself
  std::filesystem::path capsule; // absolute or relative to the config's folder, resolved
  std::vector<std::string> hostnames;
  std::string user;  // who to run as when started as root
  std::string group; // that user's group when empty
  unsigned threads = 0; // 0: one per core
  // Rendered story pages are kept in an unnamed file in this folder, on a
  // disk, rather than in the server's memory (see PageStore); empty: in memory.
  std::filesystem::path page_store = "/var/tmp";
  unsigned max_connections = 4096;
  std::chrono::milliseconds request_timeout{10'000};
  std::chrono::milliseconds shutdown_timeout{5'000};
  GeminiSettings gemini;
  GopherSettings gopher;
  SpartanSettings spartan;
  FingerSettings finger;
  LimitSettings limits;
  std::vector<EditorSettings> editors; // none: no newsroom, no Titan, no client certificates asked for
  NewsroomSettings newsroom;
};

struct ConfigProblem {
  enum class Severity { warning, error };
  Severity severity = Severity::error;
  int line = 0;    // 0 when the problem has no line (a missing key)
  std::string key; // dotted key, e.g. "gemini.listen"
  std::string message;
};

struct ConfigResult {
  Config config;
  std::vector<ConfigProblem> problems;
  bool has_errors() const;
};

// "ab:cd:..." or "ABCD...": 64 hexadecimal digits, colons optional, as
// lowercase digits without colons; nullopt when it is not a SHA-256.
std::optional<std::string> normalize_fingerprint(std::string_view text);

// Parses config.toml text; `file` names it in problems and anchors relative paths.
ConfigResult parse_config(std::string_view text, const std::filesystem::path& file);

// Reads the file, parses it, then checks what needs the disk (the capsule folder).
ConfigResult load_config(const std::filesystem::path& file);

// "config.toml:4: error: gemini.listen: ..."
std::string format_problem(const std::filesystem::path& file, const ConfigProblem& problem);

} // namespace gazette
