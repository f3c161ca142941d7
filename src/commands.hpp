// The gazette subcommands; each returns the process exit status.
#pragma once
#include <filesystem>

namespace gazette {

// Exit statuses shared by the commands.
inline constexpr int exit_ok = 0;
inline constexpr int exit_failure = 1;     // a runtime failure, or `check` found errors
inline constexpr int exit_bad_config = 2;  // nothing was started

int serve_command(const std::filesystem::path& config_file);

} // namespace gazette
