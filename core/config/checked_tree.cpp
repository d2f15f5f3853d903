#include "config/checked_tree.hpp"

#include "common/did_you_mean.hpp"
#include "common/message_text.hpp"

#include <tandem/random.hpp>

#include <algorithm>
#include <map>

namespace tandem::config {

namespace {

class TreeChecker {
 public:
  TreeChecker(PluginRegistry& plugins, Report& report) : plugins_(plugins), report_(report) {}

  // `entry.key` is undefined for the top level. `missing_at` is where a problem about
  // something missing inside an absent section is reported.
  void section(const Entry& entry, const Section& s, const std::string& path,
               const Location& missing_at, CheckedSection& out) {
    if (s.list)
      list(entry, s, path, out);
    else
      map(entry.value, s, path, missing_at, out);
  }

 private:
  void list(const Entry& entry, const Section& s, const std::string& path, CheckedSection& out) {
    const YAML::Node& node = entry.value;
    if (!node.IsDefined()) return;  // absent: the enclosing map reports it if required
    if (!node.IsSequence()) {
      // A null from the file has no position of its own: point at its key.
      const YAML::Node& at = node.IsNull() && !node.Mark().is_null() ? entry.key : node;
      report_.add(
          at, path,
          "expected a list of maps (keys: " + join(keys_of(s)) + "), got " + describe_node(node));
      return;
    }
    if (node.size() == 0 && s.required)
      report_.add(node, path, "expected at least one item, got an empty list");
    for (std::size_t i = 0; i < node.size(); ++i) {
      const YAML::Node item = node[i];
      const std::string item_path = path + "[" + std::to_string(i) + "]";
      CheckedSection checked;
      map(item, s, item_path, report_.locate(item, item_path), checked);
      out.items.push_back(std::move(checked));
    }
    unique_names(node, path);
  }

  // Items of a list are told apart by `name` (a --set override can pick one by it).
  void unique_names(const YAML::Node& list, const std::string& path) {
    std::map<std::string, std::size_t> first;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const Entry name = find_entry(list[i], "name");
      if (!name || !name.value.IsScalar()) continue;
      const auto [it, fresh] = first.emplace(name.value.Scalar(), i);
      if (!fresh)
        report_.add(name.value, path + "[" + std::to_string(i) + "].name",
                    "name '" + it->first + "' is already used by " + path + "[" +
                        std::to_string(it->second) + "]; names must be unique");
    }
  }

  // An optional section that needs keys of its own (a plugin slot, a required key) is
  // checked only when given: left out, it is simply not there (an optional pay slot).
  static bool given_only(const Section& s) {
    if (s.plugin) return true;
    for (const auto& p : s.schema.params())
      if (p.required()) return true;
    return false;
  }

  void map(const YAML::Node& node, const Section& s, const std::string& path,
           const Location& missing_at, CheckedSection& out) {
    const Location at = node.IsMap() ? report_.locate(node, path) : missing_at;
    out.params = check_params(node, s.schema, path, at, report_, s.section_keys());
    if (node.IsDefined() && !node.IsNull() && !node.IsMap()) return;  // reported above

    for (const auto& sub : s.sections) {
      const Entry entry = find_entry(node, sub.key());
      const std::string sub_path = key_path(path, sub.key());
      CheckedSection checked;
      if (!entry && sub.required) {
        Location where = at;
        where.key = path;
        report_.add(std::move(where), "missing required key '" + sub.key() + "' (" +
                                          (sub.list ? "list" : "section") + ": " +
                                          sub.schema.doc() + ")");
      } else if (entry || !given_only(sub)) {
        section(entry, sub, sub_path, at, checked);
      } else {
        checked.absent = true;
      }
      out.sections.push_back(std::move(checked));
    }
    if (s.plugin) plugin_slot(node, *s.plugin, path, at, out);
  }

