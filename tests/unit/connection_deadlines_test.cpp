#include "net/connection_deadlines.hpp"

#include <doctest/doctest.h>
#include <vector>

using gazette::ConnectionDeadlines;
using gazette::WatchedConnection;
using namespace std::chrono_literals;

namespace {

const WatchedConnection::Clock::time_point start{1000s};

struct CountedConnection : WatchedConnection {
  using WatchedConnection::WatchedConnection;
  int passed = 0;
  bool still_passed_when_told = false;
  void deadline_passed() override {
    ++passed;
    still_passed_when_told = deadline_still_passed();
  }
  bool still_passed() const { return deadline_still_passed(); }
};

std::vector<int> passed_counts(const std::vector<std::shared_ptr<CountedConnection>>& connections) {
  std::vector<int> counts;
  for (const auto& connection : connections) counts.push_back(connection ? connection->passed : -1);
  return counts;
}

} // namespace

TEST_CASE("deadlines: the sweep tells each connection once, only after its deadline, and never one without") {
  auto deadlines = std::make_shared<ConnectionDeadlines>();
  std::vector<std::shared_ptr<CountedConnection>> connections;
  for (int i = 0; i < 4; ++i) connections.push_back(std::make_shared<CountedConnection>(deadlines));
  connections[0]->set_deadline(start + 1s);
  connections[1]->set_deadline(start + 2s);
  connections[2]->set_deadline(start + 3s);
  // connections[3] has none.

  struct Step {
    std::chrono::milliseconds at;
    std::vector<int> passed;
  };
  const Step steps[] = {
      {999ms, {0, 0, 0, 0}},  {1000ms, {1, 0, 0, 0}}, {1500ms, {1, 0, 0, 0}},
      {2500ms, {1, 1, 0, 0}}, {10s, {1, 1, 1, 0}},    {20s, {1, 1, 1, 0}},
  };
  for (const auto& step : steps) {
    CAPTURE(step.at.count());
    deadlines->sweep(start + step.at);
    CHECK(passed_counts(connections) == step.passed);
  }
  CHECK(connections[0]->still_passed_when_told);
  CHECK(connections[0]->still_passed());
}

TEST_CASE("deadlines: a deadline set again after it passed counts anew, and a cleared one never passes") {
  auto deadlines = std::make_shared<ConnectionDeadlines>();
  auto moved = std::make_shared<CountedConnection>(deadlines);
  auto cleared = std::make_shared<CountedConnection>(deadlines);
  moved->set_deadline(start + 1s);
  cleared->set_deadline(start + 1s);
  cleared->clear_deadline();
  deadlines->sweep(start + 1s);
  CHECK(moved->passed == 1);
  // The connection moved on before acting: what it passed no longer holds.
  moved->set_deadline(start + 5s);
  CHECK_FALSE(moved->still_passed());
  deadlines->sweep(start + 4s);
  CHECK(moved->passed == 1);
  deadlines->sweep(start + 5s);
  CHECK(moved->passed == 2);
  CHECK(cleared->passed == 0);
}

TEST_CASE("deadlines: connections that end leave the sweep, whichever place they held") {
  auto deadlines = std::make_shared<ConnectionDeadlines>();
  std::vector<std::shared_ptr<CountedConnection>> connections;
  for (int i = 0; i < 5; ++i) {
    connections.push_back(std::make_shared<CountedConnection>(deadlines));
    connections.back()->set_deadline(start + std::chrono::seconds(i + 1));
  }
  // The newest is first in the list, the oldest last; one from each place.
  connections[4].reset();
  connections[0].reset();
  connections[2].reset();
  deadlines->sweep(start + 10s);
  CHECK(passed_counts(connections) == std::vector<int>{-1, 1, -1, 1, -1});
  connections[1].reset();
  connections[3].reset();
  auto last = std::make_shared<CountedConnection>(deadlines);
  last->set_deadline(start);
  // Those that ended left their places with deadlines set; the new ones
  // that take them start without.
  std::vector<std::shared_ptr<CountedConnection>> fresh;
  for (int i = 0; i < 5; ++i) fresh.push_back(std::make_shared<CountedConnection>(deadlines));
  deadlines->sweep(start + 10s);
  CHECK(last->passed == 1);
  CHECK(passed_counts(fresh) == std::vector<int>{0, 0, 0, 0, 0});
}

TEST_CASE("deadlines: a connection told by the sweep may end there and then") {
  // When the connection lets go of itself as it is told, the sweep holds the
  // last reference, and the connection leaves the list as the sweep lets go.
  struct EndsWhenTold : WatchedConnection {
    using WatchedConnection::WatchedConnection;
    std::shared_ptr<EndsWhenTold>* owner = nullptr;
    void deadline_passed() override { owner->reset(); }
  };
  auto deadlines = std::make_shared<ConnectionDeadlines>();
  std::shared_ptr<EndsWhenTold> ending[2];
  std::weak_ptr<EndsWhenTold> watched[2];
  for (int i = 0; i < 2; ++i) {
    ending[i] = std::make_shared<EndsWhenTold>(deadlines);
    ending[i]->owner = &ending[i];
    ending[i]->set_deadline(start);
    watched[i] = ending[i];
  }
  auto staying = std::make_shared<CountedConnection>(deadlines);
  staying->set_deadline(start + 1s);
  deadlines->sweep(start);
  CHECK(watched[0].expired());
  CHECK(watched[1].expired());
  CHECK(staying->passed == 0);
  deadlines->sweep(start + 1s);
  CHECK(staying->passed == 1);
}
