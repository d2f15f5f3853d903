#include "config/overrides.hpp"

#include "common/did_you_mean.hpp"

#include <algorithm>
#include <optional>

namespace tandem::config {

namespace {

constexpr const char* kOverrideFile = "--set";

// "channels[0].rate" -> {"channels", "0", "rate"}; nothing if a name is empty.
std::optional<std::vector<std::string>> split_key(std::string key) {
  for (std::size_t i = 0; (i = key.find('[', i)) != std::string::npos;) {
    const auto close = key.find(']', i);
    if (close == std::string::npos) return std::nullopt;
    key = key.substr(0, i) + "." + key.substr(i + 1, close - i - 1) + key.substr(close + 1);
  }
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const auto dot = key.find('.', start);
    parts.push_back(key.substr(start, dot - start));
    if (parts.back().empty()) return std::nullopt;
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return parts;
}

// The override's value as a node without a file position. YAML reads it, so quotes work
// as in a file (`name='Q3 plan'`); it stays one scalar even if it looks like a collection.
YAML::Node value_node(const std::string& text) {
  if (text.empty()) return YAML::Node(YAML::NodeType::Null);
  try {
    const YAML::Node parsed = YAML::Load(text);
    if (parsed.IsScalar()) return YAML::Node(parsed.Scalar());
  } catch (const YAML::Exception&) {
    // Not valid YAML on its own (`a: b: c`): take the text as it is.
  }
  return YAML::Node(text);
}

bool is_index(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

class Applier {
 public:
  Applier(const std::string& key, Report& report) : key_(key), report_(report) {}

  // Follows `parts` from `root`, creating maps and lists as needed, and sets the last one.
  void apply(YAML::Node root, const std::vector<std::string>& parts, const YAML::Node& value) {
    YAML::Node cur = root;
    std::string path;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      const bool last = i + 1 == parts.size();
      YAML::Node next;
      if (cur.IsSequence()) {
        const auto index = item_index(cur, parts[i], path);
        if (!index) return;
        path += "[" + std::to_string(*index) + "]";
        if (*index == cur.size()) cur.push_back(YAML::Node(YAML::NodeType::Map));
        if (last) {
          YAML::Node item = cur[*index];
          item = value;  // rebinds the tree's node to the value (yaml-cpp assignment)
          return;
        }
        next.reset(cur[*index]);
      } else if (cur.IsMap()) {
        path = key_path(path, parts[i]);
        if (last) {
          cur[parts[i]] = value;
          return;
        }
        const Entry entry = find_entry(cur, parts[i]);
        // A missing step is created: a list when an index follows it (`components.0.plugin`
        // starts the list), a map otherwise.
        if (!entry || entry.value.IsNull())
          cur[parts[i]] =
              YAML::Node(is_index(parts[i + 1]) ? YAML::NodeType::Sequence : YAML::NodeType::Map);
        next.reset(cur[parts[i]]);
      } else {
        fail("'" + path + "' is " + describe_node(cur) + ", not a map or a list, so it has no '" +
             parts[i] + "'");
        return;
      }
      cur.reset(next);
    }
  }

 private:
  // An item of the list at `path`: by index (one past the end adds an item) or by name.
  std::optional<std::size_t> item_index(const YAML::Node& list, const std::string& part,
                                        const std::string& path) {
    if (is_index(part)) {
      // More digits than any list has items: out of range, without overflowing stoul.
      const std::size_t index = part.size() > 9 ? list.size() + 1 : std::stoul(part);
      if (index <= list.size()) return index;
      fail("'" + path + "' has " + std::to_string(list.size()) + " item" +
           (list.size() == 1 ? "" : "s") + "; use an index up to " + std::to_string(list.size()) +
           " (" + std::to_string(list.size()) + " adds one) or an item's name");
      return std::nullopt;
    }
    std::vector<std::string> names;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const Entry name = find_entry(list[i], "name");
      if (!name || !name.value.IsScalar()) continue;
      if (name.value.Scalar() == part) return i;
      names.push_back(name.value.Scalar());
    }
    fail("no item named '" + part + "' in '" + path + "'" + did_you_mean(part, names) +
         " (names: " + (names.empty() ? std::string("none") : join(names)) + ")");
    return std::nullopt;
  }

  void fail(std::string message) {
    report_.add(Location{kOverrideFile, 0, 0, key_}, std::move(message));
  }

  const std::string& key_;
  Report& report_;
};

}  // namespace

void apply_overrides(YAML::Node& root, const std::vector<std::string>& overrides, Report& report) {
  for (const auto& o : overrides) {
    const auto eq = o.find('=');
    if (eq == std::string::npos || eq == 0) {
      report.add(Location{kOverrideFile, 0, 0, ""},
                 "expected KEY=VALUE (such as sales.pay.params.rate=0.12), got '" + o + "'");
      continue;
    }
    const std::string key = o.substr(0, eq);
    const auto parts = split_key(key);
    if (!parts) {
      report.add(
          Location{kOverrideFile, 0, 0, key},
          "a key is names joined by dots (such as channels.0.cost_per_lead), got '" + key + "'");
      continue;
    }
    if (!root.IsMap()) return;  // the file itself is not a map: reported by the checks
    Applier(key, report).apply(root, *parts, value_node(o.substr(eq + 1)));
  }
}

}  // namespace tandem::config
