// evaluate_baseline SCENARIO PLUGIN_DIR: the scenario's revenue and sales pay over 26
// weeks, from study::evaluate, printed as "revenue <mean> pay_sales <mean>".
#include "study/evaluate.hpp"

#include <cstdio>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: evaluate_baseline SCENARIO PLUGIN_DIR\n");
    return 2;
  }
  tandem::PluginRegistry registry({argv[2]});
  const tandem::study::Figures figures =
      tandem::study::evaluate(argv[1], {"horizon.periods=26"}, 2, 7, registry);
  std::printf("revenue %.2f pay_sales %.2f\n", figures.at("revenue").stats.mean,
              figures.at("pay_sales").stats.mean);
  return figures.at("revenue").stats.mean > 0 ? 0 : 1;
}
