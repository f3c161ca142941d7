// The gazette subcommands; each returns the process exit status.
#pragma once
#include <filesystem>
#include <string>

namespace gazette {

// Exit statuses shared by the commands.
inline constexpr int exit_ok = 0;
inline constexpr int exit_failure = 1;     // a runtime failure, or `check` found errors
inline constexpr int exit_bad_config = 2;  // nothing was started

int serve_command(const std::filesystem::path& config_file);

// Prints every problem in the config and the capsule as "path:line: error: ...".
int check_command(const std::filesystem::path& config_file);

// Writes the bytes a Gemini reader gets for `url_path` to stdout, the header
// to stderr; with `gopher`, what a Gopher client gets for that selector.
int render_command(const std::filesystem::path& config_file, const std::string& url_path, bool gopher);

// Writes a draft article with today's date; prints its path; never overwrites.
// An empty title is refused.
int new_article_command(const std::filesystem::path& config_file, const std::string& section, const std::string& title);

// Prints the SHA-256 fingerprints of the configured certificate and of its
// public key, as the server logs them.
int fingerprint_command(const std::filesystem::path& config_file);

} // namespace gazette
