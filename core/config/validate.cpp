#include "config/validate.hpp"

#include "common/input_file.hpp"

#include "common/did_you_mean.hpp"
#include "config/value_text.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>

namespace tandem::config {

namespace {

constexpr const char* kOverrideFile = "--set";

std::vector<std::string> allowed_keys(const Schema& schema,
                                      const std::vector<std::string>& sections) {
  std::vector<std::string> keys;
  for (const auto& p : schema.params()) keys.push_back(p.name);
  keys.insert(keys.end(), sections.begin(), sections.end());
  return keys;
}

// The list that `--set KEY=[0,0.5,1]` writes as one scalar (an override is read as one
// scalar, whatever its key): for a list key, its items. Nothing if the text is no list.
std::optional<YAML::Node> list_in_text(const std::string& text) {
  if (text.empty() || text.front() != '[') return std::nullopt;
  try {
    YAML::Node parsed = YAML::Load(text);
    if (parsed.IsSequence()) return parsed;
  } catch (const YAML::Exception&) {
    // Not a YAML list after all: reported as the scalar it is.
  }
  return std::nullopt;
}

// A list of numbers, item by item; each problem is located at its item
// ("plan.params.tiers[2]"), and every item is checked before giving up.
std::optional<Value> check_list(const ParamSpec& spec, const YAML::Node& v, const std::string& key,
                                Report& report) {
  YAML::Node items;
  items.reset(v);  // reset, not =: assigning would overwrite the scenario's own node
  bool from_text = false;
  if (v.IsScalar()) {
    const auto parsed = list_in_text(v.Scalar());
    if (!parsed) {
      report.add(v, key, "expected " + expected_phrase(spec.type) + ", got " + describe_node(v));
      return std::nullopt;
    }
    items.reset(*parsed);
    from_text = true;
  } else if (!v.IsSequence()) {
    report.add(v, key, "expected " + expected_phrase(spec.type) + ", got " + describe_node(v));
    return std::nullopt;
  }
  std::vector<double> list;
  bool ok = true;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const YAML::Node item = items[i];
    // Items parsed from one scalar have positions within that text only: locate them at it.
    const YAML::Node& at = from_text || item.Mark().is_null() ? v : item;
    const std::string item_key = key + "[" + std::to_string(i) + "]";
    if (!item.IsScalar()) {
      report.add(at, item_key,
                 "expected " + expected_phrase(ParamType::real) + ", got " + describe_node(item));
      ok = false;
      continue;
    }
    auto read = read_value(ParamType::real, item.Scalar());
    if (const auto* message = std::get_if<std::string>(&read)) {
      report.add(at, item_key, *message);
      ok = false;
      continue;
    }
    if (const auto message = check_allowed(spec.allowed, std::get<Value>(read), item.Scalar())) {
      report.add(at, item_key, *message);
      ok = false;
      continue;
    }
    list.push_back(std::get<double>(std::get<Value>(read)));
  }
  if (!ok) return std::nullopt;
  return Value(std::move(list));
}

// One value checked against its spec; nothing when it has a problem (already reported).
std::optional<Value> check_value(const ParamSpec& spec, const Entry& entry, const std::string& key,
                                 Report& report) {
  const YAML::Node& v = entry.value;
  // A null read from the file has no useful position of its own (yaml-cpp puts it after
  // the key), so point at the key; one written by --set is located at --set.
  if (v.IsNull() || !v.IsDefined()) {
    report.add(v.Mark().is_null() ? v : entry.key, key,
               "expected " + expected_phrase(spec.type) + ", got nothing");
    return std::nullopt;
  }
  if (spec.type == ParamType::number_list) return check_list(spec, v, key, report);
  if (!v.IsScalar()) {
    report.add(v, key, "expected " + expected_phrase(spec.type) + ", got " + describe_node(v));
    return std::nullopt;
  }
  auto read = read_value(spec.type, v.Scalar());
  if (const auto* message = std::get_if<std::string>(&read)) {
    report.add(v, key, *message);
    return std::nullopt;
  }
  const Value& value = std::get<Value>(read);
  if (const auto message = check_allowed(spec.allowed, value, v.Scalar())) {
    report.add(v, key, *message);
    return std::nullopt;
  }
  return value;
}

}  // namespace

