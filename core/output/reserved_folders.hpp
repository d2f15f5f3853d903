// Default folder names that two runs never share. A name is reserved by creating it, empty
// (mkdir(2) is atomic: of two processes asking for one name, one gets it), trying
// NAME, NAME-2, NAME-3… So runs started in the same second, in a loop or side by side,
// each get their own folder. The reservation is the only empty folder an AtomicFolder may
// fill without --force; until then it is registered as unfinished, so an error or a crash
// removes it rather than leaving an empty folder behind.
#pragma once

#include <filesystem>
#include <string>

namespace tandem::reserved_folders {

// Creates `parent` if needed and reserves the first free name of `stem`, `stem-2`, …;
// returns it. Throws OutputError when the parent cannot be written.
std::filesystem::path reserve(const std::filesystem::path& parent, const std::string& stem);

// Whether this process reserved `dir` and has not filled it yet.
bool is_reserved(const std::filesystem::path& dir);

// `dir` was filled: it is a finished folder now, no longer removed on an error.
void filled(const std::filesystem::path& dir);

}  // namespace tandem::reserved_folders
