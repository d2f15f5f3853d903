#include "model/scenario.hpp"

#include <algorithm>

namespace tandem {

int default_warmup_periods(const HorizonConfig& horizon) {
  const int quarter = horizon.period == SimPeriod::week ? 13 : 3;
  return std::max(0, std::min(quarter, horizon.periods / 4));
}

std::string measured_periods_text(const HorizonConfig& horizon) {
  const char* unit = horizon.period == SimPeriod::week ? "weeks" : "months";
  return std::string(unit) + " " + std::to_string(horizon.warmup_periods + 1) + "-" +
         std::to_string(horizon.periods);
}

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
