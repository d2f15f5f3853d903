#include "output/csv_writers.hpp"

#include "output/ledger_schema.hpp"

#include <tandem/errors.hpp>

#include <fmt/format.h>

#include <cstddef>
#include <iterator>
#include <utility>
#include <vector>

namespace tandem {
namespace {

bool needs_quotes(std::string_view text) {
  if (text.empty()) return false;
  if (text.front() == ' ' || text.back() == ' ') return true;
  return text.find_first_of(",\"\r\n") != std::string_view::npos;
}

void append(fmt::memory_buffer& b, std::string_view s) {
  b.append(s.data(), s.data() + s.size());
}

}  // namespace

void append_csv_field(fmt::memory_buffer& b, std::string_view text) {
  if (!needs_quotes(text)) return append(b, text);
  b.push_back('"');
  for (const char c : text) {
    if (c == '"') b.push_back('"');
    b.push_back(c);
  }
  b.push_back('"');
}

std::string csv_field(std::string_view text) {
  if (!needs_quotes(text)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

ChunkWriter::ChunkWriter(ChunkSink sink) : sink_(std::move(sink)) {
  buffer_.reserve(kChunk + 4096);
}

void ChunkWriter::flush() {
  if (buffer_.size() == 0) return;
  sink_(std::string_view(buffer_.data(), buffer_.size()));
  buffer_.clear();
}

MetricsCsv::MetricsCsv(const std::vector<Agent>& agents, const std::vector<MetricSpec>& specs,
                       ChunkSink sink)
    : out_(std::move(sink)) {
  // Everything textual about an agent or a metric is quoted once, not once per row.
  who_.reserve(agents.size() + 1);
  who_.emplace_back("company,all");
  for (const auto& a : agents) who_.push_back(csv_field(to_string(a.role)) + "," + csv_field(a.id));
  metric_.reserve(specs.size());
  for (const auto& m : specs) metric_.push_back(csv_field(m.name));
  append(out_.buffer(), "replication,period,role,agent,metric,value\n");
}

void MetricsCsv::add(std::size_t r, const std::vector<MetricRow>& rows) {
  auto& b = out_.buffer();
  for (const auto& row : rows) {
    const auto w = static_cast<std::size_t>(static_cast<std::int64_t>(row.agent) + 1);
    if (row.agent < -1 || w >= who_.size())
      throw Error(fmt::format("metrics of replication {} name agent {}, but the run has {} agents",
                              r, row.agent, who_.size() - 1));
    if (row.metric >= metric_.size())
      throw Error(fmt::format("metrics of replication {} name metric {}, but {} are declared", r,
                              row.metric, metric_.size()));
    fmt::format_to(std::back_inserter(b), "{},{},{},{},{}\n", r, row.period, who_[w],
                   metric_[row.metric], row.value);
    out_.row_done();
  }
}

LedgerCsv::LedgerCsv(const std::vector<Agent>& agents, ChunkSink sink)
    : agents_(agents), out_(std::move(sink)) {
  append(out_.buffer(), LedgerSchema::run().header());
}

void LedgerCsv::add(std::size_t r, const std::vector<LedgerRow>& rows) {
  auto& b = out_.buffer();
  for (const auto& row : rows) {
    if (row.person < 0 || static_cast<std::size_t>(row.person) >= agents_.size())
      throw Error(
          fmt::format("the ledger of replication {} names person {}, but the run has {} agents", r,
                      row.person, agents_.size()));
    const Agent& agent = agents_[static_cast<std::size_t>(row.person)];
    const fmt::format_int pay_period(row.pay_period);
    LedgerSchema::run().append_row(
        b, {r, std::string_view(pay_period.data(), pay_period.size()), to_string(row.kind),
            agent.id, to_string(agent.role), row.plan, row.component, row.amount, row.reason});
    out_.row_done();
  }
}

void write_metrics_csv(const RunResult& result, const ChunkSink& sink) {
  MetricsCsv csv(result.agents, result.metric_specs, sink);
  for (std::size_t r = 0; r < result.replications.size(); ++r)
    csv.add(r, result.replications[r].metrics);
  csv.finish();
}

void write_ledger_csv(const RunResult& result, const ChunkSink& sink) {
  LedgerCsv csv(result.agents, sink);
  for (std::size_t r = 0; r < result.replications.size(); ++r)
    csv.add(r, result.replications[r].ledger);
  csv.finish();
}

}  // namespace tandem
