#include "model/credit_fields.hpp"

#include <algorithm>
#include <cmath>

namespace tandem {

namespace {
bool in(CreditScope scope, std::initializer_list<CreditScope> scopes) {
  return std::find(scopes.begin(), scopes.end(), scope) != scopes.end();
}
}  // namespace

std::string CreditField::text(const Credits& c) const {
  return money ? (c.*money).str() : std::to_string(c.*count);
}

void CreditField::add(Credits& sum, const Credits& more) const {
  if (money)
    sum.*money += more.*money;
  else
    sum.*count += more.*count;
}

void CreditField::scale(Credits& out, const Credits& from, double factor) const {
  if (money)
    out.*money = (from.*money).times(factor);
  else
    out.*count = static_cast<std::int64_t>(std::llround(static_cast<double>(from.*count) * factor));
}

const std::vector<CreditField>& credit_fields() {
  using S = CreditScope;
  static const std::vector<CreditField> fields = {
      {"bookings", &Credits::bookings, nullptr, S::own},
      {"deals_won", nullptr, &Credits::deals_won, S::own},
      {"pipeline", &Credits::pipeline, nullptr, S::own},
      {"opportunities", nullptr, &Credits::opportunities, S::own},
      {"inquiries", nullptr, &Credits::inquiries, S::own},
      {"mqls", nullptr, &Credits::mqls, S::own},
      {"sals", nullptr, &Credits::sals, S::own},
      {"sqls", nullptr, &Credits::sqls, S::own},
      {"sourced_revenue", &Credits::sourced_revenue, nullptr, S::own},
      {"company_bookings", &Credits::company_bookings, nullptr, S::company},
      {"cancelled", &Credits::cancelled, nullptr, S::cancellation},
      {"deals_cancelled", nullptr, &Credits::deals_cancelled, S::cancellation},
      {"salary", &Credits::salary, nullptr, S::per_person},
  };
  return fields;
}

void add_credits(Credits& sum, const Credits& more, std::initializer_list<CreditScope> scopes) {
  for (const CreditField& f : credit_fields())
    if (in(f.scope, scopes)) f.add(sum, more);
}

Credits scaled_credits(const Credits& from, double factor,
                       std::initializer_list<CreditScope> scopes) {
  Credits out;
  for (const CreditField& f : credit_fields())
    if (in(f.scope, scopes)) f.scale(out, from, factor);
  return out;
}

}  // namespace tandem
