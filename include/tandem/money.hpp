// Money: an exact amount in integer cents.
//
// The one rounding rule: whenever a real number becomes money (a rate times an amount, a
// share of a pool, a parsed value), it is rounded to the nearest cent, halves away from
// zero (1.005 units -> 1.01; -1.005 -> -1.01). Sums and differences of Money are exact.
// Payouts, the ledger and every total in summary.json are sums of Money, so they agree
// to the cent.
#pragma once

#include <tandem/errors.hpp>

#include <cmath>
#include <compare>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace tandem {
inline namespace v4 {

class Money {
 public:
  constexpr Money() = default;

  static constexpr Money from_cents(std::int64_t cents) { return Money(cents); }

  // A real amount in currency units, rounded to the nearest cent, halves away from zero.
  // Throws tandem::Error for NaN, infinity or an amount too large to hold.
  static Money from_units(double units) {
    return from_real_cents(static_cast<long double>(units) * 100.0L);
  }

  // "1234.56", "-3", "0.5", "+12.30": at most two decimals, no exponent, no separators.
  // Exact: no floating point on the way. Returns nothing for malformed text.
  static std::optional<Money> parse(std::string_view text) {
    std::size_t i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
    std::int64_t whole = 0;
    std::size_t digits = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++digits) {
      if (whole > (std::numeric_limits<std::int64_t>::max() / 100 - 9) / 10) return {};
      whole = whole * 10 + (text[i] - '0');
    }
    std::int64_t fraction = 0;
    std::size_t decimals = 0;
    if (i < text.size() && text[i] == '.') {
      for (++i; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++decimals) {
        if (decimals == 2) return {};
        fraction = fraction * 10 + (text[i] - '0');
      }
      if (decimals == 1) fraction *= 10;
    }
    if (i != text.size() || digits + decimals == 0) return {};
    const std::int64_t cents = whole * 100 + fraction;
    return Money(negative ? -cents : cents);
  }

  // No limit: the identity of min(). Used for caps that are off.
  static constexpr Money unlimited() { return Money(std::numeric_limits<std::int64_t>::max()); }

  constexpr std::int64_t cents() const { return cents_; }
  constexpr bool is_unlimited() const { return cents_ == unlimited().cents_; }
  constexpr double units() const { return static_cast<double>(cents_) / 100.0; }

  // This amount times a real factor (a commission rate, a multiplier), rounded by the rule.
  Money times(double factor) const {
    if (is_unlimited()) return *this;
    return from_real_cents(static_cast<long double>(cents_) * static_cast<long double>(factor));
  }

  // "1234.56", "-0.05"; "unlimited" for unlimited().
  std::string str() const {
    if (is_unlimited()) return "unlimited";
    const std::int64_t a = cents_ < 0 ? -cents_ : cents_;
    std::string s = cents_ < 0 ? "-" : "";
    s += std::to_string(a / 100);
    s += '.';
    s += static_cast<char>('0' + a % 100 / 10);
    s += static_cast<char>('0' + a % 10);
    return s;
  }

  // Exact arithmetic; overflow is an error, never a silent wrap.
  friend Money operator+(Money a, Money b) { return Money(checked(a.cents_, b.cents_, true)); }
  friend Money operator-(Money a, Money b) { return Money(checked(a.cents_, b.cents_, false)); }
  friend constexpr Money operator-(Money a) { return Money(-a.cents_); }
  Money& operator+=(Money b) { return *this = *this + b; }
  Money& operator-=(Money b) { return *this = *this - b; }
  friend constexpr auto operator<=>(Money, Money) = default;

 private:
  constexpr explicit Money(std::int64_t cents) : cents_(cents) {}

  static Money from_real_cents(long double cents) {
    if (!std::isfinite(cents)) throw Error("money: amount is not a finite number");
    const long double rounded = std::round(cents);  // halves away from zero
    if (std::fabs(rounded) >= 9.2e18L) throw Error("money: amount out of range");
    return Money(static_cast<std::int64_t>(rounded));
  }
  static std::int64_t checked(std::int64_t a, std::int64_t b, bool add) {
    std::int64_t r;
    if (add ? __builtin_add_overflow(a, b, &r) : __builtin_sub_overflow(a, b, &r))
      throw Error("money: sum out of range");
    return r;
  }

  std::int64_t cents_ = 0;
};

}  // namespace v4
}  // namespace tandem
