#include "model/scenario.hpp"

namespace tandem {

std::vector<PaidTeam> paid_teams(const Scenario& s) {
  std::vector<PaidTeam> teams = {
      {"marketing", 0, s.marketing.people, &s.marketing.pay, &s.marketing.salaries},
      {"sales", s.marketing.people, s.sales.people, &s.sales.pay, &s.sales.salaries}};
  if (s.sdrs.people > 0)
    teams.push_back({"sdrs", s.marketing.people + s.sales.people, s.sdrs.people, &s.sdrs.pay,
                     &s.sdrs.salaries});
  return teams;
}

}  // namespace tandem
