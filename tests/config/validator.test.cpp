// The one validator (config/validate.hpp) on small inline YAML against small schemas:
// each kind of problem, its exact position and wording, and that all are reported at once.
#include "config/validate.hpp"
#include "config/value_text.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace tandem;
using namespace tandem::config;

namespace {

Schema market_schema() {
  return Schema("market", "A test section.")
      .param<std::int64_t>("accounts", 4000, "Companies in the market.", in_range(1, 1'000'000))
      .param<double>("fit_mean", 0.3, "Median fit.", in_range(0, 1))
      .param<Money>("budget", Money::from_cents(100), "Spend.", at_least(Money{}))
      .param<Money>("cost", Money::from_cents(100), "Cost per lead.", above(Money{}))
      .param<bool>("prospecting", true, "Whether reps prospect.")
      .param<std::string>("period", "week", "Period length.", one_of({"week", "month"}));
}

Schema channel_schema() {
  return Schema("channel", "A channel.")
      .required<std::string>("name", "Channel name.")
      .required<Money>("cost_per_lead", "Spend per inquiry.", above(Money{}));
}

struct Checked {
  Params params;
  std::vector<Problem> problems;
};

// Checks `yaml` (a map) against `schema` as the section at `path` of file "t.yaml".
Checked check(const std::string& yaml, const Schema& schema, const std::string& path = "market") {
  const YAML::Node node = YAML::Load(yaml);
  Report report("t.yaml");
  Checked c;
  c.params = check_params(node, schema, path, report.locate(node, path), report);
  c.problems = report.sorted();
  return c;
}

std::vector<std::string> lines(const std::vector<Problem>& problems) {
  std::vector<std::string> out;
  for (const auto& p : problems) out.push_back(p.str());
  return out;
}

}  // namespace

TEST_CASE("a valid map gives every value, defaults filled in", "[config]") {
  const auto c = check("accounts: 5000\nprospecting: false\nperiod: month\n", market_schema());
  CHECK(c.problems.empty());
  CHECK(c.params.get<std::int64_t>("accounts") == 5000);
  CHECK(c.params.get<bool>("prospecting") == false);
  CHECK(c.params.get<std::string>("period") == "month");
  CHECK(c.params.get<double>("fit_mean") == 0.3);                  // default
  CHECK(c.params.get<Money>("budget") == Money::from_cents(100));  // default
}

TEST_CASE("an absent or empty map takes every default", "[config]") {
  const auto c = check("~", market_schema());
  CHECK(c.problems.empty());
  CHECK(c.params.get<std::int64_t>("accounts") == 4000);
}

TEST_CASE("an unknown key names the nearest key and the allowed ones, at the key", "[config]") {
  const auto c = check("accounts: 10\nacounts: 12\n", market_schema());
  REQUIRE(lines(c.problems) ==
          std::vector<std::string>{
              "t.yaml:2:1: market.acounts: unknown key 'acounts'; did you mean 'accounts'? "
              "(allowed: accounts, fit_mean, budget, cost, prospecting, period)"});
}

TEST_CASE("an unknown key far from every name has no suggestion", "[config]") {
  const auto c = check("zzzzzz: 1\n", market_schema());
  REQUIRE(c.problems.size() == 1);
  CHECK(c.problems[0].message ==
        "unknown key 'zzzzzz' (allowed: accounts, fit_mean, budget, cost, prospecting, period)");
}

