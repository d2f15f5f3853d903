#include "model/catalogue.hpp"

#include <algorithm>
#include <string>

namespace tandem {
namespace {

// Each Counter, Gauge and Figure has its row (a counter may have two: see kCatalogue).
constexpr bool each_has_a_row(Source source, std::size_t ids) {
  for (std::size_t i = 0; i < ids; ++i)
    if (std::none_of(kCatalogue.begin(), kCatalogue.end(), [&](const CatalogueRow& row) {
          return row.source == source && row.index == i;
        }))
      return false;
  return true;
}
static_assert(each_has_a_row(Source::counter, kCounters), "a Counter has no row");
static_assert(each_has_a_row(Source::gauge, kGauges), "a Gauge has no row");
static_assert(each_has_a_row(Source::figure, kFigures), "a Figure has no row");

// The metric rows are numbered as Metric numbers them: the last Metric id is the last
// per-agent row's.
constexpr std::size_t metric_rows_before_last_agent_row() {
  std::size_t n = 0, at_last_agent = 0;
  for (const CatalogueRow& row : kCatalogue) {
    if (!row.metric()) continue;
    if (row.source == Source::agent) at_last_agent = n;
    ++n;
  }
  return at_last_agent;
}
static_assert(metric_rows_before_last_agent_row() == static_cast<std::size_t>(Metric::effort),
              "Metric ids and the catalogue's metric rows are out of step");

}  // namespace

std::string_view to_string(Unit u) {
  switch (u) {
    case Unit::count:
      return "count";
    case Unit::money:
      return "money";
    case Unit::share:
      return "share";
    case Unit::days:
      return "days";
    case Unit::hours:
      return "hours";
    case Unit::level:
      return "level";
    case Unit::flag:
      return "flag";
    case Unit::index:
      return "index";
  }
  return "count";
}

const std::vector<MetricSpec>& metric_catalogue() {
  static const std::vector<MetricSpec> specs = [] {
    std::vector<MetricSpec> out;
    for (const CatalogueRow& row : kCatalogue)
      if (row.metric())
        out.push_back(
            {std::string(row.name), std::string(to_string(row.unit)), std::string(row.doc)});
    return out;
  }();
  return specs;
}

std::optional<CatalogueRow> headline_spec(std::string_view name) {
  for (const CatalogueRow& row : kCatalogue) {
    if (!row.headline()) continue;
    if (row.source == Source::per_channel
            ? name.size() > row.name.size() && name.substr(0, row.name.size()) == row.name &&
                  name[row.name.size()] == '.'
            : name == row.name)
      return row;
  }
  return std::nullopt;
}

}  // namespace tandem
