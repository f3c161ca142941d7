// Writing an answer held in memory. Most are one piece, written as it is; a
// list page's pieces (see SharedBytes) are gathered into writes of up to
// 16 KiB, one TLS record each, rather than a write, and a record, per piece.
#pragma once
#include "net/file_streaming.hpp"
#include "snapshot/shared_bytes.hpp"
#include "net/tls_stream.hpp"

#include <string>

namespace gazette {

inline constexpr std::size_t gathered_write_bytes = 16 * 1024;

// For bytes of more than one piece; one piece is written with write_all,
// without this coroutine's frame. Returns the bytes sent; stops at the
// first error, in `ec`.
template <typename Stream>
asio::awaitable<std::size_t> write_pieces(Stream& stream, const SharedBytes& bytes, std::error_code& ec) {
  std::size_t sent = 0;
  std::string gathered;
  gathered.reserve(gathered_write_bytes);
  for (std::size_t i = 0; i < bytes.piece_count() && !ec; ++i) {
    const std::string_view piece = bytes.piece(i);
    if (!gathered.empty() && gathered.size() + piece.size() > gathered_write_bytes) {
      sent += co_await write_all(stream, asio::buffer(gathered), ec);
      gathered.clear();
      if (ec) break;
    }
    if (piece.size() >= gathered_write_bytes) sent += co_await write_all(stream, asio::buffer(piece), ec);
    else gathered += piece;
  }
  if (!ec && !gathered.empty()) sent += co_await write_all(stream, asio::buffer(gathered), ec);
  co_return sent;
}

} // namespace gazette
