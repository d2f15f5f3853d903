// BANT qualification: an inquiry is an MQL when its budget, authority, need and timing,
// as a qualifying form and enrichment report them, weigh in at a threshold. The weights
// say what the company believes matters; the signals are observed with noise, so a lead
// can look qualified and not be. Sales accepts every MQL it reaches; routing and the
// service level are parameters, as for every policy.
#include <tandem/lead_policy.hpp>
#include <tandem/plugin.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace {
using namespace tandem;

// A weight for an error message: as many digits as it needs, none more ("0.4", "1.2",
// "1.00000001"), so a sum that misses 1 by a little still shows by how much.
std::string number(double x) {
  char text[64];
  std::snprintf(text, sizeof text, "%.10g", x);
  return text;
}

class Bant final : public LeadPolicy {
 public:
  static Schema schema() {
    Schema s("bant",
             "BANT qualification: an inquiry is an MQL when its weighted budget, authority, "
             "need and timing signals reach a threshold.");
    s.param<double>("budget_weight", 0.25,
                    "Weight of the budget signal (a budget that fits the deal) in the score.",
                    in_range(0.0, 1.0).with_unit("weight"))
        .param<double>("authority_weight", 0.25,
                       "Weight of the authority signal (the person can sign) in the score.",
                       in_range(0.0, 1.0).with_unit("weight"))
        .param<double>("need_weight", 0.25,
                       "Weight of the need signal (a real need for what is sold) in the score.",
                       in_range(0.0, 1.0).with_unit("weight"))
        .param<double>("timing_weight", 0.25,
                       "Weight of the timing signal (buying now) in the score. The four "
                       "weights must sum to 1.",
                       in_range(0.0, 1.0).with_unit("weight"))
        .param<double>("threshold", 0.5,
                       "Lowest weighted BANT score, as a share of the most a lead can score, "
                       "that makes an inquiry an MQL (score / 100 >= threshold).",
                       in_range(0.0, 1.0).with_unit("share"))
        .param<bool>("require_contact", true,
                     "An inquiry without usable contact details is never an MQL.");
    with_routing(s);
    return with_service_level(s);
  }

  // Weights that do not sum to 1 would silently move the threshold (a sum of 1.2 makes
  // 0.5 as easy to reach as about 0.42 would be), so they are refused, not normalised.
  // The problem is the four together, so it names no one key.
  static std::vector<ParamProblem> check(const Params& p) {
    const double budget = p.get<double>("budget_weight"),
                 authority = p.get<double>("authority_weight"), need = p.get<double>("need_weight"),
                 timing = p.get<double>("timing_weight");
    const double sum = budget + authority + need + timing;
    if (std::abs(sum - 1.0) <= 1e-9) return {};
    return {{"", "the BANT weights sum to " + number(sum) + " (budget " + number(budget) +
                     " + authority " + number(authority) + " + need " + number(need) +
                     " + timing " + number(timing) +
                     "); they must sum to 1: change budget_weight, authority_weight, need_weight "
                     "or timing_weight so that they do"}};
  }

  // Called only with parameters check() accepted.
  explicit Bant(const Params& p)
      : budget_(p.get<double>("budget_weight")),
        authority_(p.get<double>("authority_weight")),
        need_(p.get<double>("need_weight")),
        timing_(p.get<double>("timing_weight")),
        threshold_(p.get<double>("threshold")),
        require_contact_(p.get<bool>("require_contact")),
        router_(p),
        level_(service_level_from(p)) {}

  bool is_mql(const LeadView& lead) override {
    if (require_contact_ && !lead.has_contact) return false;
    // Compared as a share, not as score()/100, so a threshold hit exactly is not lost to
    // the rounding of a multiplication.
    return weighted(lead) >= threshold_;
  }

  // The policy ranks leads by what it qualifies on, so its precision and AUC measure BANT,
  // not the company's scoring model.
  double score(const LeadView& lead) const override {
    // Clamped: weights may miss 1 by up to 1e-9, which must not take a perfect lead past
    // 100.
    return std::clamp(100.0 * weighted(lead), 0.0, 100.0);
  }

  int route(const LeadView& lead, std::span<const RepView> reps) override {
    return router_.route(lead, reps);
  }
  ServiceLevel service_level() const override { return level_; }

 private:
  double weighted(const LeadView& lead) const {
    return budget_ * lead.budget + authority_ * lead.authority + need_ * lead.need +
           timing_ * lead.timing;
  }

  double budget_, authority_, need_, timing_;
  double threshold_;
  bool require_contact_;
  Router router_;
  ServiceLevel level_;
};

}  // namespace

TANDEM_PLUGIN(Bant, "1.1.0")
