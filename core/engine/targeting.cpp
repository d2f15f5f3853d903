#include "engine/targeting.hpp"

#include "engine/beliefs.hpp"

#include <algorithm>
#include <cmath>

namespace tandem {

Targeting::Targeting(const Scenario& s, int marketers)
    : volume_{s.marketing.broad_volume, 1.0, s.marketing.tight_volume},
      tilt_{s.marketing.broad_fit_tilt, 0.0, s.marketing.tight_fit_tilt},
      rule_(s.behaviour),
      learning_rate_(s.behaviour.learning_rate),
      level_(static_cast<std::size_t>(marketers), kStandard),
      beliefs_(static_cast<std::size_t>(marketers)),
      inquiries_(static_cast<std::size_t>(marketers), -1.0) {}

const Targeting::Beliefs& Targeting::belief(int m, int level) const {
  const auto& mine = beliefs_[static_cast<std::size_t>(m)];
  // A level never tried is believed to bring, per inquiry, what the standard one does.
  return mine[static_cast<std::size_t>(level)].seen ? mine[static_cast<std::size_t>(level)]
                                                    : mine[kStandard];
}

void Targeting::observe(int m, double inquiries, double mqls, double pipeline, double revenue) {
  const auto mi = static_cast<std::size_t>(m);
  if (inquiries <= 0) return;
  const int lv = level_[mi];
  // Inquiries a period would bring at the standard level: the channels' own volume.
  const double standard = inquiries / volume(lv);
  inquiries_[mi] =
      inquiries_[mi] < 0 ? standard : inquiries_[mi] + learning_rate_ * (standard - inquiries_[mi]);
  Beliefs& b = beliefs_[mi][static_cast<std::size_t>(lv)];
  const auto learn = [&](double& belief, double observed) {
    belief = b.seen ? belief + learning_rate_ * (observed - belief) : observed;
  };
  learn(b.mqls, mqls / inquiries);
  learn(b.pipeline, pipeline / inquiries);
  learn(b.revenue, revenue / inquiries);
  b.seen = true;
  if (lv != kStandard && !beliefs_[mi][kStandard].seen) beliefs_[mi][kStandard] = b;
}

void Targeting::pool(double sharing) {
  if (sharing <= 0) return;
  std::vector<std::size_t> tried;
  std::vector<double> values;
  for (std::size_t lv = 0; lv < 3; ++lv) {
    tried.clear();
    for (std::size_t m = 0; m < beliefs_.size(); ++m)
      if (beliefs_[m][lv].seen) tried.push_back(m);
    for (double Beliefs::*field : {&Beliefs::mqls, &Beliefs::pipeline, &Beliefs::revenue}) {
      values.clear();
      for (const std::size_t m : tried) values.push_back(beliefs_[m][lv].*field);
      share_beliefs(values, sharing);
      for (std::size_t i = 0; i < tried.size(); ++i) beliefs_[tried[i]][lv].*field = values[i];
    }
  }
}

void Targeting::choose(int m, int periods, const std::function<Money(const Credits&)>& pay,
                       double stakes, Stream& stream) {
  const auto mi = static_cast<std::size_t>(m);
  if (inquiries_[mi] < 0) return;  // nothing observed yet: keep the standard level
  std::array<double, 3> value{};
  for (int lv = 0; lv < 3; ++lv) {
    const Beliefs& b = belief(m, lv);
    const double inquiries = periods * inquiries_[mi] * volume(lv);
    Credits extra;
    extra.inquiries = static_cast<std::int64_t>(std::llround(inquiries));
    extra.mqls = static_cast<std::int64_t>(std::llround(inquiries * b.mqls));
    extra.pipeline = Money::from_units(inquiries * b.pipeline);
    extra.sourced_revenue = Money::from_units(inquiries * b.revenue);
    value[static_cast<std::size_t>(lv)] = pay(extra).units();
  }
  const auto now = static_cast<std::size_t>(level_[mi]);
  level_[mi] = static_cast<int>(rule_.choose(value, now, stakes, stream));
}

}  // namespace tandem
