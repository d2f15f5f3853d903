// load_scenario end to end, with the shipped plugins: the typed result, defaults equal to
// the structs' own, plugin slots, the resolved YAML and its hash, and located problems.
#include "config/scenario.hpp"
#include "config/reference.hpp"
#include "config/scenario_schema.hpp"
#include "plugins/registry.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

using namespace tandem;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

namespace fs = std::filesystem;

const std::string kTiny(config::minimal_scenario_example());

PluginRegistry& registry() {
  static PluginRegistry r({fs::path(TANDEM_PLUGIN_DIR)});
  return r;
}

// Writes `text` to a file of the test's own and returns its path.
fs::path write(const std::string& name, const std::string& text) {
  // A folder per test process: CTest may run several of these tests at once.
  const fs::path dir = fs::path(TANDEM_TEST_TMP) / "config" / std::to_string(::getpid());
  fs::create_directories(dir);
  const fs::path file = dir / name;
  std::ofstream(file, std::ios::binary) << text;
  return file;
}

Scenario load(const std::string& text, const std::vector<std::string>& overrides = {},
              const std::string& name = "scenario.yaml") {
  return load_scenario(write(name, text), overrides, registry());
}

// The problems loading `text` reports, as printed, with the file shown as "s.yaml".
std::vector<std::string> problems(const std::string& text,
                                  const std::vector<std::string>& overrides = {}) {
  const fs::path file = write("s.yaml", text);
  const fs::path old = fs::current_path();
  fs::current_path(file.parent_path());  // so the file is named as a user would name it
  std::vector<std::string> out;
  try {
    load_scenario("s.yaml", overrides, registry());
  } catch (const ScenarioError& e) {
    for (const auto& p : e.problems()) out.push_back(p.str());
  }
  fs::current_path(old);
  return out;
}

// kTiny with line `line` (counted from 1) replaced, and optionally a second one; an empty
// replacement drops the line.
std::string tiny_with(int line, const std::string& replacement, int line2 = 0,
                      const std::string& replacement2 = "") {
  std::string out;
  int n = 0;
  std::size_t start = 0;
  while (start < kTiny.size()) {
    const auto end = kTiny.find('\n', start);
    ++n;
    const std::string text = n == line    ? replacement
                             : n == line2 ? replacement2
                                          : kTiny.substr(start, end - start);
    if (!text.empty()) out += text + "\n";
    start = end + 1;
  }
  return out;
}

}  // namespace

TEST_CASE("the minimal scenario loads into typed values", "[config]") {
  const Scenario s = load(kTiny);
  CHECK(s.name == "tiny");
  CHECK(s.horizon.periods == 26);
  CHECK(s.horizon.period == SimPeriod::week);
  REQUIRE(s.channels.size() == 1);
  CHECK(s.channels[0].name == "paid_search");
  CHECK(s.channels[0].budget_per_period.cents() == 500000);
  CHECK(s.channels[0].cost_per_lead.cents() == 15000);
  CHECK(s.channels[0].in_market_share == 0.4);
  CHECK(s.marketing.people == 2);
  CHECK(s.sales.people == 3);
}

TEST_CASE("plugin slots carry the plugin, its checked parameters and where it was named",
          "[config]") {
  const Scenario s = load(kTiny);
  CHECK(s.lead_policy.plugin == "score_threshold");
  CHECK(s.lead_policy.params.get<double>("threshold") == 60.0);
  CHECK(s.lead_policy.params.has("first_touch_hours"));  // a default, filled in
  CHECK(s.lead_policy.where.line == 6);
  CHECK(s.lead_policy.where.column == 15);
  CHECK(s.lead_policy.where.key == "lead_policy.plugin");
  CHECK(s.marketing.pay.plugin == "salary_mql_bonus");
  CHECK(s.marketing.pay.period == PeriodKind::month);
  CHECK(s.sales.pay.plugin == "flat_commission");
  CHECK(s.sales.pay.params.get<double>("rate") == 0.1);
  CHECK(s.sales.pay.params.get<Money>("cap").is_unlimited());
}

