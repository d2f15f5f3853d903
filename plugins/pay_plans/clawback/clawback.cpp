// Commission on bookings with a clawback: when a customer cancels soon after the win (within
// `within_periods` simulation periods), a share of the commission the deal earned is taken
// back. A statement line may not be negative, so what is due back is netted like a
// recoverable draw: taken from this period's commission, and what that cannot cover is owed
// and taken from later commission.
#include <tandem/pay_plan.hpp>
#include <tandem/plugin.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>

namespace {
using namespace tandem;

// "1 period", "30 periods".
std::string periods(std::int64_t n) {
  return std::to_string(n) + (n == 1 ? " period" : " periods");
}

class Clawback final : public PayPlan {
 public:
  static Schema schema() {
    return Schema("clawback",
                  "Commission on bookings, taken back when the customer cancels soon after the "
                  "win; what commission cannot cover is owed and recovered later.")
        .param<double>("rate", 0.10, "Share of booked revenue earned as commission.",
                       in_range(0.0, 1.0).with_unit("share"))
        .param<std::int64_t>("within_periods", 26,
                             "A deal whose customer cancels within this many simulation periods "
                             "of the win has its commission clawed back.",
                             at_least(1.0).with_unit("periods"))
        .param<double>("clawback_share", 1.0, "Share of a cancelled deal's commission taken back.",
                       in_range(0.0, 1.0).with_unit("share"))
        .param<Money>("base_salary", Money{}, "Base salary, prorated over each pay period.",
                      at_least(Money{}).with_unit("per year"));
  }

  explicit Clawback(const Params& p)
      : rate_(p.get<double>("rate")),
        within_(p.get<std::int64_t>("within_periods")),
        share_(p.get<double>("clawback_share")),
        base_salary_(p.get<Money>("base_salary")) {}

  // Pure: the balance owed is recomputed from the earlier periods' credits every time, so
  // the same credits and history give the same cents.
  Statement pay(const Credits& c, const PayPeriod& period) const override {
    Money owed;  // clawed back and not yet recovered, before this period
    for (const Credits& e : c.earlier)
      owed = settle(e.bookings.times(rate_), owed + due_back(e)).owed_after;
    const Money earned = c.bookings.times(rate_);
    const Money due = due_back(c);
    const Settlement now = settle(earned, owed + due);

    Statement s;
    if (base_salary_ > Money{}) s.add_prorated("base salary", base_salary_, period);
    std::string reason = decimal(rate_ * 100.0) + "% of " + c.bookings.str() + " booked";
    if (now.recovered > Money{})
      reason += " = " + earned.str() + ", less " + now.recovered.str() + " clawed back";
    if (owed > Money{}) reason += "; " + owed.str() + " owed from earlier periods";
    if (due > Money{}) reason += "; " + due.str() + " due back (" + due_text(c) + ")";
    for (const CreditedDeal& d : c.cancellations)
      if (!in_window(d))
        reason += "; D" + std::to_string(d.id) + " " + d.value.str() + " cancelled " +
                  periods(d.cancelled_period - d.period) + " after the win: outside " +
                  std::to_string(within_) + ", not clawed back";
    if (now.owed_after > Money{}) reason += "; " + now.owed_after.str() + " still owed";
    s.add("commission", earned - now.recovered, std::move(reason));
    return s;
  }

 private:
  struct Settlement {
    Money recovered, owed_after;
  };
  // One period: what is owed (earlier balance plus this period's clawback) comes out of the
  // commission earned, as far as it goes; the rest stays owed. Paid is earned less
  // recovered, which never falls as earned rises.
  static Settlement settle(Money earned, Money owed) {
    const Money recovered = std::min(owed, earned);
    return {recovered, owed - recovered};
  }

  bool in_window(const CreditedDeal& d) const { return d.cancelled_period - d.period <= within_; }

  // The credited value whose commission is taken back this period: the cancelled deals in
  // the window, or, for results given as totals (no deals, so no dates), all of `cancelled`.
  Money clawed_value(const Credits& c) const {
    if (c.cancellations.empty()) return c.cancelled;
    Money value;
    for (const CreditedDeal& d : c.cancellations)
      if (in_window(d)) value += d.value;
    return value;
  }

  // Rounded once, on the sum: the same rule however many deals were cancelled.
  Money due_back(const Credits& c) const { return clawed_value(c).times(rate_ * share_); }

  // How this period's clawback was priced, and on which deals.
  std::string due_text(const Credits& c) const {
    std::string text = share_ == 1.0 ? "" : decimal(share_ * 100.0) + "% of ";
    text += decimal(rate_ * 100.0) + "% of " + clawed_value(c).str() + " cancelled";
    if (c.cancellations.empty())
      return text + ", given as totals without deal dates: the " + std::to_string(within_) +
             "-period window is not checked";
    std::string deals;
    for (const CreditedDeal& d : c.cancellations)
      if (in_window(d))
        deals += (deals.empty() ? "D" : "; D") + std::to_string(d.id) + " " + d.value.str() +
                 " won period " + std::to_string(d.period) + ", cancelled period " +
                 std::to_string(d.cancelled_period);
    return text + ": " + deals;
  }

  double rate_;
  std::int64_t within_;
  double share_;
  Money base_salary_;
};

}  // namespace

TANDEM_PLUGIN(Clawback, "1.0.0")
