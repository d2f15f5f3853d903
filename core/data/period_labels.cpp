#include "data/period_labels.hpp"

#include <algorithm>
#include <cstdio>
#include <utility>

namespace tandem {

namespace {
bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
}  // namespace

int period_rank(PeriodKind k) {
  return k == PeriodKind::month ? 0 : k == PeriodKind::quarter ? 1 : 2;
}

double period_years(PeriodKind k) {
  return k == PeriodKind::month ? 1.0 / 12.0 : k == PeriodKind::quarter ? 0.25 : 1.0;
}

std::optional<PeriodLabel> PeriodLabel::parse(std::string_view s) {
  if (s.size() < 4 || !digits(s.substr(0, 4))) return std::nullopt;
  const int year = std::stoi(std::string(s.substr(0, 4)));
  if (s.size() == 4) return PeriodLabel{PeriodKind::year, year, 0};
  if (s.size() == 7 && s[4] == '-' && digits(s.substr(5))) {
    const int month = std::stoi(std::string(s.substr(5)));
    if (month >= 1 && month <= 12) return PeriodLabel{PeriodKind::month, year, month};
  }
  if (s.size() == 7 && s[4] == '-' && (s[5] == 'Q' || s[5] == 'q') && s[6] >= '1' && s[6] <= '4')
    return PeriodLabel{PeriodKind::quarter, year, s[6] - '0'};
  return std::nullopt;
}

std::string PeriodLabel::str() const {
  char text[32];
  if (kind == PeriodKind::month)
    std::snprintf(text, sizeof text, "%04d-%02d", year, sub);
  else if (kind == PeriodKind::quarter)
    std::snprintf(text, sizeof text, "%04d-Q%d", year, sub);
  else
    std::snprintf(text, sizeof text, "%04d", year);
  return text;
}

PeriodLabel PeriodLabel::in(PeriodKind coarser) const {
  if (coarser == kind) return *this;
  PeriodLabel out{coarser, year, 0};
  if (coarser == PeriodKind::quarter) out.sub = kind == PeriodKind::month ? (sub - 1) / 3 + 1 : sub;
  return out;
}

bool PeriodLabel::contains(const PeriodLabel& other) const {
  return period_rank(kind) >= period_rank(other.kind) && other.in(kind) == *this;
}

std::vector<PeriodLabel> PeriodLabel::overlapping() const {
  std::vector<PeriodLabel> out;
  for (const auto& [k, subs] : {std::pair{PeriodKind::month, 12}, std::pair{PeriodKind::quarter, 4},
                                std::pair{PeriodKind::year, 0}})
    for (int i = subs > 0 ? 1 : 0; i <= subs; ++i)
      if (const PeriodLabel l{k, year, i}; l == *this || l.contains(*this) || contains(l))
        out.push_back(l);
  return out;
}

}  // namespace tandem
