// libFuzzer target: bytes -> the scenario loader and validator, the path `tandem validate
// FILE` takes, with the shipped plugins on the plugin path (loaded in-process, as the CLI
// loads them). See fuzz_inputs.hpp for what counts as a finding.
#include "fuzz_inputs.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // One registry for the whole run, as one `tandem validate a.yaml b.yaml ...` has: loading
  // the plugins again for every input would be most of the time spent.
  static tandem::PluginRegistry plugins(tandem::plugin_search_path({}));
  tandem::fuzz::scenario_input(std::string_view(reinterpret_cast<const char*>(data), size),
                               plugins);
  return 0;
}
