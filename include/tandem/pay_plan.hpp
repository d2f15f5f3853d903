// A pay plan: a pure function from a person's credited results over a pay period to a
// payout, itemised by component, in exact money.
#pragma once

#include <tandem/money.hpp>
#include <tandem/views.hpp>

#include <string>
#include <utility>
#include <vector>

namespace tandem {
inline namespace v1 {

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
  const std::vector<StatementLine>& lines() const { return lines_; }
  Money total() const {
    Money t;
    for (const auto& l : lines_) t += l.amount;
    return t;
  }

 private:
  std::vector<StatementLine> lines_;
};

class PayPlan {
 public:
  virtual ~PayPlan() = default;

  // Pure: same credits and period, same cents. Agents call it many times per period to
  // value the actions they might take, so keep it cheap. Components must not be negative.
  virtual Statement pay(const Credits& credits, const PayPeriod& period) const = 0;
};

}  // namespace v1
}  // namespace tandem
