// Reading a user's input file (a scenario, a plan, a results CSV) whole: the one place
// that turns "no such file" or "is a directory" into a located problem (exit code 2).
#pragma once

#include <filesystem>
#include <string>

namespace tandem {

// The file's bytes. `what` names it in the message ("scenario", "results"): a file that
// cannot be read throws ScenarioError with one problem located at the file,
// "cannot read the <what> file: <reason>".
std::string read_input_file(const std::filesystem::path& file, const std::string& what);

}  // namespace tandem
