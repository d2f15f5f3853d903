// Parameter values as text: reading one YAML scalar as a typed Value, checking it against
// what the parameter allows, and writing a Value back. Reading and writing live together
// so that whatever Tandem writes (the resolved scenario, the reference) reads back the same.
#pragma once

#include "common/money_fault.hpp"

#include <tandem/params.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace tandem::config {

// "an integer", "a number", "money (...)", "a boolean (true or false)", "text": what an
// "expected ..." message says a parameter of this type takes.
std::string expected_phrase(ParamType type);

// The scalar `text` read as a value of `type`: exact for money (never through a double).
// On failure, the message to report ("expected an integer, got 'ten'"). A list of numbers
// is never one scalar: the validator reads its items one by one, as numbers.
std::variant<Value, std::string> read_value(ParamType type, std::string_view text);

// Whether `value` is allowed by `allowed` (range or choices); if not, the message
// ("must be in [0, 1], got 1.5"). `text` is the value as the user wrote it. For a list,
// the range applies to every item ("must be in [0, 1], got 1.5 (item [2])").
std::optional<std::string> check_allowed(const Constraint& allowed, const Value& value,
                                         std::string_view text);

// A value as a scenario file writes it: "true", "12", "0.5", "180.00", "unlimited", "week".
// Numbers keep a decimal point ("30.0") so that they read as numbers, not counts. A list
// of numbers is a flow list, "[0, 0.5, 1]": every item is a number, so none needs a point.
std::string value_text(const Value& value);

// What a constraint allows, for the reference: "[0, 1]", "above 0", "one of: week, month".
// Empty when anything of the type is allowed.
std::string describe_allowed(const Constraint& allowed);

}  // namespace tandem::config