TEST_CASE("defaults equal the scenario structs' own", "[config]") {
  const Scenario s = load(kTiny);
  const Scenario d;
  CHECK(s.description == d.description);
  CHECK(s.seed == d.seed);
  CHECK(s.replications == d.replications);

  const MarketConfig m;
  CHECK(s.market.accounts == m.accounts);
  CHECK(s.market.fit_mean == m.fit_mean);
  CHECK(s.market.fit_spread == m.fit_spread);
  CHECK(s.market.buying_group == m.buying_group);
  CHECK(s.market.research_rate == m.research_rate);
  CHECK(s.market.buy_rate == m.buy_rate);
  CHECK(s.market.drop_rate == m.drop_rate);
  CHECK(s.market.need_dormant == m.need_dormant);
  CHECK(s.market.need_researching == m.need_researching);
  CHECK(s.market.need_buying == m.need_buying);
  CHECK(s.market.authority_share == m.authority_share);

  const ChannelConfig c;
  CHECK(s.channels[0].fit_tilt == c.fit_tilt);
  CHECK(s.channels[0].engagement == c.engagement);
  CHECK(s.channels[0].contact_share == c.contact_share);

  const ScoringConfig sc;
  CHECK(s.scoring.fit_weight == sc.fit_weight);
  CHECK(s.scoring.engagement_scale == sc.engagement_scale);
  CHECK(s.scoring.noise == sc.noise);
  CHECK(s.scoring.fit_noise == sc.fit_noise);
  CHECK(s.scoring.bant_noise == sc.bant_noise);

  const FunnelConfig f;
  CHECK(s.funnel.contact_rate == f.contact_rate);
  CHECK(s.funnel.speed_to_lead.decay_hours == f.speed_to_lead.decay_hours);
  CHECK(s.funnel.speed_to_lead.floor == f.speed_to_lead.floor);
  CHECK(s.funnel.arrivals_in_working_hours == f.arrivals_in_working_hours);
  CHECK(s.funnel.qualify_sensitivity == f.qualify_sensitivity);
  CHECK(s.funnel.qualify_false_positive == f.qualify_false_positive);
  CHECK(s.funnel.sales_read_accuracy == f.sales_read_accuracy);
  CHECK(s.funnel.sql_to_opportunity == f.sql_to_opportunity);
  CHECK(s.funnel.nurture_return_rate == f.nurture_return_rate);
  CHECK(s.funnel.nurture_periods == f.nurture_periods);
  CHECK(s.funnel.hours_per_attempt == f.hours_per_attempt);
  CHECK(s.funnel.hours_per_opportunity == f.hours_per_opportunity);

  const DealConfig dl;
  CHECK(s.deals.median_size == dl.median_size);
  CHECK(s.deals.size_spread == dl.size_spread);
  CHECK(s.deals.median_cycle_days == dl.median_cycle_days);
  CHECK(s.deals.cycle_spread == dl.cycle_spread);
  CHECK(s.deals.consensus_share == dl.consensus_share);
  CHECK(s.deals.convince_rate == dl.convince_rate);
  CHECK(s.deals.convince_rate_no_need == dl.convince_rate_no_need);
  CHECK(s.deals.win_rate_vs_competitor == dl.win_rate_vs_competitor);

  const SalesConfig sa;
  CHECK(s.sales.hours_per_period == sa.hours_per_period);
  CHECK(s.sales.skill_spread == sa.skill_spread);
  CHECK(s.sales.prospecting_hours_per_lead == sa.prospecting_hours_per_lead);
  CHECK(s.sales.prospect_in_market_share == sa.prospect_in_market_share);
  CHECK(s.sales.prospect_fit_tilt == sa.prospect_fit_tilt);
  CHECK(s.sales.pay.period == PayChoice{}.period);

  const BehaviourConfig b;
  CHECK(s.behaviour.mode == b.mode);
  CHECK(s.behaviour.lead_order == b.lead_order);
  CHECK(s.behaviour.prospecting == b.prospecting);
}

