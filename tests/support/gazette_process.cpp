#include "gazette_process.hpp"

#include <csignal>
#include <fcntl.h>
#include <fmt/format.h>
#include <fstream>
#include <regex>
#include <spawn.h>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace gazette::testing {
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

std::string read_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Output goes to `<logs>stdout.log` and `<logs>stderr.log` in the folder: a
// command run beside a server has files of its own, since the server's
// batched access lines may land after the command's start.
pid_t spawn_gazette(const fs::path& folder, const std::vector<std::string>& args, const std::string& logs) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addchdir_np(&actions, folder.c_str());
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  const fs::path out = folder / (logs + "stdout.log"), err = folder / (logs + "stderr.log");
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);

  std::vector<std::string> argv_text{GAZETTE_BINARY};
  argv_text.insert(argv_text.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& arg : argv_text) argv.push_back(arg.data());
  argv.push_back(nullptr);

  pid_t pid = -1;
  int error = posix_spawn(&pid, GAZETTE_BINARY, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (error != 0) throw std::runtime_error(fmt::format("cannot start {}: {}", GAZETTE_BINARY, std::strerror(error)));
  return pid;
}

// Waits up to `limit` for the process to end; its exit status, or -1.
int wait_for_exit(pid_t pid, std::chrono::milliseconds limit) {
  const auto give_up = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < give_up) {
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    std::this_thread::sleep_for(10ms);
  }
  return -1;
}

} // namespace

CommandResult run_gazette(const fs::path& folder, const std::vector<std::string>& args, std::chrono::seconds limit) {
  pid_t pid = spawn_gazette(folder, args, "command-");
  CommandResult result;
  result.exit_status = wait_for_exit(pid, limit);
  if (result.exit_status == -1) {
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
  }
  result.out = read_text(folder / "command-stdout.log");
  result.err = read_text(folder / "command-stderr.log");
  return result;
}

std::string gazette_binary() { return GAZETTE_BINARY; }

std::string test_config(const std::string& extra_top, const std::string& extra_gemini, const std::string& extra_gopher) {
  // Started as root (as in CI), the server must be told whom to become.
  const std::string run_as = geteuid() == 0 ? "user = \"nobody\"\n" : "";
  return fmt::format("capsule = \"capsule\"\nhostname = \"localhost\"\nthreads = 2\n{}{}\n"
                     "[gemini]\nlisten = [\"127.0.0.1:0\"]\ncert = \"certs/cert.pem\"\nkey = \"certs/key.pem\"\n{}\n"
                     "[gopher]\nlisten = [\"127.0.0.1:0\"]\nhost = \"localhost\"\nport = 7070\n{}\n",
                     run_as, extra_top, extra_gemini, extra_gopher);
}

GazetteProcess::GazetteProcess(const TempCapsule& site, const std::string& config) : folder_(site.folder()) {
  std::ofstream(folder_ / "config.toml") << config;
  pid_ = spawn_gazette(folder_, {"serve", "--config", "config.toml"}, "");

  const bool expect_gopher = config.find("[gopher]") != std::string::npos;
  const bool expect_spartan = config.find("[spartan]") != std::string::npos;
  const bool expect_finger = config.find("[finger]") != std::string::npos;
  const std::regex gemini_line(R"(gemini listening on \S+:(\d+))"), gopher_line(R"(gopher listening on \S+:(\d+))");
  const std::regex spartan_line(R"(spartan listening on \S+:(\d+))"), finger_line(R"(finger listening on \S+:(\d+))");
  const auto give_up = std::chrono::steady_clock::now() + 15s;
  while (std::chrono::steady_clock::now() < give_up) {
    const std::string err = stderr_text();
    std::smatch match;
    if (!gemini_port_ && std::regex_search(err, match, gemini_line)) gemini_port_ = static_cast<std::uint16_t>(std::stoi(match[1]));
    if (!gopher_port_ && std::regex_search(err, match, gopher_line)) gopher_port_ = static_cast<std::uint16_t>(std::stoi(match[1]));
    if (!spartan_port_ && std::regex_search(err, match, spartan_line)) spartan_port_ = static_cast<std::uint16_t>(std::stoi(match[1]));
    if (!finger_port_ && std::regex_search(err, match, finger_line)) finger_port_ = static_cast<std::uint16_t>(std::stoi(match[1]));
    if (gemini_port_ && (gopher_port_ || !expect_gopher) && (spartan_port_ || !expect_spartan) &&
        (finger_port_ || !expect_finger))
      return;
    if (!running()) throw std::runtime_error("gazette exited before listening:\n" + err);
    std::this_thread::sleep_for(10ms);
  }
  throw std::runtime_error("gazette did not start listening within 15 s:\n" + stderr_text());
}

GazetteProcess::~GazetteProcess() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
}

std::string GazetteProcess::gemini_url(const std::string& path) const {
  return fmt::format("gemini://localhost:{}{}", gemini_port_, path);
}

int GazetteProcess::stop(int signal_number) {
  if (pid_ <= 0) return -1;
  kill(pid_, signal_number);
  int status = wait_for_exit(pid_, 10s);
  if (status == -1) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  pid_ = -1;
  return status;
}

bool GazetteProcess::running() {
  if (pid_ <= 0) return false;
  int status = 0;
  if (waitpid(pid_, &status, WNOHANG) == pid_) {
    pid_ = -1;
    return false;
  }
  return true;
}

std::string GazetteProcess::stdout_text() const { return read_text(folder_ / "stdout.log"); }
std::string GazetteProcess::stderr_text() const { return read_text(folder_ / "stderr.log"); }

bool GazetteProcess::wait_for_stdout(const std::string& text, std::chrono::milliseconds limit) const {
  const auto give_up = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < give_up) {
    if (stdout_text().find(text) != std::string::npos) return true;
    std::this_thread::sleep_for(10ms);
  }
  return false;
}

} // namespace gazette::testing
