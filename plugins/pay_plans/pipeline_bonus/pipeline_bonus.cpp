// Marketing paid on the pipeline it sources: a share of the value of opportunities opened
// from the channels a marketer runs, optionally capped, on top of a salary. Paid when the
// opportunity opens, long before it closes (or does not).
#include "../common/sourced_bonus.hpp"

namespace {

struct Pipeline {
  static constexpr const char* name = "pipeline_bonus";
  static constexpr const char* doc =
      "A salary plus a share of the pipeline a marketer's channels sourced.";
  static constexpr double default_rate = 0.005;
  static constexpr const char* rate_doc = "Share of sourced pipeline paid as a bonus.";
  static constexpr const char* component = "pipeline bonus";
  static constexpr const char* what = "sourced pipeline";
  static tandem::Money credited(const tandem::Credits& c) { return c.pipeline; }
};
using PipelineBonus = tandem_plugins::SourcedBonus<Pipeline>;

}  // namespace

TANDEM_PLUGIN(PipelineBonus, "1.0.0")