TEST_CASE("every core key has a one-line doc and numbers have bounds", "[config]") {
  std::vector<const config::Section*> pending{&config::scenario_schema()};
  int keys = 0;
  while (!pending.empty()) {
    const auto* s = pending.back();
    pending.pop_back();
    for (const auto& sub : s->sections) pending.push_back(&sub);
    for (const auto& p : s->schema.params()) {
      ++keys;
      INFO(s->key() << "." << p.name);
      CHECK_FALSE(p.doc.empty());
      CHECK(p.doc.find('\n') == std::string::npos);
      if (p.type == ParamType::integer || p.type == ParamType::real || p.type == ParamType::money)
        CHECK(p.allowed.min.has_value());
    }
  }
  CHECK(keys > 50);
}

TEST_CASE("the resolved YAML lists everything and loads back to the same scenario", "[config]") {
  const Scenario s = load(kTiny, {"sales.pay.params.rate=0.125", "market.accounts=5000"});
  CHECK_THAT(s.resolved_yaml, StartsWith("# resolved by tandem "));
  CHECK(std::regex_match(s.hash, std::regex("fnv1a64:[0-9a-f]{16}")));
  // Every key, defaults and overrides included, money with two decimals.
  CHECK_THAT(s.resolved_yaml, Contains("accounts: 5000\n"));
  CHECK_THAT(s.resolved_yaml, Contains("rate: 0.125\n"));
  CHECK_THAT(s.resolved_yaml, Contains("budget_per_period: 5000.00\n"));
  CHECK_THAT(s.resolved_yaml, Contains("median_size: 24000.00\n"));
  CHECK_THAT(s.resolved_yaml, Contains("cap: unlimited\n"));
  CHECK_THAT(s.resolved_yaml, Contains("hours_per_period: 30.0\n"));
  CHECK_THAT(s.resolved_yaml, Contains("lead_order: oldest_first\n"));
  CHECK_THAT(s.resolved_yaml, Contains("description: \"\"\n"));
  // In schema order.
  CHECK(s.resolved_yaml.find("tandem: 1") < s.resolved_yaml.find("horizon:"));
  CHECK(s.resolved_yaml.find("horizon:") < s.resolved_yaml.find("behaviour:"));

  const Scenario again = load(s.resolved_yaml, {}, "resolved.yaml");
  CHECK(again.resolved_yaml == s.resolved_yaml);
  CHECK(again.hash == s.hash);
  CHECK(again.market.accounts == 5000);
  CHECK(again.sales.pay.params.get<double>("rate") == 0.125);
  CHECK(again.channels[0].budget_per_period == s.channels[0].budget_per_period);
}

TEST_CASE("the hash depends on the scenario, not on its path or spelling", "[config]") {
  const Scenario a = load(kTiny, {}, "a.yaml");
  const Scenario b = load(kTiny, {}, "b.yaml");
  CHECK(a.hash == b.hash);
  CHECK(a.file != b.file);
  // The same values written otherwise: 5000 for 5000.00, 0.10 for 0.1, a default spelt out.
  const Scenario c = load(tiny_with(8,
                                    "sales: {people: 3, hours_per_period: 30, pay: {plugin: "
                                    "flat_commission, params: {rate: 0.10}}}") +
                              "market: {accounts: 4000}\n",
                          {"channels.0.budget_per_period=5000"}, "c.yaml");
  CHECK(c.hash == a.hash);
  const Scenario d = load(kTiny, {"seed=2"});
  CHECK(d.hash != a.hash);
}

TEST_CASE("overrides change values before they are checked", "[config]") {
  const Scenario s =
      load(kTiny, {"channels.paid_search.cost_per_lead=120.50", "horizon.period=month",
                   "behaviour.lead_order=highest_score", "marketing.pay.period=quarter"});
  CHECK(s.channels[0].cost_per_lead.cents() == 12050);
  CHECK(s.horizon.period == SimPeriod::month);
  CHECK(s.behaviour.lead_order == LeadOrder::highest_score);
  CHECK(s.marketing.pay.period == PeriodKind::quarter);
}

