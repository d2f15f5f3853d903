// The one error hierarchy shared by the core and plugins. Only `main` maps these to exit
// codes: 2 for bad usage or invalid input, 1 for a run that failed.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

// Visible so that a type thrown in one shared object is caught by type in another.
#define TANDEM_VISIBLE __attribute__((visibility("default")))

namespace tandem {
inline namespace v4 {

// Where a problem is: a file position when there is one, and the dotted key.
struct Location {
  std::string file;  // scenario file, or "--set" for a command-line override
  int line = 0;      // 1-based; 0 when unknown
  int column = 0;    // 1-based; 0 when unknown
  std::string key;   // dotted path, e.g. "sales.pay.params.rate"

  // "file:line:col" (or as much of it as is known).
  std::string str() const {
    std::string s = file;
    if (line > 0) s += ":" + std::to_string(line) + ":" + std::to_string(column);
    return s;
  }
};

class TANDEM_VISIBLE Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message, std::optional<Location> where = {})
      : std::runtime_error(message), where_(std::move(where)) {}
  const std::optional<Location>& where() const noexcept { return where_; }

 private:
  std::optional<Location> where_;
};

// The command line was wrong (unknown verb, bad option value). Exit code 2.
class TANDEM_VISIBLE UsageError : public Error {
 public:
  using Error::Error;
};

// One thing wrong in a scenario; a ScenarioError carries all of them.
struct Problem {
  Location where;
  std::string message;  // what is wrong and how to fix it (allowed values, nearest name)

  // "file:line:col: key: message", the form editors and CI logs link to.
  std::string str() const {
    std::string s = where.str();
    if (!s.empty()) s += ": ";
    if (!where.key.empty()) s += where.key + ": ";
    return s + message;
  }
};

// The scenario (or a plan file, or an override) is invalid. Exit code 2.
class TANDEM_VISIBLE ScenarioError : public Error {
 public:
  explicit ScenarioError(std::vector<Problem> problems)
      : Error(join(problems)), problems_(std::move(problems)) {}
  const std::vector<Problem>& problems() const noexcept { return problems_; }

 private:
  static std::string join(const std::vector<Problem>& problems) {
    std::string s;
    for (const auto& p : problems) s += (s.empty() ? "" : "\n") + p.str();
    return s;
  }
  std::vector<Problem> problems_;
};

// The output folder cannot be written. Exit code 2: the user picks another folder.
class TANDEM_VISIBLE OutputError : public Error {
 public:
  using Error::Error;
};

// A plugin could not be used. Carries the plugin's name and, when known, its file.
class TANDEM_VISIBLE PluginError : public Error {
 public:
  PluginError(std::string plugin, std::string path, const std::string& message)
      : Error(message), plugin_(std::move(plugin)), path_(std::move(path)) {}
  const std::string& plugin() const noexcept { return plugin_; }
  const std::string& path() const noexcept { return path_; }

 private:
  std::string plugin_;
  std::string path_;
};

// No plugin of that name on the plugin path; the message lists what is available.
class TANDEM_VISIBLE PluginNotFound : public PluginError {
 public:
  using PluginError::PluginError;
};

// The file exists but is not a loadable Tandem plugin (dlopen failed, no entry point).
class TANDEM_VISIBLE PluginLoadError : public PluginError {
 public:
  using PluginError::PluginError;
};

// The plugin was built against another SDK major version: rebuild it.
class TANDEM_VISIBLE PluginAbiMismatch : public PluginError {
 public:
  using PluginError::PluginError;
};

// The plugin failed while running: it threw, or returned an impossible value
// (a negative or non-finite payout). The run stops; exit code 1.
class TANDEM_VISIBLE PluginFault : public PluginError {
 public:
  using PluginError::PluginError;
};

// The work was stopped (Ctrl-C, SIGTERM) before it was done: `done` of `total`
// replications had finished. Exit code 130; nothing unfinished is left behind.
class TANDEM_VISIBLE Interrupted : public Error {
 public:
  Interrupted(int done, int total)
      : Error("interrupted after " + std::to_string(done) + " of " + std::to_string(total) +
              " replications") {}
};

}  // namespace v4
}  // namespace tandem
