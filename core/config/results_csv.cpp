#include "config/results_csv.hpp"

#include "common/did_you_mean.hpp"
#include "common/input_file.hpp"

#include <tandem/errors.hpp>
#include <tandem/money.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <tuple>

namespace tandem {

const std::vector<CreditField>& credit_fields() {
  static const std::vector<CreditField> columns = {
      {"bookings", &Credits::bookings, nullptr},
      {"deals_won", nullptr, &Credits::deals_won},
      {"pipeline", &Credits::pipeline, nullptr},
      {"opportunities", nullptr, &Credits::opportunities},
      {"inquiries", nullptr, &Credits::inquiries},
      {"mqls", nullptr, &Credits::mqls},
      {"sals", nullptr, &Credits::sals},
      {"sqls", nullptr, &Credits::sqls},
      {"sourced_revenue", &Credits::sourced_revenue, nullptr},
      {"company_bookings", &Credits::company_bookings, nullptr},
      {"cancelled", &Credits::cancelled, nullptr},
      {"deals_cancelled", nullptr, &Credits::deals_cancelled},
      {"salary", &Credits::salary, nullptr, true},
  };
  return columns;
}

namespace {

const std::vector<std::string> kRequired = {"person", "role", "period"};
const std::vector<std::string> kRoles = {"marketing", "sales", "sdr"};

// One CSV record and the line it starts on (a quoted field may span lines).
struct Record {
  int line = 0;
  std::vector<std::string> fields;
};

// RFC 4180: fields separated by commas, quoted with double quotes (doubled inside), lines
// ending in LF or CRLF. A blank line is skipped. An unclosed quote runs to the end.
std::vector<Record> split_records(std::string_view text) {
  std::vector<Record> records;
  Record current{1, {std::string()}};
  int line = 1;
  bool quoted = false;
  const auto finish = [&] {
    if (!(current.fields.size() == 1 && current.fields[0].empty()))
      records.push_back(std::move(current));
    current = Record{line, {std::string()}};
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        current.fields.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        current.fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      current.fields.emplace_back();
    } else if (c == '\n') {
      ++line;
      finish();
    } else if (c != '\r' || (i + 1 < text.size() && text[i + 1] != '\n')) {
      current.fields.back() += c;
    }
  }
  finish();
  return records;
}

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  return std::string(s.substr(b, s.find_last_not_of(" \t") - b + 1));
}

int rank(PeriodKind k) {
  return k == PeriodKind::month ? 0 : k == PeriodKind::quarter ? 1 : 2;
}

// A period label: a month, a quarter or a year.
struct Label {
  PeriodKind kind = PeriodKind::month;
  int year = 0;
  int sub = 0;  // month 1-12, quarter 1-4, 0 for a year

  // The label of the `coarser` period holding this one.
  Label in(PeriodKind coarser) const {
    if (coarser == kind) return *this;
    Label out{coarser, year, 0};
    if (coarser == PeriodKind::quarter)
      out.sub = kind == PeriodKind::month ? (sub - 1) / 3 + 1 : sub;
    return out;
  }
  bool contains(const Label& other) const {
    return rank(kind) >= rank(other.kind) && other.in(kind) == *this;
  }
  std::string str() const {
    char text[32];
    if (kind == PeriodKind::month)
      std::snprintf(text, sizeof text, "%04d-%02d", year, sub);
    else if (kind == PeriodKind::quarter)
      std::snprintf(text, sizeof text, "%04d-Q%d", year, sub);
    else
      std::snprintf(text, sizeof text, "%04d", year);
    return text;
  }
  friend bool operator==(const Label&, const Label&) = default;
  friend auto operator<=>(const Label& a, const Label& b) {
    return std::tie(a.year, a.sub) <=> std::tie(b.year, b.sub);
  }
};

bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<Label> parse_label(std::string_view s) {
  if (s.size() < 4 || !digits(s.substr(0, 4))) return std::nullopt;
  const int year = std::stoi(std::string(s.substr(0, 4)));
  if (s.size() == 4) return Label{PeriodKind::year, year, 0};
  if (s.size() == 7 && s[4] == '-' && digits(s.substr(5))) {
    const int month = std::stoi(std::string(s.substr(5)));
    if (month >= 1 && month <= 12) return Label{PeriodKind::month, year, month};
  }
  if (s.size() == 7 && s[4] == '-' && (s[5] == 'Q' || s[5] == 'q') && s[6] >= '1' && s[6] <= '4')
    return Label{PeriodKind::quarter, year, s[6] - '0'};
  return std::nullopt;
}

double years_of(PeriodKind k) {
  return k == PeriodKind::month ? 1.0 / 12.0 : k == PeriodKind::quarter ? 0.25 : 1.0;
}

