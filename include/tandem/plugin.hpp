// TANDEM_PLUGIN(Class, "1.2.0"): the one macro that turns a PayPlan or LeadPolicy class
// into a loadable plugin.
//
// The class needs `static tandem::Schema schema()` (its name, doc and parameters) and a
// constructor taking `const tandem::Params&`, or `(const tandem::Params&, tandem::Stream&)`
// if it draws random numbers (the engine hands it a stream of its own).
//
// It may also declare `static std::vector<tandem::ParamProblem> check(const tandem::Params&)`:
// the combinations of parameters it refuses, which Tandem reports as located scenario
// problems before anything runs (see ParamProblem).
//
// The macro exports the C entry point tandem_plugin_info(), returning a PluginInfo whose
// first two fields are the SDK ABI number and the struct's size; the loader checks them
// before it reads anything else, so a plugin built for another SDK is refused by name.
// It also exports tandem_plugin_check(), returning the class's check or null. That one is
// optional for the loader (a plugin built before it existed has none), which is why it is
// an entry point of its own rather than a field of PluginInfo: PluginInfo stays as it was,
// and so does TANDEM_SDK_ABI.
#pragma once

#include <tandem/lead_policy.hpp>
#include <tandem/params.hpp>
#include <tandem/pay_plan.hpp>
#include <tandem/random.hpp>
#include <tandem/version.hpp>

#include <concepts>
#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

namespace tandem {
inline namespace v4 {

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

// A plugin's check of combinations of its validated parameters; no problems: accepted.
using ParamCheck = std::vector<ParamProblem> (*)(const Params&);

// The shapes of the types a plugin and Tandem pass each other, as the plugin's compiler
// saw them. The ABI number says which SDK a plugin was built against; this says whether
// its headers and its standard library laid the types out as Tandem's did (an edited
// header, or a library built with the old std::string, _GLIBCXX_USE_CXX11_ABI=0).
struct PluginLayout {
  std::uint64_t fingerprint;  // of the sizes and alignments below, and more
  std::uint32_t string_size;  // sizeof(std::string): 32 with the C++11 string, 8 without
  std::uint32_t reserved;
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
// FNV-1a over the sizes and alignments of every type that crosses the plugin boundary.
constexpr std::uint64_t layout_fingerprint() {
  const std::uint64_t parts[] = {
      sizeof(std::string),  alignof(std::string), sizeof(std::vector<double>),
      sizeof(Money),        sizeof(Credits),      alignof(Credits),
      sizeof(PayPeriod),    sizeof(TeamView),     sizeof(CreditedDeal),
      sizeof(LeadView),     alignof(LeadView),    sizeof(RepView),
      sizeof(ServiceLevel), sizeof(Statement),    sizeof(StatementLine),
      sizeof(Params),       sizeof(Schema),       sizeof(ParamSpec),
      sizeof(Value),        sizeof(ParamProblem), sizeof(PluginInfo)};
  std::uint64_t h = 14695981039346656037ull;
  for (const std::uint64_t p : parts) {
    h ^= p;
    h *= 1099511628211ull;
  }
  return h;
}
inline PluginLayout layout() {
  return {layout_fingerprint(), static_cast<std::uint32_t>(sizeof(std::string)), 0};
}

// Whether T declares the optional check of its parameters.
template <class T>
constexpr bool has_check = requires(const Params& p) {
  { T::check(p) } -> std::same_as<std::vector<ParamProblem>>;
};

// T::check if T declares one, else null.
template <class T>
constexpr ParamCheck check_of() {
  if constexpr (has_check<T>)
    return &T::check;
  else {
    // A `check` of another shape would be silently ignored: say so instead.
    static_assert(
        !requires { &T::check; },
        "a plugin's check is `static std::vector<tandem::ParamProblem> "
        "check(const tandem::Params&)`");
    return nullptr;
  }
}
}  // namespace detail

}  // namespace v4
}  // namespace tandem

#define TANDEM_PLUGIN_ENTRY tandem_plugin_info
#define TANDEM_PLUGIN_CHECK_ENTRY tandem_plugin_check
#define TANDEM_PLUGIN_LAYOUT_ENTRY tandem_plugin_layout

#define TANDEM_PLUGIN(Class, version)                                           \
  extern "C" __attribute__((visibility("default"))) const ::tandem::PluginInfo* \
  TANDEM_PLUGIN_ENTRY() {                                                       \
    return ::tandem::detail::plugin_info<Class>(version);                       \
  }                                                                             \
  extern "C" __attribute__((visibility("default"))) ::tandem::ParamCheck        \
  TANDEM_PLUGIN_CHECK_ENTRY() {                                                 \
    return ::tandem::detail::check_of<Class>();                                 \
  }                                                                             \
  extern "C" __attribute__((visibility("default"))) ::tandem::PluginLayout      \
  TANDEM_PLUGIN_LAYOUT_ENTRY() {                                                \
    return ::tandem::detail::layout();                                          \
  }
