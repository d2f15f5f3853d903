// A quota per pay period, paid in tiers: each slice of credited bookings earns the base rate
// times the multiplier of the tier it falls in (marginal, like tax brackets), so a
// decelerator below a threshold and an accelerator above quota change what the next deal
// is worth without ever making more bookings pay less. Optional caps on pay and on
// credited bookings, and an optional base salary.
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
                      at_least(Money{}).with_unit("per year"))
        .param<std::string>("true_up", "none",
                            "Re-apply the tiers to each quarter's or year's total and pay what "
                            "that adds: none, quarter or year.",
                            one_of({"none", "quarter", "year"}));
  }

  // Each value is valid on its own (the schema checked it); these are the combinations.
  // Tandem reports each problem at its key before anything runs.
  static std::vector<ParamProblem> check(const Params& p) {
    const Money quota = p.get<Money>("quota");
    const auto starts = p.get<std::vector<double>>("tier_starts");
    const auto multipliers = p.get<std::vector<double>>("tier_multipliers");
    const Money bookings_cap = p.get<Money>("bookings_cap");
    std::vector<ParamProblem> problems;
    if (quota <= Money{} || quota.is_unlimited())
      problems.push_back({"quota", "must be an amount above 0, got " + quota.str()});
    if (starts.empty() || starts.front() != 0.0)
      problems.push_back({"tier_starts", list_text(starts) +
                                             " must start at 0: the first tier pays from the "
                                             "first booking"});
    for (std::size_t i = 1; i < starts.size(); ++i)
      if (!(starts[i] > starts[i - 1])) {
        problems.push_back({"tier_starts", list_text(starts) + " must strictly increase: item [" +
                                               std::to_string(i) + "] (" + number(starts[i]) +
                                               ") is not above item [" + std::to_string(i - 1) +
                                               "] (" + number(starts[i - 1]) + ")"});
        break;
      }
    if (multipliers.size() != starts.size())
      problems.push_back({"tier_multipliers",
                          list_text(multipliers) + " has " + std::to_string(multipliers.size()) +
                              " values but tier_starts " + list_text(starts) + " has " +
                              std::to_string(starts.size()) + ": give one multiplier per tier"});
    for (std::size_t i = 0; i < multipliers.size(); ++i)
      if (!(multipliers[i] >= 0.0))
        problems.push_back({"tier_multipliers", "item [" + std::to_string(i) + "] (" +
                                                    number(multipliers[i]) +
                                                    ") must be at least 0"});
    if (bookings_cap < quota)
      problems.push_back({"bookings_cap", bookings_cap.str() + " is below quota (" + quota.str() +
                                              "): no rep could reach quota; raise bookings_cap "
                                              "or lower quota"});
    return problems;
  }

  // Called only with parameters check() accepted.
  explicit QuotaTiers(const Params& p)
      : quota_(p.get<Money>("quota")),
        rate_(p.get<double>("rate")),
        starts_(p.get<std::vector<double>>("tier_starts")),
        multipliers_(p.get<std::vector<double>>("tier_multipliers")),
        cap_(p.get<Money>("cap")),
        bookings_cap_(p.get<Money>("bookings_cap")),
        base_salary_(p.get<Money>("base_salary")),
        true_up_(p.get<std::string>("true_up")) {
    // Tier bounds in cents, by the one rounding rule; the last tier has no upper bound.
    for (const double s : starts_) bounds_.push_back(quota_.times(s));
    bounds_.push_back(Money::unlimited());
  }

  // Pure: same credits and period, same cents. Agents call it many times per period.
  Statement pay(const Credits& c, const PayPeriod& period) const override {
    Statement s;
    if (base_salary_ > Money{}) s.add_prorated("base salary", base_salary_, period);

    const Money credited = credit(c);
    const std::string booked =
        credited == c.bookings ? credited.str() + " booked"
                               : credited.str() + " credited (of " + c.bookings.str() + " booked)";
    const double attained =
        static_cast<double>(credited.cents()) / static_cast<double>(quota_.cents());
    const std::string context = booked + ", " + decimal(attained * 100.0) + "% attained";

    // One line per tier the credited bookings reach, each slice paid at its own rate.
    for (const TierPay& t : tiers(credited, 1)) {
      const Money high = bounds_[t.tier + 1];
      std::string reason =
          "tier " + std::to_string(t.tier + 1) + ": " + percent(starts_[t.tier]) +
          (high.is_unlimited() ? "%+" : "%-" + percent(starts_[t.tier + 1]) + "%") + " of quota (" +
          t.slice.str() + " of " + context + ") x " + decimal(multipliers_[t.tier]) + " at " +
          decimal(rate_ * 100.0) + "%";
      if (t.cut)
        reason += " = " + t.earned.str() + ", cut to " + t.amount.str() +
                  ": commission capped at " + cap_.str() + " per pay period";
      s.add("commission tier " + std::to_string(t.tier + 1), t.amount, std::move(reason));
    }
    true_up(c, period, s);
    return s;
  }

 private:
  struct TierPay {
    std::size_t tier;
    Money slice, earned, amount;
    bool cut;  // the cap bound in this tier: amount < earned, and no tier after it
  };

  Money credit(const Credits& c) const {
    return std::max(Money{}, std::min(c.bookings, bookings_cap_));
  }

  // The tiers `credited` reaches against `periods` pay periods of quota (and of cap): each
  // tier's slice and pay, rounded once each by the one rule.
  std::vector<TierPay> tiers(Money credited, std::int64_t periods) const {
    const auto scaled = [&](Money m) {
      return m.is_unlimited() ? m : m.times(static_cast<double>(periods));  // exact: integers
    };
    const Money cap = scaled(cap_);
    std::vector<TierPay> out;
    Money paid;
    for (std::size_t i = 0; i < starts_.size(); ++i) {
      const Money low = scaled(bounds_[i]), high = scaled(bounds_[i + 1]);
      if (credited <= low && !(i == 0 && credited == Money{})) break;
      const Money slice = std::min(credited, high) - low;
      if (slice == Money{} && i > 0) continue;                    // a tier narrower than a cent
      const Money earned = slice.times(rate_ * multipliers_[i]);  // one rounding rule
      const bool cut = paid + earned > cap;
      const Money amount = cut ? cap - paid : earned;
      out.push_back({i, slice, earned, amount, cut});
      paid += amount;
      if (cut) break;
    }
    return out;
  }

  static Money total(const std::vector<TierPay>& t) {
    Money sum;
    for (const TierPay& x : t) sum += x.amount;
    return sum;
  }

  // At the end of each true-up window (a quarter or a year of pay periods), the tiers are
  // applied again to the window's total bookings against the window's total quota; what
  // that pays beyond what the periods paid one by one is paid as a true-up (never taken
  // back). The periods are recomputed from the earlier credits, so the plan stays pure.
  void true_up(const Credits& c, const PayPeriod& period, Statement& s) const {
    const std::int64_t n = window_periods(period.kind);
    if (n <= 1 || (period.index + 1) % n != 0 ||
        static_cast<std::int64_t>(c.earlier.size()) < n - 1)
      return;
    Money credited = credit(c), paid = total(tiers(credit(c), 1));
    for (std::size_t k = c.earlier.size() - static_cast<std::size_t>(n - 1); k < c.earlier.size();
         ++k) {
      credited += credit(c.earlier[k]);
      paid += total(tiers(credit(c.earlier[k]), 1));
    }
    const Money whole = total(tiers(credited, n));
    if (whole <= paid) return;
    const Money quota = quota_.times(static_cast<double>(n));
    s.add("true-up", whole - paid,
          true_up_ + " true-up: " + std::to_string(n) + " pay periods, " + credited.str() +
              " credited of " + quota.str() + " quota (" +
              decimal(100.0 * static_cast<double>(credited.cents()) /
                      static_cast<double>(quota.cents())) +
              "% attained) earn " + whole.str() + " on the total, less " + paid.str() +
              " paid period by period");
  }

  // Pay periods in one true-up window, for a plan paid by `kind`; 0: no true-up.
  std::int64_t window_periods(PeriodKind kind) const {
    if (true_up_ == "none") return 0;
    const std::int64_t per_year = kind == PeriodKind::month     ? 12
                                  : kind == PeriodKind::quarter ? 4
                                                                : 1;
    return true_up_ == "year" ? per_year : per_year / 4;  // a quarter: 3 months, 1 quarter
  }

  Money quota_;
  double rate_;
  std::vector<double> starts_, multipliers_;
  Money cap_, bookings_cap_, base_salary_;
  std::string true_up_;
  std::vector<Money> bounds_;  // bounds_[i] .. bounds_[i + 1]: tier i in cents
};

}  // namespace

TANDEM_PLUGIN(QuotaTiers, "1.0.0")