TEST_CASE("a value of the wrong type is reported at the value", "[config]") {
  SECTION("integer") {
    const auto c = check("accounts: ten\n", market_schema());
    CHECK(lines(c.problems) ==
          std::vector<std::string>{"t.yaml:1:11: market.accounts: expected an integer, got 'ten'"});
  }
  SECTION("an integer has no decimals") {
    const auto c = check("accounts: 10.0\n", market_schema());
    REQUIRE(c.problems.size() == 1);
    CHECK(c.problems[0].message == "expected an integer, got '10.0'");
  }
  SECTION("number") {
    const auto c = check("fit_mean: high\n", market_schema());
    REQUIRE(c.problems.size() == 1);
    CHECK(c.problems[0].message == "expected a number, got 'high'");
    CHECK(c.problems[0].where.column == 11);
  }
  SECTION("infinity is not a number a parameter can take") {
    const auto c = check("fit_mean: .inf\n", market_schema());
    REQUIRE(c.problems.size() == 1);
    CHECK(c.problems[0].message == "expected a number, got '.inf'");
  }
  SECTION("boolean: only true or false") {
    const auto c = check("prospecting: yes\n", market_schema());
    REQUIRE(c.problems.size() == 1);
    CHECK(c.problems[0].message == "expected a boolean (true or false), got 'yes'");
  }
  SECTION("money") {
    const auto c = check("budget: lots\n", market_schema());
    REQUIRE(c.problems.size() == 1);
    CHECK(c.problems[0].message ==
          "expected money (an amount such as 180.00, or unlimited), got 'lots'");
  }
  SECTION("a map where a value belongs") {
    const auto c = check("accounts: {a: 1}\n", market_schema());
    REQUIRE(c.problems.size() == 1);
    CHECK(c.problems[0].message == "expected an integer, got a map");
  }
  SECTION("nothing, located at the key") {
    const auto c = check("fit_mean: 0.5\naccounts:\n", market_schema());
    CHECK(
        lines(c.problems) ==
        std::vector<std::string>{"t.yaml:2:1: market.accounts: expected an integer, got nothing"});
  }
}

TEST_CASE("numbers read as YAML writes them", "[config]") {
  CHECK(check("fit_mean: 1e-3\n", market_schema()).params.get<double>("fit_mean") == 0.001);
  CHECK(check("fit_mean: 1\n", market_schema()).params.get<double>("fit_mean") == 1.0);
  CHECK(check("accounts: +7\n", market_schema()).params.get<std::int64_t>("accounts") == 7);
}

TEST_CASE("money is read exactly from the text", "[config]") {
  SECTION("two decimals") {
    const auto c = check("budget: 180.05\n", market_schema());
    CHECK(c.problems.empty());
    CHECK(c.params.get<Money>("budget").cents() == 18005);
  }
  SECTION("0.29 stays 29 cents (through a double it would be 28.999...)") {
    CHECK(check("budget: 0.29\n", market_schema()).params.get<Money>("budget").cents() == 29);
  }
  SECTION("whole units") {
    CHECK(check("budget: 5000\n", market_schema()).params.get<Money>("budget").cents() == 500000);
  }
  SECTION("a fraction of a cent is refused, not rounded") {
    const auto c = check("budget: 1.005\n", market_schema());
    REQUIRE(
        lines(c.problems) ==
        std::vector<std::string>{
            "t.yaml:1:9: market.budget: money has at most 2 decimals (whole cents), got 1.005"});
  }
  SECTION("unlimited") {
    CHECK(check("budget: unlimited\n", market_schema()).params.get<Money>("budget").is_unlimited());
  }
}

TEST_CASE("out-of-range values say the range and what was given", "[config]") {
  CHECK(check("fit_mean: 1.5\n", market_schema()).problems.at(0).str() ==
        "t.yaml:1:11: market.fit_mean: must be in [0, 1], got 1.5");
  CHECK(check("budget: -5000.00\n", market_schema()).problems.at(0).message ==
        "must be at least 0, got -5000.00");
  CHECK(check("cost: 0\n", market_schema()).problems.at(0).message == "must be above 0, got 0");
  CHECK(check("accounts: 0\n", market_schema()).problems.at(0).message ==
        "must be in [1, 1000000], got 0");
  CHECK(check("cost: 0.01\n", market_schema()).problems.empty());
}

TEST_CASE("a single allowed value reads as that value", "[config]") {
  const Schema s = Schema("", "").required<std::int64_t>("tandem", "Format.", in_range(1, 1));
  CHECK(check("tandem: 2\n", s, "").problems.at(0).str() == "t.yaml:1:9: tandem: must be 1, got 2");
}

