// A commission on every booking plus a kicker on each deal at or above a size: a plan a
// sales leader might propose to steer reps toward larger customers. It reads the deals
// behind the bookings (Credits::deals), so every cent of the kicker names the deal that
// earned it.
#include <tandem/tandem.hpp>

#include <string>

namespace {
using namespace tandem;

class BigDealKicker final : public PayPlan {
 public:
  static Schema schema() {
    return Schema("big_deal_kicker",
                  "A commission on every booking, plus a kicker on each deal at or above a "
                  "size, on top of an optional base salary.")
        .param<double>("rate", 0.08, "Share of booked revenue paid as commission.",
                       in_range(0.0, 1.0).with_unit("share"))
        .param<double>("kicker_rate", 0.04, "Extra share paid on each big deal's credited value.",
                       in_range(0.0, 1.0).with_unit("share"))
        .param<Money>("big_deal", Money::from_cents(100'000'00),
                      "Smallest whole deal value that earns the kicker.",
                      above(Money{}).with_unit("per deal"))
        .param<Money>("base_salary", Money{}, "Base salary, prorated over each pay period.",
                      at_least(Money{}).with_unit("per year"));
  }

  explicit BigDealKicker(const Params& p)
      : rate_(p.get<double>("rate")),
        kicker_rate_(p.get<double>("kicker_rate")),
        big_deal_(p.get<Money>("big_deal")),
        base_salary_(p.get<Money>("base_salary")) {}

  // Pure: the same credits give the same cents, however often agents ask.
  Statement pay(const Credits& c, const PayPeriod& period) const override {
    Statement s;
    if (base_salary_ > Money{}) s.add_prorated("base salary", base_salary_, period);
    s.add("commission", c.bookings.times(rate_),
          decimal(rate_ * 100.0) + "% of " + c.bookings.str() + " booked");
    // The deal's whole value decides whether it is big; the kicker is paid on the person's
    // credited share of it (a split deal pays each side on its part).
    for (const CreditedDeal& d : c.deals)
      if (d.deal_value >= big_deal_)
        s.add("big deal kicker", d.value.times(kicker_rate_),
              decimal(kicker_rate_ * 100.0) + "% of " + d.value.str() + " on deal D" +
                  std::to_string(d.id) + " (" + d.deal_value.str() + " >= " + big_deal_.str() +
                  ")");
    return s;
  }

 private:
  double rate_;
  double kicker_rate_;
  Money big_deal_;
  Money base_salary_;
};

}  // namespace

TANDEM_PLUGIN(BigDealKicker, "1.0.0")
