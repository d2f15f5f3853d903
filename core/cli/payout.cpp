// `tandem payout PLAN --results CSV`: a pay plan applied to given credited results
// (historical or forecast), without a simulation (study/payout.hpp). Prints one statement
// per person and pay period, writes the ledger (atomically: a partial file is never left
// under its name), and ends with the total paid per role, which equals the sum of the
// ledger's cents.
#include "cli/verbs.hpp"

#include "config/plan_file.hpp"
#include "plugins/registry.hpp"
#include "study/payout.hpp"

#include <tandem/errors.hpp>

#include <fmt/core.h>

#include <string>

namespace po = boost::program_options;

namespace tandem::cli {

namespace {
constexpr const char* kUsage =
    "tandem payout PLAN --results CSV [--out FILE] [--force] [--plugin-path DIR]...";
}  // namespace

int payout_verb(const Args& args) {
  std::string plan_path, results_path, out = "payout-ledger.csv";
  bool force = false;
  PluginPathOption plugin_path;
  po::options_description options("options");
  options.add_options()("plan", po::value(&plan_path), "the plan file (YAML)")(
      "results", po::value(&results_path),
      "credited results per person and period (CSV; see docs/payout.md)")(
      "out", po::value(&out), "the ledger file to write (default: payout-ledger.csv)")(
      "force", po::bool_switch(&force), "replace the ledger file if it exists (never an input)");
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
  // The ledger never replaces one of its own inputs, and another file only when asked.
  std::error_code ec;
  for (const auto& [input, what] :
       {std::pair{&plan_path, "the plan"}, {&results_path, "the results"}})
    if (std::filesystem::equivalent(out, *input, ec))
      throw UsageError("tandem payout: --out " + out + " is " + what +
                       " file itself; the ledger never replaces an input: choose another name");
  if (std::filesystem::exists(out, ec) && !std::filesystem::is_directory(out, ec) && !force)
    throw UsageError("tandem payout: --out " + out +
                     " already exists: pass --force to replace it, or choose another name");

  PluginRegistry registry(plugin_search_path(plugin_path.paths));
  const PlanFile plan = load_plan_file(plan_path, registry);
  const study::Payout paid = study::payout(plan, results_path);
  study::write_ledger(out, paid.ledger);

  fmt::print("{}", paid.statements);
  if (paid.skipped > 0)
    fmt::print("skipped {} row{} of other roles: the plan pays {} only\n", paid.skipped,
               paid.skipped == 1 ? "" : "s", *plan.role);
  if (paid.totals.empty()) fmt::print("no results to pay\n");
  fmt::print("{}", totals_text(paid.totals));
  fmt::print("ledger: {} ({} row{})\n", out, paid.ledger_rows, paid.ledger_rows == 1 ? "" : "s");
  return 0;
}

}  // namespace tandem::cli