  void plugin_slot(const YAML::Node& node, PluginKind kind, const std::string& path,
                   const Location& at, CheckedSection& out) {
    if (!out.params.has("plugin")) return;  // missing or not a name: reported already
    const Entry name_entry = find_entry(node, "plugin");
    const std::string name = out.params.get<std::string>("plugin");
    const std::string plugin_key = key_path(path, "plugin");
    // Such a name finds no plugin, and the loader's message would quote it whole (a NUL
    // ends the text printed): refused here, shown escaped and cut.
    if (const auto problem = name_problem(name)) {
      report_.add(name_entry.value, plugin_key,
                  "the plugin name '" + shown(name) + "' " + *problem +
                      " (a plugin's name is letters, digits, '_', '-' and '.'; "
                      "`tandem plugins list` shows them)");
      return;
    }
    const LoadedPlugin* plugin = nullptr;
    try {
      plugin = &plugins_.load(name);
    } catch (const PluginNotFound& e) {
      // The loader's message says what is available and the nearest name.
      report_.add(name_entry.value, plugin_key, e.what());
      return;
    } catch (const PluginError& e) {
      // Found but unusable: name the file, and the loader says why and how to fix it.
      const std::string message = e.what();
      const bool names_file = e.path().empty() || message.find(e.path()) != std::string::npos;
      report_.add(name_entry.value, plugin_key,
                  "plugin '" + e.plugin() + "'" + (names_file ? "" : " (" + e.path() + ")") + ": " +
                      message);
      return;
    }
    if (plugin->kind() != kind) {
      report_.add(name_entry.value, plugin_key,
                  "'" + name + "' is a " + to_string(plugin->kind()) + "; " + path + " needs a " +
                      to_string(kind) + available(kind));
      return;
    }
    out.plugin = plugin;
    out.plugin_where = report_.locate(name_entry.key, plugin_key);
    const Entry params = find_entry(node, "params");
    const Location params_at =
        params.value.IsMap() ? report_.locate(params.value, key_path(path, "params")) : at;
    const std::size_t before = report_.problems().size();
    out.plugin_params =
        check_params(params.value, plugin->schema(), key_path(path, "params"), params_at, report_);
    if (report_.problems().size() == before &&
        plugin_accepts(*plugin, out.plugin_params, params.value, key_path(path, "params"),
                       params_at))
      try_constructing(*plugin, out.plugin_params, params_at);
  }

  // The plugin's own check of combinations (tier boundaries that do not increase), once
  // every value is valid on its own. Each problem is located at the key it names (at the
  // params map when that key is not written, or names none), so it reads like any other.
  bool plugin_accepts(const LoadedPlugin& plugin, const Params& values, const YAML::Node& params,
                      const std::string& path, const Location& params_at) {
    std::vector<ParamProblem> problems;
    try {
      problems = plugin.check(values);
    } catch (const Error& e) {
      report_.add(params_at, "'" + plugin.name() + "' rejects these parameters: " + e.what());
      return false;
    }
    for (const auto& problem : problems) {
      const Entry entry = problem.key.empty() ? Entry{} : find_entry(params, problem.key);
      Location where = entry ? report_.locate(entry.value, "") : params_at;
      where.key = problem.key.empty() ? path : key_path(path, problem.key);
      report_.add(std::move(where), problem.message);
    }
    return problems.empty();
  }

  // A plugin without a check may still refuse a combination in its constructor; making one
  // instance now reports that here rather than mid-run (unlocated within the params).
  void try_constructing(const LoadedPlugin& plugin, const Params& params, const Location& at) {
    try {
      Stream stream(0, 0, 0);  // never drawn from for results: the instance is thrown away
      if (plugin.kind() == PluginKind::pay_plan)
        plugin.make_pay_plan(params, stream);
      else
        plugin.make_lead_policy(params, stream);
    } catch (const Error& e) {
      report_.add(at, "'" + plugin.name() + "' rejects these parameters: " + e.what());
    }
  }

  std::string available(PluginKind kind) {
    try {
      const auto names = plugins_.available(kind);
      return " (available: " + (names.empty() ? std::string("none") : join(names)) + ")";
    } catch (const Error&) {
      return "";
    }
  }

  static std::vector<std::string> keys_of(const Section& s) {
    std::vector<std::string> keys;
    for (const auto& p : s.schema.params()) keys.push_back(p.name);
    for (auto& k : s.section_keys()) keys.push_back(std::move(k));
    return keys;
  }

  PluginRegistry& plugins_;
  Report& report_;
};

}  // namespace

const CheckedSection& CheckedSection::section(const Section& schema, const std::string& key) const {
  for (std::size_t i = 0; i < schema.sections.size() && i < sections.size(); ++i)
    if (schema.sections[i].key() == key) return sections[i];
  throw Error("scenario schema: no section '" + key + "'");
}

CheckedSection check_tree(const YAML::Node& root, const Section& schema, PluginRegistry& plugins,
                          Report& report) {
  CheckedSection out;
  TreeChecker(plugins, report)
      .section(Entry{YAML::Node(YAML::NodeType::Undefined), root}, schema, "",
               report.locate(root, ""), out);
  return out;
}

}  // namespace tandem::config
