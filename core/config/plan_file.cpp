#include "config/plan_file.hpp"

#include "common/input_file.hpp"
#include "config/checked_tree.hpp"
#include "config/scenario_schema.hpp"
#include "config/validate.hpp"
#include "model/scenario_words.hpp"

#include <yaml-cpp/yaml.h>

namespace tandem {

namespace {

using config::Section;

// The plan file's keys, declared once, like a scenario section.
const Section& plan_file_schema() {
  static const Section schema = [] {
    Section root;
    root.required = true;
    root.schema = config::file_schema("A pay plan on its own, for `tandem payout`.")
                      .param<std::string>("role", "all", "Whose rows of the results are paid.",
                                          one_of({"all", "marketing", "sales", "sdr"}));
    Section plan;
    plan.required = true;
    plan.plugin = PluginKind::pay_plan;
    plan.schema =
        Schema("plan", "The pay plan: a pay plan plugin, its pay period and its parameters.")
            .required<std::string>("plugin",
                                   "Pay plan plugin, by name (see `tandem plugins list`).")
            .param<std::string>("period", "month", "Pay period the plan is computed over.",
                                one_of(pay_period_words()));
    root.sections.push_back(std::move(plan));
    // The people the plan pays, when the file names them: a results row naming anyone
    // else (a typo in an export, someone who left) is an error rather than a payout.
    Section people;
    people.list = true;
    people.schema = Schema("people", "The people the plan pays; rows of anyone else are refused.")
                        .required<std::string>("name", "The person, as the results name them.");
    root.sections.push_back(std::move(people));
    return root;
  }();
  return schema;
}

}  // namespace

PlanFile load_plan_file(const std::filesystem::path& file, PluginRegistry& plugins) {
  return parse_plan_file(read_input_file(file, "plan"), file, plugins);
}

PlanFile parse_plan_file(std::string_view text, const std::filesystem::path& file,
                         PluginRegistry& plugins) {
  config::Report report(file.string());
  const YAML::Node root = config::parse_document(
      text, "plan", "tandem: " + std::to_string(config::kScenarioFormat), report);
  if (!report.ok()) throw ScenarioError(report.sorted());

  const Section& schema = plan_file_schema();
  const config::CheckedSection checked = config::check_tree(root, schema, plugins, report);
  if (!report.ok()) throw ScenarioError(report.sorted());

  const config::CheckedSection& plan = checked.section(schema, "plan");
  PlanFile out;
  out.file = file.string();
  out.plugin = plan.plugin;
  out.params = plan.plugin_params;
  out.period = pay_period_from(plan.params.get<std::string>("period"));
  out.where = plan.plugin_where;
  const config::Entry role_entry = config::find_entry(root, "role");
  out.role_where =
      role_entry ? report.locate(role_entry.value, "role") : Location{file.string(), 1, 1, "role"};
  const config::Entry params = config::find_entry(config::find_entry(root, "plan").value, "params");
  if (params.value.IsMap())
    for (const auto& kv : params.value)
      if (kv.first.IsScalar())
        out.param_where.emplace(kv.first.Scalar(),
                                report.locate(kv.second, "plan.params." + kv.first.Scalar()));
  const std::string role = checked.params.get<std::string>("role");
  if (role != "all") out.role = role;
  for (const auto& item : checked.section(schema, "people").items)
    out.people.push_back(item.params.get<std::string>("name"));
  return out;
}

Location PlanFile::param(const std::string& name) const {
  if (const auto it = param_where.find(name); it != param_where.end()) return it->second;
  Location at = where;
  at.key = "plan.params." + name;
  return at;
}

}  // namespace tandem
