// tandem clean [FOLDER]: removes the unfinished folders runs stopped from outside left in
// FOLDER (default runs/): the hidden .<name>.partial-XXXXXX folders (output/
// left_over_folders.hpp). One changed in the last ten minutes may be a run still writing:
// it is kept unless --all.
#include "cli/verbs.hpp"

#include "output/left_over_folders.hpp"

#include <tandem/errors.hpp>

#include <fmt/core.h>

namespace po = boost::program_options;

namespace tandem::cli {

int clean_verb(const Args& args) {
  std::string folder = "runs";
  bool all = false;
  po::options_description options("options");
  options.add_options()("folder", po::value(&folder), "the folder to clean (default: runs)")(
      "all", po::bool_switch(&all),
      "also remove unfinished folders changed in the last ten minutes (a run still writing "
      "would lose its output)");
  po::positional_options_description positionals;
  positionals.add("folder", 1);
  po::variables_map vm;
  if (!parse("clean", "tandem clean [FOLDER] [--all]", args, options, positionals, vm)) return 0;
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec))
    throw UsageError("tandem clean: no folder '" + folder + "'; name the folder runs write into");
  const auto found =
      left_over_folders(folder, all ? std::chrono::seconds(0) : std::chrono::minutes(10));
  for (const LeftOverFolder& f : found) {
    std::filesystem::remove_all(f.path, ec);
    if (ec) throw OutputError("cannot remove '" + f.path.string() + "': " + ec.message());
    fmt::print("removed {} ({:.1f} MB)\n", f.path.string(), static_cast<double>(f.bytes) / 1e6);
  }
  fmt::print("{}: {} removed\n", folder, found.empty() ? "no unfinished folder" : describe(found));
  return 0;
}

// Said before a verb writes into `folder`, when runs stopped from outside left some there.
void note_left_overs(const std::filesystem::path& folder) {
  const auto found = left_over_folders(folder.empty() ? "." : folder, std::chrono::minutes(10));
  if (found.empty()) return;
  fmt::print(stderr,
             "note: {} holds {} left by runs that were stopped from outside (such as kill -9); "
             "'tandem clean {}' removes them\n",
             folder.empty() ? "." : folder.string(), describe(found),
             folder.empty() ? "." : folder.string());
}

}  // namespace tandem::cli