TEST_CASE("a choice outside the list names the choices and the nearest one", "[config]") {
  const auto c = check("period: weeks\n", market_schema());
  REQUIRE(c.problems.size() == 1);
  CHECK(c.problems[0].message == "must be one of: week, month; got 'weeks'; did you mean 'week'?");
  CHECK(c.problems[0].where.column == 9);
}

TEST_CASE("a missing required key is reported at the enclosing map, with its type and doc",
          "[config]") {
  const auto c = check("name: paid_search\n", channel_schema(), "channels[1]");
  REQUIRE(lines(c.problems) ==
          std::vector<std::string>{"t.yaml:1:1: channels[1]: missing required key "
                                   "'cost_per_lead' (money: Spend per inquiry.)"});
}

TEST_CASE("a scalar or a list where a map belongs says a map was expected", "[config]") {
  CHECK(check("26\n", market_schema()).problems.at(0).str() ==
        "t.yaml:1:1: market: expected a map (keys: accounts, fit_mean, budget, cost, "
        "prospecting, period), got '26'");
  CHECK(check("[1, 2]\n", channel_schema(), "c").problems.at(0).message ==
        "expected a map (keys: name, cost_per_lead), got a list");
}

TEST_CASE("a key given twice is a problem at the second", "[config]") {
  const auto c = check("accounts: 1\nfit_mean: 0.1\naccounts: 2\n", market_schema());
  REQUIRE(lines(c.problems) ==
          std::vector<std::string>{"t.yaml:3:1: market.accounts: duplicate key 'accounts' "
                                   "(first given on line 1)"});
}

TEST_CASE("every problem in a map is reported at once, in file order", "[config]") {
  const auto c = check(
      "period: weeks\n"
      "accounts: ten\n"
      "acounts: 3\n"
      "fit_mean: 2\n"
      "budget: -1\n",
      market_schema());
  CHECK(lines(c.problems) ==
        std::vector<std::string>{
            "t.yaml:1:9: market.period: must be one of: week, month; got 'weeks'; did you mean "
            "'week'?",
            "t.yaml:2:11: market.accounts: expected an integer, got 'ten'",
            "t.yaml:3:1: market.acounts: unknown key 'acounts'; did you mean 'accounts'? (allowed: "
            "accounts, fit_mean, budget, cost, prospecting, period)",
            "t.yaml:4:11: market.fit_mean: must be in [0, 1], got 2",
            "t.yaml:5:9: market.budget: must be at least 0, got -1"});
  // Keys with problems are left out; the rest are there.
  CHECK_FALSE(c.params.has("accounts"));
  CHECK(c.params.has("cost"));
}

TEST_CASE("positions in flow maps point at the value", "[config]") {
  const auto c = check("{name: x, cost_per_lead: -3}\n", channel_schema(), "channels[0]");
  CHECK(
      lines(c.problems) ==
      std::vector<std::string>{"t.yaml:1:26: channels[0].cost_per_lead: must be above 0, got -3"});
}

TEST_CASE("keys the caller checks itself are allowed and left alone", "[config]") {
  const YAML::Node node = YAML::Load("people: 3\npay: {plugin: x}\n");
  Report report("t.yaml");
  const Schema s = Schema("sales", "").param<std::int64_t>("people", 1, "People.");
  const Params p = check_params(node, s, "sales", report.locate(node, "sales"), report, {"pay"});
  CHECK(report.ok());
  CHECK_FALSE(p.has("pay"));
}

TEST_CASE("nodes made by an override are located at --set", "[config]") {
  YAML::Node node = YAML::Load("accounts: 10\n");
  node["accounts"] = YAML::Node(std::string("ten"));
  Report report("t.yaml");
  check_params(node, market_schema(), "market", report.locate(node, "market"), report);
  CHECK(lines(report.sorted()) ==
        std::vector<std::string>{"--set: market.accounts: expected an integer, got 'ten'"});
}

