// A SPIFF: a short-term bonus for each deal won inside a window of periods, a fixed amount
// per deal plus an optional share of its value, for deals of at least a minimum size and,
// optionally, of one product or customer segment. Paid on top of a role's main plan (as one
// of its `components`).
#include <tandem/pay_plan.hpp>
#include <tandem/plugin.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace {
using namespace tandem;

class Spiff final : public PayPlan {
 public:
  static Schema schema() {
    return Schema("spiff",
                  "A bonus for each deal won in a window of periods: a fixed amount per deal "
                  "plus an optional share of its value.")
        .param<Money>("per_deal", Money::from_cents(50'000),
                      "Fixed bonus for each qualifying deal.",
                      at_least(Money{}).with_unit("per deal"))
        .param<double>("rate", 0.0, "Share of each qualifying deal's value paid on top.",
                       in_range(0.0, 1.0).with_unit("share"))
        .param<std::int64_t>("from_period", 0,
                             "First simulation period of the window (as in metrics.csv).",
                             at_least(0.0).with_unit("period"))
        .param<std::int64_t>("to_period", 1'000'000,
                             "Last simulation period of the window, inclusive.",
                             at_least(0.0).with_unit("period"))
        .param<Money>("min_deal", Money{}, "Smallest deal that qualifies.",
                      at_least(Money{}).with_unit("per deal"))
        .param<Money>("cap", Money::unlimited(), "Most SPIFF paid in one pay period.",
                      at_least(Money{}).with_unit("per pay period"))
        .param<std::string>("product", "",
                            "Only deals of this product (a name from the scenario's "
                            "products); empty: any product.",
                            name_in("products"))
        .param<std::string>("segment", "",
                            "Only deals of this segment (a name from the scenario's "
                            "segments); empty: any segment.",
                            name_in("segments"));
  }

  // Tandem reports the problem at its key before anything runs.
  static std::vector<ParamProblem> check(const Params& p) {
    const std::int64_t from = p.get<std::int64_t>("from_period");
    const std::int64_t to = p.get<std::int64_t>("to_period");
    if (to >= from) return {};
    return {{"to_period", std::to_string(to) + " is before from_period (" + std::to_string(from) +
                              "): the window is empty; make to_period at least from_period"}};
  }

  // Called only with parameters check() accepted.
  explicit Spiff(const Params& p)
      : per_deal_(p.get<Money>("per_deal")),
        rate_(p.get<double>("rate")),
        from_(p.get<std::int64_t>("from_period")),
        to_(p.get<std::int64_t>("to_period")),
        min_deal_(p.get<Money>("min_deal")),
        cap_(p.get<Money>("cap")),
        product_(p.get<std::string>("product")),
        segment_(p.get<std::string>("segment")) {}

  // Pure: same credits, same cents. Only deals known by id count (a simulation credits them;
  // results given as totals carry none, so they earn no SPIFF).
  Statement pay(const Credits& c, const PayPeriod&) const override {
    std::int64_t n = 0;
    double shares = 0;  // the deals counted by the person's credited share of each
    Money value;
    std::string ids;
    for (const CreditedDeal& d : c.deals) {
      // The deal's own size decides whether it qualifies, whoever shares it.
      const Money size = d.deal_value > Money{} ? d.deal_value : d.value;
      if (d.period < from_ || d.period > to_ || size < min_deal_) continue;
      // A filter that is set must match: a deal of unknown product or segment (an empty
      // name) does not qualify for a targeted SPIFF.
      if (!product_.empty() && d.product != product_) continue;
      if (!segment_.empty() && d.segment != segment_) continue;
      ++n;
      shares += size > Money{} ? d.value.units() / size.units() : 1.0;
      value += d.value;
      ids += (ids.empty() ? "D" : ", D") + std::to_string(d.id);
    }
    // One line, rounded once: the fixed bonus per deal times the shares of deals credited
    // (a deal split between reps pays its bonus once between them), plus the share of
    // the value.
    const Money earned = per_deal_.times(shares) + value.times(rate_);
    // The filters are named only when set, so an untargeted SPIFF reads as it always did.
    std::string reason = std::to_string(n) + (n == 1 ? " deal" : " deals");
    if (!product_.empty()) reason += " of product " + product_;
    if (!segment_.empty()) reason += " in segment " + segment_;
    reason += " won in periods " + std::to_string(from_) + "-" + std::to_string(to_) +
              " of at least " + min_deal_.str() + ": ";
    reason += shares == static_cast<double>(n) ? std::to_string(n)
                                               : decimal(shares) + " (credited shares)";
    reason += " x " + per_deal_.str();
    if (rate_ > 0) reason += " + " + decimal(rate_ * 100.0) + "% of " + value.str();
    if (!ids.empty()) reason += " (" + ids + ")";
    Statement s;
    s.add_capped("spiff", earned, cap_, std::move(reason));
    return s;
  }

 private:
  Money per_deal_;
  double rate_;
  std::int64_t from_, to_;
  Money min_deal_, cap_;
  std::string product_, segment_;  // empty: any
};

}  // namespace

TANDEM_PLUGIN(Spiff, "1.0.0")
