// The names of the folders the workflows write when the caller names none.
#pragma once

#include <filesystem>
#include <string>

namespace tandem::study {

// The folder a verb writes when --out is not given: runs/<label>-<YYYYmmdd-HHMMSS>, or
// with -2, -3… when that is taken; reserved on the spot (output/reserved_folders.hpp), so
// runs started in the same second never share one.
std::filesystem::path default_out(const std::string& label);
// A scenario name as part of a folder name: only letters, digits, '-', '_' and '.' (not
// first) are kept, others become '_', so a name such as '../x' cannot lead out of runs/;
// at most 60 of them, so two names and a time fit in a folder name.
std::string folder_part(const std::string& name);

}  // namespace tandem::study