namespace {

Schema plan_schema() {
  return Schema("plan", "A test plan.")
      .param<std::vector<double>>("tiers", {0, 0.5, 1.0}, "Tier starts.", in_range(0, 10))
      .param<double>("rate", 0.1, "Rate.");
}

std::vector<double> tiers_of(const Checked& c) {
  return c.params.get<std::vector<double>>("tiers");
}

}  // namespace

TEST_CASE("a list of numbers is read flow or block and defaults to its declared list", "[config]") {
  CHECK(tiers_of(check("tiers: [0, 0.25, 2]\n", plan_schema(), "plan.params")) ==
        std::vector<double>{0, 0.25, 2});
  CHECK(tiers_of(check("tiers:\n  - 1\n  - 1e-3\n  - +7\n", plan_schema(), "plan.params")) ==
        std::vector<double>{1, 0.001, 7});
  CHECK(tiers_of(check("rate: 0.2\n", plan_schema(), "plan.params")) ==
        std::vector<double>{0, 0.5, 1.0});
  // Empty is allowed: whether it makes sense is the plugin's to say.
  const auto empty = check("tiers: []\n", plan_schema(), "plan.params");
  CHECK(empty.problems.empty());
  CHECK(tiers_of(empty).empty());
}

TEST_CASE("a bad item of a list is located at the item with its index", "[config]") {
  SECTION("not a number") {
    const auto c = check("tiers: [0, 0.5, x]\n", plan_schema(), "plan.params");
    CHECK(
        lines(c.problems) ==
        std::vector<std::string>{"t.yaml:1:17: plan.params.tiers[2]: expected a number, got 'x'"});
    CHECK_FALSE(c.params.has("tiers"));
  }
  SECTION("out of range: the range applies to every item") {
    const auto c = check("tiers:\n  - 0\n  - 12\n", plan_schema(), "plan.params");
    CHECK(lines(c.problems) ==
          std::vector<std::string>{"t.yaml:3:5: plan.params.tiers[1]: must be in [0, 10], got 12"});
  }
  SECTION("every bad item is reported in order") {
    const auto c = check("tiers: [-1, 0.5, .nan, [1], ~]\n", plan_schema(), "plan.params");
    CHECK(lines(c.problems) ==
          std::vector<std::string>{
              "t.yaml:1:9: plan.params.tiers[0]: must be in [0, 10], got -1",
              "t.yaml:1:18: plan.params.tiers[2]: expected a number, got '.nan'",
              "t.yaml:1:24: plan.params.tiers[3]: expected a number, got a list",
              "t.yaml:1:29: plan.params.tiers[4]: expected a number, got nothing"});
  }
}

TEST_CASE("a scalar or a map where a list of numbers belongs", "[config]") {
  CHECK(lines(check("tiers: 0.5\n", plan_schema(), "plan.params").problems) ==
        std::vector<std::string>{
            "t.yaml:1:8: plan.params.tiers: expected a list of numbers, got '0.5'"});
  CHECK(lines(check("tiers: {a: 1}\n", plan_schema(), "plan.params").problems) ==
        std::vector<std::string>{
            "t.yaml:1:8: plan.params.tiers: expected a list of numbers, got a map"});
  CHECK(lines(check("tiers:\n", plan_schema(), "plan.params").problems) ==
        std::vector<std::string>{
            "t.yaml:1:1: plan.params.tiers: expected a list of numbers, got nothing"});
}

TEST_CASE("a list written as one scalar by an override is read as a list", "[config]") {
  YAML::Node node = YAML::Load("tiers: [0]\n");
  node["tiers"] = YAML::Node(std::string("[0,0.5,1]"));
  Report report("t.yaml");
  Params p = check_params(node, plan_schema(), "plan.params", report.locate(node, ""), report);
  CHECK(report.ok());
  CHECK(p.get<std::vector<double>>("tiers") == std::vector<double>{0, 0.5, 1});

  node["tiers"] = YAML::Node(std::string("[0, x, 11]"));
  Report bad("t.yaml");
  check_params(node, plan_schema(), "plan.params", bad.locate(node, ""), bad);
  CHECK(lines(bad.sorted()) ==
        std::vector<std::string>{"--set: plan.params.tiers[1]: expected a number, got 'x'",
                                 "--set: plan.params.tiers[2]: must be in [0, 10], got 11"});
}

