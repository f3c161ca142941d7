#include "server/reloader.hpp"

#include "net/certificate.hpp"
#include "base/log.hpp"
#include "net/tls_context.hpp"
#include "server/huge_pages.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <unistd.h>

namespace gazette {

Reloader::Reloader(asio::io_context& io, std::filesystem::path config_file, SnapshotStore& store,
                   const WritesInProgress& writes)
    : config_file_(std::move(config_file)), store_(store), writes_(writes), debounce_(io), hold_limit_(io),
      scheduled_(io) {}

void Reloader::start(BuiltSnapshot first, bool watched_before_first) {
  last_build_ = std::move(first);
  {
    std::lock_guard lock(mutex_);
    if (watched_before_first) any_file_changed_ = false;
  }
  for (const auto& diagnostic : last_build_.diagnostics) reported_.insert(diagnostic.to_string());
  last_build_.snapshot.reset(); // the store holds it
  schedule(last_build_.next_scheduled);
  worker_ = std::jthread([this](std::stop_token stop) { run(stop); });
}

Reloader::~Reloader() {
  worker_.request_stop();
  wake_.notify_all();
}

void Reloader::content_changed(std::chrono::milliseconds settle, std::optional<ChangedFiles> files) {
  // Runs on io threads; the timers are only touched with mutex_ held.
  std::lock_guard lock(mutex_);
  if (files) changed_files_.merge(*files);
  else any_file_changed_ = true;
  debounce_.expires_at(std::max(debounce_.expiry(), std::chrono::steady_clock::now() + settle));
  debounce_.async_wait([this](std::error_code ec) {
    if (!ec) request(Work::content);
  });
}

void Reloader::deploy_started(const std::string& sign) {
  std::lock_guard lock(mutex_);
  deploying_ = true;
  deploy_sign_ = sign;
  ++deploys_;
  hold_limit_.expires_after(deploy_hold_limit);
  hold_limit_.async_wait([this](std::error_code ec) {
    if (ec) return;
    {
      std::lock_guard lock(mutex_);
      if (!deploying_) return;
      deploying_ = false;
      any_file_changed_ = true;
      log_message("{}: still there after {} s; publishing without waiting for the deploy to finish", deploy_sign_,
                  deploy_hold_limit.count());
    }
    request(Work::content);
  });
}

void Reloader::deploy_finished() {
  {
    std::lock_guard lock(mutex_);
    deploying_ = false;
    hold_limit_.cancel();
  }
  content_changed(deploy_settle);
}

// Called without mutex_ held.
bool Reloader::deploy_under_way(std::uint64_t deploys_seen) {
  std::lock_guard lock(mutex_);
  return deploying_ || deploys_ != deploys_seen;
}

void Reloader::keep_serving(const std::string& problem) {
  if (problem != capsule_problem_) log_message("{}", problem);
  capsule_problem_ = problem;
}

void Reloader::reload_everything() { request(Work::everything); }

void Reloader::schedule(std::optional<std::chrono::sys_seconds> due) {
  std::lock_guard lock(mutex_);
  due_ = due;
  if (due_) wait_until_due();
  else scheduled_.cancel();
}

// Called with mutex_ held. The wait is cut into days at most: a story may be
// dated centuries ahead, beyond what the clock's time points can hold, and
// the clock may be set meanwhile.
void Reloader::wait_until_due() {
  const auto now = std::chrono::system_clock::now();
  const auto due = *due_;
  const auto day_ahead = std::chrono::floor<std::chrono::seconds>(now) + std::chrono::days(1);
  scheduled_.expires_at(std::chrono::system_clock::time_point(std::min(due, day_ahead)));
  scheduled_.async_wait([this](std::error_code ec) {
    if (ec) return;
    {
      std::lock_guard lock(mutex_);
      if (!due_) return;
      if (std::chrono::system_clock::now() < *due_) return wait_until_due();
    }
    request(Work::content);
  });
}

void Reloader::request(Work work) {
  {
    std::lock_guard lock(mutex_);
    if (deploying_) {
      held_ = std::max(held_, work);
      return;
    }
    pending_ = std::max({pending_, work, std::exchange(held_, Work::none)});
  }
  wake_.notify_one();
}

void Reloader::complete_first_search() {
  const auto started = std::chrono::steady_clock::now();
  try {
    store_.replace(complete_search(last_build_, *store_.current()));
  } catch (const std::exception& e) {
    // The next reload builds the whole capsule, and its index with it.
    log_message("the search index could not be built ({}); searches are refused until the capsule next changes "
                "or the server is sent SIGHUP",
                e.what());
    return;
  }
  last_build_.snapshot.reset();
  log_message("search index built in {:.0f} ms",
              std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count());
}

void Reloader::run(std::stop_token stop) {
  // The first build is served before its search index is made: it is made
  // first, before any reload.
  if (last_build_.search_pending) complete_first_search();
  for (;;) {
    Work work;
    {
      std::unique_lock lock(mutex_);
      if (!wake_.wait(lock, stop, [this] { return pending_ != Work::none; })) return;
      work = std::exchange(pending_, Work::none);
    }
    if (!rebuild(work)) request(work);
  }
}

bool Reloader::rebuild(Work work) {
  const auto started = std::chrono::steady_clock::now();
  const WritesInProgress::State writes = writes_.now();
  std::uint64_t deploys_seen;
  // The files named from here on are for the next build. Unless this one
  // is swapped in, the next reads every file again.
  std::optional<ChangedFiles> changed;
  struct ReadAllUnlessSwapped {
    Reloader& reloader;
    bool swapped = false;
    ~ReadAllUnlessSwapped() {
      if (swapped) return;
      std::lock_guard lock(reloader.mutex_);
      reloader.any_file_changed_ = true;
    }
  } outcome{*this};
  {
    std::lock_guard lock(mutex_);
    deploys_seen = deploys_;
    if (!std::exchange(any_file_changed_, false) && work == Work::content) changed = std::move(changed_files_);
    changed_files_.clear();
  }
  const std::shared_ptr<const Snapshot> current = store_.current();
  std::shared_ptr<const Config> config = current->config;
  std::shared_ptr<asio::ssl::context> tls = current->tls;

  if (work == Work::everything) {
    ConfigResult loaded = load_config(config_file_);
    for (const auto& problem : loaded.problems) log_message("{}", format_problem(config_file_, problem));
    if (loaded.has_errors()) {
      log_message("{}: not reloaded; the running configuration stays in force until the errors are fixed",
                  config_file_.string());
      return true;
    }
    try {
      const CertificateInfo certificate =
          ensure_certificate(loaded.config.gemini.cert, loaded.config.gemini.key, loaded.config.hostnames);
      tls = std::make_shared<asio::ssl::context>(make_tls_context(loaded.config.gemini.cert, loaded.config.gemini.key,
                                                                  loaded.config.gemini.ticket_keys,
                                                                  !loaded.config.editors.empty()));
      // A renewed certificate has new fingerprints for readers to check.
      log_message("{}", fingerprint_lines(certificate.fingerprints));
    } catch (const std::exception& e) {
      log_message("gemini.cert: {}; the running certificate stays in force", e.what());
      return true;
    }
    if (loaded.config.gemini.listen.size() != config->gemini.listen.size() ||
        loaded.config.gopher.listen.size() != config->gopher.listen.size() ||
        loaded.config.threads != config->threads || loaded.config.max_connections != config->max_connections)
      log_message("{}: listen addresses, threads and max_connections take effect at the next start",
                  config_file_.string());
    config = std::make_shared<const Config>(std::move(loaded.config));
  }

  // The capsule's folder is resolved once: a symlink swapped while this
  // build reads it leaves the build wholly the old target's.
  std::error_code ec;
  const std::filesystem::path folder = std::filesystem::canonical(config->capsule, ec);
  if (ec || ::access(folder.c_str(), R_OK | X_OK) != 0) {
    keep_serving(fmt::format("{}: cannot be read ({}); still serving the last good version until it is back",
                             config->capsule.string(), ec ? ec.message() : std::strerror(errno)));
    return true;
  }
  // A publication whose site.toml went is most likely being deployed anew
  // (moved, removed and copied): readers keep it whole meanwhile.
  // Why site.toml cannot be read, when the last build had one.
  const auto site_toml_gone = [&]() -> std::optional<std::string> {
    if (!last_build_.cache.site || ::access((folder / "site.toml").c_str(), R_OK) == 0) return std::nullopt;
    return errno == ENOENT ? std::string("is missing") : fmt::format("cannot be read ({})", std::strerror(errno));
  };
  const auto keep_serving_without = [&](const std::string& why) {
    keep_serving(fmt::format("{}: site.toml {}; still serving the last good version until it is back",
                             config->capsule.string(), why));
  };
  if (const auto why = site_toml_gone()) {
    keep_serving_without(*why);
    return true;
  }

  BuiltSnapshot built;
  try {
    const HugePagesWhileBuilding huge_pages;
    built = build_snapshot(config, tls, &last_build_, seconds_now(), {folder, writes.files, std::move(changed), current, {}});
  } catch (const std::exception& e) {
    // Whatever went wrong, readers keep the snapshot they have.
    log_message("{}: reload failed: {}; still serving the previous version", config->capsule.string(), e.what());
    return true;
  }
  // An edit in place took the last build's caches: they stay with the
  // build even when it is not served (each file's version tells the next
  // build whether to read it again).
  auto keep_caches = [&] {
    if (!built.edited_in_place) return;
    built.snapshot.reset();
    last_build_ = std::move(built);
  };
  // A write began while the capsule was read: that file may have been read
  // half written. The next build keeps its last good version.
  // A deploy began meanwhile: the build may hold part of it. It is built
  // again once the deploy has finished.
  if (writes_.now().starts != writes.starts || deploy_under_way(deploys_seen)) {
    keep_caches();
    return false;
  }
  if (const auto why = site_toml_gone(); why || (last_build_.cache.site && !built.cache.site)) {
    keep_caches();
    keep_serving_without(why.value_or("is missing"));
    return true;
  }
  capsule_problem_.clear();
  report(built.diagnostics);
  store_.replace(std::move(built.snapshot));
  outcome.swapped = true;
  schedule(built.next_scheduled);
  const StoryChanges changes = built.changes;
  const bool in_place = built.edited_in_place;
  const std::size_t failed = files_with_errors(built.diagnostics);
  last_build_ = std::move(built);
  const auto took = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  log_message("reloaded {} in {:.0f} ms{}: {}",
              work == Work::everything ? "configuration, certificate and capsule" : "capsule", took,
              in_place ? " (edited in place)" : "", describe_changes(changes, failed));
  return true;
}

void Reloader::report(const Diagnostics& diagnostics) {
  std::set<std::string> now;
  for (const auto& diagnostic : diagnostics) {
    std::string line = diagnostic.to_string();
    if (!reported_.count(line)) log_message("{}", line);
    now.insert(std::move(line));
  }
  reported_ = std::move(now);
}

} // namespace gazette
