// gazette-tls-floor: the least a TLS server can do per Gemini request, as a
// yardstick. One thread, blocking calls, no event loop, no logging: accept,
// TLS handshake, read the request line, write a response held in memory,
// close_notify both ways, close. Its TLS context is gazette's own
// (make_tls_context), so the difference is the rest of gazette.
#include "net/openssl_handles.hpp"
#include "net/tls_context.hpp"

#include <CLI/CLI.hpp>
#include <arpa/inet.h>
#include <csignal>
#include <fmt/format.h>
#include <fstream>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <optional>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <sstream>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

namespace {

struct Descriptor {
  int fd;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

void answer(SSL_CTX* context, int client, const std::string& response) {
  gazette::SslHandle ssl(SSL_new(context));
  SSL_set_fd(ssl.get(), client);
  if (SSL_accept(ssl.get()) != 1) return;
  char request[1026];
  int got = 0;
  while (got < static_cast<int>(sizeof request)) {
    const int n = SSL_read(ssl.get(), request + got, static_cast<int>(sizeof request) - got);
    if (n <= 0) return;
    got += n;
    if (got >= 2 && request[got - 2] == '\r' && request[got - 1] == '\n') break;
  }
  if (SSL_write(ssl.get(), response.data(), static_cast<int>(response.size())) <= 0) return;
  if (SSL_shutdown(ssl.get()) == 0) SSL_shutdown(ssl.get());
}

} // namespace

int main(int argc, char** argv) {
  CLI::App app{"gazette-tls-floor: a bare blocking OpenSSL server, the floor gazette is measured against"};
  std::string cert, key, body_file, address = "127.0.0.1";
  std::uint16_t port = 0;
  app.add_option("--cert", cert, "certificate (PEM)")->required()->check(CLI::ExistingFile);
  app.add_option("--key", key, "private key (PEM)")->required()->check(CLI::ExistingFile);
  app.add_option("--body", body_file, "file sent after a '20 text/gemini' header")->required()->check(CLI::ExistingFile);
  app.add_option("--address", address, "IPv4 loopback address")->capture_default_str();
  app.add_option("--port", port, "port; 0 lets the kernel choose, and the choice is printed")->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  std::ifstream body_stream(body_file, std::ios::binary);
  std::ostringstream body;
  body << body_stream.rdbuf();
  const std::string response = "20 text/gemini\r\n" + body.str();
  signal(SIGPIPE, SIG_IGN);

  std::optional<asio::ssl::context> context;
  try {
    context.emplace(gazette::make_tls_context(cert, key));
  } catch (const std::exception& e) {
    fmt::print(stderr, "gazette-tls-floor: {}\n", e.what());
    return 1;
  }
  Descriptor listener{::socket(AF_INET, SOCK_STREAM, 0)};
  const int on = 1;
  setsockopt(listener.fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
  sockaddr_in where{};
  where.sin_family = AF_INET;
  where.sin_port = htons(port);
  if (inet_pton(AF_INET, address.c_str(), &where.sin_addr) != 1 ||
      ::bind(listener.fd, reinterpret_cast<sockaddr*>(&where), sizeof where) != 0 || ::listen(listener.fd, 4096) != 0) {
    fmt::print(stderr, "gazette-tls-floor: cannot listen on {}:{}\n", address, port);
    return 1;
  }
  socklen_t length = sizeof where;
  getsockname(listener.fd, reinterpret_cast<sockaddr*>(&where), &length);
  fmt::print("listening on {}:{}\n", address, ntohs(where.sin_port));
  std::fflush(stdout);
  for (;;) {
    Descriptor client{::accept(listener.fd, nullptr, nullptr)};
    if (client.fd < 0) continue;
    setsockopt(client.fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    // A client that stalls must not hold the one thread for ever.
    const timeval patience{10, 0};
    setsockopt(client.fd, SOL_SOCKET, SO_RCVTIMEO, &patience, sizeof patience);
    setsockopt(client.fd, SOL_SOCKET, SO_SNDTIMEO, &patience, sizeof patience);
    answer(context->native_handle(), client.fd, response);
    ERR_clear_error();
  }
}
