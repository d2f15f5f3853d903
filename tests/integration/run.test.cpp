// `tandem run` end to end: the real program, real plugins, real files read back.
#include "run_command.hpp"

#include "data/csv_reader.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <csignal>
#include <map>

using namespace tandem::test;
namespace fs = std::filesystem;

namespace {
const std::string kSmall = project_file("tests/integration/scenarios/small.yaml");

// A CSV the run wrote, header first, read back by the one CSV reader.
std::vector<std::vector<std::string>> read_csv(const fs::path& p) {
  return tandem::csv::read_rows(read_file(p), p.string());
}

// "rep-07.txt": a rep's statements file.
std::string fmt_rep(int i) {
  return std::string("rep-") + (i < 10 ? "0" : "") + std::to_string(i) + ".txt";
}

// Whether a ledger row's pay period ends in the periods the summary measures
// (run.measured.periods, "weeks 7-26": after the warm-up): the rows its pay sums. Weeks
// follow the 4-4-5 calendar (docs/model.md, Time).
bool measured(const nlohmann::json& summary, const std::string& kind, const std::string& index) {
  const std::string text = summary["run"]["measured"]["periods"];
  const bool weeks = text.rfind("weeks", 0) == 0;
  const int first = std::stoi(text.substr(text.find(' ') + 1)),
            last = std::stoi(text.substr(text.find('-') + 1)), i = std::stoi(index);
  const int month_end[3] = {4, 8, 13};
  const int end = kind == "month"     ? (weeks ? 13 * (i / 3) + month_end[i % 3] : i + 1)
                  : kind == "quarter" ? (weeks ? 13 : 3) * (i + 1)
                                      : (weeks ? 52 : 12) * (i + 1);
  return std::min(end, last) >= first;
}

std::size_t column(const std::vector<std::string>& header, const std::string& name) {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return i;
  FAIL("no column " << name);
  return 0;
}
}  // namespace

TEST_CASE("run writes the whole folder, and the ledger sums to the summary to the cent",
          "[integration]") {
  const fs::path dir = scratch("run-folder") / "out";
  const auto r = tandem_cmd("run '" + kSmall + "' --out '" + dir.string() + "'");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  for (const char* f : {"summary.json", "metrics.csv", "ledger.csv", "scenario.yaml"})
    CHECK(fs::exists(dir / f));
  // One statement file per person (the first replication), starting with its owner.
  for (const char* person : {"marketer-01", "marketer-02", "rep-01", "rep-02", "rep-03"}) {
    const auto text = read_file(dir / "statements" / (std::string(person) + ".txt"));
    CHECK(text.rfind(std::string("Statements of ") + person, 0) == 0);
  }
  CHECK(r.out.find("revenue") != std::string::npos);  // the terminal table

  const auto summary = nlohmann::json::parse(read_file(dir / "summary.json"));
  CHECK(summary["run"]["seed"] == 7);
  CHECK(summary["run"]["replications"] == 6);
  CHECK(summary["headline"].contains("mqls_never_worked_share"));

  const auto ledger = read_csv(dir / "ledger.csv");
  REQUIRE(ledger.size() > 1);
  const std::size_t cents = column(ledger[0], "cents"), role = column(ledger[0], "role"),
                    kind = column(ledger[0], "period_kind"),
                    pay_period = column(ledger[0], "pay_period");
  std::map<std::string, long long> by_role;
  long long total = 0;
  CHECK(summary["run"]["measured"]["periods"] == "weeks 7-26");  // 26 weeks: 6 of warm-up
  std::size_t left_out = 0;
  for (std::size_t i = 1; i < ledger.size(); ++i) {
    if (!measured(summary, ledger[i][kind], ledger[i][pay_period])) {
      ++left_out;  // the first month (weeks 1-4) is paid in the warm-up
      continue;
    }
    by_role[ledger[i][role]] += std::stoll(ledger[i][cents]);
    total += std::stoll(ledger[i][cents]);
  }
  const auto& pay = summary["pay"];
  CHECK(left_out > 0);
  CHECK(pay["total_cents"].get<long long>() == total);
  CHECK(pay["by_role"]["marketing"]["total_cents"].get<long long>() == by_role["marketing"]);
  CHECK(pay["by_role"]["sales"]["total_cents"].get<long long>() == by_role["sales"]);
  CHECK(summary["ledger_rows"].get<std::size_t>() == ledger.size() - 1);
  // 26 weeks = 6 months on a 4-4-5 calendar (4+4+5+4+4+5), paid monthly, 6 replications:
  // marketing gets one salary row per person per month.
  std::size_t salary_rows = 0;
  const std::size_t component = column(ledger[0], "component");
  for (std::size_t i = 1; i < ledger.size(); ++i)
    salary_rows += ledger[i][component] == "salary" ? 1 : 0;
  CHECK(salary_rows == 6u * 2 * 6);

  const auto metrics = read_csv(dir / "metrics.csv");
  REQUIRE(!metrics.empty());
  CHECK(metrics[0] ==
        std::vector<std::string>{"replication", "period", "role", "agent", "metric", "value"});

  // The resolved scenario.yaml is itself a valid scenario with the same hash.
  const auto again =
      tandem_cmd("run '" + (dir / "scenario.yaml").string() + "' --format json --out '" +
                 (dir.parent_path() / "again").string() + "'");
  REQUIRE(again.exit_code == 0);
  const auto summary2 = nlohmann::json::parse(again.out);
  CHECK(summary2["run"]["scenario_hash"] == summary["run"]["scenario_hash"]);
  CHECK(read_file(dir.parent_path() / "again" / "summary.json") == read_file(dir / "summary.json"));
}

