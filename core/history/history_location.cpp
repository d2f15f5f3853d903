#include "history/history_location.hpp"

#include <tandem/errors.hpp>

#include <cstdlib>

namespace fs = std::filesystem;

namespace tandem {

HistoryLocation history_location(const std::string& db_option, const GetEnv& getenv) {
  const auto variable = [&](const char* name) -> std::string {
    const char* value = getenv(name);
    return value ? value : "";
  };
  const auto located = [](const fs::path& file, const char* source) {
    return HistoryLocation{fs::absolute(file).lexically_normal(), source};
  };
  if (!db_option.empty()) return located(db_option, "--db");
  if (const std::string db = variable("TANDEM_HISTORY_DB"); !db.empty())
    return located(db, "TANDEM_HISTORY_DB");
  const fs::path tail = fs::path("tandem") / "history.sqlite";
  if (const fs::path data = variable("XDG_DATA_HOME"); data.is_absolute())
    return located(data / tail, "XDG_DATA_HOME");
  if (const std::string home = variable("HOME"); !home.empty())
    return located(fs::path(home) / ".local" / "share" / tail, "HOME");
  throw UsageError(
      "where should the run history go? Neither XDG_DATA_HOME nor HOME is set: pass --db FILE "
      "or set TANDEM_HISTORY_DB (tandem run and compare also take --no-history)");
}

HistoryLocation history_location(const std::string& db_option) {
  return history_location(db_option, [](const char* name) { return std::getenv(name); });
}

}  // namespace tandem
