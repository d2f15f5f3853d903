// Why a text is not an amount of money, for messages that say which fix is needed. Shared
// by the scenario's money parameters and the results CSV's money columns.
#pragma once

#include <string_view>

namespace tandem {

// Why `text` does not read as money (Money::parse): too many decimals ("150.005"), too
// large for integer cents ("1e20" written out), or not a plain amount at all ("12k",
// "1e5", "$12").
enum class MoneyFault { not_an_amount, fraction_of_a_cent, too_large };
MoneyFault money_fault(std::string_view text);

}  // namespace tandem
