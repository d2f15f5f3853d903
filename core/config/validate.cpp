#include "config/validate.hpp"

#include "common/input_file.hpp"

#include "common/did_you_mean.hpp"
#include "common/message_text.hpp"
#include "config/value_text.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string_view>
#include <unordered_set>
#include <utility>

namespace tandem::config {

namespace {

// Keys earlier versions read and this one does not, with what took their place: a scenario
// written for them gets told what to write instead, not only that the key is unknown.
const char* retired_key(std::string_view key) {
  static const std::pair<std::string_view, const char*> retired[] = {
      {"behaviour.temperature",
       "'temperature' was replaced by 'rationality': choice noise is now relative to each "
       "agent's pay per pay period (noise = pay / rationality); remove 'temperature' and, if "
       "needed, set behaviour.rationality (default 2000)"},
      {"deals.pull_discount",
       "'pull_discount' was replaced by 'discount_depths': reps now choose how deep a discount "
       "to offer from that list (default [0.05, 0.10, 0.15, 0.20, 0.30])"},
      {"deals.pull_convince_gain",
       "'pull_convince_gain' was replaced by 'early_signing_discount': a discount now buys an "
       "early decision (the chance rises with its depth), not a likelier win"},
      {"funnel.decay_per_day",
       "'decay_per_day' was replaced by 'speed_to_lead' {decay_hours, floor}: the chance of "
       "reaching a lead now falls with the hours it waited (docs/model.md, speed to lead); "
       "remove decay_per_day and set funnel.speed_to_lead if the defaults do not suit"},
  };
  for (const auto& [name, message] : retired)
    if (name == key) return message;
  return nullptr;
}

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
  // A name is shown in messages, reports and folder names: never empty, a page long, or
  // holding a control character (a "\0" escape in quotes).
  if (spec.type == ParamType::text && spec.name == "name") {
    const std::string& name = std::get<std::string>(value);
    if (name.find_first_not_of(" \t") == std::string::npos) {
      report.add(v, key, "the name is empty: give one");
      return std::nullopt;
    }
    if (const auto problem = name_problem(name)) {
      report.add(v, key, "the name '" + shown(name) + "' " + *problem);
      return std::nullopt;
    }
  }
  return value;
}

// Limits on a document's shape, far above any real file (a scenario nests about 8 levels
// and holds a few hundred values) and far below what would exhaust the stack or memory.
// yaml-cpp shares the node an alias (*name) names, so ten lines of aliases of aliases (a
// "billion laughs") stand for 10^9 values: the count is of values visited, each use of an
// alias in full, and the walk stops at the limit.
constexpr int kMaxDepth = 64;
constexpr std::size_t kMaxValues = 100'000;

std::string too_deep_message() {
  return "the YAML nests more than " + std::to_string(kMaxDepth) +
         " levels deep here (a scenario needs about 8): look for an unclosed '[' or '{'";
}

bool blank_or_comment(std::string_view rest) {
  return rest.empty() || rest.front() == '#';
}

// The last word of `line` (before any comment) is a block scalar indicator: |, >, |-, >+2...
bool starts_block_scalar(std::string_view line) {
  if (const auto hash = line.find(" #"); hash != std::string_view::npos)
    line = line.substr(0, hash);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  const auto space = line.find_last_of(" \t");
  const std::string_view word = space == std::string_view::npos ? line : line.substr(space + 1);
  if (word.empty() || (word.front() != '|' && word.front() != '>') || word.size() > 3) return false;
  return std::all_of(word.begin() + 1, word.end(),
                     [](char c) { return c == '+' || c == '-' || (c >= '1' && c <= '9'); });
}

// YAML indents with spaces only. yaml-cpp accepts some tabs in indentation and misreads
// others ("illegal map value"), so every one is refused, at the first tab; the text of a
// block scalar (`description: |`) may hold tabs. True if one was found.
bool report_tabs(std::string_view text, Report& report) {
  int first_line = 0, first_column = 0, more = 0;
  int block_indent = -1;  // the indentation of the line opening a block scalar, if in one
  int line_number = 0;
  for (std::size_t start = 0; start <= text.size(); ++line_number) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const std::size_t indent = std::min(line.find_first_not_of(' '), line.size());
    const std::size_t lead = std::min(line.find_first_not_of(" \t"), line.size());
    if (block_indent >= 0) {
      if (lead == line.size() || static_cast<int>(indent) > block_indent) continue;
      block_indent = -1;
    }
    const std::string_view rest = line.substr(lead);
    if (lead > indent && !blank_or_comment(rest)) {
      if (first_line == 0) {
        first_line = line_number + 1;
        first_column = static_cast<int>(indent) + 1;
      } else {
        ++more;
      }
    }
    if (starts_block_scalar(rest)) block_indent = static_cast<int>(indent);
  }
  if (first_line == 0) return false;
  report.add(Location{report.file(), first_line, first_column, ""},
             "a tab in the indentation; YAML indents with spaces only: replace the tabs with "
             "spaces" +
                 (more > 0 ? " (" + std::to_string(more) + " more line" + (more == 1 ? "" : "s") +
                                 " below indent with tabs too)"
                           : std::string()));
  return true;
}

