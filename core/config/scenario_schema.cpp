#include "config/scenario_schema.hpp"

#include "config/checked_tree.hpp"

#include "model/scenario.hpp"
#include "model/scenario_words.hpp"

#include <string_view>
#include <type_traits>

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
  return in_range(lo, hi).excluding_min().with_unit(std::move(unit));
}

Section map_section(Schema schema, bool required = false) {
  Section s;
  s.schema = std::move(schema);
  s.required = required;
  return s;
}

template <class E>
std::vector<std::string> words() {
  if constexpr (std::is_same_v<E, SimPeriod>)
    return sim_period_words();
  else if constexpr (std::is_same_v<E, PeriodKind>)
    return pay_period_words();
  else if constexpr (std::is_same_v<E, LeadOrder>)
    return lead_order_words();
  else
    return behaviour_mode_words();
}
template <class E>
E from_text(std::string_view word) {
  if constexpr (std::is_same_v<E, SimPeriod>)
    return sim_period_from(word);
  else if constexpr (std::is_same_v<E, PeriodKind>)
    return pay_period_from(word);
  else if constexpr (std::is_same_v<E, LeadOrder>)
    return lead_order_from(word);
  else
    return behaviour_mode_from(word);
}

// A section's keys declared with the struct fields they fill: each line adds the schema
// entry (its default read from the struct's own) and the copy of the checked value into
// the field. Enum fields are text keys whose choices are the enum's words.
template <class Config>
class Fields {
 public:
  explicit Fields(Schema schema) : schema_(std::move(schema)) {}

  template <class T>
  Fields& field(const std::string& name, T Config::*member, std::string doc,
                Constraint allowed = {}) {
    const Config defaults{};
    if constexpr (std::is_enum_v<T>) {
      schema_.param<std::string>(name, to_text(defaults.*member), std::move(doc),
                                 one_of(words<T>()));
      copies_.push_back([name, member](const Params& p, Config& c) {
        c.*member = from_text<T>(p.get<std::string>(name));
      });
    } else {
      schema_.param<T>(name, defaults.*member, std::move(doc), std::move(allowed));
      copies_.push_back(copy(name, member));
    }
    return *this;
  }

  // A key whose default is not the struct's own: one worked out from other keys when the
  // file leaves it out (config/scenario.cpp), shown here as its value for the defaults.
  template <class T>
  Fields& field_defaulted(const std::string& name, T Config::*member, T shown_default,
                          std::string doc, Constraint allowed = {}) {
    schema_.param<T>(name, shown_default, std::move(doc), std::move(allowed));
    copies_.push_back(copy(name, member));
    return *this;
  }

  template <class T>
  Fields& required(const std::string& name, T Config::*member, std::string doc,
                   Constraint allowed = {}) {
    schema_.required<T>(name, std::move(doc), std::move(allowed));
    copies_.push_back(copy(name, member));
    return *this;
  }

  // The section whose values land in the part of the Scenario that `part` picks. Ends
  // the builder: its schema and copies move into the section.
  template <class Part>
  Section into(Part part, bool required = false) {
    Section s = map_section(std::move(schema_), required);
    s.fill = [copies = std::move(copies_), part](const CheckedSection& checked, Scenario& sc) {
      Config& target = part(sc);
      for (const auto& c : copies) c(checked.params, target);
    };
    return s;
  }

  // A list section: each item becomes one Config appended to `Scenario::*list`.
  Section into_list(std::vector<Config> Scenario::*list, bool required = true) {
    Section s = map_section(std::move(schema_), required);
    s.list = true;
    s.fill = [copies = std::move(copies_), list](const CheckedSection& item, Scenario& sc) {
      Config c;
      for (const auto& copy_one : copies) copy_one(item.params, c);
      (sc.*list).push_back(std::move(c));
    };
    return s;
  }

 private:
  using Copy = std::function<void(const Params&, Config&)>;
  template <class T>
  static Copy copy(const std::string& name, T Config::*member) {
    return [name, member](const Params& p, Config& c) { c.*member = p.get<T>(name); };
  }

  Schema schema_;
  std::vector<Copy> copies_;
};

// Picks a part of the scenario for Fields::into.
template <class Config>
auto part(Config Scenario::*member) {
  return [member](Scenario& s) -> Config& { return s.*member; };
}

