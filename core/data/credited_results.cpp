#include "data/credited_results.hpp"

#include "common/did_you_mean.hpp"
#include "common/input_file.hpp"
#include "common/message_text.hpp"
#include "common/money_fault.hpp"
#include "data/csv_reader.hpp"
#include "data/period_labels.hpp"
#include "model/credit_fields.hpp"

#include <tandem/errors.hpp>
#include <tandem/money.hpp>

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <utility>
#include <vector>

namespace tandem {

namespace {

const std::vector<std::string> kRequired = {"person", "role", "period"};
const std::vector<std::string> kRoles = {"marketing", "sales", "sdr"};

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  return std::string(s.substr(b, s.find_last_not_of(" \t") - b + 1));
}

bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A row whose values all read.
struct Row {
  int line = 0;
  std::string person, role;
  PeriodLabel label;
  Credits credits;
};

class Parser {
 public:
  Parser(std::string file, PeriodKind pay_period, const Roster& roster)
      : file_(std::move(file)), plan_(pay_period), roster_(roster) {}

  std::vector<CreditedPeriod> parse(std::string_view text) {
    // Excel's "CSV UTF-8" starts with a byte-order mark; the reader leaves it out.
    const csv::Table table = csv::split(text);
    const std::vector<csv::Record>& records = table.records;
    if (records.empty()) {
      problem(1, 1, "",
              "the file is empty; the first row names the columns (" +
                  join(results_columns(), ",") + ")");
      throw ScenarioError(problems_);
    }
    // Past either of these, rows and fields are guesses: report it alone.
    if (const auto bad = find_not_text(table.text)) {
      const csv::Position at = table.locate(bad->offset);
      const csv::Record& record = records[at.record];
      problem(record.line, static_cast<int>(at.field) + 1, header_name(records, record, at.field),
              bad->message);
      throw ScenarioError(problems_);
    }
    if (const auto& open = table.unclosed_quote) {
      const csv::Record& record = records[open->record];
      problem(record.line, static_cast<int>(open->field) + 1,
              header_name(records, record, open->field),
              "this field opens a quote (\") that is never closed, so it runs to the end of the "
              "file; close it, and write a quote inside a quoted field as two (\"\")");
      throw ScenarioError(problems_);
    }
    // A quote out of place is read as written, but a name with a stray quote is most
    // likely an export's mistake: refused rather than paid under a name nobody wrote.
    if (const auto& stray = table.stray_quote) {
      const csv::Record& record = records[stray->at.record];
      problem(record.line, static_cast<int>(stray->at.field) + 1,
              header_name(records, record, stray->at.field),
              csv::stray_quote_message(*stray, record.fields[stray->at.field]));
      throw ScenarioError(problems_);
    }
    const bool header_ok = header(records.front());
    if (records.size() == 1 && header_ok) {
      // Paying no one is never what a payout is for: an export filtered to nothing.
      problem(1, 1, "",
              "the file has a header but no rows; give one row per person and period (is the "
              "export filtered to nothing?)");
      throw ScenarioError(problems_);
    }
    std::vector<Row> rows;
    for (std::size_t i = 1; i < records.size(); ++i)
      if (auto r = row(records[i]); r && header_ok) rows.push_back(std::move(*r));
    check_people(rows);
    throw_problems();
    return aggregate(rows);
  }

 private:
  void problem(int line, int column, std::string key, std::string message) {
    // The key is a column's name as the header writes it: shown on one short line.
    problems_.push_back({Location{file_, line, column, shown(key)}, std::move(message)});
  }

  void throw_problems() {
    if (problems_.empty()) return;
    std::stable_sort(problems_.begin(), problems_.end(), [](const Problem& a, const Problem& b) {
      return std::tie(a.where.line, a.where.column) < std::tie(b.where.line, b.where.column);
    });
    throw ScenarioError(problems_);
  }

  // The name the header gives field `field` of `record`; "" for the header itself.
  static std::string header_name(const std::vector<csv::Record>& records, const csv::Record& record,
                                 std::size_t field) {
    const csv::Record& header = records.front();
    if (&record == &header || field >= header.fields.size()) return "";
    return trim(header.fields[field]);
  }

