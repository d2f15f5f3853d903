#include "output/sanity.hpp"

#include "model/scenario_words.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <optional>

namespace tandem {
namespace {

std::optional<double> mean_of(const std::vector<HeadlineStats>& headlines, const char* name) {
  const auto it = std::find_if(headlines.begin(), headlines.end(),
                               [&](const HeadlineStats& h) { return h.name == name; });
  if (it == headlines.end() || !std::isfinite(it->stats.mean)) return std::nullopt;
  return it->stats.mean;
}

}  // namespace

std::vector<std::string> sanity_warnings(const Scenario& scenario,
                                         const std::vector<HeadlineStats>& headlines) {
  std::vector<std::string> warnings;
  const std::string horizon = "over " + measured_periods_text(scenario.horizon) + " of the run";
  if (const auto share = mean_of(headlines, "cost_of_sales_share"); share && *share > 1.0)
    warnings.push_back(fmt::format(
        "pay to marketing, sales and SDRs is {:.0f}% of revenue {} (mean of the replications): "
        "the company pays more than the revenue it is paying for; check the plans' rates and "
        "caps",
        100.0 * *share, horizon));
  struct Team {
    const char* role;
    const char* figure;
    int people;
  };
  for (const Team& t : {Team{"marketing", "pay_marketing", scenario.marketing.people},
                        Team{"sales", "pay_sales", scenario.sales.people},
                        Team{"sdrs", "pay_sdrs", scenario.sdrs.people}})
    if (const auto pay = mean_of(headlines, t.figure); t.people > 0 && pay && *pay == 0.0)
      warnings.push_back(
          fmt::format("{} ({} people) are paid nothing {}: check {}.pay (a salary of 0 and nothing "
                      "earned?)",
                      t.role, t.people, horizon, t.role));
  return warnings;
}

}  // namespace tandem
