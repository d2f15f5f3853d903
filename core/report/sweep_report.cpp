#include "report/sweep_report.hpp"

#include <tandem/errors.hpp>

#include <string>
#include <utility>

namespace tandem {
namespace {

// Drawn first, when the run reports them: what leadership and finance ask of a sweep.
constexpr const char* kFeatured[] = {"revenue",   "cost_of_sales_share",
                                     "pay_sales", "pay_marketing",
                                     "won_deals", "mqls_never_worked_share"};

}  // namespace

ReportData sweep_report_data(const SummaryJson& sweep,
                             const std::vector<SummaryJson>& point_summaries) {
  const SummaryJson& points = sweep.at("points");
  if (points.size() != point_summaries.size() || points.empty())
    throw Error("a sweep report needs one summary per point");
  ReportData units = ReportData::object();
  for (const auto& [name, h] : points.front().at("headline").items()) units[name] = h.at("unit");
  units["pay_total"] = "money";
  ReportData featured = ReportData::array();
  for (const char* name : kFeatured)
    if (units.contains(name)) featured.push_back(name);

  ReportData rows = ReportData::array();
  for (std::size_t i = 0; i < points.size(); ++i) {
    const SummaryJson& pay = point_summaries[i].at("pay");
    const auto units_of = [&](const char* key) { return pay.at(key).get<double>() / 100.0; };
    ReportData row = points[i];
    row["pay_total"] = {{"p5", units_of("p5_per_replication_cents")},
                        {"median", units_of("median_per_replication_cents")},
                        {"p95", units_of("p95_per_replication_cents")}};
    rows.push_back(std::move(row));
  }
  std::string varied;
  for (const auto& v : sweep.at("vary"))
    varied += (varied.empty() ? "" : " × ") + v.at("key").get<std::string>();
  ReportData facts = ReportData::array({{"scenario", sweep.at("scenario")},
                                        {"file", sweep.at("file")},
                                        {"varied", varied},
                                        {"points", points.size()},
                                        {"seed (every point)", sweep.at("seed")},
                                        {"replications (every point)", sweep.at("replications")}});
  return {{"kind", "sweep"},
          {"title", "Tandem sweep: " + sweep.at("scenario").get<std::string>() + " over " + varied},
          {"subtitle", "Every point on common random numbers: the same seed and replications."},
          {"notes", sweep.value("warnings", ReportData::array())},  // shown under the title
          {"facts", std::move(facts)},
          {"vary", sweep.at("vary")},
          {"units", std::move(units)},
          {"featured", std::move(featured)},
          {"points", std::move(rows)}};
}

}  // namespace tandem
