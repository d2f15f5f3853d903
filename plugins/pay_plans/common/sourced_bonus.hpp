// The shape shared by the marketing bonuses on what a marketer's channels sourced
// (revenue_bonus, pipeline_bonus): a salary plus a share of one credited amount, capped.
// Each plugin supplies its Traits: name, doc, default rate, component, which credit, and
// how the reason names it.
#pragma once

#include <tandem/pay_plan.hpp>
#include <tandem/plugin.hpp>

#include <string>

namespace tandem_plugins {
using namespace tandem;

template <class Traits>
class SourcedBonus final : public PayPlan {
 public:
  static Schema schema() {
    return Schema(Traits::name, Traits::doc)
        .template param<Money>("salary", Money::from_cents(9'000'000),
                               "Salary, prorated over each pay period.",
                               at_least(Money{}).with_unit("per year"))
        .template param<double>("rate", Traits::default_rate, Traits::rate_doc,
                                in_range(0.0, 1.0).with_unit("share"))
        .template param<Money>("cap", Money::unlimited(), "Most bonus paid in one pay period.",
                               at_least(Money{}).with_unit("per pay period"));
  }

  explicit SourcedBonus(const Params& p)
      : salary_(p.get<Money>("salary")), rate_(p.get<double>("rate")), cap_(p.get<Money>("cap")) {}

  // Pure: same credits, same cents.
  Statement pay(const Credits& c, const PayPeriod& period) const override {
    Statement s;
    if (salary_ > Money{}) s.add_prorated("salary", salary_, period);
    const Money base = Traits::credited(c);
    s.add_capped(Traits::component, base.times(rate_), cap_,
                 decimal(rate_ * 100.0) + "% of " + base.str() + " " + Traits::what);
    return s;
  }

 private:
  Money salary_;
  double rate_;
  Money cap_;
};

}  // namespace tandem_plugins
