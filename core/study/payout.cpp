#include "study/payout.hpp"

#include "common/did_you_mean.hpp"
#include "engine/pay_history.hpp"
#include "output/output_file.hpp"
#include "plugins/fault_guard.hpp"
#include "plugins/registry.hpp"

#include <tandem/errors.hpp>
#include <tandem/random.hpp>

#include <cerrno>
#include <cstring>
#include <set>
#include <system_error>

#include <unistd.h>

namespace fs = std::filesystem;

namespace tandem::study {

namespace {

// The plugin's check again, with what the results give that a plan may need (ParamProblem's
// context keys): a team pool split by salary on results without salaries is refused before
// anything is paid, located at `split` in the plan file, like a scenario's.
void check_in_context(const PlanFile& plan, const std::vector<CreditedPeriod>& credited,
                      const std::string& results) {
  if (credited.empty()) return;
  // The team with the smallest salaries: the one a split by salary fails on first.
  const CreditedPeriod* least = &credited.front();
  for (const auto& c : credited)
    if (c.credits.team.salaries < least->credits.team.salaries) least = &c;
  Params params = plan.params;
  params.set(kTeamSalariesKey, least->credits.team.salaries);
  std::vector<ParamProblem> problems;
  try {
    problems = plan.plugin->check(params);
  } catch (const Error& e) {
    Location at = plan.where;
    at.key = "plan.params";
    throw ScenarioError(
        {Problem{at, "'" + plan.plugin->name() + "' rejects these parameters: " + e.what()}});
  }
  std::vector<Problem> out;
  for (const ParamProblem& problem : problems)
    out.push_back(
        {problem.key.empty()
             ? Location{plan.where.file, plan.where.line, plan.where.column, "plan.params"}
             : plan.param(problem.key),
         problem.message + " (" + results + ": the " + least->role + " team in " + least->period +
             " has salaries of " + least->credits.team.salaries.str() + ")"});
  if (!out.empty()) throw ScenarioError(out);
}

}  // namespace

Payout payout(const PlanFile& plan, std::vector<CreditedPeriod> credited,
              const std::string& results) {
  Payout out;
  std::set<std::string> roles;  // of the results
  for (const auto& c : credited) roles.insert(c.role);
  if (plan.role) {
    std::erase_if(credited, [&](const CreditedPeriod& c) {
      const bool other = c.role != *plan.role;
      out.skipped += other ? 1 : 0;
      return other;
    });
  }

  if (plan.role && credited.empty() && !roles.empty()) {
    // Paying no one is never what a payout is for: a role the results do not have.
    const std::vector<std::string> have(roles.begin(), roles.end());
    throw ScenarioError(
        {Problem{plan.role_where,
                 results + " has no rows of role '" + *plan.role + "'" +
                     did_you_mean(*plan.role, have) + " (its roles: " + join(have) +
                     "); set role to one of those, or give results with rows of " + *plan.role}});
  }
  check_in_context(plan, credited, results);

  Stream stream(0, 0, 0);  // a pay plan draws nothing; make_pay_plan takes one all the same
  const GuardedPayPlan pay_plan(*plan.plugin, plan.plugin->make_pay_plan(plan.params, stream));

  out.ledger = payout_ledger_header();
  std::map<std::string, std::set<std::string>> people;
  PayHistory history;
  const std::string* person = nullptr;
  const fault_guard::WatchedStdout watched;  // a plan that prints is named, not shown
  for (const auto& c : credited) {
    if (!person || *person != c.person) history.clear();  // rows come by person, then period
    person = &c.person;
    Credits credits = c.credits;
    credits.earlier = history.earlier();
    const Statement statement = pay_plan.pay(credits, c.pay_period, c.person);
    history.record(c.credits);
    out.statements += statement_text(c, statement) + "\n";
    out.ledger += payout_ledger_rows(c, plan.plugin->name(), statement);
    out.ledger_rows += statement.lines().size();
    RoleTotal& t = out.totals[c.role];
    t.total += statement.total();
    ++t.statements;
    people[c.role].insert(c.person);
  }
  for (auto& [role, t] : out.totals) t.people = people[role].size();
  return out;
}

Payout payout(const PlanFile& plan, const fs::path& results) {
  return payout(plan, read_credited_results(results, plan.period, Roster{plan.people, plan.role}),
                results.string());
}

void write_ledger(const fs::path& target, const std::string& ledger) {
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
    write_file(partial, ledger);
  } catch (const OutputError& e) {
    throw fail(e.what());
  }
  fs::rename(partial, target, ec);
  if (ec) throw fail(ec.message());
  cleanup.done = true;
}

}  // namespace tandem::study
