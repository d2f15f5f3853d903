#include "study/fit_checks.hpp"

#include "config/scenario.hpp"
#include "data/date_time.hpp"
#include "study/recorded_figures.hpp"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>

namespace tandem::study {

Neighbourhood explore(const std::string& file, const std::vector<std::string>& overrides,
                      const Fit& fit, PluginRegistry& registry, const Execution& execution,
                      const RunMeasure& measure, const std::function<void(int, int)>& progress) {
  const std::vector<double>& best = fit.best_evaluation().values;
  const int total = 1 + 2 * static_cast<int>(fit.keys.size());
  int done = 0;
  const auto run = [&](const std::vector<double>& x) {
    RunResult r = run_at(file, overrides, fit.keys, x, registry, execution);
    if (progress) progress(++done, total);
    return r;
  };
  const auto measures = [&](const RunResult& r) {
    std::vector<double> m = simulate_targets(fit.targets, r);
    if (measure) {
      const std::vector<double> more = measure(r);
      m.insert(m.end(), more.begin(), more.end());
    }
    return m;
  };
  Neighbourhood n;
  n.best = run(best);
  for (std::size_t k = 0; k < fit.keys.size(); ++k) {
    const FreeKey& key = fit.keys[k];
    const double h = (key.high - key.low) / 20;
    std::vector<double> up = best, down = best;
    up[k] = std::min(key.high, best[k] + h);
    down[k] = std::max(key.low, best[k] - h);
    const std::vector<double> above = measures(run(up)), below = measures(run(down));
    n.step.push_back(up[k] - down[k]);
    std::vector<double> slope;
    for (std::size_t i = 0; i < above.size(); ++i)
      slope.push_back((above[i] - below[i]) / n.step.back());
    n.slope.push_back(std::move(slope));
  }
  return n;
}

KeyUncertainty key_uncertainty(const Fit& fit, const Neighbourhood& n, int replications) {
  const auto keys = static_cast<Eigen::Index>(fit.keys.size());
  const auto targets = static_cast<Eigen::Index>(fit.targets.size());
  Eigen::MatrixXd j(targets, keys);  // slope in observed standard errors per unit of the key
  for (Eigen::Index k = 0; k < keys; ++k)
    for (Eigen::Index t = 0; t < targets; ++t)
      j(t, k) = n.slope[static_cast<std::size_t>(k)][static_cast<std::size_t>(t)] /
                fit.targets[static_cast<std::size_t>(t)].se;
  const Eigen::MatrixXd information = j.transpose() * j;
  // Directions the figures hardly move along (an eigenvalue below a millionth of the
  // largest) are dropped; a key that leans on one is not identified.
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(information);
  const Eigen::VectorXd& values = eigen.eigenvalues();
  const Eigen::MatrixXd& vectors = eigen.eigenvectors();
  const double largest = keys > 0 ? values.maxCoeff() : 0.0;
  Eigen::MatrixXd covariance = Eigen::MatrixXd::Zero(keys, keys);
  Eigen::VectorXd unidentified = Eigen::VectorXd::Zero(keys);
  for (Eigen::Index i = 0; i < keys; ++i) {
    if (largest > 0 && values(i) > 1e-6 * largest)
      covariance += vectors.col(i) * vectors.col(i).transpose() / values(i);
    else
      unidentified += vectors.col(i).cwiseAbs2();
  }
  covariance *= 1.0 + 1.0 / std::max(1, replications);
  KeyUncertainty u;
  u.covariance.assign(fit.keys.size(), std::vector<double>(fit.keys.size(), 0.0));
  for (Eigen::Index k = 0; k < keys; ++k) {
    const bool identified = unidentified(k) < 0.1 && covariance(k, k) > 0;
    u.se.push_back(identified ? std::optional(std::sqrt(covariance(k, k))) : std::nullopt);
    for (Eigen::Index l = 0; l < keys; ++l)
      u.covariance[static_cast<std::size_t>(k)][static_cast<std::size_t>(l)] = covariance(k, l);
  }
  return u;
}

double variance_along(const std::vector<double>& slope, const KeyUncertainty& u) {
  double v = 0;
  for (std::size_t k = 0; k < slope.size() && k < u.covariance.size(); ++k)
    for (std::size_t l = 0; l < slope.size() && l < u.covariance.size(); ++l)
      v += slope[k] * u.covariance[k][l] * slope[l];
  return std::max(0.0, v);
}

bool HoldoutCheck::passed() const {
  return total.inside() && std::all_of(months.begin(), months.end(),
                                       [](const HeldOutMonth& m) { return m.inside(); });
}

HoldoutPrediction::HoldoutPrediction(const ObservedFunnel& held_out, const Scenario& scenario)
    : held_out_(held_out) {
  // A lead of a channel the scenario has is won with that channel's share; any other with
  // the share of all MQLs.
  for (const std::string& ch : held_out.channels) {
    const bool known = std::any_of(scenario.channels.begin(), scenario.channels.end(),
                                   [&](const ChannelConfig& c) { return c.name == ch; });
    share_headline_.push_back(known ? "channel_mql_to_won." + ch : "mql_to_won_rate");
  }
  share_headline_.push_back("mql_to_won_rate");
}

std::vector<std::vector<HoldoutPrediction::Cell>> HoldoutPrediction::cells(
    const RunResult& run) const {
  const CloseDays close(run);
  std::vector<std::vector<Cell>> out(held_out_.by_month.size(),
                                     std::vector<Cell>(share_headline_.size()));
  for (const ObservedLead& l : held_out_.leads) {
    const std::size_t c =
        l.channel < 0 ? share_headline_.size() - 1 : static_cast<std::size_t>(l.channel);
    const double f = close.within(l.days_seen);
    Cell& cell = out[static_cast<std::size_t>(l.month)][c];
    cell.in_time += f;
    cell.in_time_squared += f * f;
  }
  return out;
}

std::vector<std::vector<double>> HoldoutPrediction::shares(const RunResult& run) const {
  std::vector<std::vector<double>> out;
  for (const ReplicationResult& rep : run.replications) {
    std::vector<double> p;
    for (const std::string& name : share_headline_) {
      double v = 0;
      for (const Headline& h : rep.headlines)
        if (h.name == name) v = h.value;
      p.push_back(v);
    }
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<double> HoldoutPrediction::expected(const RunResult& run) const {
  const auto c = cells(run);
  const auto p = shares(run);
  std::vector<double> out(c.size() + 1, 0.0);
  for (const std::vector<double>& rep : p)
    for (std::size_t m = 0; m < c.size(); ++m)
      for (std::size_t ch = 0; ch < rep.size(); ++ch) {
        const double won = rep[ch] * c[m][ch].in_time / static_cast<double>(p.size());
        out[m] += won;
        out.back() += won;
      }
  return out;
}

HoldoutCheck HoldoutPrediction::check(const Neighbourhood& n, std::size_t first,
                                      const KeyUncertainty& u, const std::string& from) const {
  const auto c = cells(n.best);
  const auto p = shares(n.best);
  const std::size_t months = c.size(), reps = p.size();
  // Per month (then all): each replication's expectation, and the Bernoulli variance at the mean
  // shares.
  std::vector<std::vector<double>> by_rep(months + 1, std::vector<double>(reps, 0.0));
  std::vector<double> mean_share(share_headline_.size(), 0.0);
  for (std::size_t r = 0; r < reps; ++r)
    for (std::size_t ch = 0; ch < share_headline_.size(); ++ch)
      mean_share[ch] += p[r][ch] / static_cast<double>(reps);
  std::vector<double> bernoulli(months + 1, 0.0);
  for (std::size_t m = 0; m < months; ++m)
    for (std::size_t ch = 0; ch < share_headline_.size(); ++ch) {
      for (std::size_t r = 0; r < reps; ++r) {
        by_rep[m][r] += p[r][ch] * c[m][ch].in_time;
        by_rep[months][r] += p[r][ch] * c[m][ch].in_time;
      }
      const double q = mean_share[ch];
      const double v = q * c[m][ch].in_time - q * q * c[m][ch].in_time_squared;
      bernoulli[m] += v;
      bernoulli[months] += v;
    }
  std::vector<int> mqls(months + 1, 0), won(months + 1, 0);
  for (const ObservedLead& l : held_out_.leads) {
    ++mqls[static_cast<std::size_t>(l.month)];
    ++mqls[months];
    if (l.won) {
      ++won[static_cast<std::size_t>(l.month)];
      ++won[months];
    }
  }
  const auto cell = [&](std::size_t m, const std::string& name) {
    HeldOutMonth out;
    out.month = name;
    out.mqls = mqls[m];
    out.observed = won[m];
    double mean = 0, ss = 0;
    for (const double x : by_rep[m]) mean += x / static_cast<double>(reps);
    for (const double x : by_rep[m]) ss += (x - mean) * (x - mean);
    const double simulation =
        reps > 1 ? ss / static_cast<double>(reps - 1) / static_cast<double>(reps) : 0.0;
    std::vector<double> slope;
    for (const std::vector<double>& key : n.slope) slope.push_back(key[first + m]);
    const double sd =
        std::sqrt(std::max(0.0, bernoulli[m]) + simulation + variance_along(slope, u));
    out.predicted = mean;
    out.low = std::max(0.0, mean - 1.96 * sd);
    out.high = mean + 1.96 * sd;
    return out;
  };
  HoldoutCheck check;
  check.from = from;
  check.until = data::date_of(held_out_.end);
  for (std::size_t m = 0; m < months; ++m)
    check.months.push_back(cell(m, held_out_.by_month[m].month));
  check.total = cell(months, "all held-out months");
  return check;
}

}  // namespace tandem::study
