// A quota per pay period, paid in tiers: each slice of credited bookings earns the base rate
// times the multiplier of the tier it falls in (marginal, like tax brackets), so a
// decelerator below a threshold and an accelerator above quota change what the next deal
// is worth without ever making more bookings pay less. Optional caps on pay and on
// credited bookings, and an optional base salary.
#include <tandem/errors.hpp>
#include <tandem/pay_plan.hpp>
#include <tandem/plugin.hpp>

#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace {
using namespace tandem;

// A number as people write it: "0", "0.5", "33.3" (no "50.0").
std::string number(double x) {
  std::string s = decimal(x);
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s;
}

// "[0, 0.5, 1]" for messages: the values as the scenario gives them.
std::string list_text(const std::vector<double>& values) {
  std::string s = "[";
  for (std::size_t i = 0; i < values.size(); ++i) s += (i == 0 ? "" : ", ") + number(values[i]);
  return s + "]";
}

// A share as a percentage for a tier's bounds: "50", "100", "33.3".
std::string percent(double share) {
  return number(share * 100.0);
}

class QuotaTiers final : public PayPlan {
 public:
  static Schema schema() {
    return Schema("quota_tiers",
                  "A quota per pay period paid in tiers (decelerators below a threshold, "
                  "accelerators above quota), with optional caps and base salary.")
        .required<Money>("quota", "Bookings quota per pay period.",
                         above(Money{}).with_unit("per pay period"))
        .param<double>("rate", 0.10, "Base commission rate: what a multiplier of 1.0 pays.",
                       in_range(0.0, 1.0).with_unit("share"))
        .param<std::vector<double>>(
            "tier_starts", {0.0, 0.5, 1.0},
            "Attainment (share of quota) where each tier starts: from 0, strictly increasing.",
            at_least(0.0).with_unit("share of quota"))
        .param<std::vector<double>>(
            "tier_multipliers", {0.5, 1.0, 1.5},
            "Rate multiplier in each tier, one per tier start: below 1 decelerates, above 1 "
            "accelerates.",
            at_least(0.0).with_unit("times rate"))
        .param<Money>("cap", Money::unlimited(), "Most commission paid in one pay period.",
                      at_least(Money{}).with_unit("per pay period"))
        .param<Money>("bookings_cap", Money::unlimited(),
                      "Most bookings credited in one pay period; bookings above it are not "
                      "paid on.",
                      at_least(Money{}).with_unit("per pay period"))
        .param<Money>("base_salary", Money{}, "Base salary, prorated over each pay period.",
                      at_least(Money{}).with_unit("per year"));
  }

  explicit QuotaTiers(const Params& p)
      : quota_(p.get<Money>("quota")),
        rate_(p.get<double>("rate")),
        starts_(p.get<std::vector<double>>("tier_starts")),
        multipliers_(p.get<std::vector<double>>("tier_multipliers")),
        cap_(p.get<Money>("cap")),
        bookings_cap_(p.get<Money>("bookings_cap")),
        base_salary_(p.get<Money>("base_salary")) {
    // Each value is valid on its own (the schema checked it); these are the combinations.
    if (quota_ <= Money{} || quota_.is_unlimited())
      throw Error("quota (" + quota_.str() + ") must be an amount above 0");
    if (starts_.empty() || starts_.front() != 0.0)
      throw Error("tier_starts " + list_text(starts_) +
                  " must start at 0: the first tier pays from the first booking");
    for (std::size_t i = 1; i < starts_.size(); ++i)
      if (!(starts_[i] > starts_[i - 1]))
        throw Error("tier_starts " + list_text(starts_) + " must strictly increase: tier_starts[" +
                    std::to_string(i) + "] (" + number(starts_[i]) + ") is not above tier_starts[" +
                    std::to_string(i - 1) + "] (" + number(starts_[i - 1]) + ")");
    if (multipliers_.size() != starts_.size())
      throw Error("tier_multipliers " + list_text(multipliers_) + " has " +
                  std::to_string(multipliers_.size()) + " values but tier_starts " +
                  list_text(starts_) + " has " + std::to_string(starts_.size()) +
                  ": give one multiplier per tier");
    for (std::size_t i = 0; i < multipliers_.size(); ++i)
      if (!(multipliers_[i] >= 0.0))
        throw Error("tier_multipliers[" + std::to_string(i) + "] (" + number(multipliers_[i]) +
                    ") must be at least 0");
    if (bookings_cap_ < quota_)
      throw Error("bookings_cap (" + bookings_cap_.str() + ") is below quota (" + quota_.str() +
                  "): no rep could reach quota; raise bookings_cap or lower quota");
    // Tier bounds in cents, by the one rounding rule; the last tier has no upper bound.
    for (const double s : starts_) bounds_.push_back(quota_.times(s));
    bounds_.push_back(Money::unlimited());
  }

  // Pure: same credits and period, same cents. Agents call it many times per period.
  Statement pay(const Credits& c, const PayPeriod& period) const override {
    Statement s;
    if (base_salary_ > Money{}) s.add_prorated("base salary", base_salary_, period);

    const Money credited = std::max(Money{}, std::min(c.bookings, bookings_cap_));
    const std::string booked =
        credited == c.bookings ? credited.str() + " booked"
                               : credited.str() + " credited (of " + c.bookings.str() + " booked)";
    const double attained =
        static_cast<double>(credited.cents()) / static_cast<double>(quota_.cents());
    const std::string context = booked + ", " + decimal(attained * 100.0) + "% attained";

    // One line per tier the credited bookings reach, each slice paid at its own rate.
    Money paid;
    bool capped = false;
    for (std::size_t i = 0; i < starts_.size() && !capped; ++i) {
      const Money low = bounds_[i], high = bounds_[i + 1];
      if (credited <= low && !(i == 0 && credited == Money{})) break;
      const Money slice = std::min(credited, high) - low;
      if (slice == Money{} && i > 0) continue;                    // a tier narrower than a cent
      const Money earned = slice.times(rate_ * multipliers_[i]);  // one rounding rule
      std::string reason = "tier " + std::to_string(i + 1) + ": " + percent(starts_[i]) +
                           (high.is_unlimited() ? "%+" : "%-" + percent(starts_[i + 1]) + "%") +
                           " of quota (" + slice.str() + " of " + context + ") x " +
                           decimal(multipliers_[i]) + " at " + decimal(rate_ * 100.0) + "%";
      Money amount = earned;
      if (paid + earned > cap_) {
        // The cap binds in this tier: pay up to it exactly, and no further tiers.
        amount = cap_ - paid;
        reason += " = " + earned.str() + ", cut to " + amount.str() + ": commission capped at " +
                  cap_.str() + " per pay period";
        capped = true;
      }
      paid += amount;
      s.add("commission tier " + std::to_string(i + 1), amount, std::move(reason));
    }
    return s;
  }

 private:
  Money quota_;
  double rate_;
  std::vector<double> starts_, multipliers_;
  Money cap_, bookings_cap_, base_salary_;
  std::vector<Money> bounds_;  // bounds_[i] .. bounds_[i + 1]: tier i in cents
};

}  // namespace

TANDEM_PLUGIN(QuotaTiers, "1.0.0")