// Whether the quoted scalar starting at `text[at]` (a ' or ") is closed before the end of
// the file. yaml-cpp takes an unclosed quote as running to the end, swallowing every key
// after it into one text value.
bool quote_closed(std::string_view text, std::size_t at) {
  const char quote = text[at];
  for (std::size_t i = at + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;
    } else if (text[i] == quote) {
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'')
        ++i;  // '' is a quote inside single quotes
      else
        return true;
    }
  }
  return false;
}

// The document walked once, without recursion: deeper than kMaxDepth, more values than
// kMaxValues, or a quote never closed is a problem. True if the document is fine.
bool check_shape(const YAML::Node& document, std::string_view text, Report& report) {
  struct Item {
    YAML::Node node;
    std::string key;
    int depth;
  };
  std::vector<Item> pending{{document, "", 1}};
  std::unordered_set<std::size_t> quotes_checked;  // by position: an alias shares its node
  std::size_t visited = 0;
  while (!pending.empty()) {
    const Item item = std::move(pending.back());
    pending.pop_back();
    const YAML::Node& node = item.node;
    // Runaway structure is named by its first key: the full path would be as long as it.
    const std::string top = item.key.substr(0, item.key.find_first_of(".["));
    if (++visited > kMaxValues) {
      // Located at that key: an alias's node is where its anchor is, not where it is used.
      YAML::Node at = document;
      if (const Entry e = find_entry(document, top)) at = e.key;
      report.add(at, top,
                 "this holds more than " + std::to_string(kMaxValues) +
                     " values, counting each use of an alias (*name) in full; a scenario needs "
                     "a few hundred: use fewer aliases, or none");
      return false;
    }
    if (item.depth > kMaxDepth) {
      report.add(node, top, too_deep_message());
      return false;
    }
    const YAML::Mark mark = node.Mark();
    // yaml-cpp tags a quoted scalar "!" (a plain one "?"); its mark is at the quote.
    if (node.IsScalar() && node.Tag() == "!" && !mark.is_null() && mark.pos >= 0 &&
        static_cast<std::size_t>(mark.pos) < text.size() &&
        (text[mark.pos] == '"' || text[mark.pos] == '\'') &&
        quotes_checked.insert(mark.pos).second && !quote_closed(text, mark.pos)) {
      report.add(node, item.key,
                 std::string("this quoted text is never closed: its ") +
                     (text[mark.pos] == '"' ? "double" : "single") +
                     " quote runs to the end of the file; close it with " + text[mark.pos]);
      return false;
    }
    if (node.IsSequence()) {
      for (std::size_t i = node.size(); i-- > 0;)
        pending.push_back({node[i], item.key + "[" + std::to_string(i) + "]", item.depth + 1});
    } else if (node.IsMap()) {
      std::vector<Item> children;
      for (const auto& kv : node) {
        const std::string key =
            key_path(item.key, kv.first.IsScalar() ? kv.first.Scalar() : std::string("?"));
        children.push_back({kv.second, key, item.depth + 1});
        children.push_back({kv.first, key, item.depth + 1});
      }
      pending.insert(pending.end(), std::make_move_iterator(children.rbegin()),
                     std::make_move_iterator(children.rend()));
    }
  }
  return true;
}

