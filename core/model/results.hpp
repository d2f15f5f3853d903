// What a run produces, before it is written anywhere: per replication, the headline
// figures, the payout ledger and the metrics by period and agent. Plain data, owned by
// one replication each, so replications never share mutable state.
#pragma once

#include <tandem/money.hpp>
#include <tandem/pay_plan.hpp>
#include <tandem/views.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace tandem {

enum class Role : std::uint8_t { company, marketing, sales, sdr };

inline const char* to_string(Role r) {
  switch (r) {
    case Role::company:
      return "company";
    case Role::marketing:
      return "marketing";
    case Role::sales:
      return "sales";
    case Role::sdr:
      return "sdr";
  }
  return "?";
}

// One payout component for one person and pay period.
struct LedgerRow {
  int pay_period = 0;  // index of the pay period (of `kind`) since the start
  PeriodKind kind = PeriodKind::month;
  int person = 0;    // agent index (see RunResult::agents)
  std::string plan;  // the pay-plan plugin that paid it
  std::string component;
  Money amount;
  std::string reason;
};

// One person's statement for one pay period, kept whole (credits, the deals behind them,
// every line) so the run folder can print it the way a rep reads a bank statement.
struct StatementRecord {
  PayPeriod period;
  int person = 0;
  Credits credits;  // `deals` and `cancellations` left empty here: they are below, owned
  std::vector<CreditedDeal> deals;
  std::vector<CreditedDeal> cancellations;
  std::vector<StatementLine> lines;
};

// A metric declared once (name, unit, doc) and recorded by index.
struct MetricSpec {
  std::string name;
  std::string unit;
  std::string doc;
};

// One value in the tidy metrics table. agent == -1: the whole company.
struct MetricRow {
  std::int32_t period;
  std::int32_t agent;
  std::uint32_t metric;  // index into RunResult::metric_specs
  double value;
};

// A headline figure of one replication; summary.json gives its mean and 95% CI.
struct Headline {
  std::string name;
  std::string unit;  // "count", "money", "share", "days"
  double value = 0;
};

// What the summary and the report need of a replication's metric and ledger rows, in a
// size that does not grow with them: kept after the rows themselves have been written to
// the run folder and released, so a run's memory does not grow with rows x replications.
// Filled by digest_rows() (engine/row_digest.hpp), summed in row order.
struct RowDigest {
  std::vector<std::vector<double>> metric_by_period;  // [metric][period]: every row's value
  std::vector<Money> pay_by_person;                   // [agent]
  std::map<std::string, Money> pay_by_component;      // components with rows only
  std::map<std::pair<PeriodKind, int>, Money> pay_by_pay_period;  // (kind, pay period index)
  std::size_t ledger_rows = 0;
};

struct ReplicationResult {
  std::vector<Headline> headlines;  // same names, same order, in every replication
  std::vector<LedgerRow> ledger;
  std::vector<StatementRecord> statements;  // replication 0 only: the statements printed
  std::vector<MetricRow> metrics;
  RowDigest digest;  // of `ledger` and `metrics`, which may since have been released
  // Won deals of the measured periods by whole days from the lead's first inquiry to the
  // close ([k]: closed after k days): the distribution behind the days-to-close headlines,
  // which a calibration sets against an export's.
  std::vector<std::int64_t> days_to_close;
};

struct Agent {
  std::string id;  // "marketer-01", "rep-07"
  Role role;
  std::string plan;  // pay-plan plugin name
};

struct RunResult {
  std::vector<Agent> agents;
  std::vector<MetricSpec> metric_specs;
  std::vector<ReplicationResult> replications;  // index = replication number
};

}  // namespace tandem
