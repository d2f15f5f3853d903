// A compare folder's own files: comparison.csv (one row per headline figure) and
// comparison.json (deterministic like summary.json: no clock, no paths), plus the table
// the terminal shows. Each figure is ALT - BASE, replication by replication.
#pragma once

#include "model/scenario.hpp"
#include "output/summary.hpp"
#include "stats/paired_comparison.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace tandem {

std::string comparison_csv(const std::vector<PairedComparison>& rows);

// comparison.json. `base_only` and `alt_only` are the figures of parts only one scenario
// has (a channel's spend share): nothing to pair. `warnings` say what else the comparison
// mixes (study::comparison_warnings); the file lists them first, after the sides.
SummaryJson comparison_json(const Scenario& base, const Scenario& alt,
                            const std::vector<PairedComparison>& rows,
                            const std::vector<std::string>& base_only,
                            const std::vector<std::string>& alt_only,
                            const std::vector<std::string>& warnings);

// The terminal's table: each figure's base, alt, difference and both intervals; a
// difference whose paired interval excludes 0 is starred, with a note saying what that means.
void print_comparison_table(std::ostream& out, const Scenario& base,
                            const std::vector<PairedComparison>& rows);

}  // namespace tandem