TEST_CASE("the same seed gives byte-identical files with 1 and 2 threads", "[integration]") {
  const fs::path base = scratch("threads");
  const auto one =
      tandem_cmd("run '" + kSmall + "' --threads 1 --out '" + (base / "one").string() + "'");
  const auto two =
      tandem_cmd("run '" + kSmall + "' --threads 2 --out '" + (base / "two").string() + "'");
  REQUIRE(one.exit_code == 0);
  REQUIRE(two.exit_code == 0);
  for (const char* f : {"summary.json", "ledger.csv", "metrics.csv", "scenario.yaml"}) {
    INFO(f);
    CHECK(read_file(base / "one" / f) == read_file(base / "two" / f));
  }
  // And another seed gives other results.
  const auto other =
      tandem_cmd("run '" + kSmall + "' --seed 8 --out '" + (base / "other").string() + "'");
  REQUIRE(other.exit_code == 0);
  CHECK(read_file(base / "other" / "ledger.csv") != read_file(base / "one" / "ledger.csv"));
  CHECK(nlohmann::json::parse(read_file(base / "other" / "summary.json"))["run"]["seed"] == 8);
}

TEST_CASE("format json prints exactly summary.json", "[integration]") {
  const fs::path dir = scratch("json") / "out";
  const auto r = tandem_cmd("run '" + kSmall + "' -r 2 --format json --out '" + dir.string() + "'");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == read_file(dir / "summary.json"));
}

TEST_CASE("set overrides reach the model and the resolved scenario", "[integration]") {
  const fs::path base = scratch("set");
  const auto r = tandem_cmd("run '" + kSmall + "' -r 2 --set sales.pay.params.rate=0.2 --out '" +
                            (base / "out").string() + "'");
  REQUIRE(r.exit_code == 0);
  CHECK(read_file(base / "out" / "scenario.yaml").find("rate: 0.2") != std::string::npos);
}

TEST_CASE("an output folder that cannot be written: exit 2, the reason, nothing left",
          "[integration]") {
  const fs::path base = scratch("unwritable");
  std::ofstream(base / "a-file") << "not a folder\n";
  const fs::path dir = base / "a-file" / "run";
  const auto r = tandem_cmd("run '" + kSmall + "' --out '" + dir.string() + "'");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find((base / "a-file").string()) != std::string::npos);
  CHECK(r.err.find("--out") != std::string::npos);
  // Nothing but the file we made.
  CHECK(std::distance(fs::directory_iterator(base), fs::directory_iterator()) == 1);
}

