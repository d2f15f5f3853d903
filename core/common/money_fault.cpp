#include "common/money_fault.hpp"

#include <algorithm>

namespace tandem {

namespace {
bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
}  // namespace

MoneyFault money_fault(std::string_view text) {
  std::string_view s = text;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) s.remove_prefix(1);
  const auto dot = s.find('.');
  const std::string_view whole = s.substr(0, dot);
  const std::string_view decimals =
      dot == std::string_view::npos ? std::string_view() : s.substr(dot + 1);
  const bool plain = (all_digits(whole) || (whole.empty() && !decimals.empty())) &&
                     (decimals.empty() || all_digits(decimals));
  if (!plain) return MoneyFault::not_an_amount;
  return decimals.size() > 2 ? MoneyFault::fraction_of_a_cent : MoneyFault::too_large;
}

}  // namespace tandem
