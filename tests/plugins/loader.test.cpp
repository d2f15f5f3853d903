// The plugin loader: the search path, what it refuses and how it says so, and the guard
// that turns a plugin's faults into PluginFault. The fixtures are in tests/fixtures/.
#include "plugin_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>

using namespace tandem;
using namespace tandem::test;
namespace fs = std::filesystem;

namespace {

std::string fixture(const char* name) {
  return (kFixtureDir / (std::string(name) + ".so")).string();
}

// A fresh folder under the test scratch area.
fs::path scratch(const std::string& name) {
  const fs::path dir = fs::path(TANDEM_TEST_TMP) / "plugin_loader" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// A copy of a shipped plugin in `dir` (same name, so only the folder tells them apart).
void copy_shipped(const char* name, const fs::path& dir) {
  fs::copy_file(kShippedDir / (std::string(name) + ".so"), dir / (std::string(name) + ".so"),
                fs::copy_options::overwrite_existing);
}

template <class E>
E caught(const std::function<void()>& f) {
  try {
    f();
  } catch (const E& e) {
    return e;
  }
  FAIL("expected an exception");
  throw;  // unreachable: FAIL throws
}

}  // namespace

TEST_CASE("the plugin path: --plugin-path, then TANDEM_PLUGIN_PATH, then beside the program",
          "[plugin]") {
  const ScopedPluginPath env(std::string("/env/one::/env/two/:"));
  const auto path = plugin_search_path({"/cli/a", "/cli/b", "/cli/a"});
  REQUIRE(path.size() == 5);
  CHECK(path[0] == "/cli/a");
  CHECK(path[1] == "/cli/b");  // a repeated folder is searched once
  CHECK(path[2] == "/env/one");
  CHECK(path[3] == "/env/two");
  CHECK(path[4].filename() == "plugins");
  // This test program is <build>/bin/plugin_tests: beside it is the build's plugin folder.
  CHECK(fs::equivalent(path[4], kShippedDir));
}

TEST_CASE("the plugin path without TANDEM_PLUGIN_PATH", "[plugin]") {
  const ScopedPluginPath env(std::nullopt);
  const auto path = plugin_search_path({});
  REQUIRE(path.size() == 1);
  CHECK(fs::equivalent(path[0], kShippedDir));
}

TEST_CASE("the first folder on the path that has a plugin wins", "[plugin]") {
  const fs::path cli = scratch("cli"), env_dir = scratch("env");
  copy_shipped("flat_commission", cli);
  copy_shipped("flat_commission", env_dir);
  copy_shipped("score_threshold", env_dir);

  SECTION("--plugin-path before TANDEM_PLUGIN_PATH") {
    const ScopedPluginPath env(env_dir.string());
    PluginRegistry registry(plugin_search_path({cli.string()}));
    CHECK(registry.load("flat_commission").path() == cli / "flat_commission.so");
    CHECK(registry.load("score_threshold").path() == env_dir / "score_threshold.so");
    CHECK(registry.load("salary_mql_bonus").path() == kShippedDir / "salary_mql_bonus.so");
  }
  SECTION("TANDEM_PLUGIN_PATH before the folder beside the program") {
    const ScopedPluginPath env(env_dir.string());
    PluginRegistry registry(plugin_search_path({}));
    CHECK(registry.load("flat_commission").path() == env_dir / "flat_commission.so");
    CHECK(fs::equivalent(registry.load("salary_mql_bonus").path(),
                         kShippedDir / "salary_mql_bonus.so"));
  }
  SECTION("list() shows the file load() picks") {
    PluginRegistry registry({cli, env_dir, kShippedDir});
    const auto listing = registry.list();
    std::vector<std::string> names;
    for (const auto& entry : listing) {
      REQUIRE(entry.plugin);
      names.push_back(entry.plugin->name());
    }
    // Every shipped plugin, once, sorted by name; the copies earlier on the path win.
    std::vector<std::string> shipped;
    for (const auto& f : fs::directory_iterator(kShippedDir))
      if (f.path().extension() == ".so") shipped.push_back(f.path().stem().string());
    std::sort(shipped.begin(), shipped.end());
    CHECK(names == shipped);
    for (const auto& entry : listing) {
      if (entry.plugin->name() == "flat_commission")
        CHECK(entry.path == cli / "flat_commission.so");
      if (entry.plugin->name() == "score_threshold")
        CHECK(entry.path == env_dir / "score_threshold.so");
    }
  }
  SECTION("a folder that does not exist is skipped") {
    PluginRegistry registry({cli / "missing", kShippedDir});
    CHECK(registry.load("flat_commission").path() == kShippedDir / "flat_commission.so");
    CHECK(registry.list().size() == PluginRegistry({kShippedDir}).list().size());
  }
}

TEST_CASE("a loaded plugin is cached", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const LoadedPlugin& first = registry.load("flat_commission");
  CHECK(&registry.load("flat_commission") == &first);
}

TEST_CASE("objects a plugin made outlive the registry that loaded it", "[plugin]") {
  // The library stays loaded for the process: destroying the plan after the registry
  // must still find the plugin's code.
  std::unique_ptr<PluginRegistry> registry =
      std::make_unique<PluginRegistry>(std::vector<fs::path>{kShippedDir});
  const LoadedPlugin& plugin = registry->load("flat_commission");
  Stream stream(1, 0, 0);
  PluginPtr<PayPlan> raw = plugin.make_pay_plan(params_for(plugin), stream);
  registry.reset();
  Credits c;
  c.bookings = money("100.00");
  CHECK(raw->pay(c, month()).total().cents() == 1000);
  raw.reset();
}

TEST_CASE("an unknown plugin: the nearest name, what is available, where it looked", "[plugin]") {
  PluginRegistry registry({kShippedDir, kFixtureDir / "missing"});
  const auto e = caught<PluginNotFound>([&] { registry.load("score_treshold"); });
  CHECK(e.plugin() == "score_treshold");
  CHECK(e.path().empty());
  CHECK(std::string(e.what()) ==
        "no plugin named 'score_treshold' on the plugin path; did you mean 'score_threshold'? "
        "Available: account_based (lead policy), bant (lead policy), clawback (pay plan), "
        "draw (pay plan), flat_commission (pay plan), pipeline_bonus (pay plan), quota_tiers "
        "(pay plan), revenue_bonus (pay plan), salary_mql_bonus (pay plan), "
        "sales_accepted_feedback (lead policy), score_threshold (lead policy), spiff (pay "
        "plan), team_pool (pay plan), warm_body (lead policy). Searched: " +
            kShippedDir.string() + ", " + (kFixtureDir / "missing").string() +
            " (no such folder). Add a folder with --plugin-path or TANDEM_PLUGIN_PATH.");

  const auto far = caught<PluginNotFound>([&] { registry.load("team_spiff"); });
  CHECK_THAT(far.what(), Catch::StartsWith("no plugin named 'team_spiff' on the plugin path. "
                                           "Available: account_based (lead policy), bant"));
  // A name is never a path.
  CHECK_THROWS_AS(registry.load("../plugins/flat_commission"), PluginNotFound);
  CHECK_THROWS_AS(registry.load(""), PluginNotFound);

  PluginRegistry empty({});
  CHECK_THAT(caught<PluginNotFound>([&] { empty.load("x"); }).what(),
             Catch::EndsWith("Available: none. Searched: no folders. Add a folder with "
                             "--plugin-path or TANDEM_PLUGIN_PATH."));
}

TEST_CASE("a library without the entry point is refused", "[plugin]") {
  PluginRegistry registry({kFixtureDir});
  const auto e = caught<PluginLoadError>([&] { registry.load("no_entry"); });
  CHECK(e.plugin() == "no_entry");
  CHECK(e.path() == fixture("no_entry"));
  CHECK(std::string(e.what()) ==
        fixture("no_entry") + " is not a Tandem plugin: it has no tandem_plugin_info entry point");
}

TEST_CASE("a plugin built against another SDK is refused on the ABI number alone", "[plugin]") {
  // Every field after `abi` in the fixture's descriptor is garbage: reading any would crash.
  PluginRegistry registry({kFixtureDir});
  const auto e = caught<PluginAbiMismatch>([&] { registry.load("wrong_abi"); });
  CHECK(e.plugin() == "wrong_abi");
  CHECK(e.path() == fixture("wrong_abi"));
  CHECK(std::string(e.what()) ==
        "built against Tandem SDK 999, but this tandem uses SDK 4: rebuild the plugin against "
        "this Tandem's SDK (find_package(Tandem 1))");
}

TEST_CASE("a file that is not a shared library is refused with the system's reason", "[plugin]") {
  PluginRegistry registry({kFixtureDir});
  const auto e = caught<PluginLoadError>([&] { registry.load("not_a_library"); });
  CHECK(e.plugin() == "not_a_library");
  CHECK(e.path() == fixture("not_a_library"));
  CHECK_THAT(e.what(), Catch::StartsWith("cannot load " + fixture("not_a_library") + ": "));
  CHECK_THAT(e.what(), Catch::Contains("ELF"));
}

TEST_CASE("a plugin whose declared name is not its file name is refused", "[plugin]") {
  PluginRegistry registry({kFixtureDir});
  const auto e = caught<PluginLoadError>([&] { registry.load("misnamed"); });
  CHECK(e.plugin() == "misnamed");
  CHECK(e.path() == fixture("misnamed"));
  CHECK(std::string(e.what()) ==
        "it declares the name 'renamed'; a plugin's file is named after it: rename the file to "
        "renamed.so or the plugin to 'misnamed'");
}

TEST_CASE("list() records what failed and why, and available() names what loads", "[plugin]") {
  PluginRegistry registry({kFixtureDir});
  const auto listing = registry.list();
  std::map<std::string, const PluginListing*> by_name;
  for (const auto& entry : listing) by_name[entry.path.stem().string()] = &entry;
  CHECK(std::is_sorted(listing.begin(), listing.end(),
                       [](const auto& a, const auto& b) { return a.path.stem() < b.path.stem(); }));
  for (const char* bad : {"no_entry", "wrong_abi", "not_a_library", "misnamed"}) {
    INFO(bad);
    REQUIRE(by_name.count(bad));
    CHECK(by_name[bad]->plugin == nullptr);
    CHECK_FALSE(by_name[bad]->problem.empty());
  }
  CHECK_THAT(by_name["wrong_abi"]->problem, Catch::StartsWith("built against Tandem SDK 999"));
  for (const char* good : {"throws", "nan", "negative", "bad_params", "policy_throws",
                           "check_throws", "no_check_entry"}) {
    INFO(good);
    REQUIRE(by_name.count(good));
    REQUIRE(by_name[good]->plugin);
    CHECK(by_name[good]->plugin->name() == good);
    CHECK(by_name[good]->problem.empty());
  }
  CHECK(registry.available(PluginKind::pay_plan) ==
        std::vector<std::string>{"check_throws", "nan", "negative", "no_check_entry",
                                 "third_month_commission", "throws"});
  CHECK(registry.available(PluginKind::lead_policy) ==
        std::vector<std::string>{"bad_params", "bad_route", "policy_throws"});
  CHECK(registry.available().size() == 9);
}

TEST_CASE("a plugin asked for the wrong kind is refused", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const LoadedPlugin& plan = registry.load("flat_commission");
  Stream stream(1, 0, 0);
  const auto e = caught<PluginError>([&] { plan.make_lead_policy(params_for(plan), stream); });
  CHECK(e.plugin() == "flat_commission");
  CHECK(std::string(e.what()) ==
        "'flat_commission' is a pay plan plugin, not a lead policy plugin");
  const LoadedPlugin& policy = registry.load("score_threshold");
  CHECK_THROWS_AS(policy.make_pay_plan(params_for(policy), stream), PluginError);
}

TEST_CASE("a pay plan that throws becomes a PluginFault naming it", "[plugin]") {
  PluginRegistry registry({kFixtureDir});
  const GuardedPayPlan plan = make_plan(registry.load("throws"));
  const auto e = caught<PluginFault>([&] { plan.pay(Credits{}, month()); });
  CHECK(e.plugin() == "throws");
  CHECK(e.path() == fixture("throws"));
  CHECK(std::string(e.what()) == "pay() threw: commission table missing");
}

TEST_CASE("a pay plan that computes NaN becomes a PluginFault", "[plugin]") {
  PluginRegistry registry({kFixtureDir});
  const GuardedPayPlan plan = make_plan(registry.load("nan"));
  const auto e = caught<PluginFault>([&] { plan.pay(Credits{}, month()); });
  CHECK(e.plugin() == "nan");
  CHECK(e.path() == fixture("nan"));
  CHECK(std::string(e.what()) == "pay() threw: money: amount is not a finite number");
}

TEST_CASE("a pay plan that pays a negative amount becomes a PluginFault", "[plugin]") {
  PluginRegistry registry({kFixtureDir});
  const GuardedPayPlan plan = make_plan(registry.load("negative"));
  const auto e = caught<PluginFault>([&] { plan.pay(Credits{}, month()); });
  CHECK(e.plugin() == "negative");
  CHECK(e.path() == fixture("negative"));
  CHECK(std::string(e.what()) == "pay() returned a negative amount -5.00 for component 'x'");
}

TEST_CASE("a plugin constructor that throws becomes a PluginFault", "[plugin]") {
  PluginRegistry registry({kFixtureDir});
  const LoadedPlugin& plugin = registry.load("bad_params");
  const auto e = caught<PluginFault>([&] { make_policy(plugin); });
  CHECK(e.plugin() == "bad_params");
  CHECK(e.path() == fixture("bad_params"));
  CHECK(std::string(e.what()) == "its constructor threw: threshold 50.000000 is not acceptable");
}

TEST_CASE("a lead policy that throws becomes a PluginFault naming the call", "[plugin]") {
  PluginRegistry registry({kFixtureDir});
  GuardedLeadPolicy policy = make_policy(registry.load("policy_throws"));
  const LeadView lead;
  const auto e = caught<PluginFault>([&] { policy.is_mql(lead); });
  CHECK(e.plugin() == "policy_throws");
  CHECK(e.path() == fixture("policy_throws"));
  CHECK(std::string(e.what()) == "is_mql() threw: an exception not derived from std::exception");
  CHECK(policy.accepts(lead));  // the default, not overridden
  CHECK(policy.service_level().recycle_after_periods == ServiceLevel{}.recycle_after_periods);
  CHECK(std::string(caught<PluginFault>([&] { policy.on_outcome(lead, Outcome::won); }).what()) ==
        "on_outcome() threw: outcome for a lead never seen");
}

TEST_CASE("a plugin's check is found by its own entry point, and refuses what it finds",
          "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const LoadedPlugin& spiff = registry.load("spiff");
  const Params empty_window =
      params_for(spiff, {{"from_period", std::int64_t{3}}, {"to_period", std::int64_t{2}}});
  const auto problems = spiff.check(empty_window);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].key == "to_period");
  // Made anyway, the plan is refused by the check, before its constructor runs.
  Stream stream(1, 0, 0);
  const auto e = caught<PluginFault>([&] { spiff.make_pay_plan(empty_window, stream); });
  CHECK(e.plugin() == "spiff");
  CHECK_THAT(e.what(), Catch::StartsWith("its check refused the parameters: to_period: 2 is "
                                         "before from_period (3)"));
  // A plugin that declares no check accepts whatever its schema allowed.
  const LoadedPlugin& flat = registry.load("flat_commission");
  CHECK(flat.check(params_for(flat)).empty());
}

TEST_CASE("a plugin built before the check entry point loads and has no check", "[plugin]") {
  PluginRegistry registry({kFixtureDir});
  const LoadedPlugin& plugin = registry.load("no_check_entry");
  CHECK(plugin.check(params_for(plugin)).empty());
  CHECK_NOTHROW(make_plan(plugin));
}

TEST_CASE("a check that throws becomes a PluginFault naming the plugin", "[plugin]") {
  PluginRegistry registry({kFixtureDir});
  const LoadedPlugin& plugin = registry.load("check_throws");
  const auto e = caught<PluginFault>([&] { plugin.check(params_for(plugin)); });
  CHECK(e.plugin() == "check_throws");
  CHECK(e.path() == fixture("check_throws"));
  CHECK(std::string(e.what()) == "check() threw: rate table missing");
  CHECK_THROWS_AS(make_plan(plugin), PluginFault);
}
