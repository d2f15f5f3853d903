#include "data/observed_funnel.hpp"

#include "data/date_time.hpp"

#include <tandem/random.hpp>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>

namespace tandem {

const ObservedFigure* ObservedFunnel::find(const std::string& name) const {
  for (const ObservedFigure& f : figures)
    if (f.name == name) return &f;
  return nullptr;
}

namespace {

// The q-quantile of `v` (sorted in place), by linear interpolation between order statistics.
double quantile(std::vector<double>& v, double q) {
  if (v.empty()) return 0.0;
  std::sort(v.begin(), v.end());
  const double at = q * static_cast<double>(v.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(at));
  const auto hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (at - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

// The figures of one sample of leads (indices into `leads`), in a fixed order.
struct Statistic {
  std::string name, unit;
  bool resampled = true;
};

class Calculator {
 public:
  Calculator(const std::vector<const CrmLead*>& leads, const std::vector<std::string>& channels,
             int months, bool amounts, const std::vector<std::string>& stages)
      : leads_(leads), channels_(channels), months_(months), amounts_(amounts) {
    stats_.push_back({"mqls_per_month", "count"});
    stats_.push_back({"mql_to_won", "share"});
    stats_.push_back({"days_to_close.median", "days"});
    stats_.push_back({"days_to_close.p90", "days"});
    if (amounts_) stats_.push_back({"deal_size.median", "currency"});
    for (const std::string& c : channels_) {
      stats_.push_back({"mqls_per_month." + c, "count"});
      stats_.push_back({"mql_to_won." + c, "share"});
    }
    // The stages the export dates, as indices into kLeadStages; each one's share of the
    // leads that reached the one before (from MQL).
    std::string before = "mql";
    for (const std::string& stage : stages)
      for (std::size_t k = 0; k < std::size(kLeadStages); ++k)
        if (stage == kLeadStages[k]) {
          stages_.push_back(k);
          stats_.push_back({before + "_to_" + stage, "share"});
          before = stage;
        }
  }
  const std::vector<Statistic>& stats() const { return stats_; }

  // Each statistic of the sample given by `pick` (n draws of lead indices).
  template <class Pick>
  std::vector<double> compute(std::size_t n, Pick pick) const {
    std::vector<double> days, sizes;
    std::map<std::string, std::pair<int, int>> per_channel;  // leads, won
    std::vector<int> reached(stages_.size(), 0);
    int won = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const CrmLead& l = *leads_[pick(i)];
      auto& c = per_channel[l.channel];
      ++c.first;
      // A lead reached a stage when it has that stage's date, a later one's, or a won deal.
      bool later = l.won;
      for (std::size_t k = stages_.size(); k-- > 0;) {
        later = later || l.stage_dates[stages_[k]].has_value();
        if (later) ++reached[k];
      }
      if (l.won) {
        ++won;
        ++c.second;
        days.push_back(*l.closed - l.created);
        if (l.amount) sizes.push_back(*l.amount);
      }
    }
    const double m = std::max(months_, 1);
    std::vector<double> out = {static_cast<double>(n) / m,
                               n ? static_cast<double>(won) / static_cast<double>(n) : 0.0,
                               quantile(days, 0.5), quantile(days, 0.9)};
    if (amounts_) out.push_back(quantile(sizes, 0.5));
    for (const std::string& ch : channels_) {
      const auto it = per_channel.find(ch);
      const int leads = it == per_channel.end() ? 0 : it->second.first;
      const int w = it == per_channel.end() ? 0 : it->second.second;
      out.push_back(leads / m);
      out.push_back(leads ? static_cast<double>(w) / leads : 0.0);
    }
    double before = static_cast<double>(n);
    for (const int r : reached) {
      out.push_back(before > 0 ? r / before : 0.0);
      before = r;
    }
    return out;
  }

 private:
  const std::vector<const CrmLead*>& leads_;
  const std::vector<std::string>& channels_;
  int months_;
  bool amounts_;
  std::vector<std::size_t> stages_;
  std::vector<Statistic> stats_;
};

}  // namespace

ObservedFunnel observe_funnel(const CrmExport& data, const ObserveOptions& options) {
  ObservedFunnel out;
  std::vector<CrmLead> cut;  // the leads of the window, deals after `until` unseen
  double export_end = 0;     // the export's last date: a lead's or a deal's
  for (const CrmLead& l : data.leads)
    export_end = std::max({export_end, l.created, l.closed.value_or(0.0)});
  for (const CrmLead& l : data.leads) {
    if (options.from && l.created < *options.from) continue;
    if (options.until && l.created >= *options.until) continue;
    CrmLead seen = l;
    for (std::optional<double>& d : seen.stage_dates)
      if (options.until && d && *d >= *options.until) d.reset();
    if (options.until && seen.closed && *seen.closed >= *options.until) {
      seen.closed.reset();
      seen.won = false;
    }
    cut.push_back(std::move(seen));
  }
  std::vector<const CrmLead*> leads;
  for (const CrmLead& l : cut) leads.push_back(&l);
  if (leads.empty()) return out;

  double first = leads.front()->created, last = first;
  bool amounts = false;
  for (const CrmLead* l : leads) {
    first = std::min(first, l->created);
    last = std::max(last, l->created);
    amounts = amounts || l->amount.has_value();
  }
  out.first_month = data::month_of(first);
  out.last_month = data::month_of(last);
  std::map<std::string, ObservedMonth> months;
  for (double d = *data::month_start(out.first_month); data::month_of(d) <= out.last_month; d += 28)
    months[data::month_of(d)].month = data::month_of(d);
  for (const CrmLead* l : leads) {
    ++months[data::month_of(l->created)].mqls;
    if (l->won && data::month_of(*l->closed) <= out.last_month)
      ++months[data::month_of(*l->closed)].won;
  }
  for (auto& [name, month] : months) out.by_month.push_back(month);
  out.months = static_cast<int>(out.by_month.size());
  for (const std::string& c : data.channels)
    if (std::any_of(leads.begin(), leads.end(), [&](const CrmLead* l) { return l->channel == c; }))
      out.channels.push_back(c);
  out.end = options.until.value_or(export_end);
  for (const CrmLead* l : leads) {
    ObservedLead o;
    const auto c = std::find(out.channels.begin(), out.channels.end(), l->channel);
    o.channel = c == out.channels.end() ? -1 : static_cast<int>(c - out.channels.begin());
    o.month =
        static_cast<int>(std::distance(months.begin(), months.find(data::month_of(l->created))));
    o.days_seen = std::max(0.0, out.end - l->created);
    o.won = l->won;
    out.leads.push_back(o);
    if (l->won) {
      out.won_days.push_back(*l->closed - l->created);
      out.first_deal = std::min(out.first_deal.value_or(*l->closed), *l->closed);
    }
  }
  std::sort(out.won_days.begin(), out.won_days.end());

  const Calculator calc(leads, out.channels, out.months, amounts, data.stages);
  const std::vector<double> point = calc.compute(leads.size(), [](std::size_t i) { return i; });
  std::vector<std::vector<double>> draws(point.size());
  Stream rng(options.seed, 0, 0);
  for (int b = 0; b < options.bootstrap; ++b) {
    const auto sample = calc.compute(leads.size(), [&](std::size_t) {
      return static_cast<std::size_t>(rng.below(leads.size()));
    });
    for (std::size_t k = 0; k < sample.size(); ++k) draws[k].push_back(sample[k]);
  }
  std::map<std::string, int> sample_of;
  int won = 0;
  for (const CrmLead* l : leads) {
    ++sample_of["mql_to_won." + l->channel];
    if (l->won) ++won;
  }
  for (std::size_t k = 0; k < point.size(); ++k) {
    const Statistic& s = calc.stats()[k];
    ObservedFigure f;
    f.name = s.name;
    f.unit = s.unit;
    f.value = point[k];
    std::vector<double>& d = draws[k];
    if (!d.empty()) {
      double mean = 0, ss = 0;
      for (const double x : d) mean += x;
      mean /= static_cast<double>(d.size());
      for (const double x : d) ss += (x - mean) * (x - mean);
      f.se = d.size() > 1 ? std::sqrt(ss / static_cast<double>(d.size() - 1)) : 0.0;
      f.low = quantile(d, 0.025);
      f.high = quantile(d, 0.975);
    }
    const auto dot = s.name.find('.');
    const bool per_channel = dot != std::string::npos && s.name.rfind("days_to_close", 0) != 0 &&
                             s.name.rfind("deal_size", 0) != 0;
    f.sample = s.name.rfind("days_to_close", 0) == 0 || s.name.rfind("deal_size", 0) == 0 ? won
               : per_channel ? sample_of["mql_to_won." + s.name.substr(dot + 1)]
                             : static_cast<int>(leads.size());
    out.figures.push_back(std::move(f));
  }
  // Team sizes: distinct people on won deals (not resampled).
  const auto distinct = [&](std::string CrmLead::*who) {
    std::vector<std::string> v;
    for (const CrmLead* l : leads)
      if (l->won && !(l->*who).empty()) v.push_back(l->*who);
    std::sort(v.begin(), v.end());
    return static_cast<double>(std::unique(v.begin(), v.end()) - v.begin());
  };
  for (const auto& [name, who] :
       {std::pair{"sdrs", &CrmLead::sdr}, std::pair{"reps", &CrmLead::rep}}) {
    const double n = distinct(who);
    if (n > 0) out.figures.push_back({name, "count", n, n, n, 0.0, won});
  }
  return out;
}

}  // namespace tandem
