#include "config/value_text.hpp"

#include "common/did_you_mean.hpp"
#include "common/message_text.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <system_error>

namespace tandem::config {

namespace {

std::string quoted(std::string_view text) {
  return "'" + shown(text) + "'";
}

// A bound as people write it: 0, 1, 0.5, 100000000.
std::string bound_text(double b) {
  return fmt::format("{}", b);
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string_view without_plus(std::string_view s) {
  return !s.empty() && s.front() == '+' ? s.substr(1) : s;
}

// Whether `text`, a decimal number out of a double's range, is too close to zero rather
// than too large: its first significant digit stands after the point once the exponent
// is applied ("1e-400", "0.000...01"). Read only after from_chars said it is out of range.
bool underflows(std::string_view text) {
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) text.remove_prefix(1);
  const std::size_t e = text.find_first_of("eE");
  const std::string_view mantissa = text.substr(0, e);
  long long exponent = 0;
  if (e != std::string_view::npos) {
    std::string_view digits = text.substr(e + 1);
    const bool negative = !digits.empty() && digits.front() == '-';
    if (!digits.empty() && (digits.front() == '-' || digits.front() == '+'))
      digits.remove_prefix(1);
    // An exponent too long for a long long is far past either end: its sign decides.
    if (std::from_chars(digits.data(), digits.data() + digits.size(), exponent).ec != std::errc())
      return negative;
    if (negative) exponent = -exponent;
  }
  // The number is 0.d... x 10^(magnitude + exponent), d its first significant digit.
  const std::size_t point = std::min(mantissa.find('.'), mantissa.size());
  const std::size_t first = mantissa.find_first_of("123456789");
  if (first == std::string_view::npos) return true;
  const long long magnitude = first < point ? static_cast<long long>(point - first)
                                            : 1 - static_cast<long long>(first - point);
  return exponent + magnitude <= 0;
}

std::optional<bool> read_boolean(std::string_view t) {
  // YAML 1.2's core schema: only these; "yes"/"on" are too easily meant as text.
  if (t == "true" || t == "True" || t == "TRUE") return true;
  if (t == "false" || t == "False" || t == "FALSE") return false;
  return std::nullopt;
}

// The value on the number line, for range checks; money in currency units, exactly enough
// for comparing against bounds given in units (cents * 100 fits a long double exactly).
std::optional<long double> numeric(const Value& v) {
  if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<long double>(*i);
  if (const auto* d = std::get_if<double>(&v)) return static_cast<long double>(*d);
  if (const auto* m = std::get_if<Money>(&v)) return static_cast<long double>(m->cents()) / 100.0L;
  return std::nullopt;
}

}  // namespace

std::string expected_phrase(ParamType type) {
  switch (type) {
    case ParamType::boolean:
      return "a boolean (true or false)";
    case ParamType::integer:
      return "an integer";
    case ParamType::real:
      return "a number";
    case ParamType::money:
      return "money (an amount such as 180.00, or unlimited)";
    case ParamType::text:
      return "text";
    case ParamType::number_list:
      return "a list of numbers";
  }
  return "a value";
}

std::variant<Value, std::string> read_value(ParamType type, std::string_view text) {
  const std::string wrong = "expected " + expected_phrase(type) + ", got " + quoted(text);
  switch (type) {
    case ParamType::boolean: {
      if (const auto b = read_boolean(text)) return Value(*b);
      return wrong;
    }
    case ParamType::integer: {
      const std::string_view t = without_plus(text);
      if (!all_digits(!t.empty() && t.front() == '-' ? t.substr(1) : t)) return wrong;
      std::int64_t i = 0;
      const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), i);
      if (ec == std::errc::result_out_of_range) return wrong + ", which is too large";
      if (ec != std::errc() || end != t.data() + t.size()) return wrong;
      return Value(i);
    }
    case ParamType::real: {
      const std::string_view t = without_plus(text);
      double d = 0;
      const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), d);
      if (ec == std::errc::result_out_of_range && end == t.data() + t.size())
        return wrong + (underflows(t) ? ", which is too close to zero to be held as a number "
                                        "(nearer than about 1e-308); write 0 for zero"
                                      : ", which is too large (beyond about ±1.8e308)");
      // from_chars also takes "inf" and "nan": no parameter means either.
      if (ec != std::errc() || end != t.data() + t.size() || !std::isfinite(d)) return wrong;
      return Value(d);
    }
    case ParamType::money: {
      if (text == "unlimited") return Value(Money::unlimited());
      if (const auto m = Money::parse(text)) return Value(*m);
      switch (money_fault(text)) {
        case MoneyFault::fraction_of_a_cent:
          return "money has at most 2 decimals (whole cents), got " + shown(text);
        case MoneyFault::too_large:
          return wrong + ", which is too large";
        case MoneyFault::not_an_amount:
          break;
      }
      return wrong;
    }
    case ParamType::text:
      return Value(std::string(text));
    case ParamType::number_list:
      return wrong;  // a list is a YAML sequence, read item by item by the validator
  }
  return wrong;
}

