// A scenario after validation: every value typed, defaults filled in, overrides applied.
// Every floor reads only this; the YAML, its schema and its locations stay in config/
// (config/scenario.hpp loads one).
// Every field is a mechanism (a rate, a cost, a decay), never an outcome; docs/model.md
// explains each one, and config/scenario_schema.cpp declares them (with the same
// defaults) for validation, `--set` and the docs.
#pragma once

#include <tandem/errors.hpp>
#include <tandem/money.hpp>
#include <tandem/params.hpp>
#include <tandem/views.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace tandem {

// A plugin named by a scenario, with its validated parameters.
struct PluginChoice {
  std::string plugin;  // name, as `tandem plugins list` shows it
  Params params;       // validated against the plugin's declared schema
  Location where;      // of the `plugin:` key, for run-time errors
};

struct PayChoice : PluginChoice {
  PeriodKind period = PeriodKind::month;  // the pay period the plan is computed over
  // More plans paid on top of this one (a SPIFF, a bonus), each with its own period: a
  // role's pay is the sum of all of them, line by line in the ledger.
  std::vector<PayChoice> components;
};

enum class SimPeriod { week, month };

struct HorizonConfig {
  int periods = 104;
  SimPeriod period = SimPeriod::week;
  // Periods at the start left out of every headline and chart (the funnel starts empty).
  // 0 here, so a scenario built in code measures every period; a scenario read from YAML
  // without the key gets default_warmup_periods() (config/scenario.cpp).
  int warmup_periods = 0;
};

// The warm-up a scenario gets when it does not say: one calendar quarter (13 weeks or 3
// months, about two median sales cycles), but never more than a quarter of the horizon.
int default_warmup_periods(const HorizonConfig& horizon);

// The periods the headlines measure, as a reader counts them (from 1): "weeks 14-104".
std::string measured_periods_text(const HorizonConfig& horizon);

struct MarketConfig {
  int accounts = 4000;            // companies in the addressable market
  double fit_mean = 0.3;          // median ideal-customer fit, 0..1
  double fit_spread = 1.0;        // spread of fit across accounts (log-odds scale)
  int buying_group = 6;           // mean people in an account's buying group
  double research_rate = 0.01;    // P(dormant -> researching) per period
  double buy_rate = 0.10;         // P(researching -> buying) per period
  double drop_rate = 0.05;        // P(researching or buying -> dormant) per period
  double need_dormant = 0.05;     // P(real need | fit 1, account dormant)
  double need_researching = 0.4;  // P(real need | fit 1, account researching)
  double need_buying = 0.9;       // P(real need | fit 1, account buying)
  double authority_share = 0.3;   // share of people inquiring who can sign a purchase
  double demand = 1.0;  // inquiries every channel's budget buys, times this (a bad year < 1)
};

struct ChannelConfig {
  std::string name;
  Money budget_per_period;       // spend per simulation period
  Money cost_per_lead;           // spend per inquiry; inquiries = budget / cost, Poisson
  double in_market_share = 0.3;  // share of inquiries from researching/buying accounts
  double fit_tilt = 0.0;         // audience lean toward (+) or away from (-) high fit
  double engagement = 2.0;       // mean touches an inquiry has made
  double contact_share = 0.95;   // share of inquiries with usable contact details
};

// A customer segment (smb, enterprise, ...): accounts belong to one, in proportion to the
// weights, and a segment scales the size of the deals its accounts buy.
struct SegmentConfig {
  std::string name;
  double weight = 1.0;       // relative share of accounts
  double deal_size = 1.0;    // multiplies the deal size
  std::vector<double> reps;  // the territory: reps (1-based) owning its accounts; none: all
};

// A product the company sells: each opportunity is for one, in proportion to the weights.
struct ProductConfig {
  std::string name;
  double weight = 1.0;     // relative share of opportunities
  double deal_size = 1.0;  // multiplies the deal size
};

struct ScoringConfig {
  double fit_weight = 0.5;        // weight of observed fit in the score; rest: engagement
  double engagement_scale = 3.0;  // touches at which engagement reaches 63% of its weight
  double noise = 10.0;            // sd of the scoring model's error, score points
  double fit_noise = 0.1;         // sd of the error in observed firmographic fit
  double bant_noise = 0.25;       // sd of the error in each observed BANT signal
};

