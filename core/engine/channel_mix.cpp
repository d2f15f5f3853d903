#include "engine/channel_mix.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace tandem {

ChannelMix::ChannelMix(const Scenario& s, int marketers)
    : marketers_(std::max(1, marketers)),
      shift_(s.marketing.mix_shift),
      rule_(s.behaviour),
      learning_rate_(s.behaviour.learning_rate),
      factor_(s.channels.size(), 1.0),
      favoured_(static_cast<std::size_t>(marketers_), -1),
      belief_(s.channels.size()),
      runs_(static_cast<std::size_t>(marketers_)) {
  for (std::size_t c = 0; c < s.channels.size(); ++c) {
    budget_.push_back(s.channels[c].budget_per_period.units());
    runs_[static_cast<std::size_t>(owner(static_cast<int>(c)))].push_back(static_cast<int>(c));
  }
}

double ChannelMix::factor_if(int m, int c, int to) const {
  if (to < 0) return 1.0;
  if (c != to) return 1.0 - shift_;
  double others = 0;
  for (const int k : runs_[static_cast<std::size_t>(m)])
    if (k != to) others += budget_[static_cast<std::size_t>(k)];
  const double own = budget_[static_cast<std::size_t>(c)];
  return own > 0 ? 1.0 + shift_ * others / own : 1.0;
}

void ChannelMix::observe(int c, double spend, double inquiries, double mqls, double pipeline,
                         double revenue) {
  if (spend <= 0) return;
  PerSpend& b = belief_[static_cast<std::size_t>(c)];
  const auto learn = [&](double& belief, double observed) {
    belief = b.seen ? belief + learning_rate_ * (observed / spend - belief) : observed / spend;
  };
  learn(b.inquiries, inquiries);
  learn(b.mqls, mqls);
  learn(b.pipeline, pipeline);
  learn(b.revenue, revenue);
  b.seen = true;
}

void ChannelMix::choose(int m, int periods, const std::function<Money(const Credits&)>& pay,
                        double stakes, Stream& stream) {
  const std::vector<int>& mine = runs_[static_cast<std::size_t>(m)];
  if (mine.size() < 2) return;  // one channel: nothing to split
  for (const int c : mine)
    if (!belief_[static_cast<std::size_t>(c)].seen) return;  // not every channel known yet
  std::vector<double> value;
  for (int option = -1; option < static_cast<int>(mine.size()); ++option) {
    const int to = option < 0 ? -1 : mine[static_cast<std::size_t>(option)];
    double inquiries = 0, mqls = 0, pipeline = 0, revenue = 0;
    for (const int c : mine) {
      const double spend = periods * budget_[static_cast<std::size_t>(c)] * factor_if(m, c, to);
      const PerSpend& b = belief_[static_cast<std::size_t>(c)];
      inquiries += spend * b.inquiries;
      mqls += spend * b.mqls;
      pipeline += spend * b.pipeline;
      revenue += spend * b.revenue;
    }
    Credits extra;
    extra.inquiries = static_cast<std::int64_t>(std::llround(inquiries));
    extra.mqls = static_cast<std::int64_t>(std::llround(mqls));
    extra.pipeline = Money::from_units(pipeline);
    extra.sourced_revenue = Money::from_units(revenue);
    value.push_back(pay(extra).units());
  }
  // The status quo: the split in use (option 0 is the declared one).
  const int favoured = favoured_[static_cast<std::size_t>(m)];
  const auto at = std::find(mine.begin(), mine.end(), favoured);
  const std::size_t now = at == mine.end() ? 0 : static_cast<std::size_t>(at - mine.begin()) + 1;
  const std::size_t chosen = rule_.choose(value, now, stakes, stream);
  const int to = chosen == 0 ? -1 : mine[chosen - 1];
  favoured_[static_cast<std::size_t>(m)] = to;
  for (const int c : mine) factor_[static_cast<std::size_t>(c)] = factor_if(m, c, to);
}

}  // namespace tandem