TEST_CASE("a bad override is reported at --set", "[config]") {
  CHECK(problems(kTiny, {"sales.pay.params.rate=abc"}) ==
        std::vector<std::string>{"--set: sales.pay.params.rate: expected a number, got 'abc'"});
  CHECK(problems(kTiny, {"market.acounts=5000"}) ==
        std::vector<std::string>{
            "--set: market.acounts: unknown key 'acounts'; did you mean 'accounts'? (allowed: "
            "accounts, fit_mean, fit_spread, buying_group, research_rate, buy_rate, drop_rate, "
            "need_dormant, need_researching, need_buying, authority_share, demand)"});
  CHECK(problems(kTiny, {"seed"}) ==
        std::vector<std::string>{
            "--set: expected KEY=VALUE (such as sales.pay.params.rate=0.12), got 'seed'"});
}

TEST_CASE("problems in the file come first, in file order, then those from --set", "[config]") {
  const auto p = problems(tiny_with(3, "horizon: {periods: 0, period: weeks}"), {"seed=-1"});
  CHECK(p == std::vector<std::string>{
                 "s.yaml:3:20: horizon.periods: must be in [1, 5200], got 0",
                 "s.yaml:3:31: horizon.period: must be one of: week, month; got 'weeks'; did "
                 "you mean 'week'?",
                 "--set: seed: must be at least 0, got -1"});
}

TEST_CASE("plugin problems are located at the plugin's name", "[config]") {
  SECTION("unknown plugin: the loader's message, with the nearest name") {
    const auto p = problems(tiny_with(6, "lead_policy: {plugin: score_treshold}"));
    REQUIRE(p.size() == 1);
    CHECK_THAT(p[0], StartsWith("s.yaml:6:23: lead_policy.plugin: no plugin named "
                                "'score_treshold' on the plugin path; did you mean "
                                "'score_threshold'?"));
  }
  SECTION("a plugin of the wrong kind") {
    const auto p = problems(tiny_with(6, "lead_policy: {plugin: flat_commission}"));
    REQUIRE(p.size() == 1);
    CHECK_THAT(p[0], StartsWith("s.yaml:6:23: lead_policy.plugin: 'flat_commission' is a pay "
                                "plan; lead_policy needs a lead policy (available: "));
    CHECK_THAT(p[0], Contains("score_threshold"));
  }
  SECTION("a lead policy as a pay plan") {
    const auto p = problems(kTiny, {"sales.pay.plugin=score_threshold"});
    REQUIRE(p.size() == 1);
    CHECK_THAT(p[0], StartsWith("--set: sales.pay.plugin: 'score_threshold' is a lead policy; "
                                "sales.pay needs a pay plan (available: "));
  }
}

TEST_CASE("plugin parameters go through the same validator", "[config]") {
  SECTION("unknown parameter") {
    const auto p = problems(
        tiny_with(8, "sales: {people: 3, pay: {plugin: flat_commission, params: {rat: 0.1}}}"));
    REQUIRE(p.size() == 1);
    CHECK_THAT(p[0], StartsWith("s.yaml:8:60: sales.pay.params.rat: unknown key 'rat'; did you "
                                "mean 'rate'? (allowed: rate, "));
  }
  SECTION("out of range") {
    CHECK(problems(
              tiny_with(6, "lead_policy: {plugin: score_threshold, params: {threshold: 160}}")) ==
          std::vector<std::string>{
              "s.yaml:6:60: lead_policy.params.threshold: must be in [0, 100], got 160"});
  }
  SECTION("params must be a map") {
    CHECK_THAT(problems(tiny_with(6, "lead_policy: {plugin: score_threshold, params: 60}")).at(0),
               StartsWith("s.yaml:6:48: lead_policy.params: expected a map (keys: threshold, "));
  }
  SECTION("values each valid but rejected together by the plugin") {
    const auto p =
        problems(tiny_with(6, "lead_policy: {plugin: bant, params: {need_weight: 0.5}}"));
    REQUIRE(p.size() == 1);
    // The plugin's check names no one key (the four weights together): at the params map.
    CHECK_THAT(p[0], StartsWith("s.yaml:6:37: lead_policy.params: the BANT weights sum to 1.25"));
  }
}

