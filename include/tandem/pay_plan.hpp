// A pay plan: a pure function from a person's credited results over a pay period to a
// payout, itemised by component, in exact money.
#pragma once

#include <tandem/errors.hpp>
#include <tandem/money.hpp>
#include <tandem/views.hpp>

#include <charconv>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace tandem {
inline namespace v4 {

// A number for a reason line: at least one decimal, at most four, no trailing zeros
// ("0.25", "8.0", "0.0769").
inline std::string decimal(double x) {
  // std::to_chars rather than printf: plans are priced many times a period by agents
  // valuing their choices, and this text is built each time.
  char text[64];
  const auto end = std::to_chars(text, text + sizeof text, x, std::chars_format::fixed, 4).ptr;
  std::string s(text, end);
  while (s.back() == '0' && s[s.size() - 2] != '.') s.pop_back();
  return s;
}

// One component of a payout, with the rule that priced it ("2.0% of 41250.00 booked").
struct StatementLine {
  std::string component;
  Money amount;
  std::string reason;
};

// What a pay plan returns: its components, in the order they should be shown.
class Statement {
 public:
  Statement& add(std::string component, Money amount, std::string reason = {}) {
    lines_.push_back({std::move(component), amount, std::move(reason)});
    return *this;
  }
  // An annual amount (a salary) paid pro rata for the pay period's length, by the one
  // rounding rule, with the reason spelled out.
  Statement& add_prorated(std::string component, Money per_year, const PayPeriod& period) {
    return add(std::move(component), per_year.times(period.years),
               per_year.str() + " a year, prorated for a " + to_string(period.kind) + " (" +
                   decimal(period.years) + " of a year)");
  }

  // An amount earned by a rule, paid up to `cap` per pay period; the reason says when the
  // cap bit ("... = 5200.00, capped at 5000.00 per pay period").
  Statement& add_capped(std::string component, Money earned, Money cap, std::string reason) {
    if (earned > cap)
      return add(std::move(component), cap,
                 reason + " = " + earned.str() + ", capped at " + cap.str() + " per pay period");
    return add(std::move(component), earned, std::move(reason));
  }

  const std::vector<StatementLine>& lines() const { return lines_; }
  Money total() const {
    Money t;
    for (const auto& l : lines_) t += l.amount;
    return t;
  }

 private:
  std::vector<StatementLine> lines_;
};

// Visible, like the error types, so that RTTI (dynamic_cast, typeid) of a plan made in a
// plugin agrees with the core's under hidden visibility.
class TANDEM_VISIBLE PayPlan {
 public:
  virtual ~PayPlan() = default;

  // Pure: same credits and period, same cents. Agents call it many times per period to
  // value the actions they might take, so keep it cheap. Components must not be negative.
  virtual Statement pay(const Credits& credits, const PayPeriod& period) const = 0;
};

}  // namespace v4
}  // namespace tandem
