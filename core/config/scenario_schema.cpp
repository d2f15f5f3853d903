#include "config/scenario_schema.hpp"

#include "config/scenario.hpp"
#include "config/scenario_enums.hpp"

namespace tandem::config {

namespace {

// Shorthands for the constraints most keys share.
Constraint probability() {
  return in_range(0, 1).with_unit("probability");
}
Constraint share() {
  return in_range(0, 1).with_unit("share");
}
Constraint tilt() {
  return in_range(-5, 5).with_unit("log-odds");
}
Constraint spread() {
  return in_range(0, 5).with_unit("log scale");
}
Constraint above_to(double lo, double hi, std::string unit) {
  return Constraint{lo, hi, true, false, {}, std::move(unit)};
}

Section map_section(Schema schema, bool required = false) {
  Section s;
  s.schema = std::move(schema);
  s.required = required;
  return s;
}

// A plugin slot: `plugin` names it, `params` are checked against the plugin's own schema.
Section lead_policy_slot() {
  Section s =
      map_section(Schema("lead_policy",
                         "The lead definition: which inquiries become MQLs, what sales "
                         "accepts, follow-up service level.")
                      .required<std::string>(
                          "plugin", "Lead policy plugin, by name (see `tandem plugins list`)."),
                  true);
  s.plugin = PluginKind::lead_policy;
  return s;
}

// A pay slot: a plugin slot plus the pay period the plan is computed over.
Section pay_slot(const std::string& who) {
  const PayChoice d;
  Section s = map_section(
      Schema("pay", "How " + who + " are paid: a pay plan plugin and its parameters.")
          .required<std::string>("plugin", "Pay plan plugin, by name (see `tandem plugins list`).")
          .param<std::string>("period", to_text(d.period), "Pay period the plan is computed over.",
                              one_of(pay_period_words())),
      true);
  s.plugin = PluginKind::pay_plan;
  return s;
}

Section build() {
  const Scenario top;
  Section root = map_section(
      Schema("", "A scenario: the market, the channels, the lead definition and the pay plans.")
          .required<std::int64_t>(
              "tandem",
              "Scenario format version; this Tandem reads " + std::to_string(kScenarioFormat) + ".",
              in_range(kScenarioFormat, kScenarioFormat))
          .required<std::string>("name", "Short name of the scenario, shown in reports.")
          .param<std::string>("description", top.description,
                              "What the scenario shows, in a sentence or two.")
          .param<std::int64_t>("seed", top.seed,
                               "Seed of every random stream: the same seed gives the same results.",
                               at_least(0))
          .param<std::int64_t>("replications", top.replications, "Monte Carlo replications to run.",
                               in_range(1, 100000)),
      true);

  const HorizonConfig h;
  root.sections.push_back(map_section(
      Schema("horizon", "How long the simulation runs.")
          .param<std::int64_t>("periods", h.periods, "Simulation periods to run.",
                               in_range(1, 5200).with_unit("periods"))
          .param<std::string>("period", to_text(h.period), "Length of one simulation period.",
                              one_of(sim_period_words()))));

  const MarketConfig m;
  root.sections.push_back(map_section(
      Schema("market", "The accounts (companies) that could buy, and how their need moves.")
          .param<std::int64_t>("accounts", m.accounts, "Companies in the addressable market.",
                               in_range(1, 10'000'000).with_unit("accounts"))
          .param<double>("fit_mean", m.fit_mean, "Median ideal-customer fit of an account.",
                         Constraint{0.0, 1.0, true, true, {}, "fit"})
          .param<double>("fit_spread", m.fit_spread,
                         "Spread of fit across accounts, on the log-odds scale.",
                         in_range(0, 10).with_unit("log-odds"))
          .param<std::int64_t>("buying_group", m.buying_group,
                               "Mean people in an account's buying group.",
                               in_range(1, 50).with_unit("people"))
          .param<double>("research_rate", m.research_rate,
                         "Chance per period a dormant account starts researching.", probability())
          .param<double>("buy_rate", m.buy_rate,
                         "Chance per period a researching account starts buying.", probability())
          .param<double>("drop_rate", m.drop_rate,
                         "Chance per period a researching or buying account goes dormant.",
                         probability())
          .param<double>("need_dormant", m.need_dormant,
                         "Chance a dormant account of fit 1 has a real need.", probability())
          .param<double>("need_researching", m.need_researching,
                         "Chance a researching account of fit 1 has a real need.", probability())
          .param<double>("need_buying", m.need_buying,
                         "Chance a buying account of fit 1 has a real need.", probability())));

  const ChannelConfig c;
  Section channels = map_section(
      Schema("channels", "Where inquiries come from: each channel turns budget into leads.")
          .required<std::string>("name", "Channel name, unique (paid_search, events, ...).")
          .required<Money>("budget_per_period", "Spend per simulation period.",
                           in_range(0, 100'000'000).with_unit("currency per period"))
          .required<Money>("cost_per_lead",
                           "Spend per inquiry; inquiries per period = budget / cost, Poisson.",
                           above_to(0, 1'000'000, "currency per inquiry"))
          .param<double>("in_market_share", c.in_market_share,
                         "Share of inquiries from researching or buying accounts.", share())
          .param<double>("fit_tilt", c.fit_tilt,
                         "Audience lean toward (+) or away from (-) high-fit accounts.", tilt())
          .param<double>("engagement", c.engagement, "Mean touches an inquiry has made.",
                         in_range(0, 100).with_unit("touches")),
      true);
  channels.list = true;
  root.sections.push_back(std::move(channels));

  const ScoringConfig s;
  root.sections.push_back(map_section(
      Schema("scoring", "The lead score policies see: observed fit and engagement, with error.")
          .param<double>("fit_weight", s.fit_weight,
                         "Weight of observed fit in the score; the rest is engagement.", share())
          .param<double>("engagement_scale", s.engagement_scale,
                         "Touches at which engagement reaches 63% of its weight.",
                         above_to(0, 100, "touches"))
          .param<double>("noise", s.noise, "Standard deviation of the score's error.",
                         in_range(0, 100).with_unit("score points"))
          .param<double>("fit_noise", s.fit_noise,
                         "Standard deviation of the error in observed firmographic fit.",
                         in_range(0, 1).with_unit("fit"))));

  const FunnelConfig f;
  root.sections.push_back(map_section(
      Schema("funnel", "How leads move from inquiry to opportunity, and what working them costs.")
          .param<double>("contact_rate", f.contact_rate,
                         "Chance of reaching a lead worked at once.", probability())
          .param<double>("decay_per_day", f.decay_per_day,
                         "Speed to lead: contact chance lost per day a lead waits.",
                         in_range(0, 1).with_unit("share per day"))
          .param<std::int64_t>("max_attempts", f.max_attempts,
                               "Contact attempts before a lead is recycled.",
                               in_range(1, 20).with_unit("attempts"))
          .param<double>("qualify_sensitivity", f.qualify_sensitivity,
                         "Chance a reached lead with a real need qualifies (SQL).", probability())
          .param<double>("qualify_false_positive", f.qualify_false_positive,
                         "Chance a reached lead without a real need qualifies (SQL).",
                         probability())
          .param<double>("sql_to_opportunity", f.sql_to_opportunity,
                         "Chance a discovery meeting opens an opportunity.", probability())
          .param<double>("nurture_return_rate", f.nurture_return_rate,
                         "Chance per period a recycled lead engages again.", probability())
          .param<double>("hours_per_attempt", f.hours_per_attempt, "Rep hours per contact attempt.",
                         in_range(0, 40).with_unit("hours"))
          .param<double>("hours_per_opportunity", f.hours_per_opportunity,
                         "Rep hours per open opportunity per period.",
                         in_range(0, 744).with_unit("hours per period"))));

  const DealConfig d;
  root.sections.push_back(map_section(
      Schema("deals", "Opportunities: their size, their cycle and how the buying group decides.")
          .param<Money>("median_size", d.median_size, "Median deal for an account of fit 0.5.",
                        above_to(0, 1'000'000'000, "currency"))
          .param<double>("size_spread", d.size_spread, "Log-scale spread of deal size.", spread())
          .param<double>("median_cycle_days", d.median_cycle_days,
                         "Median days from opportunity to decision.", above_to(0, 3650, "days"))
          .param<double>("cycle_spread", d.cycle_spread, "Log-scale spread of cycle length.",
                         spread())
          .param<double>("consensus_share", d.consensus_share,
                         "Share of the buying group that must be convinced to buy.", share())
          .param<double>("convince_rate", d.convince_rate,
                         "Chance a member with a real need is convinced by a rep of skill 1.",
                         probability())
          .param<double>("convince_rate_no_need", d.convince_rate_no_need,
                         "Chance a member without a real need is convinced.", probability())
          .param<double>("win_rate_vs_competitor", d.win_rate_vs_competitor,
                         "Chance of winning once the group has decided to buy.", probability())));

  root.sections.push_back(lead_policy_slot());

  const MarketingConfig mk;
  Section marketing =
      map_section(Schema("marketing", "The marketing team and its pay.")
                      .param<std::int64_t>("people", mk.people, "Marketers on the team.",
                                           in_range(1, 1000).with_unit("people")));
  marketing.sections.push_back(pay_slot("marketers"));
  root.sections.push_back(std::move(marketing));

  const SalesConfig sa;
  Section sales = map_section(
      Schema("sales", "The sales team, its time and its pay.")
          .param<std::int64_t>("people", sa.people, "Sales reps on the team.",
                               in_range(1, 10000).with_unit("people"))
          .param<double>("hours_per_period", sa.hours_per_period,
                         "Selling hours per rep per period.", above_to(0, 744, "hours per period"))
          .param<double>("skill_spread", sa.skill_spread,
                         "Log-scale spread of rep skill around a median of 1.", spread())
          .param<double>("prospecting_hours_per_lead", sa.prospecting_hours_per_lead,
                         "Own-prospecting hours to source one lead.", above_to(0, 1000, "hours"))
          .param<double>("prospect_in_market_share", sa.prospect_in_market_share,
                         "Share of prospected leads already in market.", share())
          .param<double>("prospect_fit_tilt", sa.prospect_fit_tilt,
                         "Lean of reps' prospecting toward (+) high-fit accounts.", tilt()));
  sales.sections.push_back(pay_slot("sales reps"));
  root.sections.push_back(std::move(sales));

  const BehaviourConfig b;
  root.sections.push_back(map_section(
      Schema("behaviour", "How agents decide what to do each period.")
          .param<std::string>("mode", b.mode, "Decision mode; only fixed rules for now.",
                              one_of({"fixed"}))
          .param<std::string>("lead_order", to_text(b.lead_order),
                              "Order in which reps work their routed leads.",
                              one_of(lead_order_words()))
          .param<bool>("prospecting", b.prospecting,
                       "Whether reps spend hours left over on their own prospecting.")));
  return root;
}

}  // namespace

const Section* Section::find(const std::string& key) const {
  for (const auto& s : sections)
    if (s.key() == key) return &s;
  return nullptr;
}

std::vector<std::string> Section::section_keys() const {
  std::vector<std::string> keys;
  for (const auto& s : sections) keys.push_back(s.key());
  if (plugin) keys.push_back("params");
  return keys;
}

const Section& scenario_schema() {
  static const Section root = build();
  return root;
}

}  // namespace tandem::config
