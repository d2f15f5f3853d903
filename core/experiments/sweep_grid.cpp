#include "experiments/sweep_grid.hpp"

#include <tandem/errors.hpp>

#include <algorithm>

namespace tandem {
namespace {

std::string trimmed(const std::string& s) {
  const auto begin = s.find_first_not_of(" \t"), end = s.find_last_not_of(" \t");
  return begin == std::string::npos ? "" : s.substr(begin, end - begin + 1);
}

}  // namespace

Vary parse_vary(const std::string& text) {
  const auto eq = text.find('=');
  const auto fail = [&](const std::string& why) {
    throw UsageError("--vary " + text + ": " + why +
                     "; write KEY=V1,V2,... e.g. --vary sales.pay.params.rate=0.08,0.10,0.12");
  };
  if (eq == std::string::npos) fail("no '='");
  Vary v;
  v.key = trimmed(text.substr(0, eq));
  if (v.key.empty()) fail("no key before '='");
  std::string current;
  int depth = 0;
  char quote = 0;
  const auto take = [&] {
    const std::string value = trimmed(current);
    if (value.empty()) fail("an empty value");
    if (std::find(v.values.begin(), v.values.end(), value) != v.values.end())
      fail("'" + value + "' is given twice");
    v.values.push_back(value);
    current.clear();
  };
  for (const char c : text.substr(eq + 1)) {
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '[') {
      ++depth;
    } else if (c == ']') {
      --depth;
    } else if (c == ',' && depth == 0) {
      take();
      continue;
    }
    current += c;
  }
  take();
  return v;
}

std::vector<std::vector<std::string>> grid_points(const std::vector<Vary>& varies) {
  for (std::size_t i = 0; i < varies.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (varies[i].key == varies[j].key)
        throw UsageError("--vary " + varies[i].key +
                         " is given twice; list all its values in one --vary");
  std::vector<std::vector<std::string>> points{{}};
  for (const Vary& v : varies) {
    std::vector<std::vector<std::string>> next;
    for (const auto& point : points)
      for (const std::string& value : v.values) {
        next.push_back(point);
        next.back().push_back(v.key + "=" + value);
      }
    points = std::move(next);
  }
  return points;
}

}  // namespace tandem
