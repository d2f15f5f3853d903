// The funnel of one replication, period by period: the class behind run_replication(),
// private to the engine. docs/model.md describes each mechanism in words; the comments say
// where each one lives. Its methods are defined by concern:
//   funnel.cpp           construction and the period loop
//   funnel_leads.cpp     leads arrive, are scored, become MQLs or go to nurture
//   funnel_work.cpp      reps and SDRs work their queues; the service level
//   funnel_adaptive.cpp  adaptive choices: deal timing, effort, which leads, targeting,
//                        channel mix
//   funnel_deals.cpp     opportunities, crediting, decisions, cancellations
//   funnel_record.cpp    metrics each period, headlines at the end
#pragma once

#include "engine/behaviour.hpp"
#include "engine/channel_mix.hpp"
#include "engine/counters.hpp"
#include "engine/crediting.hpp"
#include "engine/deal_timing.hpp"
#include "engine/effort.hpp"
#include "engine/enablement.hpp"
#include "engine/lead_yield.hpp"
#include "engine/leads.hpp"
#include "engine/market.hpp"
#include "engine/metrics.hpp"
#include "engine/payroll.hpp"
#include "engine/replication.hpp"
#include "engine/separation.hpp"
#include "engine/targeting.hpp"
#include "engine/territories.hpp"
#include "engine/wait_histogram.hpp"
#include "model/results.hpp"
#include "model/scenario.hpp"
#include "plugins/registry.hpp"

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

class Funnel {
 public:
  Funnel(const Scenario& s, const RunPlugins& plugins, std::uint64_t replication);

  ReplicationResult run();

 private:
  // What a channel brought its marketer this period: what channel mix choices learn from.
  struct ChannelTally {
    double spend = 0, inquiries = 0, mqls = 0, pipeline = 0, revenue = 0;
  };
  struct RepHours {
    double leads = 0, opportunities = 0, prospecting = 0;
    std::int64_t attempts = 0, ignored = 0;  // attempts made; leads left unworked by choice
  };

  Stream stream(std::uint64_t id) const { return Stream(seed_, rep_no_, id); }
  // Workers are the reps, then the SDRs: worker w is agent marketers + w.
  int agent_of_rep(int w) const { return marketers_ + w; }
  bool is_sdr(int w) const { return w >= reps_; }
  Money size_of(std::uint32_t o) const { return Money::from_cents(opps_.size_cents[o]); }
  Tally& tally(int t, int agent) { return payroll_.tally(t, agent); }

  // --- Leads arrive (funnel_leads.cpp) ------------------------------------------------
  void new_inquiries(int t);
  std::uint32_t new_lead(std::uint32_t a, std::int16_t channel, double engagement, int t);
  float noisy(double truth);
  void draw_latent(std::uint32_t id);
  void touch(std::uint32_t id, double engagement, Stream& rng);
  LeadView view(std::uint32_t id, int t) const;
  void consider(std::uint32_t id, int t);
  void leave_account(std::uint32_t id);
  bool past_deadline(std::uint32_t id, int t) const;
  void to_nurture(std::uint32_t id, int t);
  void nurture_step(int t);

  // --- Reps work (funnel_work.cpp) ----------------------------------------------------
  void work(int r, int t);
  bool attempt(std::uint32_t id, int r, int t, double clock);
  void qualify(std::uint32_t id, int r, int t);
  void prospect(int r, int t);
  void enforce_service_level(int t);

  // --- Adaptive choices (funnel_adaptive.cpp) -----------------------------------------
  void pull_deals(int r, int t, double& hours, RepHours& used);
  PayOutlook outlook(int r, int t);
  void learn(int t);
  void rank_by_yield(int r, std::vector<std::uint32_t>& queue);
  double choose_leads(int r, int t, double hours, const std::vector<std::uint32_t>& queue);
  double believed_yield(int r, std::uint32_t id) const {
    return yield_.per_attempt(r, yield_.cell(leads_.score[id], leads_.channel[id]));
  }
  void choose_marketing(int t);
  // Adds a credited piece of lead `id`'s deal to its channel's tally, if it is the
  // piece of the marketer who runs that channel.
  void tally_channel(std::uint32_t id, const CreditPiece& piece, double ChannelTally::*field);

  // --- Deals (funnel_deals.cpp) -------------------------------------------------------
  void open_opportunity(std::uint32_t id, int r, int t);
  DealParties parties(std::uint32_t o) const;
  void credit(std::uint32_t o, int t, int cancelled_period);
  void decide(std::uint32_t o, int t);
  void churn(int t);

