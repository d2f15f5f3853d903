// libFuzzer target: bytes -> the results-CSV reader of `tandem payout PLAN --results FILE`.
// See fuzz_inputs.hpp for what counts as a finding.
#include "fuzz_inputs.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  tandem::fuzz::results_csv_input(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
