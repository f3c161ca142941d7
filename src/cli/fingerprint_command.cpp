#include "cli/commands.hpp"
#include "config/config.hpp"
#include "net/certificate.hpp"

#include <fmt/format.h>

namespace gazette {

int fingerprint_command(const std::filesystem::path& config_file) {
  ConfigResult loaded = load_config(config_file);
  for (const auto& problem : loaded.problems) fmt::print(stderr, "{}\n", format_problem(config_file, problem));
  if (loaded.has_errors()) return exit_bad_config;

  const std::filesystem::path& cert = loaded.config.gemini.cert;
  std::error_code ec;
  if (!std::filesystem::exists(cert, ec)) {
    fmt::print(stderr, "{}: no certificate yet; gazette serve makes a self-signed one there on its first start\n",
               cert.string());
    return exit_failure;
  }
  try {
    fmt::print("{}\n", fingerprint_lines(read_certificate_fingerprints(cert)));
  } catch (const std::exception& e) {
    fmt::print(stderr, "{}\n", e.what());
    return exit_failure;
  }
  return exit_ok;
}

} // namespace gazette
