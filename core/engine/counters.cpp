#include "engine/counters.hpp"

#include <string>

namespace tandem {

void Counters::record(Recorder& recorder, int t, const std::array<double, kGauges>& gauges) const {
  std::uint32_t id = 0;  // metric rows are numbered in the catalogue's order
  for (const CatalogueRow& row : kCatalogue) {
    if (!row.metric()) continue;
    if (row.source == Source::counter) {
      const auto c = static_cast<Counter>(row.index);
      recorder.emit(id, t, shown(c, period_[at(c)]));
    } else if (row.source == Source::gauge) {
      recorder.emit(id, t, gauges[row.index]);
    }
    ++id;
  }
}

std::vector<Headline> Counters::headlines(
    const std::array<double, kFigures>& figures, const std::vector<ChannelConfig>& channels,
    const std::vector<std::vector<double>>& per_channel) const {
  std::vector<Headline> out;
  for (const CatalogueRow& row : kCatalogue) {
    if (!row.headline()) continue;
    const std::string unit(to_string(row.unit));
    switch (row.source) {
      case Source::counter: {
        const auto c = static_cast<Counter>(row.index);
        out.push_back({std::string(row.name), unit, shown(c, totals_[at(c)])});
        break;
      }
      case Source::figure:
        out.push_back({std::string(row.name), unit, figures[row.index]});
        break;
      case Source::per_channel:
        for (std::size_t c = 0; c < channels.size(); ++c)
          out.push_back(
              {std::string(row.name) + "." + channels[c].name, unit, per_channel[row.index][c]});
        break;
      case Source::gauge:
      case Source::agent:
        break;  // metrics only
    }
  }
  return out;
}

}  // namespace tandem
