// Recording a replication's metrics (the catalogue of them is model/catalogue.hpp).
#pragma once

#include "model/catalogue.hpp"
#include "model/results.hpp"

#include <cstdint>
#include <vector>

namespace tandem {

// Collects one replication's rows; reserved up front so recording does not allocate.
class Recorder {
 public:
  explicit Recorder(std::vector<MetricRow>& rows) : rows_(&rows) {}
  void emit(Metric m, int period, double value, int agent = -1) {
    emit(static_cast<std::uint32_t>(m), period, value, agent);
  }
  void emit(std::uint32_t metric, int period, double value, int agent = -1) {
    rows_->push_back({period, agent, metric, value});
  }

 private:
  std::vector<MetricRow>* rows_;
};

}  // namespace tandem
