// A small run built by hand for the output tests: three agents, three replications, a
// ledger whose reasons need CSV quoting, and the helpers to read CSV text back.
#pragma once

#include "data/csv_reader.hpp"
#include "engine/row_digest.hpp"
#include "model/results.hpp"
#include "model/run_manifest.hpp"
#include "model/scenario.hpp"

#include <tandem/version.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace tandem::testing {

inline Scenario sample_scenario() {
  Scenario s;
  s.name = "sample";
  s.seed = 42;
  s.replications = 3;
  s.lead_policy.plugin = "score_threshold";
  s.lead_policy.params.set("threshold", std::int64_t{60});
  s.marketing.pay.plugin = "salary_mql_bonus";
  s.marketing.pay.period = PeriodKind::quarter;
  s.marketing.pay.params.set("bonus_per_mql", Money::from_cents(2500));
  s.sales.pay.plugin = "flat_commission";
  s.sales.pay.params.set("rate", 0.1);
  s.sales.pay.params.set("capped", false);
  s.resolved_yaml = "tandem: 1\nname: sample\nseed: 42\nreplications: 3\n";
  s.hash = "fnv1a64:0123456789abcdef";
  return s;
}

inline RunManifest sample_manifest() {
  return {42,
          3,
          {{"lead_policy", "score_threshold", "1.0.0", TANDEM_SDK_ABI, PluginKind::lead_policy},
           {"marketing.pay", "salary_mql_bonus", "1.1.0", TANDEM_SDK_ABI, PluginKind::pay_plan},
           {"sales.pay", "flat_commission", "1.0.0", TANDEM_SDK_ABI, PluginKind::pay_plan}}};
}

inline RunResult sample_result() {
  RunResult r;
  r.agents = {{"marketer-01", Role::marketing, "salary_mql_bonus"},
              {"rep-01", Role::sales, "flat_commission"},
              {"rep-02", Role::sales, "flat_commission"}};
  r.metric_specs = {{"mqls", "count", "Leads that became MQLs in the period."},
                    {"pipeline", "money", "Value of opportunities opened, \"credited\"."}};
  const double revenue[] = {1250000.5, 980000.25, 1410000.0};
  const double win_rate[] = {0.21, 0.18, 0.25};
  const double deals[] = {14, 11, 17};
  for (int rep = 0; rep < 3; ++rep) {
    ReplicationResult x;
    x.headlines = {{"revenue", "money", revenue[rep]},
                   {"win_rate", "share", win_rate[rep]},
                   {"deals_won", "count", deals[rep]}};
    for (int period = 0; period < 4; ++period) {
      x.metrics.push_back({period, -1, 0, 10.0 + period + rep});
      x.metrics.push_back({period, 0, 0, 0.1 * (period + 1)});
      x.metrics.push_back({period, 1, 1, 1e6 / 3.0 * (rep + 1)});
      x.metrics.push_back({period, 2, 1, -0.0});
    }
    x.ledger = {
        {0, PeriodKind::quarter, 0, "salary_mql_bonus", "salary", Money::from_cents(1500000),
         "base salary"},
        {0, PeriodKind::quarter, 0, "salary_mql_bonus", "mql_bonus",
         Money::from_cents(2500 * (40 + rep)), "40 MQLs, 25.00 each"},
        {0, PeriodKind::month, 1, "flat_commission", "commission", Money::from_cents(1234567 + rep),
         "10% of \"bookings\""},
        {1, PeriodKind::month, 2, "flat_commission", "commission", Money::from_cents(99),
         "line one\nline two"},
        {1, PeriodKind::month, 2, "flat_commission", "clawback", Money::from_cents(-5001), ""},
    };
    // What run_simulation does to every replication: the summary and report read this.
    digest_rows(x, r.agents.size(), r.metric_specs.size(), HorizonConfig{4});
    r.replications.push_back(std::move(x));
  }
  return r;
}

// What the writers wrote, read back by the one CSV reader: the header and every row.
inline std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  return csv::read_rows(text);
}

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A fresh, empty folder for one test.
inline std::filesystem::path fresh_folder(const std::string& name) {
  const std::filesystem::path dir = std::filesystem::path(TANDEM_TEST_TMP) / "output" / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace tandem::testing
