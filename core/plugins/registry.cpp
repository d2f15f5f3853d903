// The plugin path, and loading plugin libraries with Boost.DLL.
//
// Lifetime: a library, once accepted as a plugin, is never unloaded. Objects a plugin made
// (pay plans, policies, the vtables and code behind them) may outlive the registry that
// loaded it, and unloading code that still has live objects is a crash far from its cause.
// So the shared_library objects live in one process-wide holder that is deliberately never
// destroyed; LoadedPlugin::library_ only points into it. The cost is a few mappings kept
// until the process exits. A file that fails the checks is closed again at once: nothing
// of it was handed out.
//
// The registry itself is not thread-safe: load plugins before starting worker threads
// (the engine does), then share the LoadedPlugin objects read-only.
#include "plugins/registry.hpp"

#include "plugins/fault_guard.hpp"
#include "plugins/load_probe.hpp"

#include "plugins/exception_text.hpp"

#include "common/did_you_mean.hpp"

#include <boost/dll/runtime_symbol_info.hpp>
#include <boost/dll/shared_library.hpp>

#include <dlfcn.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <mutex>
#include <utility>

namespace fs = std::filesystem;

namespace tandem {

namespace {

// The entry point's name, from the SDK's own macro so the two cannot drift apart.
#define TANDEM_LOADER_STRINGIFY_(x) #x
#define TANDEM_LOADER_STRINGIFY(x) TANDEM_LOADER_STRINGIFY_(x)
constexpr const char* kEntryPoint = TANDEM_LOADER_STRINGIFY(TANDEM_PLUGIN_ENTRY);
// Optional: a plugin built before the check hook has no such entry point, and none is needed.
constexpr const char* kCheckEntryPoint = TANDEM_LOADER_STRINGIFY(TANDEM_PLUGIN_CHECK_ENTRY);
constexpr const char* kLayoutEntryPoint = TANDEM_LOADER_STRINGIFY(TANDEM_PLUGIN_LAYOUT_ENTRY);

// Every library accepted as a plugin, kept open until the process exits. One entry per
// load, even of the same file: dlopen counts references, and a file rebuilt while the
// process runs is a new library whose predecessor must stay mapped too.
struct LibraryHolder {
  std::mutex mutex;
  std::deque<boost::dll::shared_library> libraries;  // a deque never moves its elements
};
LibraryHolder& holder() {
  static auto* const h = new LibraryHolder();  // never destroyed: see the file comment
  return *h;
}

// Keeps `library` open for the life of the process; returns a handle to the kept copy.
std::shared_ptr<void> keep_forever(boost::dll::shared_library library) {
  auto& h = holder();
  const std::lock_guard lock(h.mutex);
  h.libraries.push_back(std::move(library));
  return std::shared_ptr<void>(static_cast<void*>(&h.libraries.back()), [](void*) {});
}

// A plugin name is a file stem: letters, digits, '_', '-' and '.', never a path.
bool is_plain_name(std::string_view name) {
  if (name.empty() || name.front() == '.') return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '.';
  });
}

bool is_folder(const fs::path& p) {
  std::error_code ec;
  return fs::is_directory(p, ec);
}

bool is_file(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec);  // follows symbolic links
}

// dlerror()'s text, without the leading "<path>: " it usually repeats.
std::string load_failure(const fs::path& file, const std::error_code& ec) {
  const char* text = ::dlerror();
  std::string reason = text ? text : ec.message();
  const std::string prefix = file.string() + ": ";
  if (reason.rfind(prefix, 0) == 0) reason.erase(0, prefix.size());
  return reason;
}

std::string rebuild_advice() {
  // The package version a plugin project asks for: find_package(Tandem X) accepts any
  // Tandem of that major version (SameMajorVersion).
  return "rebuild the plugin against this Tandem's SDK (find_package(Tandem " +
         std::to_string(TANDEM_VERSION_MAJOR) + "))";
}

}  // namespace

