// Where the run history lives when no --db is given: $TANDEM_HISTORY_DB if set, else
// $XDG_DATA_HOME/tandem/history.sqlite (the XDG base directory convention), else
// $HOME/.local/share/tandem/history.sqlite.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

namespace tandem {

struct HistoryLocation {
  std::filesystem::path file;  // absolute
  std::string source;  // what chose it: "--db", "TANDEM_HISTORY_DB", "XDG_DATA_HOME", "HOME"
};

// Reads an environment variable: null when it is not set.
using GetEnv = std::function<const char*(const char*)>;

// `db_option` (the --db value) wins when not empty; then the variables above, read with
// `getenv` (empty ones count as unset, and a relative XDG_DATA_HOME is ignored, as the
// convention says). A relative path is taken from the working directory. Throws
// UsageError when neither HOME nor XDG_DATA_HOME says where to go.
HistoryLocation history_location(const std::string& db_option, const GetEnv& getenv);
HistoryLocation history_location(const std::string& db_option);  // the process environment

}  // namespace tandem