// A row whose values all read.
struct Row {
  int line = 0;
  std::string person, role;
  Label label;
  Credits credits;
};

class Parser {
 public:
  Parser(std::string file, PeriodKind pay_period, const Roster& roster)
      : file_(std::move(file)), plan_(pay_period), roster_(roster) {}

  std::vector<CreditedPeriod> parse(std::string_view text) {
    const std::vector<Record> records = split_records(text);
    if (records.empty()) {
      problem(1, 1, "",
              "the file is empty; the first row names the columns (" +
                  join(results_columns(), ",") + ")");
      throw ScenarioError(problems_);
    }
    const bool header_ok = header(records.front());
    std::vector<Row> rows;
    for (std::size_t i = 1; i < records.size(); ++i)
      if (auto r = row(records[i]); r && header_ok) rows.push_back(std::move(*r));
    check_people(rows);
    if (!problems_.empty()) {
      std::stable_sort(problems_.begin(), problems_.end(), [](const Problem& a, const Problem& b) {
        return std::tie(a.where.line, a.where.column) < std::tie(b.where.line, b.where.column);
      });
      throw ScenarioError(problems_);
    }
    return aggregate(rows);
  }

 private:
  void problem(int line, int column, std::string key, std::string message) {
    problems_.push_back({Location{file_, line, column, std::move(key)}, std::move(message)});
  }

