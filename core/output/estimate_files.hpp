// What `tandem estimate` prints: the analytic estimate's expected figures (over the
// horizon and per inquiry), its capacity check, what it assumes and what it leaves out, as
// a text table or as JSON. `milliseconds` is how long the estimate took.
#pragma once

#include "experiments/funnel_chain.hpp"
#include "model/scenario.hpp"

#include <string>

namespace tandem {

std::string estimate_table(const Scenario& scenario, const FunnelEstimate& estimate,
                           double milliseconds);
std::string estimate_json(const Scenario& scenario, const FunnelEstimate& estimate,
                          double milliseconds, const EstimateOptions& options);

}  // namespace tandem