  // Maps column names to positions. False if a required column is missing (rows are still
  // read, for their own problems, but not summed).
  bool header(const csv::Record& h) {
    bool ok = true;
    for (std::size_t i = 0; i < h.fields.size(); ++i) {
      const std::string name = trim(h.fields[i]);
      const int col = static_cast<int>(i) + 1;
      const auto& known = results_columns();
      if (std::find(known.begin(), known.end(), name) == known.end()) {
        problem(h.line, col, name,
                (name.empty() ? std::string("empty column name")
                              : "unknown column '" + shown(name) + "'") +
                    did_you_mean(name, known) + " (columns: " + join(known) + ")");
      } else if (!index_.emplace(name, i).second) {
        problem(h.line, col, name,
                "column '" + name + "' appears twice (first as column " +
                    std::to_string(index_[name] + 1) + ")");
      }
    }
    for (const auto& name : kRequired)
      if (!index_.count(name)) {
        ok = false;
        problem(h.line, 1, name,
                "missing required column '" + name +
                    "'; the header must name person, role "
                    "and period");
      }
    width_ = h.fields.size();
    header_ = h.fields;
    return ok;
  }

  // The value of `name` in `r`, or nothing if the column is absent or the row too short.
  const std::string* cell(const csv::Record& r, const std::string& name, int& col) const {
    const auto it = index_.find(name);
    if (it == index_.end() || it->second >= r.fields.size()) return nullptr;
    col = static_cast<int>(it->second) + 1;
    return &r.fields[it->second];
  }

  std::optional<Row> row(const csv::Record& r) {
    const std::size_t before = problems_.size();
    if (r.fields.size() != width_) {
      // Its fields are shifted, so their own problems would be noise: this one alone,
      // located at the first field missing (named by the header) or the first extra one.
      const std::size_t at = std::min(r.fields.size(), width_);
      problem(
          r.line, static_cast<int>(at) + 1, at < width_ ? trim(header_[at]) : "",
          "this row has " + std::to_string(r.fields.size()) + " fields; the header has " +
              std::to_string(width_) +
              (r.fields.size() > width_ ? ": quote a field that holds a comma (\"Okafor, Chidi\")"
                                        : ": give every column a field, an empty one for nothing"));
      return std::nullopt;
    }
    Row out;
    out.line = r.line;
    int col = 0;
    if (const std::string* v = cell(r, "person", col)) {
      out.person = trim(*v);
      if (out.person.empty())
        problem(r.line, col, "person", "expected a name, got nothing");
      else if (const auto bad = name_problem(out.person))
        problem(r.line, col, "person", "the name '" + shown(out.person) + "' " + *bad);
    }
    if (const std::string* v = cell(r, "role", col)) {
      out.role = trim(*v);
      if (std::find(kRoles.begin(), kRoles.end(), out.role) == kRoles.end())
        problem(r.line, col, "role",
                "expected marketing, sales or sdr, got '" + shown(out.role) + "'" +
                    did_you_mean(out.role, kRoles));
    }
    check_roster(r, out);
    if (const std::string* v = cell(r, "period", col)) {
      const std::string text = trim(*v);
      if (const auto label = PeriodLabel::parse(text)) {
        out.label = *label;
        if (period_rank(label->kind) > period_rank(plan_))
          problem(r.line, col, "period",
                  "'" + shown(text) + "' is a " + to_string(label->kind) +
                      " but the plan pays by " + to_string(plan_) + "; give rows per " +
                      to_string(plan_) + " or less, or set the plan's period to " +
                      to_string(label->kind));
      } else {
        problem(r.line, col, "period",
                "expected a month (2025-03), a quarter (2025-Q1) or a year (2025), got '" +
                    shown(text) + "'");
      }
    }
    for (const auto& c : credit_fields()) {
      const std::string* v = cell(r, c.name, col);
      if (!v) continue;
      const std::string text = trim(*v);
      if (text.empty()) continue;  // an empty cell is 0, like an absent column
      if (c.is_money()) {
        const auto m = Money::parse(text);
        if (!m)
          problem(
              r.line, col, c.name,
              money_fault(text) == MoneyFault::too_large
                  ? "expected an amount (12345.67), got '" + shown(text) + "', which is too large"
                  : "expected an amount with at most two decimals (12345.67), got '" + shown(text) +
                        "'");
        else if (*m < Money{})
          problem(r.line, col, c.name, "expected zero or more, got " + shown(text));
        else
          out.credits.*c.money = *m;
      } else {
        if (!digits(text) || text.size() > 18)
          problem(r.line, col, c.name,
                  "expected a whole number of zero or more, got '" + shown(text) + "'" +
                      (digits(text) ? ", which is too large" : ""));
        else
          out.credits.*c.count = std::stoll(text);
      }
    }
    if (problems_.size() != before) return std::nullopt;
    return out;
  }

