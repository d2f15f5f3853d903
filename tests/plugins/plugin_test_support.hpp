// Helpers the plugin tests share beyond the SDK's tandem/testing.hpp (parameters, pay
// periods, credits, statements, leads): plugins loaded from the build tree as the tandem
// program loads them, and a scoped TANDEM_PLUGIN_PATH.
#pragma once

#include "plugins/registry.hpp"

#include <tandem/testing.hpp>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tandem::test {

using namespace tandem::testing;

inline const std::filesystem::path kShippedDir = TANDEM_PLUGIN_DIR;
inline const std::filesystem::path kFixtureDir = TANDEM_FIXTURE_PLUGIN_DIR;

// Every declared parameter at its default, then the overrides, checked as the validator
// would (tandem::testing::params).
inline Params params_for(const LoadedPlugin& plugin, const std::map<std::string, Value>& set = {}) {
  return testing::params(plugin.schema(), set);
}

// A plugin's declared parameter `name` (the test stops if there is none).
inline const ParamSpec& spec(const LoadedPlugin& plugin, const char* name) {
  const ParamSpec* s = plugin.schema().find(name);
  REQUIRE(s != nullptr);
  return *s;
}

inline GuardedPayPlan make_plan(const LoadedPlugin& plugin,
                                const std::map<std::string, Value>& set = {}) {
  Stream stream(1, 0, 0);
  return GuardedPayPlan(plugin, plugin.make_pay_plan(params_for(plugin, set), stream));
}

inline GuardedLeadPolicy make_policy(const LoadedPlugin& plugin,
                                     const std::map<std::string, Value>& set = {}) {
  Stream stream(1, 0, 0);
  return GuardedLeadPolicy(plugin, plugin.make_lead_policy(params_for(plugin, set), stream));
}

// Sets (or clears) TANDEM_PLUGIN_PATH for one test, and puts the old value back.
class ScopedPluginPath {
 public:
  explicit ScopedPluginPath(const std::optional<std::string>& value) {
    if (const char* old = std::getenv("TANDEM_PLUGIN_PATH")) old_ = old;
    if (value)
      ::setenv("TANDEM_PLUGIN_PATH", value->c_str(), 1);
    else
      ::unsetenv("TANDEM_PLUGIN_PATH");
  }
  ~ScopedPluginPath() {
    if (old_)
      ::setenv("TANDEM_PLUGIN_PATH", old_->c_str(), 1);
    else
      ::unsetenv("TANDEM_PLUGIN_PATH");
  }
  ScopedPluginPath(const ScopedPluginPath&) = delete;
  ScopedPluginPath& operator=(const ScopedPluginPath&) = delete;

 private:
  std::optional<std::string> old_;
};

}  // namespace tandem::test
