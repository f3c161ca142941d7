// gazette-wait-served: asks a Gopher server for one selector every
// millisecond until the answer shows a change, then prints the wall clock
// in microseconds. bench/reload-latency notes the clock before it saves a
// file and subtracts: a poll here costs a fraction of a millisecond, where
// a shell's costs several and would be counted as the server's.
#include "served_condition.hpp"

#include <CLI/CLI.hpp>
#include <arpa/inet.h>
#include <chrono>
#include <map>
#include <cstdio>
#include <netinet/in.h>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace {

// The whole answer, or nothing when the server could not be reached.
std::string ask(std::uint16_t port, const std::string& selector) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return {};
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string answer;
  const std::string request = selector + "\r\n";
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0 &&
      ::send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size())) {
    char buffer[65536];
    for (ssize_t got; (got = ::recv(fd, buffer, sizeof buffer, 0)) > 0;) answer.append(buffer, got);
  }
  ::close(fd);
  return answer;
}

} // namespace

int main(int argc, char** argv) {
  using gazette::bench::Condition;
  CLI::App app{"gazette-wait-served: poll a Gopher selector on 127.0.0.1 until its answer shows a change, "
               "then print the wall clock in microseconds"};
  std::uint16_t port = 0;
  std::string selector, text;
  Condition condition = Condition::contains;
  double timeout = 60;
  app.add_option("port", port, "the server's Gopher port")->required();
  app.add_option("selector", selector, "what to ask for, e.g. /world/")->required();
  app.add_option("text", text, "what the answer must show")->required();
  app.add_option("--until", condition, "contains, or leads (the menu's first item holds the text)")
      ->transform(CLI::CheckedTransformer(std::map<std::string, Condition>{{"contains", Condition::contains},
                                                                             {"leads", Condition::leads_the_menu}}));
  app.add_option("--timeout", timeout, "seconds to give up after")->check(CLI::PositiveNumber);
  CLI11_PARSE(app, argc, argv);

  const auto give_up = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout);
  while (!gazette::bench::answer_meets(ask(port, selector), condition, text)) {
    if (std::chrono::steady_clock::now() > give_up) {
      std::fprintf(stderr, "gazette-wait-served: %s did not show the change within %g s\n", selector.c_str(), timeout);
      return 1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  std::printf("%lld\n", static_cast<long long>(std::chrono::duration_cast<std::chrono::microseconds>(now).count()));
}