  // A person the plan does not pay, in a row of the role it pays.
  void check_roster(const csv::Record& r, const Row& row) {
    const auto& people = roster_.people;
    if (people.empty() || row.person.empty() || name_problem(row.person)) return;
    if (roster_.role && row.role != *roster_.role) return;
    if (std::find(people.begin(), people.end(), row.person) != people.end()) return;
    int col = 0;
    cell(r, "person", col);
    problem(r.line, col, "person",
            "unknown person '" + shown(row.person) + "': not among the plan's people" +
                did_you_mean(row.person, people) + " (people: " + join(people) +
                "); fix the name, or add them to the plan's people");
  }

  // A person has one role, one salary, and each stretch of time once. Each problem names
  // the person's earliest row that conflicts. Per person, the first row of each role,
  // salary and period is kept, so a row is checked against a handful of them (a period's
  // own label, the quarter and year holding it, the months and quarters inside it), not
  // against every earlier row: a long file is read in O(n log n).
  void check_people(const std::vector<Row>& rows) {
    // The earliest row in `firsts` other than those under `except` (nullptr if none).
    const auto earliest_other = [](const auto& firsts, const auto& except) {
      const Row* best = nullptr;
      for (const auto& [k, row] : firsts)
        if (k != except && (!best || row < best)) best = row;
      return best;
    };
    std::map<std::string, FirstRows> by_person;
    for (const auto& r : rows) {
      FirstRows& f = by_person[r.person];
      if (const Row* e = earliest_other(f.role, r.role))
        problem(r.line, static_cast<int>(index_.at("role")) + 1, "role",
                "'" + r.person + "' is " + e->role + " in row " + std::to_string(e->line) +
                    "; a person has one role");
      if (index_.count("salary"))
        if (const Row* e = earliest_other(f.salary, r.credits.salary.cents()))
          problem(r.line, static_cast<int>(index_.at("salary")) + 1, "salary",
                  "'" + r.person + "' has salary " + e->credits.salary.str() + " in row " +
                      std::to_string(e->line) + "; a person has one salary (per year)");
      check_period(r, f);
      f.role.emplace(r.role, &r);
      f.salary.emplace(r.credits.salary.cents(), &r);
      f.period.emplace(r.label.key(), &r);
    }
  }

  // A person's first row of each role, salary and period.
  struct FirstRows {
    std::map<std::string, const Row*> role;
    std::map<std::int64_t, const Row*> salary;
    std::map<std::tuple<int, int, int>, const Row*> period;  // by PeriodLabel::key()
  };

  // Row r's period against the person's first rows of the periods that equal or overlap it.
  void check_period(const Row& r, const FirstRows& firsts) {
    const Row* e = nullptr;
    for (const PeriodLabel& l : r.label.overlapping())
      if (const auto it = firsts.period.find(l.key());
          it != firsts.period.end() && (!e || it->second < e))
        e = it->second;
    if (!e) return;
    const int col = static_cast<int>(index_.at("period")) + 1;
    if (e->label == r.label)
      problem(r.line, col, "period",
              "a second row for '" + r.person + "' in " + r.label.str() + " (first in row " +
                  std::to_string(e->line) + "); give one row per person and period");
    else
      problem(r.line, col, "period",
              r.label.str() + " overlaps " + e->label.str() + " in row " + std::to_string(e->line) +
                  " for '" + r.person + "'; each stretch of time is counted once");
  }