// A list of named kinds of deal (segments, products): each a name, a relative weight and a
// factor on the size of its deals.
template <class Config>
Fields<Config> weighted_kinds(Schema schema, const std::string& kind, const std::string& of) {
  return Fields<Config>(std::move(schema))
      .required("name", &Config::name, "The " + kind + "'s name, unique.")
      .field("weight", &Config::weight,
             "Relative share of " + of + " that are of this " + kind + ".",
             above_to(0, 1e6, "weight"))
      .field("deal_size", &Config::deal_size, "Multiplies the size of the " + kind + "'s deals.",
             above_to(0, 1000, "factor"));
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
  s.fill = [](const CheckedSection& c, Scenario& sc) {
    sc.lead_policy = {c.plugin->name(), c.plugin_params, c.plugin_where};
  };
  return s;
}

// A pay slot: a plugin slot plus the pay period the plan is computed over, and the
// optional `components`, more pay slots (without components of their own) paid on top.
Section pay_slot(const std::string& who, PayChoice& (*choice)(Scenario&), bool required = true) {
  const auto slot = [&](const std::string& key, const std::string& doc, bool required) {
    const PayChoice d;
    Section s =
        map_section(Schema(key, doc)
                        .required<std::string>(
                            "plugin", "Pay plan plugin, by name (see `tandem plugins list`).")
                        .param<std::string>("period", to_text(d.period),
                                            "Pay period the plan is computed over.",
                                            one_of(pay_period_words())),
                    required);
    s.plugin = PluginKind::pay_plan;
    return s;
  };
  const auto read = [](const CheckedSection& c, PayChoice& pay) {
    if (!c.plugin) return;  // an optional slot left out
    static_cast<PluginChoice&>(pay) = {c.plugin->name(), c.plugin_params, c.plugin_where};
    pay.period = pay_period_from(c.params.get<std::string>("period"));
  };
  Section s =
      slot("pay", "How " + who + " are paid: a pay plan plugin and its parameters.", required);
  s.fill = [choice, read](const CheckedSection& c, Scenario& sc) { read(c, choice(sc)); };
  Section components = slot(
      "components", "More pay plans paid on top of this one, each with its own period.", false);
  components.list = true;
  components.fill = [choice, read](const CheckedSection& item, Scenario& sc) {
    read(item, choice(sc).components.emplace_back());
  };
  s.sections.push_back(std::move(components));
  return s;
}

}  // namespace

Schema file_schema(const std::string& doc) {
  Schema s("", doc);
  s.required<std::int64_t>(
      "tandem", "File format version; this Tandem reads " + std::to_string(kScenarioFormat) + ".",
      in_range(kScenarioFormat, kScenarioFormat));
  return s;
}

