// `tandem payout PLAN --results CSV`: a pay plan applied to given credited results
// (historical or forecast), without a simulation. Prints one statement per person and pay
// period, writes the ledger (atomically: a partial file is never left under its name), and
// ends with the total paid per role, which equals the sum of the ledger's cents.
#include "cli/verbs.hpp"

#include "config/plan_file.hpp"
#include "data/credited_results.hpp"
#include "output/output_file.hpp"
#include "output/statement_text.hpp"
#include "plugins/registry.hpp"

#include <tandem/errors.hpp>
#include <tandem/random.hpp>

#include <fmt/core.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <system_error>
#include <vector>

#include <unistd.h>

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace tandem::cli {

namespace {

constexpr const char* kUsage =
    "tandem payout PLAN --results CSV [--out FILE] [--plugin-path DIR]...";

// Writes `text` to `target` through a hidden sibling renamed into place once complete, so
// the ledger's name never holds a partial file. Throws OutputError naming the file.
void write_atomically(const fs::path& target, const std::string& text) {
  const auto fail = [&](const std::string& why) {
    return OutputError("cannot write the ledger '" + target.string() + "': " + why +
                       "; choose a writable file with --out");
  };
  const fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::error_code ec;
  if (!fs::is_directory(folder, ec))
    throw fail(fs::exists(folder, ec) ? "'" + folder.string() + "' is a file, not a folder"
                                      : "there is no folder '" + folder.string() + "'");
  if (fs::is_directory(target, ec)) throw fail("it is a folder");
  if (::access(folder.c_str(), W_OK) != 0) throw fail(std::strerror(errno));

  const fs::path partial =
      folder / ("." + target.filename().string() + ".partial-" + std::to_string(::getpid()));
  struct Cleanup {
    const fs::path& path;
    bool done = false;
    ~Cleanup() {
      std::error_code ignored;
      if (!done) fs::remove(path, ignored);
    }
  } cleanup{partial};
  try {
    write_file(partial, text);
  } catch (const OutputError& e) {
    throw fail(e.what());
  }
  fs::rename(partial, target, ec);
  if (ec) throw fail(ec.message());
  cleanup.done = true;
}

}  // namespace

int payout_verb(const Args& args) {
  std::string plan_path, results_path, out = "payout-ledger.csv";
  PluginPathOption plugin_path;
  po::options_description options("options");
  options.add_options()("plan", po::value(&plan_path), "the plan file (YAML)")(
      "results", po::value(&results_path),
      "credited results per person and period (CSV; see docs/payout.md)")(
      "out", po::value(&out), "the ledger file to write (default: payout-ledger.csv)");
  plugin_path.add_to(options);
  po::positional_options_description positionals;
  positionals.add("plan", 1);
  po::variables_map vm;
  if (!parse("payout", kUsage, args, options, positionals, vm)) return 0;
  if (plan_path.empty())
    throw UsageError("tandem payout: no plan given; usage: " + std::string(kUsage));
  if (results_path.empty())
    throw UsageError("tandem payout: no --results given; usage: " + std::string(kUsage));
  if (out.empty()) throw UsageError("tandem payout: --out is empty; name the ledger file");

  PluginRegistry registry(plugin_search_path(plugin_path.paths));
  const PlanFile plan = load_plan_file(plan_path, registry);
  std::vector<CreditedPeriod> credited =
      read_credited_results(results_path, plan.period, Roster{plan.people, plan.role});

  std::size_t skipped = 0;
  if (plan.role) {
    std::erase_if(credited, [&](const CreditedPeriod& c) {
      const bool other = c.role != *plan.role;
      skipped += other ? 1 : 0;
      return other;
    });
  }

  // Only the guarded call: a plugin that throws or pays a negative amount is a PluginFault.
  Stream stream(0, 0, 0);  // a pay plan draws nothing; make_pay_plan takes one all the same
  const GuardedPayPlan pay_plan(*plan.plugin, plan.plugin->make_pay_plan(plan.params, stream));

  std::string text, ledger = payout_ledger_header();
  std::size_t ledger_rows = 0;
  std::map<std::string, RoleTotal> totals;
  std::map<std::string, std::set<std::string>> people;
  // Rows come sorted by person, then period: a person's earlier rows are their history.
  std::vector<Credits> earlier;
  const std::string* person = nullptr;
  for (const auto& c : credited) {
    if (!person || *person != c.person) earlier.clear();
    person = &c.person;
    Credits credits = c.credits;
    credits.earlier = earlier;
    const Statement statement = pay_plan.pay(credits, c.pay_period);
    earlier.push_back(c.credits);
    text += statement_text(c, statement) + "\n";
    ledger += payout_ledger_rows(c, plan.plugin->name(), statement);
    ledger_rows += statement.lines().size();
    RoleTotal& t = totals[c.role];
    t.total += statement.total();
    ++t.statements;
    people[c.role].insert(c.person);
  }
  for (auto& [role, t] : totals) t.people = people[role].size();

  write_atomically(out, ledger);

  fmt::print("{}", text);
  if (skipped > 0)
    fmt::print("skipped {} row{} of other roles: the plan pays {} only\n", skipped,
               skipped == 1 ? "" : "s", *plan.role);
  if (credited.empty()) fmt::print("no results to pay\n");
  fmt::print("{}", totals_text(totals));
  fmt::print("ledger: {} ({} row{})\n", out, ledger_rows, ledger_rows == 1 ? "" : "s");
  return 0;
}

}  // namespace tandem::cli