  // sum += more, or a problem at `line` naming `whose` sum: Money's own overflow check, and
  // the same for counts. Every sum is exact; one too large to hold is the input's fault.
  bool add(Money& sum, Money more, int line, const std::string& column, const std::string& whose) {
    try {
      sum += more;
      if (!sum.is_unlimited()) return true;  // the one value that means "no cap"
    } catch (const Error&) {
    }
    too_large(line, column, whose, Money::unlimited().cents() - 1);
    return false;
  }
  bool add(std::int64_t& sum, std::int64_t more, int line, const std::string& column,
           const std::string& whose) {
    if (!__builtin_add_overflow(sum, more, &sum)) return true;
    too_large(line, column, whose, std::numeric_limits<std::int64_t>::max());
    return false;
  }
  void too_large(int line, const std::string& column, const std::string& whose, std::int64_t most) {
    const std::string limit =
        credit_field(column).is_money() ? Money::from_cents(most).str() : std::to_string(most);
    problem(line, static_cast<int>(index_.at(column)) + 1, column,
            "the sum of " + column + " for " + whose + " is too large to hold (at most " + limit +
                "); check the amounts");
  }
  static const CreditField& credit_field(const std::string& name) {
    const auto& fields = credit_fields();
    return *std::find_if(fields.begin(), fields.end(),
                         [&](const CreditField& c) { return c.name == name; });
  }

  std::vector<CreditedPeriod> aggregate(const std::vector<Row>& rows) {
    std::map<std::pair<std::string, PeriodLabel>, CreditedPeriod> sums;
    std::map<std::pair<std::string, PeriodLabel>, int> last_line;  // of each sum's rows
    std::set<PeriodLabel> periods;
    for (const auto& r : rows) {
      const PeriodLabel label = r.label.in(plan_);
      periods.insert(label);
      CreditedPeriod& p = sums[{r.person, label}];
      last_line[{r.person, label}] = r.line;
      p.person = r.person;
      p.role = r.role;
      p.period = label.str();
      const std::string whose = "'" + r.person + "' in " + label.str();
      for (const auto& c : credit_fields()) {
        if (c.scope == CreditScope::per_person)
          p.credits.*c.money = r.credits.*c.money;
        else if (c.is_money())
          add(p.credits.*c.money, r.credits.*c.money, r.line, c.name, whose);
        else
          add(p.credits.*c.count, r.credits.*c.count, r.line, c.name, whose);
      }
    }
    // The team: the people of the same role with a row in the same pay period.
    std::map<std::pair<std::string, PeriodLabel>, TeamView> teams;
    for (const auto& [key, p] : sums) {
      const auto [it, fresh] = teams.try_emplace({p.role, key.second});
      TeamView& t = it->second;
      t.members = fresh ? 1 : t.members + 1;
      const int line = last_line[key];
      const std::string whose = "the " + p.role + " team in " + p.period;
      add(t.bookings, p.credits.bookings, line, "bookings", whose);
      add(t.sourced_revenue, p.credits.sourced_revenue, line, "sourced_revenue", whose);
      add(t.salaries, p.credits.salary, line, "salary", whose);
    }
    throw_problems();
    // Pay period index = rank among the file's periods; a sorted vector finds it in
    // O(log n) (std::distance over the set would make a long file quadratic).
    const std::vector<PeriodLabel> order(periods.begin(), periods.end());
    std::vector<CreditedPeriod> out;
    for (auto& [key, p] : sums) {
      p.credits.team = teams[{p.role, key.second}];
      p.pay_period.kind = plan_;
      p.pay_period.years = period_years(plan_);
      p.pay_period.index = static_cast<int>(
          std::lower_bound(order.begin(), order.end(), key.second) - order.begin());
      out.push_back(std::move(p));
    }
    return out;
  }

  std::string file_;
  PeriodKind plan_;
  const Roster& roster_;
  std::map<std::string, std::size_t> index_;
  std::size_t width_ = 0;
  std::vector<std::string> header_;  // the header's fields, as written
  std::vector<Problem> problems_;
};

}  // namespace

const std::vector<std::string>& results_columns() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> n = kRequired;
    for (const auto& c : credit_fields()) n.push_back(c.name);
    return n;
  }();
  return names;
}

std::vector<CreditedPeriod> parse_credited_results(std::string_view text, const std::string& file,
                                                   PeriodKind pay_period, const Roster& roster) {
  return Parser(file, pay_period, roster).parse(text);
}

std::vector<CreditedPeriod> read_credited_results(const std::filesystem::path& file,
                                                  PeriodKind pay_period, const Roster& roster) {
  const std::string text = read_input_file(file, "results");
  return parse_credited_results(text, file.string(), pay_period, roster);
}

}  // namespace tandem