TEST_CASE("missing required sections are reported at the top-level map", "[config]") {
  CHECK(problems("# a comment first\ntandem: 1\nname: bare\n") ==
        std::vector<std::string>{
            "s.yaml:2:1: missing required key 'channels' (list: Where inquiries come from: each "
            "channel turns budget into leads.)",
            "s.yaml:2:1: missing required key 'lead_policy' (section: The lead definition: which "
            "inquiries become MQLs, what sales accepts, follow-up service level.)",
            "s.yaml:2:1: marketing: missing required key 'pay' (section: How marketers are paid: "
            "a pay plan plugin and its parameters.)",
            "s.yaml:2:1: sales: missing required key 'pay' (section: How sales reps are paid: a "
            "pay plan plugin and its parameters.)"});
}

TEST_CASE("channels: a list of at least one, with unique names", "[config]") {
  SECTION("a scalar") {
    CHECK(problems(tiny_with(4, "channels: paid_search", 5, "")) ==
          std::vector<std::string>{
              "s.yaml:4:11: channels: expected a list of maps (keys: name, budget_per_period, "
              "cost_per_lead, in_market_share, fit_tilt, engagement, contact_share), got "
              "'paid_search'"});
  }
  SECTION("an empty list") {
    CHECK(problems(tiny_with(4, "channels: []", 5, "")) ==
          std::vector<std::string>{
              "s.yaml:4:11: channels: expected at least one item, got an empty list"});
  }
  SECTION("two items with one name") {
    const std::string two =
        tiny_with(5,
                  "  - {name: paid_search, budget_per_period: 5000.00, cost_per_lead: 150.00}\n"
                  "  - {name: paid_search, budget_per_period: 100.00, cost_per_lead: 10.00}");
    CHECK(problems(two) ==
          std::vector<std::string>{"s.yaml:6:12: channels[1].name: name 'paid_search' is already "
                                   "used by channels[0]; names must be unique"});
  }
  SECTION("an item missing a required key, at the item") {
    CHECK(problems(tiny_with(5, "  - {name: paid_search, budget_per_period: 5000.00}")) ==
          std::vector<std::string>{
              "s.yaml:5:5: channels[0]: missing required key 'cost_per_lead' (money: Spend per "
              "inquiry; inquiries per period = budget / cost, Poisson.)"});
  }
}

TEST_CASE("the scenario format version must be 1", "[config]") {
  CHECK(problems(tiny_with(1, "tandem: 2")) ==
        std::vector<std::string>{"s.yaml:1:9: tandem: must be 1, got 2"});
}

TEST_CASE("a YAML syntax error is a located problem", "[config]") {
  CHECK(problems("tandem: 1\nname: [tiny\nseed: 3\n").size() == 1);
  CHECK_THAT(problems("tandem: 1\nname: tiny\n  seed: 3\n").at(0),
             StartsWith("s.yaml:3:7: YAML syntax: "));
}

TEST_CASE("an empty file or a file that is not a map", "[config]") {
  CHECK(problems("# nothing here\n") ==
        std::vector<std::string>{
            "s.yaml:1:1: the file is empty; a scenario starts with 'tandem: 1'"});
  CHECK_THAT(problems("- a\n- b\n").at(0),
             StartsWith("s.yaml:1:1: expected a map (keys: tandem, name, "));
}

TEST_CASE("a byte-order mark and tabs inside block text are accepted", "[config]") {
  // Editors on Windows save UTF-8 with a byte-order mark; a block scalar may hold tabs
  // (only indentation must not).
  const Scenario s = load("\xEF\xBB\xBF" + kTiny + "description: |\n  one\n  \ttwo\n");
  CHECK(s.description == "one\n\ttwo\n");
}