namespace {

Section build() {
  Section root =
      Fields<Scenario>(
          file_schema(
              "A scenario: the market, the channels, the lead definition and the pay plans."))
          .required("name", &Scenario::name, "Short name of the scenario, shown in reports.")
          .field("description", &Scenario::description,
                 "What the scenario shows, in a sentence or two.")
          .field("seed", &Scenario::seed,
                 "Seed of every random stream: the same seed gives the same results.", at_least(0))
          .field("replications", &Scenario::replications, "Monte Carlo replications to run.",
                 in_range(1, 100000))
          .into([](Scenario& s) -> Scenario& { return s; }, true);

  root.sections.push_back(
      Fields<HorizonConfig>(Schema("horizon", "How long the simulation runs."))
          .field("periods", &HorizonConfig::periods, "Simulation periods to run.",
                 in_range(1, 5200).with_unit("periods"))
          .field("period", &HorizonConfig::period, "Length of one simulation period.")
          .field_defaulted("warmup_periods", &HorizonConfig::warmup_periods,
                           default_warmup_periods(HorizonConfig{}),
                           "Periods at the start left out of every headline figure and chart "
                           "(the funnel starts empty); metrics.csv and ledger.csv keep them. "
                           "Default: one quarter (13 weeks or 3 months), at most a quarter of "
                           "the periods. Must be below `periods`.",
                           at_least(0).with_unit("periods"))
          .into(part(&Scenario::horizon)));

  root.sections.push_back(
      Fields<MarketConfig>(
          Schema("market", "The accounts (companies) that could buy, and how their need moves."))
          .field("accounts", &MarketConfig::accounts, "Companies in the addressable market.",
                 in_range(1, 10'000'000).with_unit("accounts"))
          .field("fit_mean", &MarketConfig::fit_mean, "Median ideal-customer fit of an account.",
                 in_range(0.0, 1.0).excluding_min().excluding_max().with_unit("fit"))
          .field("fit_spread", &MarketConfig::fit_spread,
                 "Spread of fit across accounts, on the log-odds scale.",
                 in_range(0, 10).with_unit("log-odds"))
          .field("buying_group", &MarketConfig::buying_group,
                 "Mean people in an account's buying group.", in_range(1, 50).with_unit("people"))
          .field("research_rate", &MarketConfig::research_rate,
                 "Chance per period a dormant account starts researching.", probability())
          .field("buy_rate", &MarketConfig::buy_rate,
                 "Chance per period a researching account starts buying.", probability())
          .field("drop_rate", &MarketConfig::drop_rate,
                 "Chance per period a researching or buying account goes dormant.", probability())
          .field("need_dormant", &MarketConfig::need_dormant,
                 "Chance a dormant account of fit 1 has a real need.", probability())
          .field("need_researching", &MarketConfig::need_researching,
                 "Chance a researching account of fit 1 has a real need.", probability())
          .field("need_buying", &MarketConfig::need_buying,
                 "Chance a buying account of fit 1 has a real need.", probability())
          .field("authority_share", &MarketConfig::authority_share,
                 "Share of people inquiring who can sign a purchase; such a person counts "
                 "as convinced when their buying group decides.",
                 share())
          .field("demand", &MarketConfig::demand,
                 "The market's appetite: the inquiries every channel's budget buys, times "
                 "this; the budget is spent all the same (0.8: a bad year, 1.2: a good one).",
                 above_to(0, 100, "factor"))
          .into(part(&Scenario::market)));

  root.sections.push_back(
      Fields<ChannelConfig>(
          Schema("channels", "Where inquiries come from: each channel turns budget into leads."))
          .required("name", &ChannelConfig::name,
                    "Channel name, unique (paid_search, events, ...).")
          .required("budget_per_period", &ChannelConfig::budget_per_period,
                    "Spend per simulation period.",
                    in_range(0, 100'000'000).with_unit("currency per period"))
          .required("cost_per_lead", &ChannelConfig::cost_per_lead,
                    "Spend per inquiry; inquiries per period = budget / cost, Poisson.",
                    above_to(0, 1'000'000, "currency per inquiry"))
          .field("in_market_share", &ChannelConfig::in_market_share,
                 "Share of inquiries from researching or buying accounts.", share())
          .field("fit_tilt", &ChannelConfig::fit_tilt,
                 "Audience lean toward (+) or away from (-) high-fit accounts.", tilt())
          .field("engagement", &ChannelConfig::engagement, "Mean touches an inquiry has made.",
                 in_range(0, 100).with_unit("touches"))
          .field("contact_share", &ChannelConfig::contact_share,
                 "Share of inquiries with usable contact details; the rest cannot be reached.",
                 share())
          .into_list(&Scenario::channels));

  root.sections.push_back(
      weighted_kinds<SegmentConfig>(
          Schema("segments",
                 "Customer segments: accounts belong to one, and it scales their deals. "
                 "Optional; without it every account is in one unnamed segment."),
          "segment", "accounts")
          .field("reps", &SegmentConfig::reps,
                 "The segment as a territory: the reps (numbered from 1) who own its accounts; "
                 "empty: the accounts are dealt to all reps.",
                 in_range(1, 10000).with_unit("rep number"))
          .into_list(&Scenario::segments, false));

  root.sections.push_back(
      weighted_kinds<ProductConfig>(
          Schema("products",
                 "What the company sells: each opportunity is for one product. Optional; "
                 "without it every deal is for one unnamed product."),
          "product", "opportunities")
          .into_list(&Scenario::products, false));

  root.sections.push_back(
      Fields<ScoringConfig>(
          Schema("scoring",
                 "The lead score policies see: observed fit and engagement, with error."))
          .field("fit_weight", &ScoringConfig::fit_weight,
                 "Weight of observed fit in the score; the rest is engagement.", share())
          .field("engagement_scale", &ScoringConfig::engagement_scale,
                 "Touches at which engagement reaches 63% of its weight.",
                 above_to(0, 100, "touches"))
          .field("noise", &ScoringConfig::noise, "Standard deviation of the score's error.",
                 in_range(0, 100).with_unit("score points"))
          .field("fit_noise", &ScoringConfig::fit_noise,
                 "Standard deviation of the error in observed firmographic fit.",
                 in_range(0, 1).with_unit("fit"))
          .field("bant_noise", &ScoringConfig::bant_noise,
                 "Standard deviation of the error in each observed BANT signal (budget, "
                 "authority, need, timing; each 0..1).",
                 in_range(0, 5).with_unit("signal"))
          .into(part(&Scenario::scoring)));

  Section funnel =
      Fields<FunnelConfig>(
          Schema("funnel",
                 "How leads move from inquiry to opportunity, and what working them costs."))
          .field("contact_rate", &FunnelConfig::contact_rate,
                 "Chance of reaching a lead worked at once.", probability())
          .field("arrivals_in_working_hours", &FunnelConfig::arrivals_in_working_hours,
                 "Share of inquiries that arrive in working hours (sales.working_days, "
                 "working_hours_per_day, day_starts_at); the rest arrive at night or at the "
                 "weekend. Within each, every hour is as likely.",
                 share())
          .field("qualify_sensitivity", &FunnelConfig::qualify_sensitivity,
                 "Chance a reached lead with a real need qualifies (SQL).", probability())
          .field("qualify_false_positive", &FunnelConfig::qualify_false_positive,
                 "Chance a reached lead without a real need qualifies (SQL).", probability())
          .field("sales_read_accuracy", &FunnelConfig::sales_read_accuracy,
                 "Chance a rep who reaches a lead reads its need right (what sales-accepted "
                 "policies accept on, and the feedback they learn from).",
                 probability())
          .field("sql_to_opportunity", &FunnelConfig::sql_to_opportunity,
                 "Chance a discovery meeting opens an opportunity.", probability())
          .field("nurture_return_rate", &FunnelConfig::nurture_return_rate,
                 "Chance per period a recycled lead engages again.", probability())
          .field("nurture_periods", &FunnelConfig::nurture_periods,
                 "Periods a lead stays in nurture before it leaves the database.",
                 in_range(1, 5200).with_unit("periods"))
          .field("hours_per_attempt", &FunnelConfig::hours_per_attempt,
                 "Rep hours per contact attempt.", in_range(0, 40).with_unit("hours"))
          .field("hours_per_opportunity", &FunnelConfig::hours_per_opportunity,
                 "Rep hours per open opportunity per period.",
                 in_range(0, 744).with_unit("hours per period"))
          .into(part(&Scenario::funnel));
  funnel.sections.push_back(
      Fields<SpeedToLeadConfig>(
          Schema("speed_to_lead",
                 "Speed to lead: the chance of reaching a lead is contact_rate x (floor + "
                 "(1 - floor) x e^(-hours waited / decay_hours)). The defaults follow "
                 "Oldroyd, McElheran & Elkington (2011): a lead tried at once is about 7 "
                 "times as likely to be reached as one tried an hour later, and 60 times as "
                 "one tried a day or more later."))
          .field("decay_hours", &SpeedToLeadConfig::decay_hours,
                 "Hours for the fresh part of the chance to fall to 1/e (37%).",
                 above_to(0, 8760, "hours"))
          .field("floor", &SpeedToLeadConfig::floor,
                 "Share of the chance left however long the lead waited (1: waiting costs "
                 "nothing).",
                 share())
          .into([](Scenario& s) -> SpeedToLeadConfig& { return s.funnel.speed_to_lead; }));
  root.sections.push_back(std::move(funnel));

  root.sections.push_back(
      Fields<DealConfig>(
          Schema("deals",
                 "Opportunities: their size, their cycle and how the buying group decides."))
          .field("median_size", &DealConfig::median_size, "Median deal for an account of fit 0.5.",
                 above_to(0, 1'000'000'000, "currency"))
          .field("size_spread", &DealConfig::size_spread, "Log-scale spread of deal size.",
                 spread())
          .field("median_cycle_days", &DealConfig::median_cycle_days,
                 "Median days from opportunity to decision.", above_to(0, 3650, "days"))
          .field("cycle_spread", &DealConfig::cycle_spread, "Log-scale spread of cycle length.",
                 spread())
          .field("consensus_share", &DealConfig::consensus_share,
                 "Share of the buying group that must be convinced to buy.", share())
          .field("convince_rate", &DealConfig::convince_rate,
                 "Chance a member with a real need is convinced by a rep of skill 1.",
                 probability())
          .field("convince_rate_no_need", &DealConfig::convince_rate_no_need,
                 "Chance a member without a real need is convinced.", probability())
          .field("win_rate_vs_competitor", &DealConfig::win_rate_vs_competitor,
                 "Chance of winning once the group has decided to buy.", probability())
          .field("discount_depths", &DealConfig::discount_depths,
                 "Adaptive: the discounts a rep may offer a buying group to decide now rather "
                 "than at its close date (pulling the deal in); the rep picks one or none.",
                 above_to(0, 0.9, "share"))
          .field("early_signing_discount", &DealConfig::early_signing_discount,
                 "Buyer response to a pull: a group offered depth d to decide m months early "
                 "agrees with chance 1 - exp(-d / (this x m)): this depth wins 63% of groups "
                 "asked a month early over.",
                 above_to(0, 1, "share"))
          .field("pull_window_days", &DealConfig::pull_window_days,
                 "Adaptive: a rep can ask a buying group to decide early only when its close "
                 "date is at most this many days away.",
                 in_range(0, 3650).with_unit("days"))
          .field("reschedule_hours", &DealConfig::reschedule_hours,
                 "Adaptive: rep hours it takes to ask a buying group to move its date, earlier "
                 "(negotiation, approvals) or later, whether or not it agrees.",
                 in_range(0, 1000).with_unit("hours"))
          .field("push_loss", &DealConfig::push_loss,
                 "Chance a buyer walks away (no decision) when a rep delays a close into the "
                 "next pay period.",
                 probability())
          .field("churn_rate", &DealConfig::churn_rate,
                 "Chance per period that a new customer of fit 0.5 cancels; scaled by "
                 "(1.5 - fit), so poor-fit customers cancel more.",
                 probability())
          .field("churn_watch_periods", &DealConfig::churn_watch_periods,
                 "Periods after the win during which a customer may cancel (the first term).",
                 in_range(1, 5200).with_unit("periods"))
          .into(part(&Scenario::deals)));

  root.sections.push_back(
      Fields<CreditingConfig>(
          Schema("crediting",
                 "Who is credited with a won deal and an opportunity's pipeline: the shares "
                 "pay plans are paid on."))
          .field("sourced_share", &CreditingConfig::sourced_share,
                 "Share credited to the marketer whose channel brought the lead in.", share())
          .field("influenced_share", &CreditingConfig::influenced_share,
                 "Share credited to marketing, split equally among marketers, when a lead sales "
                 "sourced came back through marketing's nurture.",
                 share())
          .field("account_owner_share", &CreditingConfig::account_owner_share,
                 "Share of a rep's credit that goes to the rep who owns the account when another "
                 "rep won it (a split deal).",
                 share())
          .field("team_share", &CreditingConfig::team_share,
                 "Share of every won deal credited to the whole sales team, split equally "
                 "(team credit); the rest goes to the reps who won it.",
                 share())
          .field("sdr_share", &CreditingConfig::sdr_share,
                 "Share of a won deal credited to the SDR who qualified the lead and handed "
                 "over the opportunity; the account executive keeps the rest.",
                 share())
          .into(part(&Scenario::crediting)));

  root.sections.push_back(lead_policy_slot());

  Section marketing =
      Fields<MarketingConfig>(Schema("marketing", "The marketing team and its pay."))
          .field("people", &MarketingConfig::people, "Marketers on the team.",
                 in_range(1, 1000).with_unit("people"))
          .field("broad_volume", &MarketingConfig::broad_volume,
                 "Broad targeting: inquiries bought by the same budget, times this.",
                 above_to(0, 100, "factor"))
          .field("broad_fit_tilt", &MarketingConfig::broad_fit_tilt,
                 "Broad targeting: added to each channel's fit tilt.", tilt())
          .field("tight_volume", &MarketingConfig::tight_volume,
                 "Tight targeting: inquiries bought by the same budget, times this.",
                 above_to(0, 100, "factor"))
          .field("tight_fit_tilt", &MarketingConfig::tight_fit_tilt,
                 "Tight targeting: added to each channel's fit tilt.", tilt())
          .field("enablement_hours", &MarketingConfig::enablement_hours,
                 "Adaptive: hours a marketer spends on sales-enablement content in a period "
                 "they choose to.",
                 in_range(0, 1000).with_unit("hours"))
          .field("enablement_convince_gain", &MarketingConfig::enablement_convince_gain,
                 "Adaptive: added chance each buyer is convinced, on deals decided the "
                 "period after every marketer produced enablement content (scaled by the "
                 "share who did).",
                 probability())
          .field("mix_shift", &MarketingConfig::mix_shift,
                 "Adaptive: the share of every other channel's budget a marketer may move to "
                 "one of the channels they run, each period.",
                 share())
          .field("salaries", &MarketingConfig::salaries,
                 "Annual base salary of each marketer, in order (one value: everyone); what "
                 "team pools split by salary. What a plan pays is in its own parameters.",
                 in_range(0, 1e9).with_unit("currency per year"))
          .into(part(&Scenario::marketing));
  marketing.sections.push_back(
      pay_slot("marketers", [](Scenario& s) -> PayChoice& { return s.marketing.pay; }));
  root.sections.push_back(std::move(marketing));

  Section sales =
      Fields<SalesConfig>(Schema("sales", "The sales team, its time and its pay."))
          .field("people", &SalesConfig::people, "Sales reps on the team.",
                 in_range(1, 10000).with_unit("people"))
          .field("salaries", &SalesConfig::salaries,
                 "Annual base salary of each rep, in order (one value: everyone); what team "
                 "pools split by salary. What a plan pays is in its own parameters.",
                 in_range(0, 1e9).with_unit("currency per year"))
          .field("hours_per_period", &SalesConfig::hours_per_period,
                 "Selling hours per rep per period.", above_to(0, 744, "hours per period"))
          .field("skill_spread", &SalesConfig::skill_spread,
                 "Log-scale spread of rep skill around a median of 1.", spread())
          .field("prospecting_hours_per_lead", &SalesConfig::prospecting_hours_per_lead,
                 "Own-prospecting hours to source one lead.", above_to(0, 1000, "hours"))
          .field("prospect_in_market_share", &SalesConfig::prospect_in_market_share,
                 "Share of prospected leads already in market.", share())
          .field("prospect_fit_tilt", &SalesConfig::prospect_fit_tilt,
                 "Lean of reps' prospecting toward (+) high-fit accounts.", tilt())
          .field("working_days", &SalesConfig::working_days,
                 "Working days in every 7, for reps and SDRs (a period starts on the first "
                 "of them); the rest are the weekend.",
                 in_range(1, 7).with_unit("days per week"))
          .field("working_hours_per_day", &SalesConfig::working_hours_per_day,
                 "Length of a working day, for reps and SDRs: their selling hours are spread "
                 "evenly over the working hours of a period.",
                 in_range(1, 24).with_unit("hours"))
          .field("day_starts_at", &SalesConfig::day_starts_at,
                 "Hour of the day (0-23) the working day starts; it must end by midnight.",
                 in_range(0, 23).with_unit("hour of day"))
          .into(part(&Scenario::sales));
  sales.sections.push_back(
      pay_slot("sales reps", [](Scenario& s) -> PayChoice& { return s.sales.pay; }));
  root.sections.push_back(std::move(sales));

  Section sdrs =
      Fields<SdrConfig>(Schema("sdrs",
                               "Sales development reps (optional): they work the MQLs and hand "
                               "opportunities to the reps, who then close them."))
          .field("people", &SdrConfig::people, "SDRs on the team; 0: reps work their own MQLs.",
                 in_range(0, 10000).with_unit("people"))
          .field("hours_per_period", &SdrConfig::hours_per_period,
                 "Hours per SDR per period for reaching and qualifying leads.",
                 above_to(0, 744, "hours per period"))
          .field("salaries", &SdrConfig::salaries,
                 "Annual base salary of each SDR, in order (one value: everyone).",
                 in_range(0, 1e9).with_unit("currency per year"))
          .into(part(&Scenario::sdrs));
  sdrs.sections.push_back(pay_slot(
      "SDRs", [](Scenario& s) -> PayChoice& { return s.sdrs.pay; }, false));
  root.sections.push_back(std::move(sdrs));

  root.sections.push_back(
      Fields<BehaviourConfig>(Schema("behaviour", "How agents decide what to do each period."))
          .field("mode", &BehaviourConfig::mode,
                 "fixed: the rules below; adaptive: marketers and reps choose what to do by "
                 "valuing each choice through their own pay plans.")
          .field("lead_order", &BehaviourConfig::lead_order,
                 "Order in which reps work their routed leads.")
          .field("prospecting", &BehaviourConfig::prospecting,
                 "Whether reps spend hours left over on their own prospecting.")
          .field("rationality", &BehaviourConfig::rationality,
                 "Adaptive: how sharply agents choose. Choices are a logit whose noise is the "
                 "agent's pay per pay period / this: an edge of that much makes an option e "
                 "times as likely.",
                 above_to(0, 1e9, "per pay period's pay"))
          .field("status_quo_bias", &BehaviourConfig::status_quo_bias,
                 "Adaptive: every menu has 'carry on as before'; indifferent, an agent keeps "
                 "it with odds of e^this to 1 against each alternative.",
                 in_range(0, 20).with_unit("logit units"))
          .field("discount_per_year", &BehaviourConfig::discount_per_year,
                 "Adaptive: time preference; pay a year away is worth this share of pay now "
                 "(per period: this^(days per period / 365.25)).",
                 above_to(0, 1, "share"))
          .field("present_bias", &BehaviourConfig::present_bias,
                 "Adaptive: beta of beta-delta time preference; pay in a later pay period than "
                 "the current one is worth this share of what time alone leaves of it (1: no "
                 "present bias).",
                 above_to(0, 1, "share"))
          .field("risk_aversion", &BehaviourConfig::risk_aversion,
                 "Adaptive: a choice is valued at its expected pay less this times the "
                 "standard deviation of the pay at stake.",
                 in_range(0, 10).with_unit("per standard deviation"))
          .field("learning_rate", &BehaviourConfig::learning_rate,
                 "Adaptive: how far a belief moves toward each new outcome.", share())
          .field("effort_cost_per_hour", &BehaviourConfig::effort_cost_per_hour,
                 "Adaptive: what an hour of selling costs a rep, set against what it pays.",
                 in_range(0, 1e6).with_unit("currency per hour"))
          .field("low_effort", &BehaviourConfig::low_effort,
                 "Adaptive: the share of their selling hours a rep works in a low-effort "
                 "period.",
                 in_range(0, 1).with_unit("share"))
          .field("high_effort", &BehaviourConfig::high_effort,
                 "Adaptive: the share of their selling hours a rep works in a high-effort "
                 "period.",
                 in_range(1, 3).with_unit("share"))
          .field("belief_sharing", &BehaviourConfig::belief_sharing,
                 "Adaptive: each period every rep's beliefs move this share of the way to "
                 "the team's mean (0: each learns alone; 1: the team pools what it learns).",
                 share())
          .field("prior_win_rate", &BehaviourConfig::prior_win_rate,
                 "Adaptive: the chance a rep believes an open deal is won, before outcomes.",
                 probability())
          .field("prior_opportunity_rate", &BehaviourConfig::prior_opportunity_rate,
                 "Adaptive: the chance a rep believes an attempt on a lead, or a lead they "
                 "prospected, opens an opportunity, before outcomes.",
                 probability())
          .field("prior_weight", &BehaviourConfig::prior_weight,
                 "Adaptive: how many outcomes the prior opportunity rate is worth against "
                 "a rep's own experience.",
                 in_range(0, 1e6).with_unit("outcomes"))
          .into(part(&Scenario::behaviour)));
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