std::optional<std::string> check_allowed(const Constraint& allowed, const Value& value,
                                         std::string_view text) {
  if (const auto* s = std::get_if<std::string>(&value)) {
    if (allowed.choices.empty() ||
        std::find(allowed.choices.begin(), allowed.choices.end(), *s) != allowed.choices.end())
      return std::nullopt;
    return "must be one of: " + join(allowed.choices) + "; got " + quoted(*s) +
           did_you_mean(*s, allowed.choices);
  }
  if (const auto* list = std::get_if<std::vector<double>>(&value)) {
    for (std::size_t i = 0; i < list->size(); ++i)
      if (auto message = check_allowed(allowed, Value((*list)[i]), fmt::format("{}", (*list)[i])))
        return *message + " (item [" + std::to_string(i) + "])";
    return std::nullopt;
  }
  const auto v = numeric(value);
  if (!v) return std::nullopt;
  if (allowed.allows(*v)) return std::nullopt;
  return "must be " + describe_allowed(allowed) + ", got " + shown(text);
}

std::string value_text(const Value& value) {
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, bool>)
          return v ? "true" : "false";
        else if constexpr (std::is_same_v<T, std::int64_t>)
          return std::to_string(v);
        else if constexpr (std::is_same_v<T, double>) {
          // Shortest text that reads back as the same double.
          std::string s = fmt::format("{}", v);
          if (s.find_first_of(".en") == std::string::npos) s += ".0";
          return s;
        } else if constexpr (std::is_same_v<T, Money>)
          return v.str();
        else if constexpr (std::is_same_v<T, std::vector<double>>) {
          std::string s = "[";
          for (std::size_t i = 0; i < v.size(); ++i)
            s += (i == 0 ? "" : ", ") + fmt::format("{}", v[i]);
          return s + "]";
        } else
          return v;
      },
      value);
}

std::string describe_allowed(const Constraint& allowed) {
  if (!allowed.choices.empty()) return "one of: " + join(allowed.choices);
  if (!allowed.name_in.empty()) return "empty, or a name from the scenario's " + allowed.name_in;
  const auto& lo = allowed.min;
  const auto& hi = allowed.max;
  if (lo && hi) {
    if (*lo == *hi && !allowed.min_exclusive && !allowed.max_exclusive) return bound_text(*lo);
    return std::string(allowed.min_exclusive ? "in (" : "in [") + bound_text(*lo) + ", " +
           bound_text(*hi) + (allowed.max_exclusive ? ")" : "]");
  }
  if (lo) return (allowed.min_exclusive ? "above " : "at least ") + bound_text(*lo);
  if (hi) return (allowed.max_exclusive ? "below " : "at most ") + bound_text(*hi);
  return "";
}

}  // namespace tandem::config
