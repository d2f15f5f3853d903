#include "stats/paired_comparison.hpp"

#include "stats/statistics.hpp"

#include <tandem/errors.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <cmath>

namespace tandem {
namespace {

// The names of each headline in replication 0; throws if any replication disagrees.
std::vector<const Headline*> headline_list(const RunResult& run, const char* which) {
  std::vector<const Headline*> list;
  if (run.replications.empty()) return list;
  for (const Headline& h : run.replications.front().headlines) list.push_back(&h);
  for (std::size_t r = 1; r < run.replications.size(); ++r) {
    const auto& h = run.replications[r].headlines;
    bool same = h.size() == list.size();
    for (std::size_t i = 0; same && i < h.size(); ++i) same = h[i].name == list[i]->name;
    if (!same)
      throw Error(
          fmt::format("{}: replication {} reports different headline figures than "
                      "replication 0",
                      which, r));
  }
  return list;
}

}  // namespace

PairedComparison compare_paired(std::string name, std::string unit, std::span<const double> base,
                                std::span<const double> alt) {
  if (base.size() != alt.size())
    throw Error(fmt::format("cannot pair '{}': {} base values and {} alt values", name, base.size(),
                            alt.size()));
  PairedComparison c;
  c.name = std::move(name);
  c.unit = std::move(unit);
  c.n = base.size();

  std::vector<double> differences(c.n);
  for (std::size_t i = 0; i < c.n; ++i) differences[i] = alt[i] - base[i];
  const SampleStats b = describe(base), a = describe(alt), d = describe(differences);
  c.base_mean = b.mean;
  c.alt_mean = a.mean;
  c.difference = d.mean;
  if (b.mean != 0) c.relative_change = d.mean / b.mean;
  c.difference_sd = d.sd;
  c.paired_ci95 = d.ci95;
  c.significant = d.ci95 && (d.ci95->first > 0 || d.ci95->second < 0);

  if (c.n >= 2 && b.sd && a.sd) {
    const double n = static_cast<double>(c.n);
    const double vb = *b.sd * *b.sd / n, va = *a.sd * *a.sd / n;  // squared standard errors
    const double se = std::sqrt(vb + va);
    if (se == 0) {
      // Both runs constant: the difference is known exactly (and Welch's df is 0/0).
      c.unpaired_ci95 = Interval{d.mean, d.mean};
    } else if (std::isfinite(se)) {
      const double df = (vb + va) * (vb + va) / ((vb * vb + va * va) / (n - 1));
      c.welch_df = df;
      const double half = student_t_quantile(0.975, df) * se;
      c.unpaired_ci95 = Interval{d.mean - half, d.mean + half};
    } else {
      const double nan = std::nan("");  // a NaN or infinite value
      c.unpaired_ci95 = Interval{nan, nan};
    }
  }
  return c;
}

std::vector<PairedComparison> compare_headlines(const RunResult& base, const RunResult& alt) {
  if (base.replications.size() != alt.replications.size())
    throw Error(fmt::format("the runs have {} base replications and {} alt replications",
                            base.replications.size(), alt.replications.size()));
  const auto b = headline_list(base, "base"), a = headline_list(alt, "alt");
  // The figures both report (by name and unit), in the base's order: a figure of a part
  // only one scenario has (a channel's spend share, say) has nothing to pair with.
  std::vector<std::pair<std::size_t, std::size_t>> common;
  for (std::size_t i = 0; i < b.size(); ++i)
    for (std::size_t j = 0; j < a.size(); ++j)
      if (b[i]->name == a[j]->name && b[i]->unit == a[j]->unit) common.emplace_back(i, j);
  if (common.empty() && !b.empty()) throw Error("the runs report no headline figure in common");

  const std::size_t n = base.replications.size();
  std::vector<PairedComparison> out;
  out.reserve(common.size());
  std::vector<double> bv(n), av(n);
  for (const auto& [i, j] : common) {
    for (std::size_t r = 0; r < n; ++r) {
      bv[r] = base.replications[r].headlines[i].value;
      av[r] = alt.replications[r].headlines[j].value;
    }
    out.push_back(compare_paired(b[i]->name, b[i]->unit, bv, av));
  }
  return out;
}

std::vector<std::string> figures_only_in(const RunResult& run, const RunResult& other) {
  std::vector<std::string> only;
  if (run.replications.empty()) return only;
  for (const Headline& h : run.replications.front().headlines) {
    bool found = false;
    if (!other.replications.empty())
      for (const Headline& o : other.replications.front().headlines)
        found = found || (o.name == h.name && o.unit == h.unit);
    if (!found) only.push_back(h.name);
  }
  return only;
}

}  // namespace tandem
