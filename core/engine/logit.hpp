// The one choice rule every adaptive agent uses: the multinomial logit (quantal
// response). Option i is chosen with probability e^(v_i / T) / sum_j e^(v_j / T), with v
// the option's value in pay terms and T `behaviour.temperature`: a value edge of T makes
// an option e times as likely. T small: the best option nearly always; T large: nearly at
// random. One uniform draw per choice, so the choice stream advances the same way
// whatever the values.
#pragma once

#include <tandem/random.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <span>

namespace tandem {

inline std::size_t logit_choice(std::span<const double> value, double temperature, Stream& stream) {
  const double best = *std::max_element(value.begin(), value.end());
  double total = 0;
  for (const double v : value) total += std::exp((v - best) / temperature);
  double u = stream.uniform() * total;
  for (std::size_t i = 0; i + 1 < value.size(); ++i)
    if ((u -= std::exp((value[i] - best) / temperature)) < 0) return i;
  return value.size() - 1;
}

}  // namespace tandem
