// Reading and writing a plain socket straight away when it is ready.
//
// An asynchronous operation that completes at once still has its result
// queued on the event loop, and the loop asks the kernel for events
// (epoll_wait) before it runs the next queued item: a system call per
// operation that had nothing to wait for. These call the socket first and
// go through the event loop only when it would block. The socket must be
// non-blocking.
#pragma once
#include <asio/awaitable.hpp>
#include <asio/buffer.hpp>
#include <asio/ip/tcp.hpp>
#include <system_error>

namespace gazette {

// What the socket holds, up to the buffer's size; waits for bytes only
// when it holds none. 0 with `ec` set at end of stream or on an error.
asio::awaitable<std::size_t> read_some_now(asio::ip::tcp::socket& socket, asio::mutable_buffer buffer,
                                           std::error_code& ec);

// Writes every byte, waiting while the socket's send buffer is full;
// stops at the first error, in `ec`. Returns the bytes written.
asio::awaitable<std::size_t> write_all(asio::ip::tcp::socket& socket, asio::const_buffer bytes, std::error_code& ec);

} // namespace gazette
