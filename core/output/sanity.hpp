// Plain warnings about a run's figures that say the scenario is probably not what its
// author meant: pay above the revenue it is paid for, or a team paid nothing at all. They
// describe the figures; they never change them. summary.json lists them under "warnings",
// the terminal prints them and the report shows them under its title.
#pragma once

#include "model/scenario.hpp"
#include "stats/statistics.hpp"

#include <string>
#include <vector>

namespace tandem {

std::vector<std::string> sanity_warnings(const Scenario& scenario,
                                         const std::vector<HeadlineStats>& headlines);

}  // namespace tandem
