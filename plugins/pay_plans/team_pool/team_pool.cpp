// A team pool: a shared pot funded as a share of revenue (the company's bookings, or the
// team's bookings or sourced revenue) and split among the team — the people paid by the
// same plan in the same pay period — by a declared rule: equally, by salary or by what
// each contributed. Rewards the team's result without a quota per person.
#include <tandem/pay_plan.hpp>
#include <tandem/plugin.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace {
using namespace tandem;

constexpr const char* kNeedsSalaries =
    "by_salary needs the team's salaries: declare `<role>.salaries` in the scenario, or a "
    "`salary` column in the results file";

class TeamPool final : public PayPlan {
 public:
  static Schema schema() {
    return Schema("team_pool",
                  "A pool funded as a share of revenue and split among the team: equally, by "
                  "salary or by contribution.")
        .param<double>("share", 0.02, "Share of the funding base paid into the pool.",
                       in_range(0.0, 1.0).with_unit("share"))
        .param<std::string>("funded_by", "company_bookings",
                            "What funds the pool: the company's bookings, the team's bookings or "
                            "the team's sourced revenue.",
                            one_of({"company_bookings", "team_bookings", "team_sourced_revenue"}))
        .param<std::string>("split", "equal",
                            "How the pool is split: equally among the members, by annual base "
                            "salary, or by bookings plus sourced revenue.",
                            one_of({"equal", "by_salary", "by_contribution"}))
        .param<Money>("cap", Money::unlimited(),
                      "Most one person is paid from the pool in a pay period.",
                      at_least(Money{}).with_unit("per pay period"));
  }

  // A split by salary needs the team's salaries: refused before anything runs when Tandem
  // knows there are none (kTeamSalariesKey: the scenario's `<role>.salaries`, or the
  // results' `salary` column), rather than stopping the run at the first pay period.
  static std::vector<ParamProblem> check(const Params& p) {
    if (p.get<std::string>("split") == "by_salary" && p.has(kTeamSalariesKey) &&
        p.get<Money>(kTeamSalariesKey) <= Money{})
      return {{"split", kNeedsSalaries}};
    return {};
  }

  explicit TeamPool(const Params& p)
      : share_(p.get<double>("share")),
        funded_by_(p.get<std::string>("funded_by")),
        split_(p.get<std::string>("split")),
        cap_(p.get<Money>("cap")) {}

  // Pure: same credits, same cents. Each member is priced alone, from the team's totals, so
  // a piece is rounded once from the pool; the pieces may differ from the pool by under a
  // cent each, and the ledger sums the pieces actually paid.
  Statement pay(const Credits& c, const PayPeriod&) const override {
    const Money base = funded_by_ == "company_bookings" ? c.company_bookings
                       : funded_by_ == "team_bookings"  ? c.team.bookings
                                                        : c.team.sourced_revenue;
    const Money pool = base.times(share_);
    std::string reason = "pool " + decimal(share_ * 100.0) + "% of " + base.str() + " " +
                         funding_name() + " = " + pool.str() + "; ";

    double fraction = 0;
    if (split_ == "by_salary") {
      // The team's salaries are known only when paid: a missing declaration is an error the
      // user can fix, not a zero share for everyone.
      if (c.team.salaries <= Money{}) throw Error(std::string("split: ") + kNeedsSalaries);
      fraction = ratio(c.salary, c.team.salaries);
      reason += "split by salary: " + c.salary.str() + " of " + c.team.salaries.str() + " (" +
                percent(fraction) + ")";
    } else if (split_ == "by_contribution" && c.team.bookings + c.team.sourced_revenue > Money{}) {
      const Money mine = c.bookings + c.sourced_revenue;
      const Money team = c.team.bookings + c.team.sourced_revenue;
      fraction = ratio(mine, team);
      reason += "split by contribution: " + mine.str() + " of " + team.str() + " (" +
                percent(fraction) + ")";
    } else {
      // Equal, or by contribution when nobody contributed: no one earned a larger piece.
      // The person paid is always one of the team, even if the count says otherwise.
      const int members = std::max(c.team.members, 1);
      fraction = 1.0 / members;
      reason += split_ == "equal" ? "split equally: " : "nothing contributed, split equally: ";
      reason += "1 of " + std::to_string(members) + (members == 1 ? " member" : " members");
    }

    // One rounding: the person's share of the pool, to the nearest cent.
    Statement s;
    s.add_capped("team pool", pool.times(fraction), cap_, std::move(reason));
    return s;
  }

 private:
  const char* funding_name() const {
    if (funded_by_ == "company_bookings") return "company bookings";
    if (funded_by_ == "team_bookings") return "team bookings";
    return "team sourced revenue";
  }
  static double ratio(Money part, Money whole) {
    return static_cast<double>(part.cents()) / static_cast<double>(whole.cents());
  }
  static std::string percent(double fraction) { return decimal(fraction * 100.0) + "%"; }

  double share_;
  std::string funded_by_, split_;
  Money cap_;
};

}  // namespace

TANDEM_PLUGIN(TeamPool, "1.0.0")