std::vector<fs::path> plugin_search_path(const std::vector<std::string>& from_cli) {
  std::vector<fs::path> path;
  const auto add = [&path](std::string_view entry) {
    if (entry.empty()) return;  // "a::b" or a trailing ':' adds nothing
    fs::path p = fs::path(entry).lexically_normal();
    if (!p.has_filename() && p.has_parent_path() && p != p.root_path())
      p = p.parent_path();  // "dir/" and "dir" are one folder
    if (std::find(path.begin(), path.end(), p) == path.end()) path.push_back(std::move(p));
  };
  for (const auto& entry : from_cli) add(entry);
  if (const char* env = std::getenv("TANDEM_PLUGIN_PATH")) {
    std::string_view rest(env);
    for (auto colon = rest.find(':'); colon != std::string_view::npos; colon = rest.find(':')) {
      add(rest.substr(0, colon));
      rest.remove_prefix(colon + 1);
    }
    add(rest);
  }
  // Tandem runs any library it finds there: say when that is not what the user means.
  for (const fs::path& folder : path) {
    std::error_code ec;
    if (!folder.is_absolute())
      std::fprintf(stderr,
                   "warning: the plugin path folder '%s' is relative: which libraries load "
                   "depends on where tandem is run from; give an absolute path\n",
                   folder.c_str());
    const fs::perms perms = fs::status(folder, ec).permissions();
    if (!ec && (perms & fs::perms::others_write) != fs::perms::none)
      std::fprintf(stderr,
                   "warning: the plugin path folder '%s' is writable by anyone on this "
                   "machine, so anyone can put a library there that tandem will run: make it "
                   "writable by its owner only (chmod o-w)\n",
                   folder.c_str());
  }
  // Beside the program: <prefix>/bin/tandem finds <prefix>/lib/tandem/plugins, in the
  // build tree and in an install alike.
  std::error_code ec;
  fs::path exe = boost::dll::program_location(ec);
  if (ec || exe.empty()) {
    ec.clear();
    exe = fs::read_symlink("/proc/self/exe", ec);
  }
  if (!ec && !exe.empty())
    add((exe.parent_path().parent_path() / "lib" / "tandem" / "plugins").string());
  return path;
}

// --- LoadedPlugin ----------------------------------------------------------------------

std::vector<ParamProblem> LoadedPlugin::check(const Params& params) const {
  if (!check_) return {};
  try {
    const PluginCall inside(*this, "check");
    return check_(params);
  } catch (...) {
    throw PluginFault(name_, path_.string(), "check() threw: " + current_exception_text());
  }
}

void* LoadedPlugin::make(PluginKind wanted, const Params& params, Stream& stream) const {
  if (kind_ != wanted)
    throw PluginError(name_, path_.string(),
                      "'" + name_ + "' is a " + to_string(kind_) + " plugin, not a " +
                          to_string(wanted) + " plugin");
  // Validation reports these located at their keys before anything is made; here they
  // only stop parameters that bypassed it (a test, a library caller).
  const std::vector<ParamProblem> problems = check(params);
  if (!problems.empty()) {
    std::string text;
    for (const auto& p : problems) text += (text.empty() ? "" : "; ") + p.str();
    throw PluginFault(name_, path_.string(), "its check refused the parameters: " + text);
  }
  void* made = nullptr;
  try {
    const PluginCall inside(*this, "create");
    made = info_->create(params, stream);
  } catch (...) {
    throw PluginFault(name_, path_.string(), "its constructor threw: " + current_exception_text());
  }
  if (!made) throw PluginFault(name_, path_.string(), "create() returned no object");
  return made;
}

// create() returned a Base<T>* converted to void*; converting back to that base is exact.
PluginPtr<PayPlan> LoadedPlugin::make_pay_plan(const Params& params, Stream& stream) const {
  return PluginPtr<PayPlan>(static_cast<PayPlan*>(make(PluginKind::pay_plan, params, stream)),
                            PluginDeleter{info_->destroy});
}

PluginPtr<LeadPolicy> LoadedPlugin::make_lead_policy(const Params& params, Stream& stream) const {
  return PluginPtr<LeadPolicy>(
      static_cast<LeadPolicy*>(make(PluginKind::lead_policy, params, stream)),
      PluginDeleter{info_->destroy});
}

// --- PluginRegistry --------------------------------------------------------------------

