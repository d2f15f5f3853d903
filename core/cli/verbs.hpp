// The verbs of the `tandem` program, one file each. Each parses its own options (with
// --help) and returns an exit code; errors are thrown and mapped to exit codes in main.
#pragma once

#include <boost/program_options.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace tandem::cli {

using Args = std::vector<std::string>;  // the words after the verb

int run_verb(const Args& args);
int validate_verb(const Args& args);
int plugins_verb(const Args& args);
int payout_verb(const Args& args);
int compare_verb(const Args& args);
int sweep_verb(const Args& args);
int estimate_verb(const Args& args);
int history_verb(const Args& args);
int calibrate_verb(const Args& args);
int clean_verb(const Args& args);

// Said on standard error before a verb writes into `folder`, when runs stopped from
// outside left unfinished folders there (tandem clean removes them).
void note_left_overs(const std::filesystem::path& folder);

// Options every verb that loads plugins takes.
struct PluginPathOption {
  std::vector<std::string> paths;
  void add_to(boost::program_options::options_description& options);
};

// Parses `args` against `options` (and positionals); throws UsageError on a bad option,
// naming it and pointing at `tandem VERB --help`. Returns false if --help was printed.
bool parse(const std::string& verb, const std::string& usage, const Args& args,
           boost::program_options::options_description& options,
           const boost::program_options::positional_options_description& positionals,
           boost::program_options::variables_map& vm);

}  // namespace tandem::cli
