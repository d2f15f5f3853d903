// --set overrides (config/overrides.hpp): paths by key, by index and by name, created maps,
// and problems located at "--set".
#include "config/overrides.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace tandem;
using namespace tandem::config;

namespace {

constexpr const char* kFile = R"(market: {accounts: 4000}
channels:
  - {name: paid_search, budget_per_period: 5000.00}
  - {name: events, budget_per_period: 800.00}
sales: {people: 3}
)";

struct Applied {
  YAML::Node root;
  std::vector<std::string> problems;
};

Applied apply(const std::vector<std::string>& overrides, const char* yaml = kFile) {
  Applied a{YAML::Load(yaml), {}};
  Report report("t.yaml");
  apply_overrides(a.root, overrides, report);
  for (const auto& p : report.sorted()) a.problems.push_back(p.str());
  return a;
}

std::string at(const YAML::Node& root, const std::vector<std::string>& path) {
  YAML::Node n = YAML::Clone(root);
  for (const auto& p : path) {
    YAML::Node next = n.IsSequence() ? n[std::stoul(p)] : n[p];
    n.reset(next);
  }
  return n.IsScalar() ? n.Scalar() : "<not a scalar>";
}

}  // namespace

TEST_CASE("an override replaces a value in a map", "[config]") {
  const auto a = apply({"market.accounts=5000"});
  CHECK(a.problems.empty());
  CHECK(at(a.root, {"market", "accounts"}) == "5000");
  CHECK(a.root["market"]["accounts"].Mark().is_null());  // made by --set: no file position
}

TEST_CASE("a list item is picked by index, by [index] or by name", "[config]") {
  SECTION("index") {
    const auto a = apply({"channels.1.budget_per_period=9000"});
    CHECK(a.problems.empty());
    CHECK(at(a.root, {"channels", "1", "budget_per_period"}) == "9000");
    CHECK(at(a.root, {"channels", "0", "budget_per_period"}) == "5000.00");
  }
  SECTION("[index], as messages print it") {
    const auto a = apply({"channels[1].budget_per_period=9000"});
    CHECK(a.problems.empty());
    CHECK(at(a.root, {"channels", "1", "budget_per_period"}) == "9000");
  }
  SECTION("name") {
    const auto a = apply({"channels.events.budget_per_period=1200.50"});
    CHECK(a.problems.empty());
    CHECK(at(a.root, {"channels", "1", "budget_per_period"}) == "1200.50");
  }
  SECTION("one past the end adds an item") {
    const auto a = apply({"channels.2.name=email", "channels.email.cost_per_lead=40"});
    CHECK(a.problems.empty());
    REQUIRE(a.root["channels"].size() == 3);
    CHECK(at(a.root, {"channels", "2", "name"}) == "email");
    CHECK(at(a.root, {"channels", "2", "cost_per_lead"}) == "40");
  }
}

TEST_CASE("missing maps on the way are created", "[config]") {
  const auto a = apply({"sales.pay.params.rate=0.12", "deals.median_size=30000"});
  CHECK(a.problems.empty());
  CHECK(at(a.root, {"sales", "pay", "params", "rate"}) == "0.12");
  CHECK(at(a.root, {"sales", "people"}) == "3");  // the rest of the section stays
  CHECK(at(a.root, {"deals", "median_size"}) == "30000");
}

TEST_CASE("the value is read as one YAML scalar", "[config]") {
  CHECK(at(apply({"sales.name='Q3 plan: west'"}).root, {"sales", "name"}) == "Q3 plan: west");
  CHECK(at(apply({"sales.name=a=b"}).root, {"sales", "name"}) == "a=b");  // first '=' splits
  CHECK(at(apply({"sales.name=[1, 2]"}).root, {"sales", "name"}) == "[1, 2]");
  CHECK(apply({"sales.people="}).root["sales"]["people"].IsNull());
}

TEST_CASE("a later override wins", "[config]") {
  CHECK(at(apply({"market.accounts=1", "market.accounts=2"}).root, {"market", "accounts"}) == "2");
}

TEST_CASE("a malformed override is a problem at --set", "[config]") {
  CHECK(
      apply({"market.accounts"}).problems ==
      std::vector<std::string>{
          "--set: expected KEY=VALUE (such as sales.pay.params.rate=0.12), got 'market.accounts'"});
  CHECK(apply({"=5"}).problems ==
        std::vector<std::string>{
            "--set: expected KEY=VALUE (such as sales.pay.params.rate=0.12), got '=5'"});
  CHECK(apply({"market..accounts=5"}).problems ==
        std::vector<std::string>{"--set: market..accounts: a key is names joined by dots (such as "
                                 "channels.0.cost_per_lead), got 'market..accounts'"});
}

TEST_CASE("a path that cannot be followed is a problem at --set", "[config]") {
  SECTION("an unknown item name, with the nearest one") {
    CHECK(apply({"channels.paid_serch.cost_per_lead=1"}).problems ==
          std::vector<std::string>{"--set: channels.paid_serch.cost_per_lead: no item named "
                                   "'paid_serch' in 'channels'; did you mean 'paid_search'? "
                                   "(names: paid_search, events)"});
  }
  SECTION("an index past the end") {
    CHECK(apply({"channels.7.cost_per_lead=1"}).problems ==
          std::vector<std::string>{"--set: channels.7.cost_per_lead: 'channels' has 2 items; use "
                                   "an index up to 2 (2 adds one) or an item's name"});
  }
  SECTION("through a value") {
    CHECK(apply({"market.accounts.x=1"}).problems ==
          std::vector<std::string>{"--set: market.accounts.x: 'market.accounts' is '4000', not a "
                                   "map or a list, so it has no 'x'"});
  }
  SECTION("the other overrides still apply") {
    const auto a = apply({"nope", "market.accounts=9"});
    CHECK(a.problems.size() == 1);
    CHECK(at(a.root, {"market", "accounts"}) == "9");
  }
}

TEST_CASE("an overridden value goes through the validator, located at --set", "[config]") {
  YAML::Node root = YAML::Load(kFile);
  Report report("t.yaml");
  apply_overrides(root, {"market.acounts=5000", "market.accounts=abc"}, report);
  const Schema s = Schema("market", "").param<std::int64_t>("accounts", 1, "Accounts.");
  const YAML::Node market = root["market"];
  check_params(market, s, "market", report.locate(market, "market"), report);
  std::vector<std::string> problems;
  for (const auto& p : report.sorted()) problems.push_back(p.str());
  // In the map's order: `accounts` was replaced where it stood, `acounts` was added after it.
  CHECK(problems == std::vector<std::string>{
                        "--set: market.accounts: expected an integer, got 'abc'",
                        "--set: market.acounts: unknown key 'acounts'; did you mean 'accounts'? "
                        "(allowed: accounts)"});
}