  // Maps column names to positions. False if a required column is missing (rows are still
  // read, for their own problems, but not summed).
  bool header(const Record& h) {
    bool ok = true;
    for (std::size_t i = 0; i < h.fields.size(); ++i) {
      const std::string name = trim(h.fields[i]);
      const int col = static_cast<int>(i) + 1;
      const auto& known = results_columns();
      if (std::find(known.begin(), known.end(), name) == known.end()) {
        problem(
            h.line, col, name,
            (name.empty() ? std::string("empty column name") : "unknown column '" + name + "'") +
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
    return ok;
  }

  // The value of `name` in `r`, or nothing if the column is absent or the row too short.
  const std::string* cell(const Record& r, const std::string& name, int& col) const {
    const auto it = index_.find(name);
    if (it == index_.end() || it->second >= r.fields.size()) return nullptr;
    col = static_cast<int>(it->second) + 1;
    return &r.fields[it->second];
  }

  std::optional<Row> row(const Record& r) {
    const std::size_t before = problems_.size();
    if (r.fields.size() != width_)
      problem(r.line, static_cast<int>(std::min(r.fields.size(), width_)) + 1, "",
              "this row has " + std::to_string(r.fields.size()) + " fields; the header has " +
                  std::to_string(width_));
    Row out;
    out.line = r.line;
    int col = 0;
    if (const std::string* v = cell(r, "person", col)) {
      out.person = trim(*v);
      if (out.person.empty()) problem(r.line, col, "person", "expected a name, got nothing");
    }
    if (const std::string* v = cell(r, "role", col)) {
      out.role = trim(*v);
      if (std::find(kRoles.begin(), kRoles.end(), out.role) == kRoles.end())
        problem(r.line, col, "role",
                "expected marketing, sales or sdr, got '" + out.role + "'" +
                    did_you_mean(out.role, kRoles));
    }
    check_roster(r, out);
    if (const std::string* v = cell(r, "period", col)) {
      const std::string text = trim(*v);
      if (const auto label = parse_label(text)) {
        out.label = *label;
        if (rank(label->kind) > rank(plan_))
          problem(r.line, col, "period",
                  "'" + text + "' is a " + to_string(label->kind) + " but the plan pays by " +
                      to_string(plan_) + "; give rows per " + to_string(plan_) +
                      " or less, or set the plan's period to " + to_string(label->kind));
      } else {
        problem(
            r.line, col, "period",
            "expected a month (2025-03), a quarter (2025-Q1) or a year (2025), got '" + text + "'");
      }
    }
    for (const auto& c : credit_fields()) {
      const std::string* v = cell(r, c.name, col);
      if (!v) continue;
      const std::string text = trim(*v);
      if (text.empty()) continue;  // an empty cell is 0, like an absent column
      if (c.money) {
        const auto m = Money::parse(text);
        if (!m)
          problem(r.line, col, c.name,
                  "expected an amount with at most two decimals (12345.67), got '" + text + "'");
        else if (*m < Money{})
          problem(r.line, col, c.name, "expected zero or more, got " + text);
        else
          out.credits.*c.money = *m;
      } else {
        if (!digits(text) || text.size() > 18)
          problem(r.line, col, c.name,
                  "expected a whole number of zero or more, got '" + text + "'");
        else
          out.credits.*c.count = std::stoll(text);
      }
    }
    if (problems_.size() != before) return std::nullopt;
    return out;
  }

  // A person the plan does not pay, in a row of the role it pays.
  void check_roster(const Record& r, const Row& row) {
    const auto& people = roster_.people;
    if (people.empty() || row.person.empty()) return;
    if (roster_.role && row.role != *roster_.role) return;
    if (std::find(people.begin(), people.end(), row.person) != people.end()) return;
    int col = 0;
    cell(r, "person", col);
    problem(r.line, col, "person",
            "unknown person '" + row.person + "': not among the plan's people" +
                did_you_mean(row.person, people) + " (people: " + join(people) +
                "); fix the name, or add them to the plan's people");
  }

  // A person has one role, one salary, and each stretch of time once.
  void check_people(const std::vector<Row>& rows) {
    std::map<std::string, std::vector<const Row*>> by_person;
    for (const auto& r : rows) {
      auto& earlier = by_person[r.person];
      int col = 0;
      for (const Row* e : earlier) {
        if (e->role != r.role) {
          col = static_cast<int>(index_.at("role")) + 1;
          problem(r.line, col, "role",
                  "'" + r.person + "' is " + e->role + " in row " + std::to_string(e->line) +
                      "; a person has one role");
          break;
        }
      }
      if (index_.count("salary"))
        for (const Row* e : earlier)
          if (e->credits.salary != r.credits.salary) {
            problem(r.line, static_cast<int>(index_.at("salary")) + 1, "salary",
                    "'" + r.person + "' has salary " + e->credits.salary.str() + " in row " +
                        std::to_string(e->line) + "; a person has one salary (per year)");
            break;
          }
      for (const Row* e : earlier) {
        col = static_cast<int>(index_.at("period")) + 1;
        if (e->label == r.label) {
          problem(r.line, col, "period",
                  "a second row for '" + r.person + "' in " + r.label.str() + " (first in row " +
                      std::to_string(e->line) + "); give one row per person and period");
          break;
        }
        if (e->label.contains(r.label) || r.label.contains(e->label)) {
          problem(r.line, col, "period",
                  r.label.str() + " overlaps " + e->label.str() + " in row " +
                      std::to_string(e->line) + " for '" + r.person +
                      "'; each stretch of time is counted once");
          break;
        }
      }
      earlier.push_back(&r);
    }
  }

  std::vector<CreditedPeriod> aggregate(const std::vector<Row>& rows) const {
    std::map<std::pair<std::string, Label>, CreditedPeriod> sums;
    std::set<Label> periods;
    for (const auto& r : rows) {
      const Label label = r.label.in(plan_);
      periods.insert(label);
      CreditedPeriod& p = sums[{r.person, label}];
      p.person = r.person;
      p.role = r.role;
      p.period = label.str();
      for (const auto& c : credit_fields()) {
        if (c.per_person)
          p.credits.*c.money = r.credits.*c.money;
        else if (c.money)
          p.credits.*c.money += r.credits.*c.money;
        else if (r.credits.*c.count > std::numeric_limits<std::int64_t>::max() - p.credits.*c.count)
          throw ScenarioError({Problem{Location{file_, r.line, 1, c.name}, "sum out of range"}});
        else
          p.credits.*c.count += r.credits.*c.count;
      }
    }
    // The team: the people of the same role with a row in the same pay period.
    std::map<std::pair<std::string, Label>, TeamView> teams;
    for (const auto& [key, p] : sums) {
      const auto [it, fresh] = teams.try_emplace({p.role, key.second});
      TeamView& t = it->second;
      t.members = fresh ? 1 : t.members + 1;
      t.bookings += p.credits.bookings;
      t.sourced_revenue += p.credits.sourced_revenue;
      t.salaries += p.credits.salary;
    }
    std::vector<CreditedPeriod> out;
    for (auto& [key, p] : sums) {
      p.credits.team = teams[{p.role, key.second}];
      p.pay_period.kind = plan_;
      p.pay_period.years = years_of(plan_);
      p.pay_period.index =
          static_cast<int>(std::distance(periods.begin(), periods.find(key.second)));
      out.push_back(std::move(p));
    }
    return out;
  }

  std::string file_;
  PeriodKind plan_;
  const Roster& roster_;
  std::map<std::string, std::size_t> index_;
  std::size_t width_ = 0;
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

std::vector<CreditedPeriod> parse_results_csv(std::string_view text, const std::string& file,
                                              PeriodKind pay_period, const Roster& roster) {
  return Parser(file, pay_period, roster).parse(text);
}

std::vector<CreditedPeriod> read_results_csv(const std::filesystem::path& file,
                                             PeriodKind pay_period, const Roster& roster) {
  const std::string text = read_input_file(file, "results");
  return parse_results_csv(text, file.string(), pay_period, roster);
}

}  // namespace tandem
