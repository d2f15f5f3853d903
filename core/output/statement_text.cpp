#include "output/statement_text.hpp"

#include "model/credit_fields.hpp"
#include "output/ledger_schema.hpp"

#include <algorithm>
#include <span>

namespace tandem {

namespace {

std::string pad_right(std::string s, std::size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}
std::string pad_left(const std::string& s, std::size_t width) {
  return s.size() < width ? std::string(width - s.size(), ' ') + s : s;
}

// "D12 30000.00 (period 9)"; a share of a deal says whose and of what
// ("D12 12000.00 split of 30000.00"), a product or segment is named, and a cancellation
// says when it was won and cancelled; a deal pulled in says its discount
// ("D12 27000.00 (period 9, pulled in for a discount of 3000.00)").
std::string deals_text(std::span<const CreditedDeal> deals, bool cancelled) {
  std::string out;
  for (const CreditedDeal& d : deals) {
    std::string one = "D" + std::to_string(d.id) + " " + d.value.str();
    if (d.kind != CreditKind::closed || d.value != d.deal_value)
      one += std::string(" ") + to_string(d.kind) + " of " + d.deal_value.str();
    std::string about;
    if (!d.product.empty()) about += std::string(d.product) + ", ";
    if (!d.segment.empty()) about += std::string(d.segment) + ", ";
    about += cancelled ? "won period " + std::to_string(d.period) + ", cancelled period " +
                             std::to_string(d.cancelled_period)
                       : "period " + std::to_string(d.period);
    // Deal timing: a discount bought the close into an earlier pay period, or the close
    // was pushed into a later one.
    if (d.discount > Money{}) about += ", pulled in for a discount of " + d.discount.str();
    if (d.pushed) about += ", pushed out";
    out += (out.empty() ? "" : ", ") + one + " (" + about + ")";
  }
  return out;
}

}  // namespace

std::string credited_text(const Credits& c) {
  // The credits a results file can give, in its column order, those that are not zero.
  std::string s;
  for (const CreditField& f : credit_fields())
    if (!f.is_zero(c)) s += (s.empty() ? "" : ", ") + f.name + " " + f.text(c);
  return s.empty() ? "nothing" : s;
}

std::string statement_text(const CreditedPeriod& credited, const Statement& statement) {
  std::size_t name_width = 5;  // "total"
  std::size_t amount_width = statement.total().str().size();
  for (const auto& l : statement.lines()) {
    name_width = std::max(name_width, l.component.size());
    amount_width = std::max(amount_width, l.amount.str().size());
  }
  std::string s = credited.person + " (" + credited.role + "), " + credited.period + "\n";
  s += "  credited: " + credited_text(credited.credits) + "\n";
  // Every cent of bookings traces to these deals (ids as in the run's deal numbering).
  if (!credited.credits.deals.empty())
    s += "  deals: " + deals_text(credited.credits.deals, false) + "\n";
  if (!credited.credits.cancellations.empty())
    s += "  cancelled: " + deals_text(credited.credits.cancellations, true) + "\n";
  for (const auto& l : statement.lines()) {
    std::string line =
        "  " + pad_right(l.component, name_width) + "  " + pad_left(l.amount.str(), amount_width);
    if (!l.reason.empty()) line += "  " + l.reason;
    s += line + "\n";
  }
  s += "  " + pad_right("total", name_width) + "  " +
       pad_left(statement.total().str(), amount_width) + "\n";
  return s;
}

std::string payout_ledger_header() {
  return LedgerSchema::payout().header();
}

std::string payout_ledger_rows(const CreditedPeriod& credited, const std::string& plan,
                               const Statement& statement) {
  fmt::memory_buffer rows;
  for (const auto& l : statement.lines())
    LedgerSchema::payout().append_row(rows, {0, credited.period, "", credited.person, credited.role,
                                             plan, l.component, l.amount, l.reason});
  return fmt::to_string(rows);
}

std::string totals_text(const std::map<std::string, RoleTotal>& by_role) {
  std::string s;
  for (const auto& [role, t] : by_role)
    s += "total " + role + ": " + t.total.str() + " (" + std::to_string(t.people) +
         (t.people == 1 ? " person, " : " people, ") + std::to_string(t.statements) +
         (t.statements == 1 ? " statement)\n" : " statements)\n");
  return s;
}

}  // namespace tandem
