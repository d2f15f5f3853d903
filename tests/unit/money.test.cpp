// Money: exact cents and the one rounding rule (nearest cent, halves away from zero).
#include <tandem/money.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using tandem::Money;

TEST_CASE("real amounts round to the nearest cent, halves away from zero", "[unit][money]") {
  CHECK(Money::from_units(1.234).cents() == 123);
  CHECK(Money::from_units(1.236).cents() == 124);
  CHECK(Money::from_units(0.125).cents() == 13);  // exactly representable half: away from zero
  CHECK(Money::from_units(-0.125).cents() == -13);
  CHECK(Money::from_cents(1000).times(0.0005).cents() == 1);  // 0.5 cent -> 1 cent
  CHECK(Money::from_cents(-1000).times(0.0005).cents() == -1);
  CHECK(Money::from_cents(1234567).times(0.1).cents() == 123457);  // 1234.567 -> 1234.57
  CHECK(Money::from_cents(999).times(1.0 / 3.0).cents() == 333);
}

TEST_CASE("multiplying large amounts keeps every cent", "[unit][money]") {
  // 90 trillion cents times 1.0: a double alone has 53 bits; the long double path keeps it.
  const Money big = Money::from_cents(9'000'000'000'000'001);
  CHECK(big.times(1.0).cents() == 9'000'000'000'000'001);
}

TEST_CASE("parsing is exact and strict", "[unit][money]") {
  CHECK(Money::parse("180.05")->cents() == 18005);
  CHECK(Money::parse("180.5")->cents() == 18050);
  CHECK(Money::parse("-3")->cents() == -300);
  CHECK(Money::parse("+0.07")->cents() == 7);
  CHECK(Money::parse(".5")->cents() == 50);
  CHECK_FALSE(Money::parse("1.005"));  // more than two decimals
  CHECK_FALSE(Money::parse("1e3"));
  CHECK_FALSE(Money::parse("1,000.00"));
  CHECK_FALSE(Money::parse(""));
  CHECK_FALSE(Money::parse("-"));
  CHECK_FALSE(Money::parse("99999999999999999999"));
}

TEST_CASE("formatting round-trips through parse", "[unit][money]") {
  for (std::int64_t c : {0LL, 5LL, -5LL, 100LL, 123456LL, -987654321LL}) {
    const Money m = Money::from_cents(c);
    CHECK(Money::parse(m.str())->cents() == c);
  }
  CHECK(Money::from_cents(-5).str() == "-0.05");
  CHECK(Money::unlimited().str() == "unlimited");
}

TEST_CASE("impossible amounts are errors, never silent", "[unit][money]") {
  CHECK_THROWS_AS(Money::from_units(std::nan("")), tandem::Error);
  CHECK_THROWS_AS(Money::from_units(std::numeric_limits<double>::infinity()), tandem::Error);
  CHECK_THROWS_AS(Money::from_units(1e30), tandem::Error);
  CHECK_THROWS_AS(
      Money::from_cents(std::numeric_limits<std::int64_t>::max() - 1) + Money::from_cents(2),
      tandem::Error);
}

TEST_CASE("unlimited is the identity of min and survives times", "[unit][money]") {
  const Money x = Money::from_cents(5000);
  CHECK(std::min(x, Money::unlimited()) == x);
  CHECK(Money::unlimited().times(0.5).is_unlimited());
}