PluginRegistry::PluginRegistry(std::vector<fs::path> search_path)
    : search_path_(std::move(search_path)) {}

PluginRegistry::~PluginRegistry() = default;

const LoadedPlugin& PluginRegistry::load(std::string_view name) {
  if (const auto cached = loaded_.find(name); cached != loaded_.end()) return *cached->second;

  fs::path file;
  if (is_plain_name(name)) {
    for (const auto& folder : search_path_) {
      const fs::path candidate = folder / (std::string(name) + ".so");
      if (!is_folder(folder) || !is_file(candidate)) continue;
      if (file.empty()) {
        file = candidate;
      } else {
        // Two libraries of one name: the first wins, and the user is told which.
        std::fprintf(stderr,
                     "note: plugin '%s' is loaded from %s; %s, later on the plugin path, is "
                     "not used\n",
                     std::string(name).c_str(), file.c_str(), candidate.c_str());
      }
    }
  }
  const std::string wanted(name);
  if (file.empty() && (wanted.find('/') != std::string::npos || wanted.ends_with(".so"))) {
    // A scenario names plugins; it never points at a file, so a shared scenario cannot make
    // tandem load a library from wherever its author chose.
    const std::string base = fs::path(wanted).stem().string();
    throw PluginNotFound(wanted, "",
                         "'" + wanted + "' names a file; a scenario names a plugin (such as '" +
                             (base.empty() ? std::string("score_threshold") : base) +
                             "'), and tandem loads it only from the plugin path: put its "
                             "folder on it with --plugin-path or TANDEM_PLUGIN_PATH");
  }
  if (file.empty()) {
    // Name what is there, and the nearest name, so a typo fixes itself.
    std::vector<std::string> names;
    std::string available;
    for (const auto& entry : list()) {
      if (!entry.plugin) continue;
      names.push_back(entry.plugin->name());
      available += (available.empty() ? "" : ", ") + entry.plugin->name() + " (" +
                   to_string(entry.plugin->kind()) + ")";
    }
    std::string searched;
    for (const auto& folder : search_path_)
      searched += (searched.empty() ? "" : ", ") + folder.string() +
                  (is_folder(folder) ? "" : " (no such folder)");
    const std::string hint = did_you_mean(wanted, names);
    throw PluginNotFound(wanted, "",
                         "no plugin named '" + wanted + "' on the plugin path" +
                             (hint.empty() ? "." : hint) +
                             " Available: " + (available.empty() ? "none" : available) +
                             ". Searched: " + (searched.empty() ? "no folders" : searched) +
                             ". Add a folder with --plugin-path or TANDEM_PLUGIN_PATH.");
  }

  const std::string where = file.string();
  // Opened in another process first: a library that crashes there never runs here.
  if (const auto failure = probe_failure(file))
    throw PluginLoadError(wanted, where, where + ": " + *failure);
  std::error_code ec;
  // Resolve every symbol now, so a missing dependency is reported here and not mid-run.
  boost::dll::shared_library library(
      file, ec, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
  if (ec || !library.is_loaded())
    throw PluginLoadError(wanted, where, "cannot load " + where + ": " + load_failure(file, ec));
  if (!library.has(kEntryPoint))
    throw PluginLoadError(
        wanted, where,
        where + " is not a Tandem plugin: it has no " + kEntryPoint + " entry point");

  const PluginInfo* info = nullptr;
  try {
    info = library.get<const PluginInfo*()>(kEntryPoint)();
  } catch (...) {
    throw PluginLoadError(wanted, where,
                          std::string(kEntryPoint) + "() threw: " + current_exception_text());
  }
  if (!info) throw PluginLoadError(wanted, where, std::string(kEntryPoint) + "() returned nothing");

  // The ABI number first and alone: nothing else in the descriptor means anything until it
  // matches. Then the size, so no field is read past the end of an older, shorter struct.
  if (info->abi != TANDEM_SDK_ABI)
    throw PluginAbiMismatch(wanted, where,
                            "built against Tandem SDK " + std::to_string(info->abi) +
                                ", but this tandem uses SDK " + std::to_string(TANDEM_SDK_ABI) +
                                ": " + rebuild_advice());
  if (info->size < sizeof(PluginInfo))
    throw PluginAbiMismatch(wanted, where,
                            "its plugin descriptor is " + std::to_string(info->size) +
                                " bytes, but this tandem reads " +
                                std::to_string(sizeof(PluginInfo)) + ": " + rebuild_advice());
  // The layout of the types the plugin and Tandem pass each other (plugins built before
  // this check existed do not say, and are taken at their ABI number).
  if (library.has(kLayoutEntryPoint)) {
    const PluginLayout theirs = library.get<PluginLayout()>(kLayoutEntryPoint)();
    const PluginLayout ours = detail::layout();
    if (theirs.string_size != ours.string_size)
      throw PluginAbiMismatch(
          wanted, where,
          "it was built with another std::string (" + std::to_string(theirs.string_size) +
              " bytes, this tandem's is " + std::to_string(ours.string_size) +
              "): the old one of _GLIBCXX_USE_CXX11_ABI=0? " + rebuild_advice());
    if (theirs.fingerprint != ours.fingerprint)
      throw PluginAbiMismatch(wanted, where,
                              "it lays out the SDK's types differently from this tandem "
                              "(an edited header, or other compiler settings), although its "
                              "ABI number matches: " +
                                  rebuild_advice());
  }
  if (!info->name || !info->version || !info->sdk_version || !info->schema || !info->create ||
      !info->destroy)
    throw PluginLoadError(wanted, where,
                          "its plugin descriptor is incomplete: " + rebuild_advice());
  if (info->kind != PluginKind::pay_plan && info->kind != PluginKind::lead_policy)
    throw PluginLoadError(wanted, where,
                          "it declares an unknown plugin kind " +
                              std::to_string(static_cast<std::uint32_t>(info->kind)));
  if (wanted != info->name)
    throw PluginLoadError(wanted, where,
                          "it declares the name '" + std::string(info->name) +
                              "'; a plugin's file is named after it: rename the file to " +
                              info->name + ".so or the plugin to '" + wanted + "'");

  auto plugin = std::make_unique<LoadedPlugin>();
  try {
    plugin->schema_ = info->schema();
  } catch (...) {
    throw PluginLoadError(wanted, where, "schema() threw: " + current_exception_text());
  }
  plugin->name_ = wanted;
  plugin->version_ = info->version;
  plugin->sdk_version_ = info->sdk_version;
  plugin->abi_ = info->abi;
  plugin->kind_ = info->kind;
  plugin->path_ = file;
  plugin->info_ = info;
  if (library.has(kCheckEntryPoint)) {
    try {
      plugin->check_ = library.get<ParamCheck()>(kCheckEntryPoint)();
    } catch (...) {
      throw PluginLoadError(
          wanted, where, std::string(kCheckEntryPoint) + "() threw: " + current_exception_text());
    }
  }
  plugin->library_ = keep_forever(std::move(library));
  return *loaded_.emplace(wanted, std::move(plugin)).first->second;
}

std::vector<PluginListing> PluginRegistry::list() {
  // The first file of each name, in path order: the one load() would pick.
  std::map<std::string, fs::path> first;
  for (const auto& folder : search_path_) {
    if (!is_folder(folder)) continue;  // a missing folder is skipped quietly
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
      const fs::path& file = it->path();
      if (file.extension() != ".so" || !is_file(file)) continue;
      first.try_emplace(file.stem().string(), file);
    }
  }
  std::vector<PluginListing> listing;
  for (const auto& [name, file] : first) {
    PluginListing entry{file, nullptr, {}};
    if (!is_plain_name(name)) {
      entry.problem = "'" + name + "' is not a valid plugin name (letters, digits, '_', '-')";
    } else {
      try {
        entry.plugin = &load(name);
      } catch (const PluginError& e) {
        entry.problem = e.what();
      }
    }
    listing.push_back(std::move(entry));
  }
  return listing;
}

std::vector<std::string> PluginRegistry::available(std::optional<PluginKind> kind) {
  std::vector<std::string> names;
  for (const auto& entry : list())
    if (entry.plugin && (!kind || entry.plugin->kind() == *kind))
      names.push_back(entry.plugin->name());
  return names;
}

}  // namespace tandem