TEST_CASE("an existing output folder is kept unless --force", "[integration]") {
  const fs::path dir = scratch("existing") / "out";
  REQUIRE(tandem_cmd("run '" + kSmall + "' -r 2 --out '" + dir.string() + "'").exit_code == 0);
  const std::string before = read_file(dir / "summary.json");
  const auto again = tandem_cmd("run '" + kSmall + "' -r 3 --out '" + dir.string() + "'");
  CHECK(again.exit_code == 2);
  CHECK(again.err.find("--force") != std::string::npos);
  CHECK(read_file(dir / "summary.json") == before);
  const auto forced = tandem_cmd("run '" + kSmall + "' -r 3 --force --out '" + dir.string() + "'");
  CHECK(forced.exit_code == 0);
  CHECK(read_file(dir / "summary.json") != before);
}

TEST_CASE("a plugin that throws stops the run: exit 1, named, no folder", "[integration]") {
  const fs::path base = scratch("fault");
  const auto r = tandem_cmd("run '" + project_file("tests/integration/scenarios/faulty_plan.yaml") +
                            "' --plugin-path '" + TANDEM_FIXTURE_PLUGIN_DIR + "' --out '" +
                            (base / "out").string() + "'");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("plugin 'throws'") != std::string::npos);
  CHECK(r.err.find("pay() threw") != std::string::npos);
  CHECK(std::distance(fs::directory_iterator(base), fs::directory_iterator()) == 0);
}

TEST_CASE("a policy that routes to a rep who does not exist stops the run: exit 1",
          "[integration]") {
  const fs::path base = scratch("bad-route");
  const auto r = tandem_cmd("run '" + project_file("tests/integration/scenarios/bad_route.yaml") +
                            "' --plugin-path '" + TANDEM_FIXTURE_PLUGIN_DIR + "' --out '" +
                            (base / "out").string() + "'");
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Matchers::Contains("plugin 'bad_route'"));
  CHECK_THAT(r.err, Catch::Matchers::Contains("route() sent lead"));
  CHECK_THAT(r.err, Catch::Matchers::Contains("to rep 4, but there are 2 (0 to 1)"));
  CHECK(std::distance(fs::directory_iterator(base), fs::directory_iterator()) == 0);
}

TEST_CASE("a plugin built for another SDK is refused by name, exit 2", "[integration]") {
  const fs::path base = scratch("abi");
  const auto r =
      tandem_cmd("run '" + kSmall + "' --set lead_policy.plugin=wrong_abi --plugin-path '" +
                 TANDEM_FIXTURE_PLUGIN_DIR + "' --out '" + (base / "out").string() + "'");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("wrong_abi") != std::string::npos);
  CHECK(r.err.find("SDK 999") != std::string::npos);
  CHECK(r.err.find("rebuild") != std::string::npos);
  CHECK(std::distance(fs::directory_iterator(base), fs::directory_iterator()) == 0);
}

TEST_CASE("usage errors exit 2 and point at --help", "[integration]") {
  CHECK(tandem_cmd("run").exit_code == 2);
  const auto bad = tandem_cmd("run '" + kSmall + "' --format xml");
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("--format") != std::string::npos);
  const auto unknown = tandem_cmd("run '" + kSmall + "' --replicashuns 3");
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("tandem run --help") != std::string::npos);
  CHECK(tandem_cmd("run --help").exit_code == 0);
  CHECK(tandem_cmd("frobnicate").exit_code == 2);
  const auto missing = tandem_cmd("run no-such-scenario.yaml");
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("no-such-scenario.yaml: cannot read the scenario file") !=
        std::string::npos);
}

TEST_CASE("a file that is not a Tandem plugin is refused by name, exit 2", "[integration]") {
  const fs::path base = scratch("not-a-plugin");
  for (const char* name : {"no_entry", "not_a_library"}) {
    INFO(name);
    const auto r =
        tandem_cmd("run '" + kSmall + "' --set sales.pay.plugin=" + name + " --plugin-path '" +
                   TANDEM_FIXTURE_PLUGIN_DIR + "' --out '" + (base / "out").string() + "'");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(std::string("plugin '") + name + "'") != std::string::npos);
    CHECK(r.err.find(std::string(name) + ".so") != std::string::npos);
  }
  CHECK(std::distance(fs::directory_iterator(base), fs::directory_iterator()) == 0);
}

