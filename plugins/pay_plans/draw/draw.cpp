// Commission with a draw: in a pay period where the commission earned falls short of the
// draw, the rep is paid the draw. A recoverable draw is an advance: the shortfall is owed
// and taken back from later commission above the draw; a non-recoverable draw is a floor.
#include <tandem/pay_plan.hpp>
#include <tandem/plugin.hpp>

#include <algorithm>
#include <string>

namespace {
using namespace tandem;

class Draw final : public PayPlan {
 public:
  static Schema schema() {
    return Schema("draw",
                  "Commission on bookings with a draw paid when it falls short; a recoverable "
                  "draw is recovered from later commission.")
        .param<double>("rate", 0.10, "Share of booked revenue earned as commission.",
                       in_range(0.0, 1.0).with_unit("share"))
        .param<Money>("draw", Money::from_cents(300'000),
                      "Least paid as commission in a pay period.",
                      at_least(Money{}).with_unit("per pay period"))
        .param<bool>("recoverable", true,
                     "Whether a draw paid beyond commission is owed back from later commission.")
        .param<Money>("base_salary", Money{}, "Base salary, prorated over each pay period.",
                      at_least(Money{}).with_unit("per year"));
  }

  explicit Draw(const Params& p)
      : rate_(p.get<double>("rate")),
        draw_(p.get<Money>("draw")),
        recoverable_(p.get<bool>("recoverable")),
        base_salary_(p.get<Money>("base_salary")) {}

  // Pure: the balance owed is recomputed from the earlier periods' credits every time, so
  // the same credits and history give the same cents.
  Statement pay(const Credits& c, const PayPeriod& period) const override {
    Money owed;  // recoverable draw paid and not yet recovered, before this period
    for (const Credits& e : c.earlier) owed = settle(e.bookings.times(rate_), owed).owed_after;
    const Money earned = c.bookings.times(rate_);
    const Settlement now = settle(earned, owed);

    Statement s;
    if (base_salary_ > Money{}) s.add_prorated("base salary", base_salary_, period);
    std::string reason = decimal(rate_ * 100.0) + "% of " + c.bookings.str() + " booked";
    if (now.recovered > Money{})
      reason += " = " + earned.str() + ", less " + now.recovered.str() + " of draw recovered (" +
                now.owed_after.str() + " still owed)";
    s.add("commission", earned - now.recovered, std::move(reason));
    if (now.top_up > Money{})
      s.add("draw", now.top_up,
            "draw of " + draw_.str() + " less " + earned.str() + " earned" +
                (recoverable_ ? "; recoverable: " + now.owed_after.str() + " owed"
                              : "; not recoverable"));
    return s;
  }

 private:
  struct Settlement {
    Money recovered, top_up, owed_after;
  };
  // One period: below the draw the shortfall is paid (and owed, if recoverable); above it
  // the excess first pays back what is owed.
  Settlement settle(Money earned, Money owed) const {
    if (earned < draw_) {
      const Money top_up = draw_ - earned;
      return {Money{}, top_up, recoverable_ ? owed + top_up : owed};
    }
    const Money recovered = recoverable_ ? std::min(owed, earned - draw_) : Money{};
    return {recovered, Money{}, owed - recovered};
  }

  double rate_;
  Money draw_;
  bool recoverable_;
  Money base_salary_;
};

}  // namespace

TANDEM_PLUGIN(Draw, "1.0.0")
