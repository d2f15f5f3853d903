// Typed parameters: what a plugin (or a section of the core's scenario) declares it takes,
// and the validated values it receives. One ParamSpec serves validation, `--set`,
// `tandem plugins show`, the generated docs and the resolved parameters in summary.json.
#pragma once

#include <tandem/errors.hpp>
#include <tandem/money.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace tandem {
inline namespace v4 {

enum class ParamType { boolean, integer, real, money, text, number_list };

// A parameter's value. Integers are 64-bit; money is exact cents; a list of numbers is
// what tiers are made of (boundaries, multipliers). New alternatives go last, so that the
// index of every existing one stays what plugins already built against expect.
using Value = std::variant<bool, std::int64_t, double, Money, std::string, std::vector<double>>;

inline const char* type_name(ParamType t) {
  switch (t) {
    case ParamType::boolean:
      return "boolean";
    case ParamType::integer:
      return "integer";
    case ParamType::real:
      return "number";
    case ParamType::money:
      return "money";
    case ParamType::text:
      return "text";
    case ParamType::number_list:
      return "list of numbers";
  }
  return "?";
}

// What values a parameter allows, besides its type: a numeric range or a set of choices.
// For a list of numbers, the range applies to every item. Built with the functions below
// (in_range, at_least, above, at_most, one_of, name_in) and refined with the && members,
// never field by field: every field has a default, so a new one leaves every caller as it was.
struct Constraint {
  std::optional<double> min{}, max{};
  bool min_exclusive = false, max_exclusive = false;
  std::vector<std::string> choices{};  // for text: the allowed values
  std::string unit{};                  // shown in docs: "share", "per period", "hours"
  // For text: empty, or the `name` of an item of this scenario list ("products",
  // "segments"), checked against the scenario the plugin is named in.
  std::string name_in{};

  Constraint&& with_unit(std::string u) && {
    unit = std::move(u);
    return std::move(*this);
  }
  // in_range(0.0, 1.0).excluding_min(): the range without its lower bound (0 < x <= 1).
  Constraint&& excluding_min() && {
    min_exclusive = true;
    return std::move(*this);
  }
  // in_range(0.0, 1.0).excluding_max(): the range without its upper bound (0 <= x < 1).
  Constraint&& excluding_max() && {
    max_exclusive = true;
    return std::move(*this);
  }

  // Whether `x` is inside the range. The one range test: the validator and
  // tandem/testing.hpp both ask it. (NaN never gets here: it is refused as it is read.)
  // Long double, so that an amount of money is compared as exactly as the validator reads it.
  bool allows(long double x) const {
    const bool low = min && (min_exclusive ? x <= *min : x < *min);
    const bool high = max && (max_exclusive ? x >= *max : x > *max);
    return !low && !high;
  }
  // Whether `v` is allowed: text among the choices (when there are any), a number or an
  // amount of money in the range, every item of a list in it. Not checked: the type, and
  // name_in (that needs the scenario).
  bool allows(const Value& v) const {
    if (const auto* s = std::get_if<std::string>(&v)) {
      for (const auto& choice : choices)
        if (choice == *s) return true;
      return choices.empty();
    }
    if (const auto* list = std::get_if<std::vector<double>>(&v)) {
      for (const double x : *list)
        if (!allows(static_cast<long double>(x))) return false;
      return true;
    }
    if (const auto* i = std::get_if<std::int64_t>(&v)) return allows(static_cast<long double>(*i));
    if (const auto* d = std::get_if<double>(&v)) return allows(static_cast<long double>(*d));
    // Money in currency units: cents / 100 is exact enough in a long double for comparing
    // against bounds given in units.
    if (const auto* m = std::get_if<Money>(&v))
      return allows(static_cast<long double>(m->cents()) / 100.0L);
    return true;
  }
};

inline Constraint in_range(double lo, double hi) {
  return Constraint{.min = lo, .max = hi};
}
inline Constraint at_least(double lo) {
  return Constraint{.min = lo};
}
inline Constraint at_least(Money lo) {
  return at_least(lo.units());
}
inline Constraint above(double lo) {
  return Constraint{.min = lo, .min_exclusive = true};
}
inline Constraint above(Money lo) {
  return above(lo.units());
}
inline Constraint at_most(double hi) {
  return Constraint{.max = hi};
}
// Text that is empty or names an item of a scenario list: name_in("products").
inline Constraint name_in(std::string list) {
  return Constraint{.name_in = std::move(list)};
}
inline Constraint one_of(std::vector<std::string> choices) {
  return Constraint{.choices = std::move(choices)};
}

struct ParamSpec {
  std::string name;
  ParamType type = ParamType::real;
  std::optional<Value> default_value;  // none: the key is required
  Constraint allowed;
  std::string doc;  // one line

  bool required() const { return !default_value.has_value(); }
};

namespace detail {
template <class T>
constexpr ParamType param_type_of() {
  if constexpr (std::is_same_v<T, bool>)
    return ParamType::boolean;
  else if constexpr (std::is_integral_v<T>)
    return ParamType::integer;
  else if constexpr (std::is_floating_point_v<T>)
    return ParamType::real;
  else if constexpr (std::is_same_v<T, Money>)
    return ParamType::money;
  else if constexpr (std::is_same_v<T, std::vector<double>>)
    return ParamType::number_list;
  else {
    static_assert(std::is_convertible_v<T, std::string>,
                  "parameter types: bool, integers, "
                  "floating point, Money, std::string, std::vector<double>");
    return ParamType::text;
  }
}
template <class T>
Value to_value(T v) {
  if constexpr (std::is_same_v<T, bool>)
    return Value(v);
  else if constexpr (std::is_integral_v<T>)
    return Value(static_cast<std::int64_t>(v));
  else if constexpr (std::is_floating_point_v<T>)
    return Value(static_cast<double>(v));
  else if constexpr (std::is_same_v<T, Money>)
    return Value(v);
  else if constexpr (std::is_same_v<T, std::vector<double>>)
    return Value(std::move(v));
  else
    return Value(std::string(v));
}
}  // namespace detail

// Validated values, every declared parameter present (defaults filled in), each of its
// declared type. A plugin reads them in its constructor: get<double>("rate"),
// get<Money>("cap"), get<std::vector<double>>("tier_starts").
class Params {
 public:
  Params() = default;
  explicit Params(std::map<std::string, Value, std::less<>> values) : values_(std::move(values)) {}

  template <class T>
  T get(std::string_view name) const {
    const auto it = values_.find(name);
    if (it == values_.end()) throw Error("parameter '" + std::string(name) + "' was not declared");
    using Stored = std::conditional_t<
        std::is_same_v<T, bool>, bool,
        std::conditional_t<std::is_integral_v<T>, std::int64_t,
                           std::conditional_t<std::is_floating_point_v<T>, double, T>>>;
    if (const auto* v = std::get_if<Stored>(&it->second)) return static_cast<T>(*v);
    throw Error("parameter '" + std::string(name) + "' is not of the requested type");
  }

  bool has(std::string_view name) const { return values_.find(name) != values_.end(); }
  void set(std::string name, Value v) { values_[std::move(name)] = std::move(v); }
  const std::map<std::string, Value, std::less<>>& values() const { return values_; }

 private:
  std::map<std::string, Value, std::less<>> values_;
};

// A combination of parameters that a plugin refuses although each value is valid on its
// own (tier boundaries that do not increase, a cap below a floor). A plugin's optional
// `static std::vector<ParamProblem> check(const Params&)` returns them, and Tandem reports
// each as a scenario problem located at `key` (file:line:col), before anything runs.
struct ParamProblem {
  std::string key;      // the declared parameter it is about; empty: the parameters together
  std::string message;  // what is wrong, with the values, and what would be right

  // "key: message" (or the message alone), where no scenario location is at hand.
  std::string str() const { return key.empty() ? message : key + ": " + message; }
};

// Facts a plan's check() may need that are not its parameters: what the scenario declares,
// or what the results of `tandem payout` give. Tandem adds them, under these names, to the
// parameters it passes to check() when it knows them before anything is paid; never to a
// constructor, and absent when not known (a plan file before its results are read). A
// check that needs one refuses only when it is present: `p.has(kTeamSalariesKey)`.
//
// kTeamSalariesKey: Money, the team's annual base salaries summed (TeamView::salaries)
// as the scenario declares them or the results give them; over several pay periods, the
// smallest (0 when a team has none).
inline constexpr const char* kTeamSalariesKey = "tandem.team_salaries";

// The parameters a plugin (or a scenario section) takes, with its name and one line of doc.
class Schema {
 public:
  Schema() = default;
  Schema(std::string name, std::string doc) : name_(std::move(name)), doc_(std::move(doc)) {}

  // An optional parameter with a default. A list's default may be written in braces:
  // param<std::vector<double>>("tiers", {0, 0.5, 1.0}, ...) (D then falls back to T).
  template <class T, class D = T>
  Schema& param(std::string name, D default_value, std::string doc, Constraint allowed = {}) {
    specs_.push_back({std::move(name), detail::param_type_of<T>(),
                      detail::to_value<T>(static_cast<T>(default_value)), std::move(allowed),
                      std::move(doc)});
    return *this;
  }

  // A parameter the scenario must give.
  template <class T>
  Schema& required(std::string name, std::string doc, Constraint allowed = {}) {
    specs_.push_back({std::move(name), detail::param_type_of<T>(), std::nullopt, std::move(allowed),
                      std::move(doc)});
    return *this;
  }

  const std::string& name() const { return name_; }
  const std::string& doc() const { return doc_; }
  const std::vector<ParamSpec>& params() const { return specs_; }
  // Every parameter that has a default, at its default (a test's starting point).
  Params defaults() const {
    Params p;
    for (const auto& s : specs_)
      if (s.default_value) p.set(s.name, *s.default_value);
    return p;
  }

  const ParamSpec* find(std::string_view key) const {
    for (const auto& s : specs_)
      if (s.name == key) return &s;
    return nullptr;
  }

 private:
  std::string name_, doc_;
  std::vector<ParamSpec> specs_;
};

}  // namespace v4
}  // namespace tandem
