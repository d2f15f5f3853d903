// libFuzzer target: bytes -> the plan-file loader of `tandem payout PLAN`, with the shipped
// plugins on the plugin path. See fuzz_inputs.hpp for what counts as a finding.
#include "fuzz_inputs.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // One registry for the whole run: reloading the plugins per input would dominate.
  static tandem::PluginRegistry plugins(tandem::plugin_search_path({}));
  tandem::fuzz::plan_file_input(std::string_view(reinterpret_cast<const char*>(data), size),
                                plugins);
  return 0;
}
