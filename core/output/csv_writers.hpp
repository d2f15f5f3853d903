// The two tables of a run folder, written in large chunks (a run can have millions of
// metric rows): metrics.csv in tidy long form and ledger.csv, one row per payout component.
//
// metrics.csv: replication,period,role,agent,metric,value
//   agent -1 (the whole company) is role "company", agent "all"; otherwise the agent's role
//   and id. value is the shortest text that reads back as the same double.
// ledger.csv:  replication,pay_period,period_kind,person,role,plan,component,cents,amount,reason
//   cents is the exact integer; amount the same in currency units ("1234.56").
// Text fields are quoted as RFC 4180 says, only when they need it. Lines end in "\n".
#pragma once

#include "engine/results.hpp"

#include <functional>
#include <string>
#include <string_view>

namespace tandem {

// Receives the text in order, a chunk (about a megabyte) at a time.
using ChunkSink = std::function<void(std::string_view)>;

// `text` as one CSV field: quoted when it holds a comma, a double quote, CR or LF (or
// starts or ends with a space), with double quotes doubled.
std::string csv_field(std::string_view text);

// Throw Error if a row names an agent or metric that the result does not have.
void write_metrics_csv(const RunResult& result, const ChunkSink& sink);
void write_ledger_csv(const RunResult& result, const ChunkSink& sink);

}  // namespace tandem
