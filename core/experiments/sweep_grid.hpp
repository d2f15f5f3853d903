// The points of a sweep: `--vary KEY=V1,V2,...` lists, every combination of them (a grid),
// each point a list of KEY=VALUE overrides applied like --set.
#pragma once

#include <string>
#include <vector>

namespace tandem {

struct Vary {
  std::string key;                  // a scenario key, as --set takes it
  std::vector<std::string> values;  // as written, in order
};

// Parses "KEY=V1,V2,...". Commas inside [...] or quotes do not split, so a list value
// (`tier_starts=[0,0.5,1],[0,1,1.5]`) is one value. Throws UsageError naming the text
// and what is wrong (no '=', an empty key or value, a value given twice).
Vary parse_vary(const std::string& text);

// Every combination of the values, the first --vary changing slowest. Throws UsageError
// if a key is varied twice.
std::vector<std::vector<std::string>> grid_points(const std::vector<Vary>& varies);

}  // namespace tandem
