#include "certificate.hpp"
#include "commands.hpp"
#include "config.hpp"
#include "log.hpp"
#include "server.hpp"
#include "snapshot_builder.hpp"
#include "tls_context.hpp"

#include <csignal>
#include <sys/resource.h>

namespace gazette {
namespace {

// Every connection is a file descriptor; the default soft limit of 1024 would
// cap the server far below max_connections.
void raise_open_file_limit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
  }
}

} // namespace

int serve_command(const std::filesystem::path& config_file) {
  ConfigResult loaded = load_config(config_file);
  for (const auto& problem : loaded.problems) log_message("{}", format_problem(config_file, problem));
  if (loaded.has_errors()) return exit_bad_config;
  const Config& config = loaded.config;

  std::signal(SIGPIPE, SIG_IGN);
  raise_open_file_limit();

  std::optional<asio::ssl::context> tls;
  try {
    CertificateInfo certificate = ensure_certificate(config.gemini.cert, config.gemini.key, config.hostnames);
    if (certificate.generated)
      log_message("made a self-signed certificate for {} in {}", fmt::join(config.hostnames, ", "),
                  config.gemini.cert.string());
    log_message("certificate SHA-256 fingerprint: {}", certificate.sha256_fingerprint);
    tls.emplace(make_tls_context(config.gemini.cert, config.gemini.key));
  } catch (const std::exception& e) {
    log_message("gemini.cert: {}", e.what());
    return exit_bad_config;
  }

  BuiltSnapshot built = build_snapshot(config);
  for (const auto& diagnostic : built.diagnostics) log_message("{}", diagnostic.to_string());
  SnapshotStore snapshots(std::move(built.snapshot));
  return run_server(config, snapshots, *tls);
}

} // namespace gazette