TEST_CASE("a list of numbers is written as a flow list that reads back", "[config]") {
  CHECK(value_text(Value(std::vector<double>{0, 0.5, 1})) == "[0, 0.5, 1]");
  CHECK(value_text(Value(std::vector<double>{})) == "[]");
  CHECK(value_text(Value(std::vector<double>{0.1, 1e-7, 250000})) == "[0.1, 1e-07, 250000]");
  const std::vector<double> odd{0.1 + 0.2, 1.0 / 3.0};
  const auto c = check("tiers: " + value_text(Value(odd)) + "\n", plan_schema(), "plan.params");
  CHECK(tiers_of(c) == odd);  // shortest text that reads back as the same doubles
  CHECK(expected_phrase(ParamType::number_list) == "a list of numbers");
  CHECK(std::string(type_name(ParamType::number_list)) == "list of numbers");
  CHECK(check_allowed(in_range(0, 1), Value(std::vector<double>{0, 1.5}), "") ==
        "must be in [0, 1], got 1.5 (item [1])");
  CHECK_FALSE(check_allowed(in_range(0, 1), Value(std::vector<double>{0, 1}), "").has_value());
}

TEST_CASE("a number out of a double's range says whether it is too small or too large",
          "[config]") {
  const auto message = [](const std::string& yaml) {
    const auto c = check(yaml, market_schema());
    REQUIRE(c.problems.size() == 1);
    return c.problems[0].str();
  };
  CHECK(message("fit_mean: 1e-400\n") ==
        "t.yaml:1:11: market.fit_mean: expected a number, got '1e-400', which is too close to "
        "zero to be held as a number (nearer than about 1e-308); write 0 for zero");
  CHECK(message("fit_mean: -0.0000000000000000000000000000000000000000000000000000000000001e-300\n")
            .find("too close to zero") != std::string::npos);
  CHECK(message("fit_mean: 1e400\n") ==
        "t.yaml:1:11: market.fit_mean: expected a number, got '1e400', which is too large "
        "(beyond about ±1.8e308)");
  CHECK(message("fit_mean: 0.001e+99999999999999999999999\n").find("too large") !=
        std::string::npos);
  CHECK(message("fit_mean: 1e-99999999999999999999999\n").find("too close to zero") !=
        std::string::npos);
}

TEST_CASE("a name is never empty, a page long, or holding a control character", "[config]") {
  const auto problems = [](const std::string& yaml) {
    return lines(check(yaml, channel_schema(), "channels[0]").problems);
  };
  CHECK(problems("name: search\ncost_per_lead: 1.00\n").empty());
  CHECK(problems("name: ' '\ncost_per_lead: 1.00\n") ==
        std::vector<std::string>{"t.yaml:1:7: channels[0].name: the name is empty: give one"});
  CHECK(problems("name: \"a\\0b\"\ncost_per_lead: 1.00\n") ==
        std::vector<std::string>{"t.yaml:1:7: channels[0].name: the name 'a\\0b' holds a control "
                                 "character (\\0); a name is printable text: remove it"});
  CHECK(problems("name: " + std::string(300000, 'x') + "\ncost_per_lead: 1.00\n") ==
        std::vector<std::string>{"t.yaml:1:7: channels[0].name: the name '" + std::string(80, 'x') +
                                 "\u2026 (300000 characters)' is 300000 characters long; a name "
                                 "has at most 100: shorten it"});
}

TEST_CASE("an unknown key is quoted short, whatever its length", "[config]") {
  const auto c = check(std::string(1000, 'k') + ": 1\n", market_schema());
  REQUIRE(c.problems.size() == 1);
  const std::string cut = std::string(80, 'k') + "\u2026 (1000 characters)";
  CHECK(c.problems[0].message ==
        "unknown key '" + cut +
            "' (allowed: accounts, fit_mean, budget, cost, prospecting, period)");
  CHECK(c.problems[0].where.key.size() < 200);
}
