#include "config/reference.hpp"

#include "common/did_you_mean.hpp"
#include "config/scenario_schema.hpp"
#include "config/validate.hpp"
#include "config/value_text.hpp"

#include <fmt/core.h>

namespace tandem::config {

namespace {

constexpr std::string_view kExample = R"(tandem: 1
name: tiny
horizon: {periods: 26, period: week}
channels:
  - {name: paid_search, budget_per_period: 5000.00, cost_per_lead: 150.00, in_market_share: 0.4}
lead_policy: {plugin: score_threshold, params: {threshold: 60}}
marketing: {people: 2, pay: {plugin: salary_mql_bonus, period: month}}
sales: {people: 3, pay: {plugin: flat_commission, params: {rate: 0.1}}}
)";

constexpr std::string_view kIntroduction =
    R"(A scenario is one YAML file: the market, the channels that bring leads, the lead
definition (a lead policy plugin) and how each team is paid (pay plan plugins). Every key
is checked before anything runs; `tandem validate FILE...` checks files without running
them and reports every problem at once, as `file:line:col: key: message`, with the
nearest valid name for a misspelt key and the allowed values for a wrong one.

The smallest useful scenario (every other key has a default):

```yaml
{example}```

## The file

UTF-8 text (a byte-order mark is allowed) holding one YAML document, indented with
spaces. A tab in the indentation, a key given twice in one map, a quote never closed and
bytes that are not UTF-8 text are each an error at their line and column. Anchors and
aliases (`&name`, `*name`) may be used, but a file nested more than 64 levels deep, or
standing for more than 100000 values once its aliases are counted in full, is refused.
A plan file of `tandem payout` follows the same rules.

## Values

- **integer**: a whole number, no decimals (`26`).
- **number**: any decimal number (`0.4`, `30`, `1e-3`).
- **money**: an amount in currency units with at most two decimals (`180.00`, `5000`),
  read exactly as integer cents; or `unlimited`.
- **text**: any text; where the allowed values are listed, one of them.
- **boolean**: `true` or `false`.
- **list of numbers**: numbers in brackets (`[0, 0.5, 1.0]`), or one per line as a YAML
  list; where a range is given, it applies to every item. On the command line:
  `--set KEY=[0,0.5,1]`.

A key marked *required* has no default and must be given.

## Plugin slots

`lead_policy`, `marketing.pay` and `sales.pay` name a plugin with `plugin:` and give its
parameters under `params:`. The parameters are checked against the plugin's own declared
parameters, by the same rules as the keys below; `tandem plugins list` shows the installed
plugins and `tandem plugins show NAME` their parameters. A scenario names plugins by name,
never by file.

## Overrides

`--set KEY=VALUE` (repeatable) changes one value before the scenario is checked, so it
passes the same checks as the file: `--set sales.pay.params.rate=0.12`,
`--set market.accounts=5000`. A list item is picked by index or by name:
`--set channels.0.budget_per_period=9000`, `--set channels.paid_search.cost_per_lead=120`.
Maps missing on the way are created. A problem in an overridden value is reported as
`--set: KEY: message`.

## The resolved scenario

A run writes `scenario.yaml`: the scenario as run, every key with its value (defaults
filled in, overrides applied, plugin parameters included), in the order of this page. It
loads again to the same scenario. Its hash (`fnv1a64:` and 16 hex digits) identifies the
scenario in `summary.json`.
)";

std::string cell(std::string text) {
  std::string out;
  for (const char c : text) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

std::string code(const std::string& text) {
  return "`" + (text.empty() ? "\"\"" : text) + "`";
}

std::string allowed_text(const Constraint& c) {
  std::string s = describe_allowed(c);
  if (!c.unit.empty()) s += s.empty() ? c.unit : " (" + c.unit + ")";
  return s.empty() ? "any" : s;
}

void table_header(std::string& out) {
  out += "| key | type | default | allowed | meaning |\n";
  out += "|-----|------|---------|---------|---------|\n";
}

void param_rows(std::string& out, const Section& s) {
  for (const auto& p : s.schema.params()) {
    const std::string def = p.default_value ? code(value_text(*p.default_value)) : "*required*";
    std::string allowed = allowed_text(p.allowed);
    if (p.type == ParamType::boolean) allowed = "true, false";
    if (s.plugin && p.name == "plugin") allowed = std::string("name of a ") + to_string(*s.plugin);
    out += fmt::format("| `{}` | {} | {} | {} | {} |\n", p.name, type_name(p.type), def,
                       cell(allowed), cell(p.doc));
  }
}

// The keys that make an optional section required after all (marketing: its `pay`). An
// optional list is never required: its items' required keys apply only to items given.
std::vector<std::string> required_inside(const Section& s) {
  std::vector<std::string> keys;
  if (s.list && !s.required) return keys;
  for (const auto& p : s.schema.params())
    if (p.required()) keys.push_back("`" + p.name + "`");
  for (const auto& sub : s.sections)
    if (sub.required || !required_inside(sub).empty()) keys.push_back("`" + sub.key() + "`");
  return keys;
}

void section_doc(std::string& out, const Section& s, const std::string& path) {
  std::string heading = path.empty() ? "Top level" : "`" + path + "`";
  out += "\n## " + heading + "\n\n";
  if (!s.schema.doc().empty()) out += s.schema.doc() + "\n\n";
  if (!path.empty()) {
    if (s.list)
      out += s.required ? "A list of maps, at least one, each with the keys below; names must be "
                          "unique. "
                        : "A list of maps, possibly empty, each with the keys below. ";
    if (s.plugin)
      out += std::string("A plugin slot: `plugin` names a ") + to_string(*s.plugin) +
             ", `params` holds its parameters. ";
    const auto inside = required_inside(s);
    out += s.required        ? "Required.\n\n"
           : !inside.empty() ? "Required, for " + join(inside, " and ") + ".\n\n"
           : s.list          ? "Optional.\n\n"
                             : "Optional; every key has a default.\n\n";
  }
  table_header(out);
  param_rows(out, s);
  if (s.plugin)
    out += std::string("| `params` | map | `{}` | the plugin's parameters | Parameters of the ") +
           to_string(*s.plugin) + "; see `tandem plugins show NAME`. |\n";
  for (const auto& sub : s.sections)
    out +=
        fmt::format("| `{}` | {} | {} | see below | {} |\n", sub.key(), sub.list ? "list" : "map",
                    sub.required || !required_inside(sub).empty() ? "*required*"
                    : sub.list                                    ? "none"
                                                                  : "defaults",
                    cell(sub.schema.doc()));
  for (const auto& sub : s.sections) section_doc(out, sub, key_path(path, sub.key()));
}

}  // namespace

std::string_view minimal_scenario_example() {
  return kExample;
}

std::string scenario_reference() {
  std::string out =
      "# Scenario files\n\n"
      "<!-- Generated by `tandem validate --reference` from the scenario schema: do not edit; "
      "a test fails when this file is stale. -->\n\n";
  std::string intro(kIntroduction);
  const std::string placeholder = "{example}";
  intro.replace(intro.find(placeholder), placeholder.size(), kExample);
  out += intro;
  section_doc(out, scenario_schema(), "");
  return out;
}

}  // namespace tandem::config
