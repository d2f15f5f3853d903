// load_scenario: read, apply --set, check everything, then fill the typed Scenario.
#include "config/scenario.hpp"

#include "config/checked_tree.hpp"
#include "config/overrides.hpp"
#include "config/resolved_yaml.hpp"
#include "config/scenario_enums.hpp"
#include "config/scenario_schema.hpp"
#include "config/validate.hpp"

#include <yaml-cpp/yaml.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace tandem {

namespace {

using config::CheckedSection;
using config::Report;
using config::Section;

std::string read_file(const std::filesystem::path& file) {
  const auto fail = [&](int error) {
    // Input the user can fix (a wrong path): a located problem, exit code 2 like the rest.
    return ScenarioError(
        {Problem{Location{file.string(), 0, 0, ""},
                 std::string("cannot read the scenario file: ") + std::strerror(error)}});
  };
  errno = 0;
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(file.c_str(), "rb"),
                                                          &std::fclose);
  if (!f) throw fail(errno);
  std::string text;
  char buffer[65536];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, f.get())) > 0) text.append(buffer, n);
  if (std::ferror(f.get())) throw fail(errno);  // a folder opens, but reading it fails
  return text;
}

// The file's one YAML document; a syntax error becomes a located problem.
YAML::Node parse(const std::string& text, Report& report) {
  try {
    std::vector<YAML::Node> documents;
    for (auto& d : YAML::LoadAll(text))
      if (!d.IsNull()) documents.push_back(std::move(d));
    if (documents.size() > 1)
      report.add(documents[1], "",
                 "a scenario file holds one YAML document; a second one starts here");
    if (documents.empty()) {
      report.add(Location{report.file(), 1, 1, ""},
                 "the file is empty; a scenario starts with 'tandem: " +
                     std::to_string(config::kScenarioFormat) + "'");
      return YAML::Node(YAML::NodeType::Undefined);
    }
    return documents.front();
  } catch (const YAML::Exception& e) {
    Location where{report.file(), 0, 0, ""};
    if (!e.mark.is_null()) {
      where.line = e.mark.line + 1;
      where.column = e.mark.column + 1;
    }
    report.add(std::move(where), "YAML syntax: " + e.msg);
    return YAML::Node(YAML::NodeType::Undefined);
  }
}

// The typed scenario, from a tree that passed every check: each section copies its own
// values (Section::fill, declared beside its keys), then its nested sections.
void fill(const Section& schema, const CheckedSection& checked, Scenario& s) {
  if (schema.list) {
    for (const auto& item : checked.items) schema.fill(item, s);
    return;
  }
  if (schema.fill) schema.fill(checked, s);
  for (std::size_t i = 0; i < schema.sections.size(); ++i)
    fill(schema.sections[i], checked.sections[i], s);
}

}  // namespace

Scenario load_scenario(const std::filesystem::path& file, const std::vector<std::string>& overrides,
                       PluginRegistry& plugins) {
  const std::string text = read_file(file);
  Report report(file.string());
  YAML::Node root = parse(text, report);
  if (!report.ok()) throw ScenarioError(report.sorted());

  const Section& schema = config::scenario_schema();
  config::apply_overrides(root, overrides, report);
  const CheckedSection checked = config::check_tree(root, schema, plugins, report);
  if (!report.ok()) throw ScenarioError(report.sorted());

  Scenario s;
  fill(schema, checked, s);
  s.file = file;
  s.resolved_yaml = config::resolved_yaml(schema, checked);
  s.hash = config::fnv1a64(s.resolved_yaml);
  return s;
}

}  // namespace tandem
