#include "config/resolved_yaml.hpp"

#include "config/value_text.hpp"

#include <tandem/version.hpp>

#include <fmt/core.h>
#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <variant>
#include <vector>

namespace tandem::config {

namespace {

void emit_params(YAML::Emitter& out, const Schema& schema, const Params& params) {
  for (const auto& spec : schema.params()) {
    const auto it = params.values().find(spec.name);
    if (it == params.values().end()) continue;  // only after a problem, never in a result
    out << YAML::Key << spec.name << YAML::Value;
    if (const auto* list = std::get_if<std::vector<double>>(&it->second)) {
      // A flow list of numbers, "[0, 0.5, 1]", as value_text writes a list.
      out << YAML::Flow << YAML::BeginSeq;
      for (const double x : *list) out << fmt::format("{}", x);
      out << YAML::EndSeq;
    } else {
      // The emitter quotes text that YAML would read otherwise ("null", "a: b", "").
      out << value_text(it->second);
    }
  }
}

void emit_map(YAML::Emitter& out, const Section& section, const CheckedSection& checked);

void emit_sections(YAML::Emitter& out, const Section& section, const CheckedSection& checked) {
  if (section.plugin && checked.plugin) {
    out << YAML::Key << "params" << YAML::Value;
    // `params: {}` rather than a dangling empty block for a plugin without parameters.
    if (checked.plugin->schema().params().empty()) out << YAML::Flow;
    out << YAML::BeginMap;
    emit_params(out, checked.plugin->schema(), checked.plugin_params);
    out << YAML::EndMap;
  }
  for (std::size_t i = 0; i < section.sections.size() && i < checked.sections.size(); ++i) {
    const Section& sub = section.sections[i];
    // An optional list left empty is left out: reading the file back gives the same.
    if (sub.list && !sub.required && checked.sections[i].items.empty()) continue;
    if (checked.sections[i].absent) continue;  // an optional slot left out stays out
    out << YAML::Key << sub.key() << YAML::Value;
    if (sub.list) {
      out << YAML::BeginSeq;
      for (const auto& item : checked.sections[i].items) emit_map(out, sub, item);
      out << YAML::EndSeq;
    } else {
      emit_map(out, sub, checked.sections[i]);
    }
  }
}

void emit_map(YAML::Emitter& out, const Section& section, const CheckedSection& checked) {
  out << YAML::BeginMap;
  emit_params(out, section.schema, checked.params);
  emit_sections(out, section, checked);
  out << YAML::EndMap;
}

}  // namespace

std::string resolved_yaml(const Section& schema, const CheckedSection& scenario) {
  YAML::Emitter out;
  out.SetIndent(2);
  emit_map(out, schema, scenario);
  if (!out.good()) throw Error("resolved scenario: " + out.GetLastError());
  return std::string("# resolved by tandem ") + TANDEM_VERSION_STRING + "\n" + out.c_str() + "\n";
}

std::string fnv1a64(std::string_view text) {
  std::uint64_t h = 14695981039346656037ULL;
  for (const unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return fmt::format("fnv1a64:{:016x}", h);
}

}  // namespace tandem::config
