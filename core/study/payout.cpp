#include "study/payout.hpp"

#include "engine/pay_history.hpp"
#include "output/output_file.hpp"
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

Payout payout(const PlanFile& plan, std::vector<CreditedPeriod> credited) {
  Payout out;
  if (plan.role) {
    std::erase_if(credited, [&](const CreditedPeriod& c) {
      const bool other = c.role != *plan.role;
      out.skipped += other ? 1 : 0;
      return other;
    });
  }

  Stream stream(0, 0, 0);  // a pay plan draws nothing; make_pay_plan takes one all the same
  const GuardedPayPlan pay_plan(*plan.plugin, plan.plugin->make_pay_plan(plan.params, stream));

  out.ledger = payout_ledger_header();
  std::map<std::string, std::set<std::string>> people;
  PayHistory history;
  const std::string* person = nullptr;
  for (const auto& c : credited) {
    if (!person || *person != c.person) history.clear();  // rows come by person, then period
    person = &c.person;
    Credits credits = c.credits;
    credits.earlier = history.earlier();
    const Statement statement = pay_plan.pay(credits, c.pay_period);
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
  return payout(plan, read_credited_results(results, plan.period, Roster{plan.people, plan.role}));
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