TEST_CASE("a role paid by several plans gets every plan's lines in the ledger", "[integration]") {
  const fs::path dir = scratch("composite") / "out";
  const auto r = tandem_cmd("run '" + project_file("tests/integration/scenarios/composite.yaml") +
                            "' --out '" + dir.string() + "'");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto ledger = read_csv(dir / "ledger.csv");
  const std::size_t plan = column(ledger[0], "plan"), kind = column(ledger[0], "period_kind"),
                    role = column(ledger[0], "role"), cents = column(ledger[0], "cents");
  const std::size_t pay_period = column(ledger[0], "pay_period");
  const auto summary = nlohmann::json::parse(read_file(dir / "summary.json"));
  std::map<std::string, std::size_t> rows;
  long long marketing = 0;
  for (std::size_t i = 1; i < ledger.size(); ++i) {
    if (ledger[i][role] != "marketing") continue;
    ++rows[ledger[i][plan] + "/" + ledger[i][kind]];
    if (measured(summary, ledger[i][kind], ledger[i][pay_period]))
      marketing += std::stoll(ledger[i][cents]);
  }
  // 26 weeks: 6 months and 2 quarters; 2 marketers; 4 replications. salary_mql_bonus writes
  // two lines a month; revenue_bonus one a quarter (no salary line at 0).
  CHECK(rows["salary_mql_bonus/month"] == 6u * 2 * 2 * 4);
  CHECK(rows["revenue_bonus/quarter"] == 2u * 2 * 4);
  CHECK(summary["pay"]["by_role"]["marketing"]["total_cents"].get<long long>() == marketing);
  bool listed = false;
  for (const auto& p : summary["run"]["plugins"])
    if (p["slot"] == "marketing.pay.components[0]") {
      listed = true;
      CHECK(p["name"] == "revenue_bonus");
      CHECK(p["pay_period"] == "quarter");
    }
  CHECK(listed);
  // The resolved scenario keeps the component and runs again to the same summary.
  CHECK(read_file(dir / "scenario.yaml").find("components:") != std::string::npos);
  const auto again = tandem_cmd("run '" + (dir / "scenario.yaml").string() + "' --out '" +
                                (dir.parent_path() / "again").string() + "'");
  REQUIRE(again.exit_code == 0);
  CHECK(read_file(dir.parent_path() / "again" / "summary.json") == read_file(dir / "summary.json"));
}

TEST_CASE("every shipped scenario runs and its ledger reconciles to the cent", "[integration]") {
  int scenarios = 0;
  // Every scenario file (scenarios/payout/ holds plan files for `tandem payout`, and a
  // `mapping.yaml` says how to read a CRM export for `tandem calibrate`).
  for (const auto& e : fs::recursive_directory_iterator(project_file("scenarios"))) {
    if (e.path().extension() != ".yaml" || e.path().parent_path().filename() == "payout" ||
        e.path().filename() == "mapping.yaml")
      continue;
    ++scenarios;
    const fs::path dir = scratch("shipped-" + e.path().parent_path().filename().string() + "-" +
                                 e.path().stem().string()) /
                         "out";
    const auto r =
        tandem_cmd("run '" + e.path().string() + "' --replications 2 --out '" + dir.string() + "'");
    INFO(e.path() << ": " << r.err);
    REQUIRE(r.exit_code == 0);
    const auto ledger = read_csv(dir / "ledger.csv");
    const std::size_t cents = column(ledger[0], "cents"), role = column(ledger[0], "role"),
                      kind = column(ledger[0], "period_kind"),
                      pay_period = column(ledger[0], "pay_period");
    const auto summary = nlohmann::json::parse(read_file(dir / "summary.json"));
    long long total = 0;
    std::map<std::string, long long> by_role;
    for (std::size_t i = 1; i < ledger.size(); ++i) {
      if (!measured(summary, ledger[i][kind], ledger[i][pay_period])) continue;
      total += std::stoll(ledger[i][cents]);
      by_role[ledger[i][role]] += std::stoll(ledger[i][cents]);
    }
    CHECK(summary["pay"]["total_cents"].get<long long>() == total);
    for (const auto& [name, sum] : by_role)
      CHECK(summary["pay"]["by_role"][name]["total_cents"].get<long long>() == sum);
  }
  CHECK(scenarios >= 7);
}