// Speed to lead: the chance of reaching a lead falls with the hours it waited for an
// attempt, to contact_rate x (floor + (1 - floor) x e^(-hours / decay_hours)). The defaults
// follow Oldroyd, McElheran & Elkington (2011): docs/model.md derives them.
struct SpeedToLeadConfig {
  double decay_hours = 0.702;  // hours for the fresh part of the chance to fall to 1/e
  double floor = 0.0167;       // share of the chance left however long the lead waited
};

struct FunnelConfig {
  double contact_rate = 0.7;  // P(reach) for a lead worked at once
  SpeedToLeadConfig speed_to_lead;
  double arrivals_in_working_hours = 0.6;  // share of inquiries arriving in working hours
  double qualify_sensitivity = 0.8;        // P(SQL | reached, real need)
  double qualify_false_positive = 0.1;     // P(SQL | reached, no real need)
  double sales_read_accuracy = 0.8;        // P(a rep reads a reached lead's need right)
  double sql_to_opportunity = 0.8;         // P(discovery meeting opens an opportunity)
  double nurture_return_rate = 0.03;       // P(recycled lead re-engages) per period
  int nurture_periods = 26;                // periods a lead stays in nurture before it is dropped
  double hours_per_attempt = 0.75;         // rep hours per contact attempt
  double hours_per_opportunity = 2.0;      // rep hours per open opportunity per period
};

struct DealConfig {
  Money median_size = Money::from_cents(2'400'000);  // median deal for an account of fit 0.5
  double size_spread = 0.6;                          // log-scale spread of deal size
  double median_cycle_days = 45;                     // median days from opportunity to decision
  double cycle_spread = 0.5;                         // log-scale spread of cycle length
  double consensus_share = 0.5;          // share of the buying group that must be convinced
  double convince_rate = 0.6;            // P(member convinced | real need, rep skill 1)
  double convince_rate_no_need = 0.1;    // P(member convinced | no real need)
  double win_rate_vs_competitor = 0.55;  // P(win | group decided to buy)
  // Pulling a deal: a rep asks the buying group to decide now, not at its close date,
  // offering one of these discount depths; asked m months early, the group agrees with
  // chance 1 - exp(-depth / (early_signing_discount x m)).
  std::vector<double> discount_depths{0.05, 0.10, 0.15, 0.20, 0.30};
  double early_signing_discount = 0.10;  // depth at which 63% agree to decide a month early
  double pull_window_days = 45;          // a rep can ask only when the close is this near
  double reschedule_hours = 3;           // rep hours asking a group to move its date takes
  double push_loss = 0.10;               // chance a buyer walks away when a close is delayed
  double churn_rate = 0.0;               // P(a new customer of fit 0.5 cancels) per period
  int churn_watch_periods = 52;          // periods after the win a cancellation is possible
};

// Who is credited with what: the shares a won deal (and an opportunity's pipeline) is
// split into. A pay plan receives the credited results; the rule lives here, once.
struct CreditingConfig {
  double sourced_share = 1.0;        // to the marketer whose channel brought the lead in
  double influenced_share = 0.0;     // split among marketers when nurture won back a
                                     // lead that sales sourced
  double account_owner_share = 0.0;  // to the rep owning the account when another rep won
  double team_share = 0.0;           // split equally among all reps (team credit)
  double sdr_share = 0.0;            // to the SDR who qualified the lead and set the meeting
};

struct MarketingConfig {
  int people = 4;
  // Targeting (chosen by adaptive marketers; standard in fixed mode): broad buys more
  // inquiries for the same budget from accounts of lower fit; tight, fewer of higher fit.
  double broad_volume = 1.5;     // inquiries per budget, times this
  double broad_fit_tilt = -1.0;  // added to each channel's fit tilt
  double tight_volume = 0.6;
  double tight_fit_tilt = 1.0;
  double enablement_hours = 6;             // adaptive: a marketer's hours on content, per period
  double enablement_convince_gain = 0.05;  // added P(buyer convinced) when all marketers did
  double mix_shift = 0.25;       // adaptive: share of other channels' budget a marketer may move
  std::vector<double> salaries;  // annual base salary per person; one value: everyone
  PayChoice pay;
};

