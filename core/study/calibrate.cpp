#include "study/calibrate.hpp"

#include "config/scenario.hpp"
#include "study/recorded_figures.hpp"
#include "study/run.hpp"

#include <tandem/errors.hpp>

#include <fmt/format.h>
#include <nlopt.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <exception>
#include <limits>
#include <map>
#include <tuple>

namespace tandem::study {

namespace {

std::optional<double> number(std::string_view text) {
  double v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v))
    return std::nullopt;
  return v;
}

}  // namespace

FreeKey parse_free_key(const std::string& text) {
  const auto eq = text.find('=');
  const auto dots = text.find("..", eq == std::string::npos ? 0 : eq);
  const auto usage = [&](const std::string& why) {
    return UsageError("--fit " + text + ": " + why +
                      "; give KEY=LO..HI, e.g. --fit funnel.contact_rate=0.3..0.9");
  };
  if (eq == std::string::npos || eq == 0) throw usage("no key");
  if (dots == std::string::npos) throw usage("no range");
  FreeKey k;
  k.key = text.substr(0, eq);
  const auto low = number(std::string_view(text).substr(eq + 1, dots - eq - 1));
  const auto high = number(std::string_view(text).substr(dots + 2));
  if (!low || !high) throw usage("the bounds are not numbers");
  if (!(*low < *high)) throw usage("the low bound must be below the high one");
  k.low = *low;
  k.high = *high;
  return k;
}

std::vector<FitTarget> fit_targets(const ObservedFunnel& observed, const Scenario& scenario,
                                   int min_mqls) {
  std::vector<std::string> names;
  for (const auto& c : scenario.channels) names.push_back(c.name);
  for (const std::string& ch : observed.channels)
    if (std::find(names.begin(), names.end(), ch) == names.end())
      throw UsageError(fmt::format(
          "the data has channel '{}', which the scenario '{}' lacks (its channels: {}): add a "
          "channel of that name to the scenario, or fit without that channel's rows",
          ch, scenario.name, fmt::join(names, ", ")));
  const double measured = scenario.horizon.periods - scenario.horizon.warmup_periods;
  const double months_per_period =
      scenario.horizon.period == SimPeriod::week ? 7.0 / (365.0 / 12.0) : 1.0;
  const double per_month = 1.0 / (measured * months_per_period);
  std::vector<FitTarget> out;
  const auto add = [&](const std::string& name, const std::string& headline, double scale) {
    const ObservedFigure* f = observed.find(name);
    if (!f || f->se <= 0) return static_cast<FitTarget*>(nullptr);
    FitTarget t;
    t.name = name;
    t.headline = headline;
    t.scale = scale;
    t.observed = f->value;
    t.se = f->se;
    out.push_back(std::move(t));
    return &out.back();
  };
  std::vector<double> every_lead;
  for (const ObservedLead& l : observed.leads) every_lead.push_back(l.days_seen);
  for (std::size_t c = 0; c < observed.channels.size(); ++c) {
    const std::string& ch = observed.channels[c];
    const ObservedFigure* rate = observed.find("mql_to_won." + ch);
    if (!rate || rate->sample < min_mqls) continue;
    add("mqls_per_month." + ch, "channel_mqls." + ch, per_month);
    if (FitTarget* t = add("mql_to_won." + ch, "channel_mql_to_won." + ch, 1.0)) {
      t->recorded = Recorded::share_in_time;
      for (const ObservedLead& l : observed.leads)
        if (l.channel == static_cast<int>(c)) t->days_seen.push_back(l.days_seen);
    }
  }
  // Stage to stage, as the run counts them over its measured periods (stages follow one
  // another within days, so no lead's stage is cut off by the export's end to speak of).
  const auto count_of = [](const std::string& stage) {
    return stage == "mql"           ? std::string("mqls")
           : stage == "opportunity" ? std::string("opportunities")
                                    : stage + "s";
  };
  const auto is_stage = [](const std::string& name) {
    return name == "mql" || std::any_of(std::begin(kLeadStages), std::end(kLeadStages),
                                        [&](const char* s) { return name == s; });
  };
  for (const ObservedFigure& f : observed.figures) {
    const auto to = f.name.find("_to_");
    if (to == std::string::npos || !is_stage(f.name.substr(0, to)) ||
        !is_stage(f.name.substr(to + 4)))
      continue;
    if (FitTarget* t = add(f.name, count_of(f.name.substr(to + 4)), 1.0)) {
      t->recorded = Recorded::ratio;
      t->denominator = count_of(f.name.substr(0, to));
    }
  }
  for (const auto& [name, headline, q] :
       {std::tuple{"days_to_close.median", "median_days_to_close", 0.5},
        std::tuple{"days_to_close.p90", "p90_days_to_close", 0.9}})
    if (FitTarget* t = add(name, headline, 1.0)) {
      t->recorded = Recorded::quantile_in_time;
      t->quantile = q;
      t->days_seen = every_lead;
    }
  return out;
}

