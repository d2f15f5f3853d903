// Finds plugins on the plugin path, loads them with Boost.DLL, checks their ABI, and keeps
// every loaded library open for the life of the process (objects it made may still live).
#pragma once

#include <tandem/errors.hpp>
#include <tandem/lead_policy.hpp>
#include <tandem/params.hpp>
#include <tandem/pay_plan.hpp>
#include <tandem/plugin.hpp>
#include <tandem/random.hpp>

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tandem {

// The plugin path, in order: --plugin-path entries, then TANDEM_PLUGIN_PATH (colon
// separated), then <exe>/../lib/tandem/plugins (the build tree and an install both).
std::vector<std::filesystem::path> plugin_search_path(const std::vector<std::string>& from_cli);

// Deletes a plugin-made object through the plugin's own destroy().
struct PluginDeleter {
  void (*destroy)(void*) = nullptr;
  template <class T>
  void operator()(T* p) const {
    if (p) destroy(static_cast<void*>(p));
  }
};
template <class T>
using PluginPtr = std::unique_ptr<T, PluginDeleter>;

// A plugin whose library is loaded and whose ABI was checked.
class LoadedPlugin {
 public:
  const std::string& name() const { return name_; }
  const std::string& version() const { return version_; }
  const std::string& sdk_version() const { return sdk_version_; }
  std::uint32_t abi() const { return abi_; }
  PluginKind kind() const { return kind_; }
  const std::filesystem::path& path() const { return path_; }
  const Schema& schema() const { return schema_; }

  // The plugin's own check of combinations of `params` (validated against schema()):
  // the problems it finds, none when it accepts them or declares no check. A check that
  // throws becomes PluginFault naming the plugin.
  std::vector<ParamProblem> check(const Params& params) const;

  // Make an instance: the plugin's check first (a problem becomes PluginFault naming the
  // plugin and the key), then its constructor (an exception becomes PluginFault too).
  // Throws PluginError if the plugin is of the other kind.
  PluginPtr<PayPlan> make_pay_plan(const Params& params, Stream& stream) const;
  PluginPtr<LeadPolicy> make_lead_policy(const Params& params, Stream& stream) const;

 private:
  friend class PluginRegistry;
  void* make(PluginKind wanted, const Params& params, Stream& stream) const;

  std::string name_, version_, sdk_version_;
  std::uint32_t abi_ = 0;
  PluginKind kind_ = PluginKind::pay_plan;
  std::filesystem::path path_;
  Schema schema_;
  const PluginInfo* info_ = nullptr;
  ParamCheck check_ = nullptr;     // from the optional check entry point; null: none
  std::shared_ptr<void> library_;  // keeps the shared library loaded
};

// What `tandem plugins list` shows for one file on the path.
struct PluginListing {
  std::filesystem::path path;
  const LoadedPlugin* plugin = nullptr;  // null when the file could not be loaded
  std::string problem;                   // why not, when plugin is null
};

class PluginRegistry {
 public:
  explicit PluginRegistry(std::vector<std::filesystem::path> search_path);
  ~PluginRegistry();
  PluginRegistry(const PluginRegistry&) = delete;
  PluginRegistry& operator=(const PluginRegistry&) = delete;

  // Loads `<name>.so` from the first folder on the path that has it (cached).
  // Throws PluginNotFound (listing what is available, with the nearest name),
  // PluginLoadError or PluginAbiMismatch.
  const LoadedPlugin& load(std::string_view name);

  // Every *.so on the path, loaded or with the reason it could not be. Sorted by name;
  // a name found in two folders shows the first, as load() would pick it.
  std::vector<PluginListing> list();

  // Names of the plugins that load, of one kind or of all.
  std::vector<std::string> available(std::optional<PluginKind> kind = std::nullopt);

  const std::vector<std::filesystem::path>& search_path() const { return search_path_; }

 private:
  std::vector<std::filesystem::path> search_path_;
  std::map<std::string, std::unique_ptr<LoadedPlugin>, std::less<>> loaded_;
};

// Calls into a plugin with its faults caught and checked at the boundary: an exception,
// or an impossible answer (a negative component), becomes PluginFault naming the plugin.
// One wrapper per kind; the engine calls only these.
class GuardedPayPlan {
 public:
  GuardedPayPlan(const LoadedPlugin& plugin, PluginPtr<PayPlan> plan)
      : plugin_(&plugin), plan_(std::move(plan)) {}
  // `who`: the person paid ("rep-03"), named if the plugin faults.
  Statement pay(const Credits& credits, const PayPeriod& period, std::string_view who = {}) const;
  const LoadedPlugin& plugin() const { return *plugin_; }

 private:
  const LoadedPlugin* plugin_;
  PluginPtr<PayPlan> plan_;
};

class GuardedLeadPolicy {
 public:
  GuardedLeadPolicy(const LoadedPlugin& plugin, PluginPtr<LeadPolicy> policy)
      : plugin_(&plugin), policy_(std::move(policy)) {}
  bool is_mql(const LeadView& lead);
  double score(const LeadView& lead) const;  // 0..100, or a fault
  bool accepts(const LeadView& lead);
  int route(const LeadView& lead, std::span<const RepView> reps);  // a valid index, or a fault
  bool works_accounts() const;
  ServiceLevel service_level() const;
  void on_outcome(const LeadView& lead, Outcome outcome);
  const LoadedPlugin& plugin() const { return *plugin_; }

 private:
  [[noreturn]] void fault(const char* call) const;
  const LoadedPlugin* plugin_;
  PluginPtr<LeadPolicy> policy_;
};

}  // namespace tandem
