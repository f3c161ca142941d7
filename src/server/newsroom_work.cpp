#include "server/newsroom_work.hpp"

#include "gemini/newsroom_answers.hpp"
#include "newsroom/newsroom.hpp"

#include <asio/co_spawn.hpp>
#include <asio/redirect_error.hpp>
#include <asio/steady_timer.hpp>
#include <asio/this_coro.hpp>
#include <asio/use_awaitable.hpp>

namespace gazette {
namespace {

constexpr std::chrono::milliseconds publication_poll{25};

// The first snapshot whose build read the capsule after `changed_at`, or
// the current one once `limit` has passed (a reload that fails, say).
asio::awaitable<std::shared_ptr<const Snapshot>> published_after(SnapshotStore& snapshots,
                                                                 std::chrono::steady_clock::time_point changed_at,
                                                                 std::chrono::milliseconds limit) {
  asio::steady_timer timer(co_await asio::this_coro::executor);
  const auto give_up = std::chrono::steady_clock::now() + limit;
  for (;;) {
    std::shared_ptr<const Snapshot> current = snapshots.current();
    if (current->capsule_read_at > changed_at || std::chrono::steady_clock::now() >= give_up) co_return current;
    timer.expires_after(publication_poll);
    std::error_code ignored;
    co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
  }
}

} // namespace

asio::awaitable<Answer> carry_out_newsroom_task(const ConnectionServices& services,
                                                std::shared_ptr<const Snapshot> snapshot, Answer answer) {
  const NewsroomTask task = *answer.task;
  NewsroomOutcome outcome = co_await asio::co_spawn(
      services.newsroom_work,
      [&]() -> asio::awaitable<NewsroomOutcome> { co_return carry_out(*snapshot, std::move(answer)); },
      asio::use_awaitable);
  if (!outcome.changed) co_return std::move(outcome.answer);
  services.capsule_changed();
  const std::shared_ptr<const Snapshot> published =
      co_await published_after(services.snapshots, outcome.changed_at, snapshot->config->request_timeout);
  co_return answer_after_change(*published, task);
}

} // namespace gazette