double mean_headline(const RunResult& run, const std::string& name) {
  double sum = 0;
  for (const ReplicationResult& rep : run.replications)
    for (const Headline& h : rep.headlines)
      if (h.name == name) sum += h.value;
  return run.replications.empty() ? 0.0 : sum / static_cast<double>(run.replications.size());
}

std::vector<double> simulate_targets(const std::vector<FitTarget>& targets, const RunResult& run) {
  const CloseDays close(run);
  std::vector<double> out;
  for (const FitTarget& t : targets) {
    switch (t.recorded) {
      case Recorded::as_run:
        out.push_back(mean_headline(run, t.headline) * t.scale);
        break;
      case Recorded::share_in_time:
        out.push_back(mean_headline(run, t.headline) * t.scale *
                      recorded_share(close, t.days_seen));
        break;
      case Recorded::ratio: {
        const double below = mean_headline(run, t.denominator);
        out.push_back(below > 0 ? mean_headline(run, t.headline) / below : 0.0);
        break;
      }
      case Recorded::quantile_in_time:
        out.push_back(close.empty() ? 0.0 : close.recorded_quantile(t.days_seen, t.quantile));
        break;
    }
  }
  return out;
}

std::vector<std::string> fitted_overrides(const std::vector<FreeKey>& keys,
                                          const std::vector<double>& values) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < keys.size(); ++i)
    out.push_back(keys[i].key + "=" + fmt::format("{}", values[i]));
  return out;
}

RunResult run_at(const std::string& file, const std::vector<std::string>& overrides,
                 const std::vector<FreeKey>& keys, const std::vector<double>& values,
                 PluginRegistry& registry, const Execution& execution) {
  std::vector<std::string> all = overrides;
  const auto fitted = fitted_overrides(keys, values);
  all.insert(all.end(), fitted.begin(), fitted.end());
  Scenario s;
  try {
    s = load_scenario(file, all, registry);
  } catch (const ScenarioError& e) {
    std::vector<Problem> problems = e.problems();
    for (Problem& p : problems)
      if (p.where.file == "--set") p.where.file = "--fit";
    throw ScenarioError(problems);
  }
  return run_in_memory(s, resolve_plugins(s, registry), execution);
}

namespace {

struct Search {
  const std::string& file;
  const std::vector<std::string>& overrides;
  PluginRegistry& registry;
  const Execution& execution;
  const FitOptions& options;
  Fit& fit;
  // What an evaluation threw (a scenario the values break, an interrupt, a plugin fault):
  // NLopt would swallow it, so it is kept, the search stopped, and it is thrown again.
  std::exception_ptr error;

