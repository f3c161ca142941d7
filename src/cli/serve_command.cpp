#include "server/capsule_watcher.hpp"
#include "server/huge_pages.hpp"
#include "net/certificate.hpp"
#include "cli/commands.hpp"
#include "config/config.hpp"
#include "base/log.hpp"
#include "server/privileges.hpp"
#include "server/reloader.hpp"
#include "server/server.hpp"
#include "site/snapshot_builder.hpp"
#include "net/tls_context.hpp"

#include <asio/signal_set.hpp>
#include <asio/ssl/context.hpp>
#include <csignal>
#include <cstring>
#include <unistd.h>
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

void wait_for_hangup(asio::signal_set& hangup, Reloader& reloader) {
  hangup.async_wait([&](std::error_code ec, int) {
    if (ec) return;
    log_message("received SIGHUP, reloading configuration, certificate and capsule");
    reloader.reload_everything();
    wait_for_hangup(hangup, reloader);
  });
}

// Uploads need to write the capsule and the history folder, as the user the
// server serves as; better to say so at start than at an editor's first upload.
void warn_if_newsroom_cannot_write(const Config& config) {
  if (config.editors.empty()) return;
  if (::access(config.capsule.c_str(), W_OK) != 0)
    log_message("newsroom: cannot write {} ({}); uploads will fail until the server may write there",
                config.capsule.string(), std::strerror(errno));
  std::error_code ec;
  // Absolute, so that the walk up reaches the working folder: "history"
  // beside a config.toml named without a folder has no parent to test.
  std::filesystem::path history = std::filesystem::absolute(config.newsroom.history, ec);
  while (!history.empty() && !std::filesystem::exists(history, ec) && history.has_parent_path() &&
         history.parent_path() != history)
    history = history.parent_path(); // made at the first change: its nearest existing folder must be writable
  if (!history.empty() && ::access(history.c_str(), W_OK) != 0)
    log_message("newsroom.history: cannot write {} ({}); uploads will fail until the server may write there",
                history.string(), std::strerror(errno));
}

} // namespace

int serve_command(const std::filesystem::path& config_file) {
  ConfigResult loaded = load_config(config_file);
  for (const auto& problem : loaded.problems) log_message("{}", format_problem(config_file, problem));
  if (loaded.has_errors()) return exit_bad_config;
  const Config& config = loaded.config;

  std::signal(SIGPIPE, SIG_IGN);
  raise_open_file_limit();

  std::optional<RunAs> run_as;
  if (geteuid() == 0) {
    if (config.user.empty()) {
      log_message("{}: user: started as root; set user = \"...\" so the server binds its ports as root and then "
                  "serves as that user",
                  config_file.string());
      return exit_bad_config;
    }
    try {
      run_as = look_up_run_as(config.user, config.group);
    } catch (const std::exception& e) {
      log_message("{}: {}", config_file.string(), e.what());
      return exit_bad_config;
    }
    if (!can_read_folder_as(*run_as, config.capsule)) {
      log_message("{}: error: capsule: {} is not readable by user {}", config_file.string(), config.capsule.string(),
                  run_as->user);
      return exit_bad_config;
    }
  }

  std::shared_ptr<asio::ssl::context> tls;
  try {
    CertificateInfo certificate = ensure_certificate(config.gemini.cert, config.gemini.key, config.hostnames);
    if (certificate.generated)
      log_message("made a self-signed certificate for {} in {}", fmt::join(config.hostnames, ", "),
                  config.gemini.cert.string());
    log_message("{}", fingerprint_lines(certificate.fingerprints));
    // The user the server becomes must be able to read them again on reload.
    if (certificate.generated && run_as)
      for (const auto& file : {config.gemini.cert, config.gemini.key})
        if (::chown(file.c_str(), run_as->uid, run_as->gid) != 0)
          log_message("{}: cannot give the file to user {}: {}", file.string(), run_as->user, std::strerror(errno));
    tls = std::make_shared<asio::ssl::context>(
        make_tls_context(config.gemini.cert, config.gemini.key, config.gemini.ticket_keys, !config.editors.empty()));
  } catch (const std::exception& e) {
    log_message("gemini: {}", e.what());
    return exit_bad_config;
  }

  // The listeners are bound from this config; the first build replaces this
  // empty snapshot before any connection is served.
  const auto started_with = std::make_shared<const Config>(config);
  auto unbuilt = std::make_shared<Snapshot>();
  unbuilt->config = started_with;
  SnapshotStore snapshots(std::move(unbuilt));
  ServerRun run;
  {
    // Declared after `io`, so they go before it does.
    asio::io_context io;
    WritesInProgress writes;
    Reloader reloader(io, config_file, snapshots, writes);
    // Caught from here on: a SIGHUP sent while the first build runs is a
    // reload once it is done, not the end of the server.
    asio::signal_set hangup(io, SIGHUP);
    // The watch begins before the first build reads the capsule: a change
    // made meanwhile is named to the first reload, which need not read
    // every file again.
    std::unique_ptr<CapsuleWatcher> watcher;
    try {
      watcher = std::make_unique<CapsuleWatcher>(io, config.capsule, writes, reloader);
    } catch (const std::system_error& e) {
      log_message("{}: edits are not watched ({}); send SIGHUP to publish them", config.capsule.string(), e.what());
    }
    run = run_server(io, snapshots, [&] {
      if (run_as) {
        try {
          become(*run_as);
        } catch (const std::exception& e) {
          log_message("{}", e.what());
          return false;
        }
        log_message("serving as user {} (uid {}, gid {})", run_as->user, run_as->uid, run_as->gid);
      }
      warn_if_newsroom_cannot_write(config);
      // Read as the user who serves it, as every reload is: a file only root
      // may read is never published, not even until the first reload.
      BuiltSnapshot built = [&] {
        const HugePagesWhileBuilding huge_pages;
        // Its pages are served as soon as they are made; its search index
        // is built next (see Reloader).
        CapsuleReading first;
        first.search_later = true;
        return build_snapshot(started_with, tls, nullptr, seconds_now(), first);
      }();
      for (const auto& diagnostic : built.diagnostics) log_message("{}", diagnostic.to_string());
      snapshots.replace(built.snapshot);
      reloader.start(std::move(built), watcher != nullptr);
      wait_for_hangup(hangup, reloader);
      return true;
    }, [&reloader] { reloader.content_changed(); });
  }
  // Last, once a reload under way has finished too: whoever reads the log
  // knows the server ended as it meant to.
  if (run.exit_status == exit_ok)
    log_message("stopped: served {} request{}", run.requests, run.requests == 1 ? "" : "s");
  return run.exit_status;
}

} // namespace gazette