struct SalesConfig {
  int people = 10;
  std::vector<double> salaries;           // annual base salary per person; one value: everyone
  double hours_per_period = 30;           // selling hours per rep per period
  double skill_spread = 0.2;              // log-scale spread of rep skill (median 1)
  double prospecting_hours_per_lead = 8;  // own-prospecting hours to source one lead
  double prospect_in_market_share = 0.2;  // share of prospected leads already in market
  double prospect_fit_tilt = 1.0;         // reps prospect toward high fit
  // When reps and SDRs work: the first `working_days` days of every 7 (a period starts on
  // the first working day), from `day_starts_at` o'clock for `working_hours_per_day` hours.
  int working_days = 5;
  int working_hours_per_day = 8;
  int day_starts_at = 9;
  PayChoice pay;
};

// Sales development reps: when there are any, they work the MQLs (reach, accept, qualify)
// and hand each opportunity to an account executive (a rep), who runs it to a decision.
struct SdrConfig {
  int people = 0;  // 0: reps work their own MQLs
  double hours_per_period = 30;
  std::vector<double> salaries;
  PayChoice pay;
};

enum class LeadOrder { oldest_first, newest_first, highest_score };

// How agents decide. `fixed`: the rules below. `adaptive`: marketers and reps also choose
// by valuing each choice through their own pay plans (engine/deal_timing.hpp and others).
enum class BehaviourMode { fixed, adaptive };

struct BehaviourConfig {
  BehaviourMode mode = BehaviourMode::fixed;
  LeadOrder lead_order = LeadOrder::oldest_first;
  bool prospecting = true;         // reps spend hours left over on their own prospecting
  double rationality = 2000;       // logit noise: an edge of pay-per-pay-period / this is odds e:1
  double status_quo_bias = 2.0;    // logit units in favour of carrying on as before
  double discount_per_year = 0.9;  // time preference: pay a year away is worth this much now
  double present_bias = 1.0;       // beta: pay in a later pay period is worth this share again
  double risk_aversion = 0.1;      // value less this x the standard deviation of the pay at stake
  double learning_rate = 0.1;      // how far a belief moves toward each new outcome
  double prior_win_rate = 0.3;     // the chance a rep believes an open deal is won, at first
  double belief_sharing = 0.0;     // each period, beliefs move this far to the team's mean
  double prior_opportunity_rate = 0.1;  // believed P(opportunity) per lead worked, at first
  double prior_weight = 20;             // outcomes the priors are worth against experience
  double effort_cost_per_hour = 10.0;   // what an hour of selling costs a rep, in pay terms
  double low_effort = 0.7;              // a low-effort period: this share of selling hours
  double high_effort = 1.2;             // a high-effort period: this share
};

struct Scenario {
  std::filesystem::path file;  // where it was read from
  std::string name;
  std::string description;
  std::uint64_t seed = 1;
  int replications = 100;
  HorizonConfig horizon;
  MarketConfig market;
  std::vector<ChannelConfig> channels;
  std::vector<SegmentConfig> segments;  // none: one unnamed segment
  std::vector<ProductConfig> products;  // none: one unnamed product
  ScoringConfig scoring;
  FunnelConfig funnel;
  DealConfig deals;
  CreditingConfig crediting;
  PluginChoice lead_policy;
  MarketingConfig marketing;
  SalesConfig sales;
  SdrConfig sdrs;
  BehaviourConfig behaviour;

  std::string resolved_yaml;  // the scenario as run: overrides applied, defaults filled in
  std::string hash;           // of resolved_yaml: "fnv1a64:<16 hex digits>"
};

// A team that is paid: its key in the scenario ("marketing", "sales", "sdrs"), its
// people's agent indices [first_agent, first_agent + people) and its pay.
struct PaidTeam {
  std::string key;
  int first_agent = 0;
  int people = 0;
  const PayChoice* pay = nullptr;
  const std::vector<double>* salaries = nullptr;
};

// The scenario's paid teams in agent order (marketers, reps, then SDRs if there are any):
// the one list payroll, the plugin manifest and the summary walk.
std::vector<PaidTeam> paid_teams(const Scenario& scenario);

}  // namespace tandem
