// The number fields of Credits (the SDK's struct), listed once. The one table drives the
// sums (payroll over periods, the results reader over rows, earnings curves over
// statements), the results CSV's columns and the credits a statement shows, so a field
// added to Credits is added here and nowhere else.
#pragma once

#include <tandem/money.hpp>
#include <tandem/views.hpp>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

namespace tandem {

// Whose figure a field is, which decides what sums it: a person's own results, their
// cancellations (results taken back), the whole company's, or a fact about the person
// that is the same in every period (an annual salary), never summed.
enum class CreditScope { own, cancellation, company, per_person };

// One field: its name (the results CSV's column, the statement's word) and either a money
// or a count member of Credits.
struct CreditField {
  std::string name;
  Money Credits::*money = nullptr;
  std::int64_t Credits::*count = nullptr;
  CreditScope scope = CreditScope::own;

  bool is_money() const { return money != nullptr; }
  bool is_zero(const Credits& c) const { return money ? c.*money == Money{} : c.*count == 0; }
  // "12345.67" or "3".
  std::string text(const Credits& c) const;
  // sum's field += more's field.
  void add(Credits& sum, const Credits& more) const;
  // out's field = from's times `factor`: money rounded once by the one rule, a count to
  // the nearest whole one (halves away from zero, like money).
  void scale(Credits& out, const Credits& from, double factor) const;
};

// Every field, in the results CSV's column order (also the order a statement lists them).
const std::vector<CreditField>& credit_fields();

// sum += more, over the fields whose scope is one of `scopes`: not the lists, views or
// team of either.
void add_credits(Credits& sum, const Credits& more, std::initializer_list<CreditScope> scopes);

// `from` times `factor` (as CreditField::scale), over the fields whose scope is one of
// `scopes`; every other field of the result is zero.
Credits scaled_credits(const Credits& from, double factor,
                       std::initializer_list<CreditScope> scopes);

}  // namespace tandem
