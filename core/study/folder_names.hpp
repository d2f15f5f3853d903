// The names of the folders the workflows write when the caller names none.
#pragma once

#include <filesystem>
#include <string>

namespace tandem::study {

// The folder a verb writes when --out is not given: runs/<label>-<YYYYmmdd-HHMMSS>.
std::filesystem::path default_out(const std::string& label);
// A scenario name as part of a folder name: only letters, digits, '-', '_' and '.' (not
// first) are kept, others become '_', so a name such as '../x' cannot lead out of runs/.
std::string folder_part(const std::string& name);

}  // namespace tandem::study
