// The resolved scenario: the whole scenario as run (every key, defaults filled in,
// overrides applied, plugin parameters with their defaults) written back as YAML in schema
// order, and its hash. It is deterministic and reads back to the same scenario, so a run's
// folder can be re-run from its scenario.yaml, and two runs of the same scenario (from any
// path, with any spelling of the same values) carry the same hash.
#pragma once

#include "config/checked_tree.hpp"
#include "config/scenario_schema.hpp"

#include <string>
#include <string_view>

namespace tandem::config {

// The YAML text, opening with a "# resolved by tandem X.Y.Z" comment line. No file path and
// no time: only what decides the results.
std::string resolved_yaml(const Section& schema, const CheckedSection& scenario);

// "fnv1a64:" and 16 lowercase hex digits of the 64-bit FNV-1a hash of `text`.
std::string fnv1a64(std::string_view text);

}  // namespace tandem::config
