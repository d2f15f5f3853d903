// What a rep believes each kind of work brings, for choosing which leads to work:
//   - the chance that an attempt on a routed lead opens an opportunity, by the hours the
//     lead has waited (work_week.hpp's bands: a rep sees when it came in), its score band
//     (five bands of 20 points of the lead score the CRM shows) and its channel;
//   - the opportunities an hour of their own prospecting opens;
//   - what an opportunity books when decided (won or not), and how many periods it takes
//     from opening to the decision.
// Rates are discounted counts: each period the counts so far are multiplied by
// (1 - behaviour.learning_rate) before the period's are added, and a rate is
// (opened + w x prior) / (tries + w), with w = behaviour.prior_weight outcomes' worth of
// the prior behaviour.prior_opportunity_rate. A band the rep never worked is believed at
// the prior; a well-worked one at what it brought lately. Bookings and cycle follow the
// same learning rate from deals.median_size x behaviour.prior_win_rate and
// deals.median_cycle_days.
#pragma once

#include "engine/work_week.hpp"
#include "model/scenario.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tandem {

class LeadYield {
 public:
  static constexpr int kBands = 5;

  LeadYield(const Scenario& s, int reps, double days_per_period);

  // The belief cell of a lead that has waited `hours_waited`: its wait band, score band
  // and channel (kProspected is not a cell).
  int cell(double hours_waited, double score, std::int16_t channel) const;

  // The chance rep r believes an attempt on a lead of `cell` opens an opportunity.
  double per_attempt(int r, int cell) const { return at(r, cell).rate(prior_, weight_); }
  // The opportunities rep r believes an hour of prospecting opens.
  double per_prospecting_hour(int r) const {
    return prospecting_[static_cast<std::size_t>(r)].rate(prior_, weight_) / prospect_hours_;
  }
  // What rep r believes an opportunity books, and the periods until it is decided.
  double per_opportunity(int r) const { return booked_[static_cast<std::size_t>(r)]; }
  double cycle_periods(int r) const { return cycle_[static_cast<std::size_t>(r)]; }

  // This period's outcomes, learned at its end.
  void attempted(int r, int cell, bool opened);
  void prospected(int r, int leads, int opened);
  void decided(int r, double booked, int periods_open);

  // The period ended: its counts join the discounted ones; then the team pools
  // `sharing` of the way toward its mean (see beliefs.hpp).
  void end_period(double sharing);

 private:
  struct Counts {
    double tries = 0, opened = 0;                // discounted, up to the last period
    std::int64_t new_tries = 0, new_opened = 0;  // this period
    double rate(double prior, double weight) const {
      return (opened + weight * prior) / (tries + weight);
    }
  };
  Counts& at(int r, int cell) {
    return cells_[static_cast<std::size_t>(r) * static_cast<std::size_t>(cells_per_rep_) +
                  static_cast<std::size_t>(cell)];
  }
  const Counts& at(int r, int cell) const {
    return cells_[static_cast<std::size_t>(r) * static_cast<std::size_t>(cells_per_rep_) +
                  static_cast<std::size_t>(cell)];
  }

  int reps_, channels_, cells_per_rep_;
  double prior_, weight_, learning_rate_, prospect_hours_;
  std::vector<Counts> cells_;        // [rep][wait band x score band x channel]
  std::vector<Counts> prospecting_;  // per rep: leads sourced, opportunities opened
  std::vector<double> booked_, cycle_;
};

}  // namespace tandem