YAML::Node read_document(const std::filesystem::path& file, const std::string& what,
                         const std::string& first_line, Report& report) {
  const std::string text = read_input_file(file, what);
  try {
    std::vector<YAML::Node> documents;
    for (auto& d : YAML::LoadAll(text))
      if (!d.IsNull()) documents.push_back(std::move(d));
    if (documents.size() > 1)
      report.add(documents[1], "",
                 "a " + what + " file holds one YAML document; a second one starts here");
    if (documents.empty()) {
      report.add(Location{report.file(), 1, 1, ""},
                 "the file is empty; a " + what + " starts with '" + first_line + "'");
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

Location Report::locate(const YAML::Node& node, std::string key) const {
  const YAML::Mark mark = node.Mark();
  if (mark.is_null()) return {kOverrideFile, 0, 0, std::move(key)};
  return {file_, mark.line + 1, mark.column + 1, std::move(key)};
}

void Report::add(Location where, std::string message) {
  problems_.push_back({std::move(where), std::move(message)});
}

std::vector<Problem> Report::sorted() const {
  std::vector<Problem> out = problems_;
  std::stable_sort(out.begin(), out.end(), [](const Problem& a, const Problem& b) {
    const bool a_set = a.where.file == kOverrideFile, b_set = b.where.file == kOverrideFile;
    if (a_set != b_set) return b_set;
    if (a_set) return false;
    return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
  });
  return out;
}

std::string key_path(const std::string& parent, const std::string& key) {
  return parent.empty() ? key : parent + "." + key;
}

std::string describe_node(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return "nothing";
  if (node.IsMap()) return "a map";
  if (node.IsSequence()) return "a list";
  return "'" + node.Scalar() + "'";
}

Entry find_entry(const YAML::Node& map, const std::string& key) {
  if (map.IsMap())
    for (const auto& kv : map)
      if (kv.first.IsScalar() && kv.first.Scalar() == key) return {kv.first, kv.second};
  return {};
}

Params check_params(const YAML::Node& map, const Schema& schema, const std::string& path,
                    const Location& missing_at, Report& report,
                    const std::vector<std::string>& sections) {
  Params params;
  const auto keys = allowed_keys(schema, sections);
  if (map.IsDefined() && !map.IsNull() && !map.IsMap()) {
    report.add(map, path, "expected a map (keys: " + join(keys) + "), got " + describe_node(map));
    return params;
  }

  std::map<std::string, int, std::less<>> seen;  // key -> line it was first given on
  if (map.IsMap()) {
    for (const auto& kv : map) {  // by value: yaml-cpp's iterator hands out temporaries
      const YAML::Node& k = kv.first;
      if (!k.IsScalar()) {
        report.add(k, path, "a key must be a name, got " + describe_node(k));
        continue;
      }
      const std::string& name = k.Scalar();
      const std::string key = key_path(path, name);
      const auto [first, fresh] = seen.emplace(name, report.locate(k, "").line);
      if (!fresh) {
        report.add(
            k, key,
            "duplicate key '" + name + "'" +
                (first->second > 0 ? " (first given on line " + std::to_string(first->second) + ")"
                                   : ""));
        continue;
      }
      if (std::find(sections.begin(), sections.end(), name) != sections.end()) continue;
      const ParamSpec* spec = schema.find(name);
      if (!spec) {
        report.add(k, key,
                   "unknown key '" + name + "'" + did_you_mean(name, keys) +
                       " (allowed: " + join(keys) + ")");
        continue;
      }
      if (auto value = check_value(*spec, Entry{k, kv.second}, key, report))
        params.set(name, std::move(*value));
    }
  }

  for (const auto& spec : schema.params()) {
    if (seen.count(spec.name)) continue;
    if (spec.default_value) {
      params.set(spec.name, *spec.default_value);
    } else {
      Location where = missing_at;
      where.key = path;
      report.add(std::move(where), "missing required key '" + spec.name + "' (" +
                                       type_name(spec.type) + ": " + spec.doc + ")");
    }
  }
  return params;
}

}  // namespace tandem::config
