// The one validator: a YAML map checked against a tandem::Schema. Every core section of a
// scenario and every plugin's parameters go through it, so a typo, a wrong type or an
// out-of-range value reads the same wherever it is.
#pragma once

#include <tandem/errors.hpp>
#include <tandem/params.hpp>

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace tandem::config {

// The file being checked and the problems found in it so far. Checking goes on after a
// problem, so that one run of `tandem validate` reports everything.
class Report {
 public:
  explicit Report(std::string file) : file_(std::move(file)) {}

  // Where `node` is: file:line:col (1-based). A node without a position was made by a
  // --set override, so it is located as "--set".
  Location locate(const YAML::Node& node, std::string key) const;

  void add(Location where, std::string message);
  void add(const YAML::Node& at, std::string key, std::string message) {
    add(locate(at, std::move(key)), std::move(message));
  }

  const std::string& file() const { return file_; }
  const std::vector<Problem>& problems() const { return problems_; }
  bool ok() const { return problems_.empty(); }

  // The problems in file order, then those from --set in the order found.
  std::vector<Problem> sorted() const;

 private:
  std::string file_;
  std::vector<Problem> problems_;
};

// The one YAML document in `bytes`, the contents of a `what` file ("scenario", "plan",
// named report.file() in messages) whose first line should be `first_line` ("tandem: 1").
// Text that is not UTF-8, a syntax error, a second document or an empty file goes to
// `report` (the result is then undefined). Takes the bytes rather than the path so that
// the loaders and the fuzz targets share every check.
YAML::Node parse_document(std::string_view bytes, const std::string& what,
                          const std::string& first_line, Report& report);

// "sales.pay" + "rate" -> "sales.pay.rate"; "" + "name" -> "name".
std::string key_path(const std::string& parent, const std::string& key);

// "a map", "a list", "nothing", "'ten'": what a node is, for "expected ..., got ..." messages.
std::string describe_node(const YAML::Node& node);

// The value of `key` in `map` (the first if written twice), and its key node. Never adds
// the key, as a non-const YAML::Node::operator[] would.
// Both undefined when the key is absent.
struct Entry {
  YAML::Node key{YAML::NodeType::Undefined};
  YAML::Node value{YAML::NodeType::Undefined};
  explicit operator bool() const { return key.IsDefined(); }
};
Entry find_entry(const YAML::Node& map, const std::string& key);

// Checks `map` against `schema` and returns its values with defaults filled in; a key with
// a problem is left out. `path` is the dotted key of the map ("" for the top level).
// `missing_at` is where a missing required key is reported: the map itself, or whatever
// encloses it when the map is absent. `sections` are further keys that are allowed here but
// checked by the caller (nested maps such as `pay`).
//
// Problems: unknown keys (with the nearest name and the allowed ones), duplicate keys,
// values of the wrong type or out of range (located at the value), missing required keys,
// and a scalar or list where the map should be. An absent or empty (null) map is taken as
// a map with no keys.
Params check_params(const YAML::Node& map, const Schema& schema, const std::string& path,
                    const Location& missing_at, Report& report,
                    const std::vector<std::string>& sections = {});

}  // namespace tandem::config