TEST_CASE("aliases are followed but not past a bound on the values they stand for", "[config]") {
  // Anchors and aliases are YAML; a few lines of aliases of aliases are not a scenario.
  const Scenario s = load(kTiny + "description: &d text\n");
  CHECK(s.description == "text");
  std::string bomb = "x: &a0 [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n";
  for (int i = 1; i < 8; ++i) {
    bomb += "x" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) bomb += (k ? ", *a" : "*a") + std::to_string(i - 1);
    bomb += "]\n";
  }
  const auto p = problems(kTiny + bomb);
  REQUIRE(p.size() == 1);
  CHECK_THAT(p[0], Contains("values, counting each use of an alias (*name) in full"));
}

TEST_CASE("an unreadable file is a problem located at the file, with the reason", "[config]") {
  const fs::path missing = fs::path(TANDEM_TEST_TMP) / "config" / "no-such.yaml";
  try {
    load_scenario(missing, {}, registry());
    FAIL("no error");
  } catch (const ScenarioError& e) {
    REQUIRE(e.problems().size() == 1);
    CHECK(e.problems()[0].str() ==
          missing.string() +
              ": cannot read the scenario file: No such file or directory; check the path");
  }
  try {
    load_scenario(fs::path(TANDEM_TEST_TMP), {}, registry());  // a folder
    FAIL("no error");
  } catch (const ScenarioError& e) {
    CHECK_THAT(e.what(), Contains("Is a directory"));
  }
}

TEST_CASE("the reference covers every key and its example loads", "[config]") {
  const std::string ref = config::scenario_reference();
  std::vector<const config::Section*> pending{&config::scenario_schema()};
  while (!pending.empty()) {
    const auto* s = pending.back();
    pending.pop_back();
    for (const auto& sub : s->sections) pending.push_back(&sub);
    for (const auto& p : s->schema.params()) CHECK_THAT(ref, Contains("| `" + p.name + "` |"));
  }
  CHECK_THAT(ref, Contains("## `sales.pay`"));
  CHECK_THAT(ref, Contains("| `accounts` | integer | `4000` | in [1, 10000000] (accounts) |"));
  CHECK_THAT(ref, Contains(kTiny));
  CHECK_NOTHROW(load(kTiny));
}

TEST_CASE("an empty override of a key in the file is located at --set", "[config]") {
  CHECK(problems(kTiny, {"sales.people="}) ==
        std::vector<std::string>{"--set: sales.people: expected an integer, got nothing"});
}

TEST_CASE("every kind of key reaches its field in the scenario", "[config]") {
  // One key of each type and section shape, set away from its default: a key that were
  // validated but not copied into the Scenario would keep the default and fail here.
  const Scenario s = load(
      kTiny,
      {"funnel.nurture_periods=9", "horizon.period=month", "behaviour.lead_order=highest_score",
       "behaviour.prospecting=false", "channels.0.fit_tilt=1.5", "market.need_buying=0.25",
       "deals.median_size=12345.67", "sales.pay.period=year", "description=changed", "seed=99"});
  CHECK(s.funnel.nurture_periods == 9);
  CHECK(s.horizon.period == SimPeriod::month);
  CHECK(s.behaviour.lead_order == LeadOrder::highest_score);
  CHECK_FALSE(s.behaviour.prospecting);
  CHECK(s.channels.at(0).fit_tilt == 1.5);
  CHECK(s.market.need_buying == 0.25);
  CHECK(s.deals.median_size.cents() == 1234567);
  CHECK(s.sales.pay.period == PeriodKind::year);
  CHECK(s.description == "changed");
  CHECK(s.seed == 99);
}

namespace {

// kTiny with sales paid by quota tiers, its lists in the file's own spelling.
std::string tiny_with_tiers(const std::string& params) {
  return tiny_with(8, "sales: {people: 3, pay: {plugin: quota_tiers, params: {" + params + "}}}");
}

}  // namespace

