// Opening a shared library runs its code (static initializers, its entry points), and a
// broken one can crash the process that opens it. So Tandem first opens a library in a
// separate process, the tandem program run as `tandem __probe FILE`, and opens it itself
// only if that process finished cleanly. A library that crashes or hangs there is reported
// as "FILE: not loadable: why" and skipped; `plugins list` shows it apart, and the names
// "did you mean" offers come from libraries opened this way.
//
// Library callers (tests, programs built on Tandem::engine) have no probe program set, and
// open libraries directly, as before.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace tandem {

// The program to run as `PROGRAM __probe FILE` (the tandem executable); empty: no probing.
void set_probe_program(std::filesystem::path program);

// Why `file` cannot be opened safely (it crashed or hung the probe), or nothing.
std::optional<std::string> probe_failure(const std::filesystem::path& file);

// The `__probe FILE` verb: opens the library as load() would. Exit 0: it opened (or was
// refused by a check, which the caller repeats and reports); anything else: it crashed.
int probe_main(const std::string& file);

}  // namespace tandem