TEST_CASE("the pay mix scenario credits shares and cancellations and reconciles", "[integration]") {
  const fs::path dir = scratch("pay-mix") / "out";
  const auto r = tandem_cmd("run '" + project_file("scenarios/pay_mix.yaml") +
                            "' --replications 2 --out '" + dir.string() + "'");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto ledger = read_csv(dir / "ledger.csv");
  const std::size_t cents = column(ledger[0], "cents"), plan = column(ledger[0], "plan"),
                    kind = column(ledger[0], "period_kind"),
                    pay_period = column(ledger[0], "pay_period");
  const auto summary = nlohmann::json::parse(read_file(dir / "summary.json"));
  long long total = 0;
  std::map<std::string, int> plans;
  for (std::size_t i = 1; i < ledger.size(); ++i) {
    if (measured(summary, ledger[i][kind], ledger[i][pay_period]))
      total += std::stoll(ledger[i][cents]);
    ++plans[ledger[i][plan]];
  }
  CHECK(summary["pay"]["total_cents"].get<long long>() == total);
  for (const char* p : {"clawback", "spiff", "team_pool", "revenue_bonus"}) CHECK(plans[p] > 0);
  CHECK(summary["headline"]["cancelled_deals"]["mean"].get<double>() > 0);
  // Statements name the kinds of credit the scenario's rule gives.
  std::string reps;
  for (int i = 1; i <= 10; ++i) reps += read_file(dir / "statements" / fmt_rep(i));
  for (const char* kind : {" split of ", " team of ", "cancelled: D"}) {
    INFO(kind);
    CHECK(reps.find(kind) != std::string::npos);
  }
  const std::string marketers = read_file(dir / "statements" / "marketer-01.txt") +
                                read_file(dir / "statements" / "marketer-02.txt");
  CHECK(marketers.find(" sourced of ") != std::string::npos);
  CHECK(read_file(dir / "statements" / "sdr-01.txt").find(" qualified of ") != std::string::npos);
  for (const char* p : {"pipeline_bonus"}) CHECK(plans[p] > 0);
}

TEST_CASE("run writes each plan's earnings curve from 0% to 200% attainment", "[integration]") {
  const fs::path dir = scratch("earnings-curve") / "out";
  const auto r = tandem_cmd("run '" + project_file("tests/integration/scenarios/composite.yaml") +
                            "' --replications 2 --out '" + dir.string() + "'");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto rows = read_csv(dir / "earnings_curve.csv");
  REQUIRE(rows.size() > 1);
  const auto& header = rows[0];
  const std::size_t slot = column(header, "slot"), attainment = column(header, "attainment"),
                    basis = column(header, "basis"), row = column(header, "row"),
                    cents = column(header, "cents");
  CHECK(header.back() == "reason");
  // Each plan (marketing's two, sales' one): 21 totals, 0.0 to 2.0, each the sum of its
  // components, never falling.
  std::map<std::string, std::vector<long long>> totals;
  std::map<std::string, long long> components;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const std::string point = rows[i][slot] + " " + rows[i][attainment];
    if (rows[i][row] == "total") {
      CHECK(std::stoll(rows[i][cents]) == components[point]);
      totals[rows[i][slot]].push_back(std::stoll(rows[i][cents]));
    } else {
      components[point] += std::stoll(rows[i][cents]);
    }
    if (rows[i][slot] == "sales.pay") CHECK(rows[i][basis] == "run average");
  }
  CHECK(totals.size() == 3);
  for (const char* s : {"marketing.pay", "marketing.pay.components[0]", "sales.pay"}) {
    INFO(s);
    REQUIRE(totals[s].size() == 21);
    for (std::size_t i = 1; i < 21; ++i) CHECK(totals[s][i] >= totals[s][i - 1]);
  }
  CHECK(rows[1][attainment] == "0.0");
  CHECK(rows.back()[attainment] == "2.0");
  CHECK(totals["sales.pay"].front() == 0);  // commission only: nothing at 0%
  CHECK(totals["sales.pay"].back() > 0);
}

