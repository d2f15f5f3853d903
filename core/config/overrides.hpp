// `--set KEY=VALUE` overrides, applied to a scenario's YAML tree before it is checked, so
// an overridden value passes exactly the checks a value in the file does.
//
// KEY is a dotted path: `sales.pay.params.rate`, `market.accounts`. A list item is picked
// by index (`channels.0.budget_per_period`, or `channels[0]...` as messages print it) or by
// its `name` (`channels.paid_search.budget_per_period`); the index one past the end adds an
// item. Missing maps on the way are created, and a missing list when an index follows
// (`sales.pay.components.0.plugin=spiff` starts the list). VALUE is read as one YAML
// scalar (quotes may be used; an empty VALUE is nothing); for a list-of-numbers key the
// validator reads a scalar written as a flow list (`tier_starts=[0,0.5,1]`) as that list.
//
// Values an override writes carry no file position, which is how problems in them come to
// be located as "--set" rather than in the file.
#pragma once

#include "config/validate.hpp"

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

namespace tandem::config {

// Applies each override in order (a later one wins). A malformed override, or a path that
// cannot be followed (through a value, to a list item that does not exist), is reported
// as a problem located at "--set" and skipped.
void apply_overrides(YAML::Node& root, const std::vector<std::string>& overrides, Report& report);

}  // namespace tandem::config
