#include "output/csv_writers.hpp"

#include <tandem/errors.hpp>

#include <fmt/format.h>

#include <cstddef>
#include <iterator>
#include <vector>

namespace tandem {
namespace {

constexpr std::size_t kChunk = std::size_t{1} << 20;

bool needs_quotes(std::string_view text) {
  if (text.empty()) return false;
  if (text.front() == ' ' || text.back() == ' ') return true;
  return text.find_first_of(",\"\r\n") != std::string_view::npos;
}

// Buffers rows and hands them to the sink a chunk at a time.
class ChunkWriter {
 public:
  explicit ChunkWriter(const ChunkSink& sink) : sink_(sink) { buffer_.reserve(kChunk + 4096); }
  fmt::memory_buffer& buffer() { return buffer_; }
  void row_done() {
    if (buffer_.size() >= kChunk) flush();
  }
  void flush() {
    if (buffer_.size() == 0) return;
    sink_(std::string_view(buffer_.data(), buffer_.size()));
    buffer_.clear();
  }

 private:
  const ChunkSink& sink_;
  fmt::memory_buffer buffer_;
};

void append(fmt::memory_buffer& b, std::string_view s) {
  b.append(s.data(), s.data() + s.size());
}

// csv_field() straight into the buffer: no string per row.
void append_field(fmt::memory_buffer& b, std::string_view text) {
  if (!needs_quotes(text)) return append(b, text);
  b.push_back('"');
  for (const char c : text) {
    if (c == '"') b.push_back('"');
    b.push_back(c);
  }
  b.push_back('"');
}

}  // namespace

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

void write_metrics_csv(const RunResult& result, const ChunkSink& sink) {
  // Everything textual about an agent or a metric is quoted once, not once per row.
  std::vector<std::string> who;  // "role,agent", index agent + 1
  who.reserve(result.agents.size() + 1);
  who.emplace_back("company,all");
  for (const auto& a : result.agents)
    who.push_back(csv_field(to_string(a.role)) + "," + csv_field(a.id));
  std::vector<std::string> metric;
  metric.reserve(result.metric_specs.size());
  for (const auto& m : result.metric_specs) metric.push_back(csv_field(m.name));

  ChunkWriter out(sink);
  auto& b = out.buffer();
  append(b, "replication,period,role,agent,metric,value\n");
  for (std::size_t r = 0; r < result.replications.size(); ++r) {
    for (const auto& row : result.replications[r].metrics) {
      const auto w = static_cast<std::size_t>(static_cast<std::int64_t>(row.agent) + 1);
      if (row.agent < -1 || w >= who.size())
        throw Error(
            fmt::format("metrics of replication {} name agent {}, but the run has {} agents", r,
                        row.agent, result.agents.size()));
      if (row.metric >= metric.size())
        throw Error(fmt::format("metrics of replication {} name metric {}, but {} are declared", r,
                                row.metric, metric.size()));
      fmt::format_to(std::back_inserter(b), "{},{},{},{},{}\n", r, row.period, who[w],
                     metric[row.metric], row.value);
      out.row_done();
    }
  }
  out.flush();
}

void write_ledger_csv(const RunResult& result, const ChunkSink& sink) {
  std::vector<std::string> who;  // "person,role"
  who.reserve(result.agents.size());
  for (const auto& a : result.agents)
    who.push_back(csv_field(a.id) + "," + csv_field(to_string(a.role)));

  ChunkWriter out(sink);
  auto& b = out.buffer();
  append(b, "replication,pay_period,period_kind,person,role,plan,component,cents,amount,reason\n");
  for (std::size_t r = 0; r < result.replications.size(); ++r) {
    for (const auto& row : result.replications[r].ledger) {
      if (row.person < 0 || static_cast<std::size_t>(row.person) >= who.size())
        throw Error(
            fmt::format("the ledger of replication {} names person {}, but the run has {} agents",
                        r, row.person, result.agents.size()));
      fmt::format_to(std::back_inserter(b), "{},{},{},{},", r, row.pay_period, to_string(row.kind),
                     who[static_cast<std::size_t>(row.person)]);
      append_field(b, row.plan);
      b.push_back(',');
      append_field(b, row.component);
      fmt::format_to(std::back_inserter(b), ",{},{},", row.amount.cents(), row.amount.str());
      append_field(b, row.reason);
      b.push_back('\n');
      out.row_done();
    }
  }
  out.flush();
}

}  // namespace tandem
