// Sales decides what a lead is, and the policy learns from it: a logistic model over the
// observed signals, nudged by one stochastic-gradient step each time an outcome comes
// back. It qualifies the best-ranked share of recent inquiries, so what it learns changes
// which leads sales gets, not how many: precision then moves with the ranking alone. It
// starts as the lead score (only the score carries weight) and drifts toward whatever
// sales and the market reward, which is how a feedback loop between the two teams
// behaves: it learns from the leads it already passed, never from the ones it held back.
#include <tandem/lead_policy.hpp>
#include <tandem/plugin.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>

namespace {
using namespace tandem;

class SalesAcceptedFeedback final : public LeadPolicy {
 public:
  static Schema schema() {
    Schema s("sales_accepted_feedback",
             "Sales decides what a lead is; the policy learns from every outcome (online "
             "logistic regression).");
    s.param<double>("mql_share", 0.2,
                    "Share of inquiries made MQLs: those the model ranks in this top share of "
                    "recent inquiries.",
                    in_range(0.0, 1.0).excluding_min().with_unit("share"));
    s.param<double>("learning_rate", 0.05,
                    "Step size of the update after each outcome: w += learning_rate x (y - p) "
                    "x features. 0 never learns.",
                    in_range(0.0, 1.0).with_unit("per outcome"));
    with_routing(s);
    return with_service_level(s);
  }

  explicit SalesAcceptedFeedback(const Params& p)
      : share_(p.get<double>("mql_share")),
        learning_rate_(p.get<double>("learning_rate")),
        router_(p),
        level_(service_level_from(p)) {}

  // An MQL when the lead's score is at least the cutoff of the top `mql_share` of recent
  // inquiries. The cutoff is read again every 100 inquiries from a histogram of their
  // scores, halved every 1000 so it follows the model as it learns; until the first
  // reading it is 50, the starting model's even odds.
  bool is_mql(const LeadView& lead) override {
    const double s = score(lead);
    const auto bin = static_cast<std::size_t>(std::min(s * 10.0, 1000.0));
    recent_[bin] += 1;
    ++seen_;
    if (seen_ % 1000 == 0)
      for (auto& c : recent_) c /= 2;
    if (seen_ % 100 == 0) cutoff_ = cutoff();
    return s >= cutoff_;
  }

  double score(const LeadView& lead) const override { return 100.0 * probability(lead); }

  // "Qualified as determined by sales": a rep accepts only a lead it read a need in.
  bool accepts(const LeadView& lead) override { return lead.sales_read == 1; }

  int route(const LeadView& lead, std::span<const RepView> reps) override {
    return router_.route(lead, reps);
  }

  ServiceLevel service_level() const override { return level_; }

  // One online logistic-regression step: w += learning_rate x (y - p) x x.
  void on_outcome(const LeadView& lead, Outcome outcome) override {
    double y = 0;
    switch (outcome) {
      // Learned from: sales' verdict, and whether a deal came of it.
      case Outcome::rejected:  // sales read no need (lead.sales_read == 0): the reason
        y = 0;
        break;
      case Outcome::accepted:  // sales read a need
      case Outcome::won:
      case Outcome::lost:  // a real opportunity: losing to a competitor is not the lead's fault
        y = 1;
        break;
      // Not learned from: what the lead did not say. Never reached (recycled); and
      // discovery or the buying group deciding against (disqualified, no decision), which
      // happen to good leads too often to count against the lead.
      case Outcome::recycled:
      case Outcome::disqualified:
      case Outcome::no_decision:
        return;
    }
    const Features x = features(lead);
    const double step = learning_rate_ * (y - probability(x));
    // The lead score's weight is the anchor and stays: the policy learns only from leads
    // it already passed (high scores), and a score weight learned there would misjudge
    // the low-scoring leads it never sees.
    for (std::size_t i = 0; i + 1 < x.size(); ++i) weights_[i] += step * x[i];
  }

 private:
  // [1, fit, engaged, need, timing, budget, authority (each less 0.5), score / 100]
  using Features = std::array<double, 8>;

  static Features features(const LeadView& lead) {
    // Touches saturate: the first few say much more about interest than the tenth.
    const double engaged = 1.0 - std::exp(-lead.engagement / 3.0);
    // The learned signals are centred on 0.5, so an update moves each one's weight by how
    // far the lead sits from the middle, not all of them (and the intercept) together.
    return {1.0,
            lead.fit - 0.5,
            engaged - 0.5,
            lead.need - 0.5,
            lead.timing - 0.5,
            lead.budget - 0.5,
            lead.authority - 0.5,
            lead.score / 100.0};
  }

  double probability(const Features& x) const {
    double z = 0;
    for (std::size_t i = 0; i < x.size(); ++i) z += weights_[i] * x[i];
    // Written so exp() never overflows, however far the weights drift.
    if (z >= 0) return 1.0 / (1.0 + std::exp(-z));
    const double e = std::exp(z);
    return e / (1.0 + e);
  }
  double probability(const LeadView& lead) const { return probability(features(lead)); }

  // The lowest score of the top `share_` of the recent inquiries.
  double cutoff() const {
    double total = 0;
    for (const double c : recent_) total += c;
    double above = 0;
    for (std::size_t b = recent_.size(); b-- > 0;) {
      above += recent_[b];
      if (above >= share_ * total) return static_cast<double>(b) / 10.0;
    }
    return 0.0;
  }

  double share_;
  double learning_rate_;
  std::array<double, 1001> recent_{};  // scores of recent inquiries, in 0.1-point bins
  std::uint64_t seen_ = 0;
  double cutoff_ = 50.0;
  Router router_;
  ServiceLevel level_;
  // Starts as a score threshold at 50: -3 + 6 x score/100 is 0 (p = 0.5) at score 50, and
  // nothing else counts until outcomes say it should. One instance per replication, so
  // what it learns stays in its replication.
  Features weights_ = {-3.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 6.0};
};

}  // namespace

TANDEM_PLUGIN(SalesAcceptedFeedback, "1.1.0")