  // --- Recording (funnel_record.cpp) --------------------------------------------------
  void record(int t);
  void headlines();

  // Members are initialized in the order declared here, and some initializers below read
  // earlier members (s_, marketers_, reps_, sdrs_; territories_ keeps segment_'s address):
  // keep the order.
  const Scenario& s_;
  std::uint64_t seed_, rep_no_;
  double days_;
  Stream market_stream_, lead_stream_, contact_stream_, deal_stream_, nurture_stream_,
      prospect_stream_, policy_stream_, pay_stream_, product_stream_, churn_stream_, signal_stream_,
      read_stream_, choice_stream_;
  std::vector<Stream> channel_streams_;
  Market market_;
  GuardedLeadPolicy policy_;
  ServiceLevel service_;
  std::unique_ptr<RepBehaviour> behaviour_;
  Payroll payroll_;
  int marketers_, reps_, sdrs_;
  Crediting crediting_;
  Territories territories_{s_, segment_};
  bool works_accounts_ = false;
  std::vector<std::int32_t> account_lead_;      // per account: its lead in play, or -1
  std::vector<std::uint8_t> ever_mql_account_;  // per account: ever had an MQL
  std::int64_t mql_accounts_ = 0;
  std::vector<RepView> rep_views_;  // reused by consider(): no allocation per lead
  Separation separation_;
  Targeting targeting_{s_, marketers_};
  ChannelMix mix_{s_, marketers_};
  Enablement enablement_{s_, marketers_};
  std::int64_t enablement_periods_ = 0;  // marketer-periods spent on enablement content
  std::vector<ChannelTally> channel_tally_ = std::vector<ChannelTally>(s_.channels.size());
  std::vector<double> channel_spend_ = std::vector<double>(s_.channels.size());  // whole run
  Effort effort_{s_, reps_};
  LeadYield yield_{s_, reps_, days_};
  std::vector<std::pair<double, std::uint32_t>> ranked_;    // reused by rank_by_yield()
  std::vector<double> worth_, thresholds_, option_values_;  // reused by choose_leads()
  std::array<std::int64_t, 3> targeting_periods_{};         // marketer-periods at each level
  double mql_quality_sum_ = 0;                              // latent quality summed over MQLs
  bool adaptive_ = s_.behaviour.mode == BehaviourMode::adaptive;
  DealTiming timing_{s_, reps_};
  std::vector<std::uint8_t> quarter_end_month_;  // per period: in a quarter's last month
  std::vector<CreditPiece> pieces_;              // reused by credit(): no allocation per deal
  std::vector<double> product_weights_;
  std::vector<std::uint8_t> segment_;     // per account: index into the scenario's segments
  std::vector<std::uint32_t> customers_;  // won deals in their first term (cancellable)
  std::vector<double> skill_;
  LeadTable leads_;
  OpportunityTable opps_;
  std::vector<std::uint32_t> nurture_;
  std::vector<std::uint32_t> scratch_;                // reused by work() each period
  std::vector<std::vector<std::uint32_t>> queues_;    // per rep: MQLs routed, not yet reached
  std::vector<std::vector<std::uint32_t>> rep_opps_;  // per rep: open opportunities
  std::vector<double> prospect_hours_;                // per rep: hours toward the next prospect
  std::vector<RepHours> hours_ = std::vector<RepHours>(static_cast<std::size_t>(reps_ + sdrs_));
  std::vector<std::uint32_t> no_opps_;  // an SDR's opportunities: always none
  Counters counts_;
  std::int64_t mql_won_ = 0, attempts_total_ = 0;
  std::int64_t mqls_ignored_ = 0;  // MQLs recycled untouched after a rep chose not to work them
  double hours_on_leads_ = 0, hours_on_opportunities_ = 0, hours_available_ = 0, hours_worked_ = 0;
  double value_lost_sum_ = 0;
  std::uint64_t next_serial_ = 0, next_route_ = 0;
  std::int64_t mql_leads_ = 0, touched_leads_ = 0;  // leads ever MQL; those ever worked
  WaitHistogram close_wait_;                        // periods from first inquiry to won
  WaitHistogram first_touch_wait_;                  // whole hours from MQL to the first attempt
  ReplicationResult result_;
  Recorder recorder_;
};

}  // namespace tandem