TEST_CASE("a list parameter resolves to a flow list that loads back to the same hash", "[config]") {
  const Scenario s = load(tiny_with_tiers(
      "quota: 50000, tier_starts: [0, 0.25, 1.0], tier_multipliers: [0.50, 1, 2.0]"));
  CHECK(s.sales.pay.params.get<std::vector<double>>("tier_starts") ==
        std::vector<double>{0, 0.25, 1});
  CHECK_THAT(s.resolved_yaml, Contains("tier_starts: [0, 0.25, 1]\n"));
  CHECK_THAT(s.resolved_yaml, Contains("tier_multipliers: [0.5, 1, 2]\n"));

  const Scenario again = load(s.resolved_yaml, {}, "resolved.yaml");
  CHECK(again.resolved_yaml == s.resolved_yaml);
  CHECK(again.hash == s.hash);
  // The same lists written as block lists: the same scenario.
  const Scenario block = load(tiny_with(8, R"(sales:
  people: 3
  pay:
    plugin: quota_tiers
    params:
      quota: 50000.00
      tier_starts:
        - 0
        - 0.25
        - 1
      tier_multipliers:
        - 0.5
        - 1
        - 2)"));
  CHECK(block.hash == s.hash);
  // Defaults fill in as lists too.
  CHECK_THAT(load(tiny_with_tiers("quota: 50000")).resolved_yaml,
             Contains("tier_starts: [0, 0.5, 1]\n"));
}

TEST_CASE("an override gives a list parameter as a flow list", "[config]") {
  const Scenario s = load(
      tiny_with_tiers("quota: 50000"),
      {"sales.pay.params.tier_starts=[0,0.25,1]", "sales.pay.params.tier_multipliers=[0, 1, 3]"});
  CHECK(s.sales.pay.params.get<std::vector<double>>("tier_starts") ==
        std::vector<double>{0, 0.25, 1});
  CHECK(s.sales.pay.params.get<std::vector<double>>("tier_multipliers") ==
        std::vector<double>{0, 1, 3});
  CHECK(problems(tiny_with_tiers("quota: 50000"), {"sales.pay.params.tier_starts=[0,a,1]",
                                                   "sales.pay.params.tier_multipliers=0.5"}) ==
        std::vector<std::string>{
            "--set: sales.pay.params.tier_starts[1]: expected a number, got 'a'",
            "--set: sales.pay.params.tier_multipliers: expected a list of numbers, got '0.5'"});
}

TEST_CASE("a list item out of range is located at the item in the file", "[config]") {
  CHECK(problems(tiny_with_tiers("quota: 50000, tier_multipliers: [0.5, -1, 2]")) ==
        std::vector<std::string>{
            "s.yaml:8:94: sales.pay.params.tier_multipliers[1]: must be at least 0, got -1"});
}

TEST_CASE("a plugin's check of its lists is reported at the key it names", "[config]") {
  CHECK(problems(tiny_with_tiers("quota: 50000, tier_starts: [0, 1, 0.5]")) ==
        std::vector<std::string>{"s.yaml:8:83: sales.pay.params.tier_starts: [0, 1, 0.5] must "
                                 "strictly increase: item [2] (0.5) is not above item [1] (1)"});
  // Given by --set, it is located there, like any other value.
  CHECK(problems(tiny_with_tiers("quota: 50000"), {"sales.pay.params.tier_starts=[0,1,0.5]"}) ==
        std::vector<std::string>{"--set: sales.pay.params.tier_starts: [0, 1, 0.5] must strictly "
                                 "increase: item [2] (0.5) is not above item [1] (1)"});
}

TEST_CASE("pay components are checked like any pay slot and located", "[config]") {
  // The tiny scenario with sales paid by a second plan on top of the first.
  std::string text = kTiny;
  const std::string sales =
      "sales: {people: 3, pay: {plugin: flat_commission, params: {rate: 0.1}}}";
  REQUIRE(text.find(sales) != std::string::npos);
  text.replace(text.find(sales), sales.size(),
               "sales:\n"
               "  people: 3\n"
               "  pay:\n"
               "    plugin: flat_commission\n"
               "    components:\n"
               "      - {plugin: revenue_bonus, period: year, params: {rat: 0.1}}\n");
  const auto p = problems(text);
  REQUIRE(p.size() == 1);
  CHECK_THAT(p[0], StartsWith("s.yaml:13:56: sales.pay.components[0].params.rat: unknown key "
                              "'rat'; did you mean 'rate'?"));

  text.replace(text.find("rat: 0.1"), 8, "rate: 0.1");
  const Scenario s = load(text);
  REQUIRE(s.sales.pay.components.size() == 1);
  CHECK(s.sales.pay.plugin == "flat_commission");
  CHECK(s.sales.pay.components[0].plugin == "revenue_bonus");
  CHECK(s.sales.pay.components[0].period == PeriodKind::year);
  CHECK(s.sales.pay.components[0].params.get<double>("rate") == 0.1);
  CHECK(s.marketing.pay.components.empty());
  // The resolved scenario keeps the component and reads back to the same hash.
  CHECK(load(s.resolved_yaml, {}, "resolved.yaml").hash == s.hash);
}

TEST_CASE("a team pool split by salary needs the team's salaries, located at split", "[config]") {
  const std::string why =
      "by_salary needs the team's salaries: declare `<role>.salaries` in the scenario, or a "
      "`salary` column in the results file";
  CHECK(problems(tiny_with(
            8, "sales: {people: 3, pay: {plugin: team_pool, params: {split: by_salary}}}")) ==
        std::vector<std::string>{"s.yaml:8:61: sales.pay.params.split: " + why});
  CHECK(problems(tiny_with(8,
                           "sales: {people: 3, pay: {plugin: flat_commission, components: "
                           "[{plugin: team_pool, params: {split: by_salary}}]}}")) ==
        std::vector<std::string>{"s.yaml:8:100: sales.pay.components[0].params.split: " + why});
  // Given by --set, it is located there.
  CHECK(problems(tiny_with(8, "sales: {people: 3, pay: {plugin: team_pool}}"),
                 {"sales.pay.params.split=by_salary"}) ==
        std::vector<std::string>{"--set: sales.pay.params.split: " + why});
  // With the salaries declared, it loads; split otherwise, it needs none.
  const Scenario s = load(tiny_with(8,
                                    "sales: {people: 3, salaries: [60000, 70000, 80000], pay: "
                                    "{plugin: team_pool, params: {split: by_salary}}}"));
  CHECK(s.sales.pay.plugin == "team_pool");
  CHECK(
      problems(tiny_with(8, "sales: {people: 3, pay: {plugin: team_pool, params: {split: equal}}}"))
          .empty());
}

TEST_CASE("CR line ends (old Mac files) read as line ends", "[config]") {
  std::string cr = kTiny;
  std::replace(cr.begin(), cr.end(), '\n', '\r');
  CHECK(load(cr).hash == load(kTiny).hash);
  // A problem is located on its line.
  std::string bad = tiny_with(2, "name: tiny\rseed: -3");
  std::replace(bad.begin(), bad.end(), '\n', '\r');
  CHECK(problems(bad) == std::vector<std::string>{"s.yaml:3:7: seed: must be at least 0, got -3"});
}

TEST_CASE("a control character in a plugin name is shown escaped and refused", "[config]") {
  CHECK(problems(tiny_with(8,
                           "sales: {people: 3, pay: {plugin: \"flat\\0commission\", params: "
                           "{rate: 0.1}}}")) ==
        std::vector<std::string>{
            "s.yaml:8:34: sales.pay.plugin: the plugin name 'flat\\0commission' holds a control "
            "character (\\0); a name is printable text: remove it (a plugin's name is letters, "
            "digits, '_', '-' and '.'; `tandem plugins list` shows them)"});
}
