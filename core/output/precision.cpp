#include "output/precision.hpp"

#include "output/summary.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace tandem {

nlohmann::ordered_json precision_block(const std::vector<HeadlineStats>& headlines) {
  nlohmann::ordered_json wide = nlohmann::ordered_json::array();
  std::size_t n = 0;
  for (const HeadlineStats& h : headlines) {
    n = std::max(n, h.stats.n);
    if (!h.stats.ci95 || !h.stats.sd || *h.stats.sd == 0 || !std::isfinite(h.stats.mean)) continue;
    const double half = (h.stats.ci95->second - h.stats.ci95->first) / 2;
    const double target = h.unit == "share" ? kReadableShareHalfWidth
                                            : kReadableRelativeHalfWidth * std::abs(h.stats.mean);
    if (half <= target) continue;
    // The half-width shrinks as 1/sqrt(n): this many replications would bring it to target.
    // A mean of 0 has no relative target to reach (null).
    nlohmann::ordered_json needed = nullptr;
    if (target > 0) {
      const double ratio = half / target;
      needed = static_cast<long long>(std::ceil(static_cast<double>(h.stats.n) * ratio * ratio));
    }
    wide.push_back({{"headline", h.name},
                    {"unit", h.unit},
                    {"mean", number_or_null(h.stats.mean)},
                    {"half_width", number_or_null(half)},
                    {"target_half_width", number_or_null(target)},
                    {"replications_needed", needed}});
  }
  return {{"rule", n < 2 ? "one replication: no intervals; run at least 2 (100 is the default)"
                         : "a 95% interval is readable when its half-width is at most 5% of the "
                           "mean (1 percentage point for a share)"},
          {"replications", n},
          {"wide", std::move(wide)}};
}

std::string precision_note(const nlohmann::ordered_json& precision) {
  const auto& wide = precision.at("wide");
  if (precision.at("replications").get<std::size_t>() < 2)
    return "Note: one replication gives no confidence intervals; run with --replications 100.";
  if (wide.empty()) return "";
  std::string names;
  long long most = 0;
  for (std::size_t i = 0; i < wide.size(); ++i) {
    const auto& w = wide[i];
    if (i < 3) {
      const double half = w.at("half_width").get<double>();
      const double mean = w.at("mean").get<double>();
      names += (i ? ", " : "") + w.at("headline").get<std::string>() +
               (w.at("unit") == "share" ? fmt::format(" ±{:.1f} pp", 100 * half)
                                        : fmt::format(" ±{:.0f}%", 100 * half / std::abs(mean)));
    }
    if (w.at("replications_needed").is_number())
      most = std::max(most, w.at("replications_needed").get<long long>());
  }
  if (wide.size() > 3) names += fmt::format(" and {} more", wide.size() - 3);
  std::string note = fmt::format(
      "Note: {} figure{} ha{} a wide 95% interval (more than ±5% of the mean, ±1 pp for a "
      "share): {}. Read {} as rough",
      wide.size(), wide.size() == 1 ? "" : "s", wide.size() == 1 ? "s" : "ve", names,
      wide.size() == 1 ? "it" : "them");
  if (most > 0)
    note += fmt::format(", or run with --replications {} to narrow {}", most,
                        wide.size() == 1 ? "it" : "them all");
  return note + " (summary.json: precision).";
}

}  // namespace tandem
