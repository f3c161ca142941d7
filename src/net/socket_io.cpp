#include "net/socket_io.hpp"

#include <asio/redirect_error.hpp>
#include <asio/use_awaitable.hpp>

namespace gazette {

namespace {

bool would_block(const std::error_code& ec) { return ec == asio::error::would_block || ec == asio::error::try_again; }

} // namespace

asio::awaitable<std::size_t> read_some_now(asio::ip::tcp::socket& socket, asio::mutable_buffer buffer,
                                           std::error_code& ec) {
  const std::size_t n = socket.read_some(buffer, ec);
  if (!would_block(ec)) co_return n;
  ec.clear();
  co_return co_await socket.async_read_some(buffer, asio::redirect_error(asio::use_awaitable, ec));
}

asio::awaitable<std::size_t> write_all(asio::ip::tcp::socket& socket, asio::const_buffer bytes, std::error_code& ec) {
  std::size_t written = 0;
  while (written < bytes.size()) {
    written += socket.write_some(bytes + written, ec);
    if (would_block(ec)) {
      ec.clear();
      co_await socket.async_wait(asio::ip::tcp::socket::wait_write, asio::redirect_error(asio::use_awaitable, ec));
    }
    if (ec) break;
  }
  co_return written;
}

} // namespace gazette
