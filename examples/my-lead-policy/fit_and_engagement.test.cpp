// Unit tests of fit_and_engagement, without Tandem's engine: tandem/testing.hpp gives the
// parameters as Tandem would hand them, leads and reps. No test framework is needed; use
// yours (Catch2, GoogleTest) the same way.
#include "fit_and_engagement.cpp"  // the plugin's class, in this test's translation unit

#include <tandem/testing.hpp>

#include <cstdio>
#include <vector>

namespace {
using namespace tandem::testing;

int failures = 0;
void expect(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "FAILED: %s\n", what);
  ++failures;
}

}  // namespace

int main() {
  FitAndEngagement policy = make<FitAndEngagement>({{"min_fit", 0.6}, {"min_touches", 2}});
  expect(policy.is_mql(lead(40, 0.6, 2)), "fit and touches both at the minimum qualify");
  expect(!policy.is_mql(lead(90, 0.59, 5)), "a high score does not make up for a poor fit");
  expect(!policy.is_mql(lead(90, 0.9, 1)), "too few touches");

  // Routing is the SDK's default: the rep with the shortest queue.
  std::vector<tandem::RepView> team = reps(3);
  team[0].queue = 4;
  team[1].queue = 1;
  team[2].queue = 2;
  expect(policy.route(lead(50), team) == 1, "routed to the shortest queue");

  // A parameter the schema does not declare is refused, as `tandem validate` would.
  bool refused = false;
  try {
    (void)params<FitAndEngagement>({{"min_fitt", 0.5}});
  } catch (const tandem::Error&) {
    refused = true;
  }
  expect(refused, "an unknown parameter is refused");

  if (failures == 0) std::puts("fit_and_engagement: all tests passed");
  return failures == 0 ? 0 : 1;
}
