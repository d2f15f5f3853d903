// The funnel of one replication, period by period: the class behind run_replication(),
// private to the engine. docs/model.md describes each mechanism in words; the comments say
// where each one lives.
//
// Its state is in parts that each own their data and are each built from the scenario
// alone (so they can be declared in any order):
//   FunnelStreams   every random stream (funnel_streams.hpp; made by run_replication())
//   Market          the accounts' fit and buying states (market.hpp)
//   Accounts        each account's segment and territory (accounts.hpp)
//   LeadPool        the leads, nurture, the lead policy (lead_pool.hpp)
//   SalesFloor      reps and SDRs, their queues, hours and beliefs (sales_floor.hpp)
//   DealBook        opportunities, customers, crediting (deal_book.hpp)
//   MarketingTeam   targeting, channel mix, enablement, channel tallies (marketing_team.hpp)
//   Payroll         pay plans, tallies, the ledger (payroll.hpp)
//   Counters        the company's counters, by the catalogue (counters.hpp)
// The methods, which move leads and deals between the parts, are defined by concern:
//   funnel.cpp           construction and the period loop
//   funnel_leads.cpp     leads arrive, are scored, become MQLs or go to nurture
//   funnel_work.cpp      reps and SDRs work their queues; the service level
//   funnel_adaptive.cpp  adaptive choices: deal timing, which leads, targeting, channel
//                        mix, enablement
//   funnel_deals.cpp     opportunities, crediting, decisions, cancellations
//   funnel_record.cpp    metrics each period, headlines at the end
#pragma once

#include "engine/accounts.hpp"
#include "engine/choice_rule.hpp"
#include "engine/counters.hpp"
#include "engine/crediting.hpp"
#include "engine/deal_book.hpp"
#include "engine/funnel_streams.hpp"
#include "engine/lead_pool.hpp"
#include "engine/market.hpp"
#include "engine/marketing_team.hpp"
#include "engine/payroll.hpp"
#include "engine/replication.hpp"
#include "engine/sales_floor.hpp"
#include "engine/work_week.hpp"
#include "model/results.hpp"
#include "model/scenario.hpp"
#include "plugins/registry.hpp"

#include <tandem/money.hpp>
#include <tandem/random.hpp>
#include <tandem/views.hpp>

#include <cstdint>
#include <vector>

namespace tandem {

class Funnel {
 public:
  // `streams` are the replication's (FunnelStreams(s, replication)).
  Funnel(const Scenario& s, const RunPlugins& plugins, FunnelStreams& streams,
         std::uint64_t replication);

  ReplicationResult run();

 private:
  // Workers are the reps, then the SDRs: worker w is agent marketers + w.
  int agent_of_rep(int w) const { return marketing_.marketers + w; }
  Tally& tally(int t, int agent) { return payroll_.tally(t, agent); }

  // --- Leads arrive (funnel_leads.cpp) ------------------------------------------------
  void new_inquiries(int t);
  std::uint32_t new_lead(std::uint32_t a, std::int16_t channel, double engagement, int t);
  float noisy(double truth);
  void draw_latent(std::uint32_t id);
  void touch(std::uint32_t id, double engagement, Stream& rng);
  LeadView view(std::uint32_t id, int t) const;
  void consider(std::uint32_t id, int t);
  void nurture_step(int t);

  // --- Reps work (funnel_work.cpp) ----------------------------------------------------
  void work(int r, int t);
  bool work_lead(std::uint32_t id, int r, int t, RepHours& used, double step);
  bool attempt(std::uint32_t id, int r, int t, double hour);
  bool breach(std::uint32_t id, int r, int t);
  void hand_over(int t);
  int most_hours_free(int except) const;
  void spend_spare_hours(int r, int t);
  void qualify(std::uint32_t id, int r, int t);
  void prospect(int r, int t);
  void enforce_service_level(int t);
  // Where lead `id` is on period t's working clock: when it arrived, 0 if before the period.
  double ready_clock(std::uint32_t id, int t) const {
    return week_.clock_at(pool_.leads.arrived_hour[id] - static_cast<double>(week_.start(t)));
  }

  // --- Adaptive choices (funnel_adaptive.cpp) -----------------------------------------
  void time_deals(int r, int t, double& hours, RepHours& used);
  DealTiming::Worth worth(int r, int t);
  void learn(int t);
  void rank_by_yield(int r, int t, std::vector<std::uint32_t>& queue);
  double choose_leads(int r, int t, double hours, const std::vector<std::uint32_t>& queue);
  // What rep r believes an attempt on lead `id` brings, judged at the start of period t:
  // by the hours it has waited by then (a lead yet to come in this period: none).
  double believed_yield(int r, std::uint32_t id, int t) const {
    const double waited =
        std::max(0.0, static_cast<double>(week_.start(t)) - pool_.leads.arrived_hour[id]);
    return floor_.yield.per_attempt(
        r, floor_.yield.cell(waited, pool_.leads.score[id], pool_.leads.channel[id]));
  }
  void choose_marketing(int t);
  // Adds a credited piece of lead `id`'s deal to its channel's tally, if it is the
  // piece of the marketer who runs that channel.
  void tally_channel(std::uint32_t id, const CreditPiece& piece, double ChannelTally::*field);

  // --- Deals (funnel_deals.cpp) -------------------------------------------------------
  void open_opportunity(std::uint32_t id, int r, int t);
  DealParties parties(std::uint32_t o) const;
  void credit(std::uint32_t o, int t, int cancelled_period);
  DealResult verdict(std::uint32_t o);
  void decide(std::uint32_t o, int t);
  void churn(int t);

  // --- Recording (funnel_record.cpp) --------------------------------------------------
  void record(int t);
  void start_measuring();
  void headlines();
  // Whole days from lead `id`'s first inquiry to the decision on its deal `o` in period t
  // (made at a working hour of the period).
  int days_to_close(std::uint32_t id, std::uint32_t o, int t) const;

  const Scenario& s_;
  std::uint64_t replication_;
  double days_;  // per period
  WorkWeek week_;
  bool adaptive_;
  ChoiceRule choice_;    // adaptive agents' choice rule
  TimePreference time_;  // and how they weigh pay that comes later
  FunnelStreams& streams_;
  Market market_;
  Accounts accounts_;
  LeadPool pool_;
  SalesFloor floor_;
  DealBook book_;
  MarketingTeam marketing_;
  Payroll payroll_;
  Counters counts_;
  ReplicationResult result_;
  // The worker working now (work()): do they choose which leads to work, and the least an
  // attempt must be believed to bring for them to make it.
  bool chooses_ = false;
  double worth_ = 0;
};

}  // namespace tandem
