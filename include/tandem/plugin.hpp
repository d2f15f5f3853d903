// TANDEM_PLUGIN(Class, "1.2.0"): the one macro that turns a PayPlan or LeadPolicy class
// into a loadable plugin.
//
// The class needs `static tandem::Schema schema()` (its name, doc and parameters) and a
// constructor taking `const tandem::Params&`, or `(const tandem::Params&, tandem::Stream&)`
// if it draws random numbers (the engine hands it a stream of its own).
//
// The macro exports one C entry point, tandem_plugin_info(), returning a PluginInfo whose
// first two fields are the SDK ABI number and the struct's size; the loader checks them
// before it reads anything else, so a plugin built for another SDK is refused by name.
#pragma once

#include <tandem/lead_policy.hpp>
#include <tandem/params.hpp>
#include <tandem/pay_plan.hpp>
#include <tandem/random.hpp>
#include <tandem/version.hpp>

#include <cstdint>
#include <string>
#include <type_traits>

namespace tandem {
inline namespace v3 {

enum class PluginKind : std::uint32_t { pay_plan = 1, lead_policy = 2 };

inline const char* to_string(PluginKind k) {
  return k == PluginKind::pay_plan      ? "pay plan"
         : k == PluginKind::lead_policy ? "lead policy"
                                        : "?";
}

struct PluginInfo {
  std::uint32_t abi;   // TANDEM_SDK_ABI the plugin was built with: checked first
  std::uint32_t size;  // sizeof(PluginInfo) as the plugin saw it: checked second
  PluginKind kind;
  const char* name;         // as scenarios name it; equals the file name without ".so"
  const char* version;      // the plugin's own version
  const char* sdk_version;  // TANDEM_VERSION_STRING it was built against
  Schema (*schema)();
  // Returns a PayPlan* or a LeadPolicy* (by kind), as void* to keep this struct plain.
  void* (*create)(const Params&, Stream&);
  void (*destroy)(void*);
};

namespace detail {
template <class T>
constexpr PluginKind kind_of() {
  static_assert(std::is_base_of_v<PayPlan, T> != std::is_base_of_v<LeadPolicy, T>,
                "a plugin class derives from exactly one of tandem::PayPlan, tandem::LeadPolicy");
  return std::is_base_of_v<PayPlan, T> ? PluginKind::pay_plan : PluginKind::lead_policy;
}
template <class T>
using Base = std::conditional_t<std::is_base_of_v<PayPlan, T>, PayPlan, LeadPolicy>;

template <class T>
void* create(const Params& params, Stream& stream) {
  Base<T>* made;
  if constexpr (std::is_constructible_v<T, const Params&, Stream&>)
    made = new T(params, stream);
  else
    made = new T(params);
  return made;
}
template <class T>
void destroy(void* p) {
  delete static_cast<Base<T>*>(p);
}
template <class T>
const PluginInfo* plugin_info(const char* version) {
  static const std::string name = T::schema().name();
  static const PluginInfo info{TANDEM_SDK_ABI, sizeof(PluginInfo),    kind_of<T>(), name.c_str(),
                               version,        TANDEM_VERSION_STRING, &T::schema,   &create<T>,
                               &destroy<T>};
  return &info;
}
}  // namespace detail

}  // namespace v3
}  // namespace tandem

#define TANDEM_PLUGIN_ENTRY tandem_plugin_info

#define TANDEM_PLUGIN(Class, version)                                           \
  extern "C" __attribute__((visibility("default"))) const ::tandem::PluginInfo* \
  tandem_plugin_info() {                                                        \
    return ::tandem::detail::plugin_info<Class>(version);                       \
  }
