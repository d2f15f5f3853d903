// The two tables of a run folder, written in large chunks (a run can have millions of
// metric rows): metrics.csv in tidy long form and ledger.csv, one row per payout component.
//
// metrics.csv: replication,period,role,agent,metric,value
//   agent -1 (the whole company) is role "company", agent "all"; otherwise the agent's role
//   and id. value is the shortest text that reads back as the same double.
// ledger.csv:  replication,pay_period,period_kind,person,role,plan,component,cents,amount,reason
//   the run's columns of the one ledger schema (output/ledger_schema.hpp).
// Text fields are quoted as RFC 4180 says, only when they need it. Lines end in "\n".
#pragma once

#include "model/results.hpp"

#include <fmt/format.h>

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace tandem {

// Receives the text in order, a chunk (about a megabyte) at a time.
using ChunkSink = std::function<void(std::string_view)>;

// `text` as one CSV field: quoted when it holds a comma, a double quote, CR or LF (or
// starts or ends with a space), with double quotes doubled.
std::string csv_field(std::string_view text);
// The same, appended to `out`: no string per field.
void append_csv_field(fmt::memory_buffer& out, std::string_view text);

// Buffers rows and hands them to the sink a chunk at a time.
class ChunkWriter {
 public:
  explicit ChunkWriter(ChunkSink sink);
  fmt::memory_buffer& buffer() { return buffer_; }
  void row_done() {
    if (buffer_.size() >= kChunk) flush();
  }
  void flush();

 private:
  static constexpr std::size_t kChunk = std::size_t{1} << 20;
  ChunkSink sink_;
  fmt::memory_buffer buffer_;
};

// One of the tables, written a replication at a time (in order), so that a run can write
// each replication's rows as it finishes and then release them: the header on
// construction, the rows with add(), the last chunk with finish(). add() throws Error if
// a row names an agent or metric that the run does not have.
class MetricsCsv {
 public:
  MetricsCsv(const std::vector<Agent>& agents, const std::vector<MetricSpec>& specs,
             ChunkSink sink);
  void add(std::size_t replication, const std::vector<MetricRow>& rows);
  void finish() { out_.flush(); }

 private:
  std::vector<std::string> who_;     // "role,agent", index agent + 1
  std::vector<std::string> metric_;  // quoted names
  ChunkWriter out_;
};

class LedgerCsv {
 public:
  LedgerCsv(const std::vector<Agent>& agents, ChunkSink sink);
  void add(std::size_t replication, const std::vector<LedgerRow>& rows);
  void finish() { out_.flush(); }

 private:
  std::vector<Agent> agents_;
  ChunkWriter out_;
};

// A whole result's table in one call.
void write_metrics_csv(const RunResult& result, const ChunkSink& sink);
void write_ledger_csv(const RunResult& result, const ChunkSink& sink);

}  // namespace tandem