TEST_CASE("every kind of plugin fault stops the run by name and leaves no folder",
          "[integration]") {
  struct Fault {
    const char* set;     // which plugin the scenario names
    int exit_code;       // 1: it failed while running; 2: refused before anything ran
    const char* plugin;  // named in the message
    const char* what;    // what it did
  };
  const Fault faults[] = {
      {"sales.pay.plugin=throws", 1, "plugin 'throws'", "pay() threw"},
      {"sales.pay.plugin=nan", 1, "plugin 'nan'", "not a finite number"},
      {"sales.pay.plugin=negative", 1, "plugin 'negative'", "negative amount -5.00"},
      {"lead_policy.plugin=policy_throws", 1, "plugin 'policy_throws'", "threw"},
      {"lead_policy.plugin=bad_route", 1, "plugin 'bad_route'", "route() sent lead"},
      {"sales.pay.plugin=wrong_abi", 2, "plugin 'wrong_abi'", "built against Tandem SDK 999"},
      {"sales.pay.plugin=no_entry", 2, "plugin 'no_entry'", "is not a Tandem plugin"},
      {"sales.pay.plugin=not_a_library", 2, "plugin 'not_a_library'", "cannot load"},
      {"sales.pay.plugin=no_such_plan", 2, "no plugin named 'no_such_plan'", "Available:"},
  };
  for (const Fault& f : faults) {
    SECTION(f.set) {
      const fs::path base = scratch(std::string("faults-") + f.plugin);
      const auto r =
          tandem_cmd("run '" + project_file("tests/integration/scenarios/faulty_plan.yaml") +
                     "' --set " + f.set + " --plugin-path '" + TANDEM_FIXTURE_PLUGIN_DIR +
                     "' --no-history --out '" + (base / "out").string() + "'");
      INFO(r.err);
      CHECK(r.exit_code == f.exit_code);
      CHECK_THAT(r.err, Catch::Matchers::Contains(f.plugin));
      CHECK_THAT(r.err, Catch::Matchers::Contains(f.what));
      // Nothing that could be mistaken for a result: no folder, not even a partial one.
      CHECK(std::distance(fs::directory_iterator(base), fs::directory_iterator()) == 0);
    }
  }
}

TEST_CASE("a scenario name cannot lead the default run folder out of runs", "[integration]") {
  const fs::path base = scratch("folder-name");
  // No --out: the folder is runs/<name>-<time>, and the name is the scenario's to choose.
  const auto r = tandem_cmd("run '" + kSmall + "' --replications 1 --set 'name=../../escaped'",
                            "cd '" + base.string() + "' &&");
  REQUIRE(r.exit_code == 0);
  std::vector<fs::path> made;
  for (const auto& e : fs::directory_iterator(base)) made.push_back(e.path().filename());
  REQUIRE(made == std::vector<fs::path>{"runs"});
  std::vector<std::string> runs;
  for (const auto& e : fs::directory_iterator(base / "runs")) runs.push_back(e.path().filename());
  REQUIRE(runs.size() == 1);
  CHECK(runs[0].rfind("_._.._escaped-", 0) == 0);
  CHECK(fs::exists(base / "runs" / runs[0] / "summary.json"));
}

TEST_CASE("Ctrl-C during a run stops it between replications and leaves no folder",
          "[integration]") {
  const fs::path base = scratch("interrupt");
  // Long enough that it is still simulating when the signal comes (about 25 ms a
  // replication); the signal is sent once the partial folder shows the run has begun.
  const auto r =
      signal_once_begun({"run", project_file("scenarios/baseline.yaml"), "--replications", "5000",
                         "--threads", "2", "--out", (base / "run").string()},
                        base, SIGINT);
  CHECK(r.exit_code == 130);
  CHECK_THAT(r.err, Catch::Matches("interrupted after [0-9]+ of 5000 replications; "
                                   "nothing was written\n"));
  CHECK(fs::is_empty(base));  // neither the folder nor the partial one
}
