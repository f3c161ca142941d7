#include "server/huge_pages.hpp"

#include <doctest/doctest.h>
#include <sys/prctl.h>

using namespace gazette;

namespace {

bool huge_pages_refused() { return prctl(PR_GET_THP_DISABLE, 0, 0, 0, 0) == 1; }

} // namespace

TEST_CASE("huge pages: allowed while a build runs, refused once it is done, every time") {
  for (int build = 0; build < 2; ++build) {
    CAPTURE(build);
    {
      const HugePagesWhileBuilding building;
      CHECK_FALSE(huge_pages_refused());
    }
    CHECK(huge_pages_refused());
  }
}
