// The sales floor: the reps and SDRs (workers: the reps, then the SDRs), the leads routed
// to each and the opportunities each rep works, how each spent their hours, and what
// adaptive reps believe about their effort, their leads and their deals' timing.
#pragma once

#include "engine/behaviour.hpp"
#include "engine/deal_timing.hpp"
#include "engine/effort.hpp"
#include "engine/lead_yield.hpp"
#include "engine/wait_histogram.hpp"
#include "model/scenario.hpp"

#include <tandem/money.hpp>
#include <tandem/random.hpp>
#include <tandem/views.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace tandem {

// How a worker spent one period.
struct RepHours {
  double leads = 0, opportunities = 0, prospecting = 0;
  std::int64_t attempts = 0, ignored = 0;  // attempts made; leads left unworked by choice
  double available = 0;                    // selling hours this period (after the effort chosen)
  double left = 0;   // not yet spent: what prospecting, or a lead handed over, can use
  double clock = 0;  // the working clock (work_week.hpp) where their lead work got to
  // Adaptive deal timing: deals pulled in (the group agreed to decide early), the depth
  // offered summed over them, deals pushed out; the share of selling hours put in.
  std::int64_t pulled = 0, pushed = 0;
  double depth_sum = 0, effort = 1;
  Money discount;  // given on pulled deals won this period
};

struct SalesFloor {
  SalesFloor(const Scenario& s, double days_per_period, Stream& skill_stream)
      : reps(s.sales.people),
        sdrs(s.sdrs.people),
        rep_hours(s.sales.hours_per_period),
        sdr_hours(s.sdrs.hours_per_period),
        behaviour(make_behaviour(s.behaviour)),
        queues(static_cast<std::size_t>(s.sales.people + s.sdrs.people)),
        rep_opps(static_cast<std::size_t>(s.sales.people)),
        prospect_hours(static_cast<std::size_t>(s.sales.people), 0.0),
        hours(static_cast<std::size_t>(s.sales.people + s.sdrs.people)),
        effort(s, s.sales.people),
        yield(s, s.sales.people, days_per_period),
        timing(s, s.sales.people, days_per_period) {
    for (int r = 0; r < reps; ++r)
      skill.push_back(skill_stream.lognormal(1.0, s.sales.skill_spread));
  }

  int workers() const { return reps + sdrs; }
  bool is_sdr(int w) const { return w >= reps; }
  double hours_per_period(int w) const { return is_sdr(w) ? sdr_hours : rep_hours; }
  // Worker w's open opportunities: an SDR hands its over, so has none.
  std::vector<std::uint32_t>& opportunities_of(int w) {
    return is_sdr(w) ? no_opps : rep_opps[static_cast<std::size_t>(w)];
  }
  // The rep with the fewest open opportunities (the first of them on a tie).
  int least_busy_rep() const {
    int best = 0;
    for (int e = 1; e < reps; ++e)
      if (rep_opps[static_cast<std::size_t>(e)].size() <
          rep_opps[static_cast<std::size_t>(best)].size())
        best = e;
    return best;
  }
  std::size_t open_opportunities() const {
    std::size_t n = 0;
    for (const auto& o : rep_opps) n += o.size();
    return n;
  }
  std::size_t leads_waiting() const {
    std::size_t n = 0;
    for (const auto& q : queues) n += q.size();
    return n;
  }

  int reps, sdrs;
  double rep_hours, sdr_hours;  // selling hours per period
  std::unique_ptr<RepBehaviour> behaviour;
  std::vector<double> skill;                         // per rep
  std::vector<std::vector<std::uint32_t>> queues;    // per worker: MQLs routed, not yet reached
  std::vector<std::vector<std::uint32_t>> rep_opps;  // per rep: open opportunities
  std::vector<double> prospect_hours;                // per rep: hours toward the next prospect
  std::vector<RepHours> hours;                       // per worker: this period
  std::vector<std::uint32_t> no_opps;                // an SDR's opportunities: always none
  std::uint64_t next_route = 0;                      // the sequence of routings
  // Adaptive reps' beliefs.
  Effort effort;
  LeadYield yield;
  DealTiming timing;
  // The run so far.
  std::int64_t attempts_total = 0;
  std::int64_t mqls_ignored = 0;  // MQLs recycled untouched after a rep chose not to work them
  double hours_on_leads = 0, hours_on_opportunities = 0, hours_available = 0, hours_worked = 0;
  double value_lost_sum = 0;       // contact chance lost to waiting, summed over attempts
  WaitHistogram first_touch_wait;  // whole hours from MQL to the first attempt
  // Speed to lead: MQLs first touched in each wait band, and how many of them became SQLs.
  std::array<std::int64_t, kWaitBands> first_touches{}, sqls_by_wait{};
  std::vector<std::uint32_t> handed_over;  // breached leads to reassign after this period's work
  // Scratch lists kept between periods, so the period loop does not allocate.
  std::vector<RepView> rep_views;                        // routing
  std::vector<std::uint32_t> scratch;                    // work(): the service level's order
  std::vector<std::uint32_t> deferred;                   // work(): leads not yet arrived
  std::vector<std::pair<double, std::uint32_t>> ranked;  // rank_by_yield()
  std::vector<double> worth, thresholds, option_values;  // choose_leads()
};

}  // namespace tandem
