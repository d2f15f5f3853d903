// The scenario-file reference, in Markdown, generated from the core schema: what
// `tandem validate --reference` prints and docs/scenarios.md holds, word for word, so the
// documentation cannot drift from what the validator accepts.
#pragma once

#include <string>
#include <string_view>

namespace tandem::config {

std::string scenario_reference();

// The smallest useful scenario, shown in the reference (and checked by the tests to load).
std::string_view minimal_scenario_example();

}  // namespace tandem::config