  double evaluate(const std::vector<double>& x) {
    const RunResult r = run_at(file, overrides, fit.keys, x, registry, execution);
    Evaluation e;
    e.values = x;
    e.simulated = simulate_targets(fit.targets, r);
    for (std::size_t i = 0; i < fit.targets.size(); ++i)
      e.distance += std::pow((e.simulated[i] - fit.targets[i].observed) / fit.targets[i].se, 2);
    fit.trace.push_back(e);
    if (e.distance < fit.trace[fit.best].distance) fit.best = fit.trace.size() - 1;
    if (options.progress)
      options.progress(static_cast<int>(fit.trace.size()), fit.trace[fit.best].distance);
    return e.distance;
  }
};

double objective(const std::vector<double>& x, std::vector<double>& /*gradient*/, void* data) {
  auto* search = static_cast<Search*>(data);
  try {
    return search->evaluate(x);
  } catch (...) {
    search->error = std::current_exception();
    throw nlopt::forced_stop();
  }
}

// Runs `pass` from `x`; returns NLopt's result, or throws what an evaluation threw.
nlopt::result run(nlopt::opt& pass, std::vector<double>& x, Search& search) {
  double best = 0;
  try {
    return pass.optimize(x, best);
  } catch (const nlopt::forced_stop&) {
    if (search.error) std::rethrow_exception(search.error);
    throw;
  } catch (const nlopt::roundoff_limited&) {
    return nlopt::ROUNDOFF_LIMITED;
  }
}

}  // namespace

Fit calibrate(const std::string& file, const std::vector<std::string>& overrides,
              const std::vector<FreeKey>& keys, const std::vector<FitTarget>& targets,
              PluginRegistry& registry, const Execution& execution, const FitOptions& options) {
  Fit fit;
  fit.keys = keys;
  fit.targets = targets;
  if (keys.empty() || targets.empty()) {
    fit.stopped = keys.empty() ? "no free keys" : "no targets";
    return fit;
  }
  // Both ends of every range must be values the key can take: checked before any run, so
  // a key that does not exist or a bound outside its schema's range fails at once, every
  // such problem together, located at "--fit".
  {
    std::vector<Problem> problems;
    for (const bool high_end : {false, true}) {
      std::vector<std::string> all = overrides;
      for (const FreeKey& k : keys)
        all.push_back(k.key + "=" + fmt::format("{}", high_end ? k.high : k.low));
      try {
        (void)load_scenario(file, all, registry);
      } catch (const ScenarioError& e) {
        for (Problem p : e.problems()) {
          if (p.where.file == "--set") p.where.file = "--fit";
          for (const FreeKey& k : keys)
            if (k.where && p.where.key == k.key) {
              p.where.file = k.where->file;
              p.where.line = k.where->line;
              p.where.column = k.where->column;
            }
          if (std::none_of(problems.begin(), problems.end(),
                           [&](const Problem& q) { return q.str() == p.str(); }))
            problems.push_back(std::move(p));
        }
      }
    }
    if (!problems.empty()) throw ScenarioError(problems);
  }
  Search search{file, overrides, registry, execution, options, fit, nullptr};
  const auto n = static_cast<unsigned>(keys.size());
  std::vector<double> low, high, x;
  for (const FreeKey& k : keys) {
    low.push_back(k.low);
    high.push_back(k.high);
    x.push_back((k.low + k.high) / 2);
  }
  const int global = std::max(1, static_cast<int>(options.evaluations * options.global_share));
  {
    nlopt::opt pass(nlopt::GN_DIRECT_L, n);
    pass.set_lower_bounds(low);
    pass.set_upper_bounds(high);
    pass.set_min_objective(objective, &search);
    pass.set_maxeval(global);
    run(pass, x, search);
  }
  x = fit.best_evaluation().values;
  const int left = options.evaluations - static_cast<int>(fit.trace.size());
  if (left > 2 * static_cast<int>(n) + 1) {
    nlopt::opt local(nlopt::LN_BOBYQA, n);
    local.set_lower_bounds(low);
    local.set_upper_bounds(high);
    local.set_min_objective(objective, &search);
    local.set_maxeval(left);
    local.set_xtol_rel(1e-3);
    std::vector<double> step;
    for (unsigned i = 0; i < n; ++i) step.push_back((high[i] - low[i]) / 10);
    local.set_initial_step(step);
    const nlopt::result r = run(local, x, search);
    fit.stopped = r == nlopt::MAXEVAL_REACHED    ? "the evaluations ran out"
                  : r == nlopt::ROUNDOFF_LIMITED ? "the distance stopped improving"
                                                 : "the local search converged";
  } else {
    fit.stopped = "the evaluations ran out in the global pass";
  }
  return fit;
}

}  // namespace tandem::study
