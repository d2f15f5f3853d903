// Drawing an index by weight, and the weights of a scenario's segments or products.
#pragma once

#include <tandem/random.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tandem {

// An index drawn in proportion to `weights`; 0 without drawing when there is only one, so
// a scenario that declares no segments or products draws exactly as before.
inline std::uint8_t pick_weighted(const std::vector<double>& weights, Stream& stream) {
  if (weights.size() <= 1) return 0;
  double total = 0;
  for (const double w : weights) total += w;
  double u = stream.uniform() * total;
  for (std::size_t i = 0; i + 1 < weights.size(); ++i)
    if ((u -= weights[i]) < 0) return static_cast<std::uint8_t>(i);
  return static_cast<std::uint8_t>(weights.size() - 1);
}

template <class Config>
std::vector<double> weights_of(const std::vector<Config>& items) {
  std::vector<double> w;
  for (const auto& item : items) w.push_back(item.weight);
  return w;
}

}  // namespace tandem
