// Speed to lead, against the field: Oldroyd, McElheran & Elkington, "The Short Life of
// Online Sales Leads", Harvard Business Review, March 2011 (1.25 million leads, 29 firms):
// firms that tried to contact a lead within an hour were nearly 7 times as likely to
// qualify it as those that tried an hour later, and more than 60 times as likely as those
// that waited 24 hours or longer. And the service level's teeth: a faster first-touch time
// with an action on breaches raises the share of MQLs that become SQLs.
//
// Scenario: tests/validation/scenarios/speed_to_lead.yaml (fixed behaviour, one attempt per
// MQL, so an MQL's qualification follows its first touch).
#include "stats/paired_comparison.hpp"
#include "validation.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

using namespace tandem;
using namespace tandem::validation;

namespace {

RunResult run(const std::vector<std::string>& overrides) {
  return validation::run("tests/validation/scenarios/speed_to_lead.yaml", overrides);
}

// MQLs first touched in a band, and how many of them became SQLs, over all replications.
struct Band {
  double touched = 0, sqls = 0;
  double rate() const { return sqls / touched; }
};

Band band(const RunResult& r, const std::vector<std::string>& names) {
  Band b;
  for (const std::string& name : names) {
    const auto touched = per_replication(r, "first_touches_" + name);
    const auto rate = per_replication(r, "sql_rate_first_touched_" + name);
    for (std::size_t x = 0; x < touched.size(); ++x) {
      b.touched += touched[x];
      b.sqls += touched[x] * rate[x];
    }
  }
  return b;
}

// ln(rate a / rate b) and its standard error (delta method: var ln p = (1 - p) / SQLs).
struct LogRatio {
  double value, se;
};
LogRatio log_ratio(const Band& a, const Band& b) {
  return {std::log(a.rate() / b.rate()),
          std::sqrt((1 - a.rate()) / a.sqls + (1 - b.rate()) / b.sqls)};
}

}  // namespace

TEST_CASE("speed to lead: the SQL rate by first-touch wait follows Oldroyd et al. (2011)",
          "[validation][statistical]") {
  // Seed 20110301, 60 replications of 52 weeks (the scenario's). Each published ratio must
  // lie within 4 standard errors of the measured log ratio (the SE from the SQLs counted
  // in each band, delta method: about 0.04 for the first, 0.08 for the second).
  const RunResult r = run({});
  const Band first = band(r, {"under_1h"}), second = band(r, {"1_to_2h"}),
             day = band(r, {"24h_plus"});
  const LogRatio hour = log_ratio(first, second), later = log_ratio(first, day);
  INFO("first touched within 1 h: " << first.touched << " MQLs, SQL rate " << first.rate());
  INFO("1 to 2 h: " << second.touched << " MQLs, SQL rate " << second.rate());
  INFO("24 h or more: " << day.touched << " MQLs, SQL rate " << day.rate());
  INFO("1 h vs 1-2 h: " << std::exp(hour.value) << "x (ln SE " << hour.se << ")");
  INFO("1 h vs 24 h+: " << std::exp(later.value) << "x (ln SE " << later.se << ")");
  REQUIRE(first.sqls >= 100);
  REQUIRE(second.sqls >= 30);
  REQUIRE(day.sqls >= 30);
  CHECK(std::fabs(hour.value - std::log(7.0)) <= 4 * hour.se);
  CHECK(std::fabs(later.value - std::log(60.0)) <= 4 * later.se);
}

TEST_CASE("speed to lead: a faster service level with escalation raises the SQL rate",
          "[validation][statistical]") {
  // The same scenario with breaches escalated, and each MQL allowed three attempts. Seed
  // 20110301, 60 replications; SQL rate = SQLs / MQLs per replication, compared on common
  // random numbers: the paired 95% interval of 1 h against 24 h, and of 1 h against 168 h,
  // must lie above zero. (24 h against 168 h is reported, not checked.)
  const std::vector<std::string> escalate = {"lead_policy.params.on_breach=escalate",
                                             "lead_policy.params.max_touches=3"};
  const auto sla = [&](const char* hours) {
    std::vector<std::string> o = escalate;
    o.push_back(std::string("lead_policy.params.first_touch_hours=") + hours);
    const RunResult r = run(o);
    const auto sqls = per_replication(r, "sqls"), mqls = per_replication(r, "mqls");
    std::vector<double> rate;
    for (std::size_t x = 0; x < sqls.size(); ++x) rate.push_back(sqls[x] / mqls[x]);
    return rate;
  };
  const std::vector<double> h1 = sla("1"), h24 = sla("24"), h168 = sla("168");
  const PairedComparison day = compare_paired("sql_rate", "share", h24, h1);
  const PairedComparison week = compare_paired("sql_rate", "share", h168, h1);
  const PairedComparison slow = compare_paired("sql_rate", "share", h168, h24);
  REQUIRE(day.paired_ci95);
  REQUIRE(week.paired_ci95);
  REQUIRE(slow.paired_ci95);
  INFO("SQL rate at 1 h " << day.alt_mean << ", 24 h " << day.base_mean << ", 168 h "
                          << week.base_mean);
  INFO("1 h - 24 h: " << day.difference << " [" << day.paired_ci95->first << ", "
                      << day.paired_ci95->second << "]");
  INFO("1 h - 168 h: " << week.difference << " [" << week.paired_ci95->first << ", "
                       << week.paired_ci95->second << "]");
  INFO("24 h - 168 h: " << slow.difference << " [" << slow.paired_ci95->first << ", "
                        << slow.paired_ci95->second << "]");
  CHECK(day.paired_ci95->first > 0);
  CHECK(week.paired_ci95->first > 0);
}
