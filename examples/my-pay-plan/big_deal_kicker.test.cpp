// Unit tests of big_deal_kicker, without Tandem's engine: tandem/testing.hpp gives the
// parameters as Tandem would hand them, the pay periods and the credits. No test framework
// is needed; use yours (Catch2, GoogleTest) the same way.
#include "big_deal_kicker.cpp"  // the plugin's class, in this test's translation unit

#include <tandem/testing.hpp>

#include <cstdio>
#include <string>
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
  // At its defaults: 8% of every booking, 4% more on each deal of 100000.00 or more.
  const BigDealKicker plan = make<BigDealKicker>();
  const std::vector<tandem::CreditedDeal> deals = {won(1, "150000.00", 2), won(2, "20000.00", 3)};
  const tandem::Statement s = plan.pay(with_deals(deals), month());
  expect(line(s, "commission") == money("13600.00"), "8% of 170000.00 booked");
  expect(line(s, "big deal kicker") == money("6000.00"), "4% of the one big deal");
  expect(reason(s, "big deal kicker").find("D1") != std::string::npos, "the kicker names its deal");

  // A base salary is prorated over the pay period.
  const BigDealKicker salaried = make<BigDealKicker>({{"base_salary", money("60000.00")}});
  expect(line(salaried.pay(booked("0.00"), month()), "base salary") == money("5000.00"),
         "a month of 60000.00 a year");

  // Parameters the schema refuses are refused here too, as `tandem validate` would.
  bool refused = false;
  try {
    (void)params<BigDealKicker>({{"rate", 1.5}});
  } catch (const tandem::Error&) {
    refused = true;
  }
  expect(refused, "a rate above 1 is refused");

  if (failures == 0) std::puts("big_deal_kicker: all tests passed");
  return failures == 0 ? 0 : 1;
}