// yaml-cpp 0.7's LoadAll never returns on some malformed streams (a ',' where a node
// should start): its parser hands back an empty document at the same place again and again,
// and LoadAll keeps each one until memory runs out. A first pass through the same parser,
// keeping nothing, finds that place, so LoadAll only ever reads a stream that ends. The pass
// throws what LoadAll would throw on any other syntax error.
class StallFinder : public YAML::EventHandler {
 public:
  // Where the parser stops moving forward, if it does.
  std::optional<YAML::Mark> scan(const std::string& text) {
    std::istringstream stream(text);
    YAML::Parser parser(stream);
    std::optional<YAML::Mark> previous;
    while (parser.HandleNextDocument(*this)) {
      if (previous && previous->pos == start_.pos) return start_;
      previous = start_;
    }
    return std::nullopt;
  }

  void OnDocumentStart(const YAML::Mark& mark) override { start_ = mark; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}

 private:
  YAML::Mark start_;
};

}  // namespace

YAML::Node parse_document(std::string_view bytes, const std::string& what,
                          const std::string& first_line, Report& report) {
  if (const auto bad = find_not_text(without_bom(bytes))) {
    const auto [line, column] = line_and_column(without_bom(bytes), bad->offset);
    report.add(Location{report.file(), line, column, ""}, bad->message);
    return YAML::Node(YAML::NodeType::Undefined);
  }
  // yaml-cpp ends lines at LF only: a file saved with CR line ends (old Mac) would be one
  // line, a comment to its end. Made LF, of the same length, so positions stay the same.
  const std::string lf_text = with_lf_line_ends(without_bom(bytes));
  const std::string_view text = lf_text;
  if (report_tabs(text, report)) return YAML::Node(YAML::NodeType::Undefined);
  try {
    const std::string& stream = lf_text;
    if (const auto stall = StallFinder().scan(stream)) {
      const char c = stall->pos >= 0 && static_cast<std::size_t>(stall->pos) < stream.size()
                         ? stream[stall->pos]
                         : ' ';
      report.add(Location{report.file(), stall->line + 1, stall->column + 1, ""},
                 std::string("YAML syntax: unexpected ") +
                     (c > ' ' && c < 0x7F ? std::string("'") + c + "'" : "text") +
                     "; no value can start here");
      return YAML::Node(YAML::NodeType::Undefined);
    }
    std::vector<YAML::Node> documents;
    for (auto& d : YAML::LoadAll(stream))
      if (!d.IsNull()) documents.push_back(std::move(d));
    if (documents.size() > 1)
      report.add(documents[1], "",
                 "a " + what + " file holds one YAML document; a second one starts here");
    if (documents.empty()) {
      report.add(Location{report.file(), 1, 1, ""},
                 "the file is empty; a " + what + " starts with '" + first_line + "'");
      return YAML::Node(YAML::NodeType::Undefined);
    }
    if (!check_shape(documents.front(), text, report)) return YAML::Node(YAML::NodeType::Undefined);
    return documents.front();
  } catch (const YAML::DeepRecursion& e) {
    // yaml-cpp's own guard (500 levels), before the stack runs out.
    report.add(Location{report.file(), e.mark.line + 1, e.mark.column + 1, ""}, too_deep_message());
    return YAML::Node(YAML::NodeType::Undefined);
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
  // A key is a dotted path of names the file wrote: an unknown one may be a page long, or
  // hold a control character, and the message shows it on one short line.
  where.key = shown(where.key, 2 * kMaxQuotedLength);
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
  return "'" + shown(node.Scalar()) + "'";
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
            "duplicate key '" + shown(name) + "'" +
                (first->second > 0 ? " (first given on line " + std::to_string(first->second) + ")"
                                   : ""));
        continue;
      }
      if (std::find(sections.begin(), sections.end(), name) != sections.end()) continue;
      const ParamSpec* spec = schema.find(name);
      if (!spec && retired_key(key)) {
        report.add(k, key, std::string(retired_key(key)));
        continue;
      }
      if (!spec) {
        report.add(k, key,
                   "unknown key '" + shown(name) + "'" + did_you_mean(name, keys) +
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
