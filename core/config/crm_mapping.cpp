#include "config/crm_mapping.hpp"

#include "common/input_file.hpp"
#include "config/checked_tree.hpp"
#include "config/scenario_schema.hpp"
#include "config/validate.hpp"
#include "data/date_time.hpp"
#include "plugins/registry.hpp"

#include <yaml-cpp/yaml.h>

namespace tandem {

namespace {

using config::Section;

// A table's section: its file, date format and columns by role.
Section table(const std::string& name, const std::string& doc,
              const std::vector<std::pair<std::string, std::string>>& required,
              const std::vector<std::pair<std::string, std::string>>& optional,
              const std::string& default_format) {
  Section s;
  s.required = true;
  s.schema = Schema(name, doc)
                 .required<std::string>("file", "The table's CSV file, in the export's folder.")
                 .param<std::string>("date_format", default_format,
                                     "How its dates are written: %Y %m %d %H %M %S and literal "
                                     "characters (e.g. \"%Y-%m-%d %H:%M:%S\").");
  if (name == "deals")
    s.schema.param<std::string>("won_value", "won",
                                "With an `outcome` column: the value (any case) that means won.");
  Section columns;
  columns.required = true;
  Schema c("columns", "Which column plays each role (its header name).");
  for (const auto& [role, what] : required) c.required<std::string>(role, what);
  for (const auto& [role, what] : optional)
    c.param<std::string>(role, "", what + " (optional: leave out if none)");
  columns.schema = std::move(c);
  s.sections.push_back(std::move(columns));
  return s;
}

// What to fit when the command line names no --fit: the one command reproduces a fit.
Section calibrate_section() {
  Section s;
  s.schema =
      Schema("calibrate",
             "What `tandem calibrate` fits to this export when the command line gives no --fit "
             "(its options, where given, win).")
          .param<std::int64_t>("evaluations", 60, "Scenario runs the search may make in all.",
                               at_least(4))
          .param<std::int64_t>("min_mqls", 200,
                               "A channel's figures are fitted when it has at least this many "
                               "MQLs.",
                               at_least(1))
          .param<std::string>("from", "", "YYYY-MM-DD: leave out leads created before it.")
          .param<std::string>("holdout_from", "",
                              "YYYY-MM-DD: fit on what happened before it, predict the MQLs "
                              "from it on.");
  Section fit;  // required once `calibrate:` is given (checked on loading)
  fit.list = true;
  fit.schema = Schema("fit", "The free keys: each with the range the fit may move it in.")
                   .required<std::string>("key", "A scenario key, as --set takes it.")
                   .required<double>("low", "The lowest value the fit may try.")
                   .required<double>("high", "The highest value the fit may try.");
  s.sections.push_back(std::move(fit));
  return s;
}

const Section& mapping_schema() {
  static const Section schema = [] {
    Section root;
    root.required = true;
    root.schema = config::file_schema("Which column of a CRM export is which.");
    root.sections.push_back(table("leads", "The leads table: one row per lead (an MQL).",
                                  {{"id", "The lead's id (what the deals table joins on)"},
                                   {"created", "When the lead became an MQL"}},
                                  {{"channel", "The marketing channel or source it came from"},
                                   {"owner", "Who owns it (a rep or an SDR)"},
                                   {"sal", "When sales accepted it (SAL); empty: never"},
                                   {"sql", "When it was qualified (SQL); empty: never"},
                                   {"opportunity", "When an opportunity was opened; empty: never"}},
                                  "%Y-%m-%d"));
    root.sections.push_back(
        table("deals", "The deals table: one row per closed deal, joined to its lead.",
              {{"lead_id", "The id of the deal's lead"}, {"closed", "When the deal closed"}},
              {{"outcome", "Won or lost (without it every row is a won deal)"},
               {"amount", "What the deal is worth"},
               {"sdr", "The SDR who qualified it"},
               {"rep", "The rep who closed it"}},
              "%Y-%m-%d"));
    root.sections.push_back(calibrate_section());
    return root;
  }();
  return schema;
}

}  // namespace

CrmMapping load_crm_mapping(const std::filesystem::path& file,
                            const std::optional<std::filesystem::path>& data_folder) {
  const std::string text = read_input_file(file, "mapping");
  config::Report report(file.string());
  const YAML::Node root = config::parse_document(
      text, "mapping", "tandem: " + std::to_string(config::kScenarioFormat), report);
  if (!report.ok()) throw ScenarioError(report.sorted());
  PluginRegistry no_plugins({});
  const Section& schema = mapping_schema();
  const config::CheckedSection checked = config::check_tree(root, schema, no_plugins, report);
  // A date format that cannot be read, reported with the schema's problems.
  for (const char* name : {"leads", "deals"}) {
    const YAML::Node format =
        root[name] && root[name].IsMap() ? root[name]["date_format"] : YAML::Node();
    if (format && format.IsScalar())
      if (const auto wrong = data::check_date_format(format.Scalar()))
        report.add(format, std::string(name) + ".date_format", *wrong);
  }
  const YAML::Node calibrate = root["calibrate"];
  if (calibrate && calibrate.IsMap()) {
    for (const char* day : {"from", "holdout_from"}) {
      const YAML::Node node = calibrate[day];
      if (node && node.IsScalar() && !node.Scalar().empty() &&
          !data::parse_date_time(node.Scalar(), "%Y-%m-%d"))
        report.add(node, std::string("calibrate.") + day,
                   "'" + node.Scalar() + "' is not a date; give YYYY-MM-DD, e.g. 2018-03-01");
    }
    const YAML::Node fit = calibrate["fit"];
    if (!fit)
      report.add(calibrate, "calibrate",
                 "missing required key 'fit' (list: the free keys, e.g. - {key: "
                 "funnel.contact_rate, low: 0.3, high: 0.9})");
    if (fit && fit.IsSequence())
      for (std::size_t i = 0; i < fit.size(); ++i) {
        const YAML::Node item = fit[i];
        if (item.IsMap() && item["low"] && item["high"] && item["low"].IsScalar() &&
            item["high"].IsScalar()) {
          try {
            if (!(item["low"].as<double>() < item["high"].as<double>()))
              report.add(
                  item["low"], "calibrate.fit." + std::to_string(i) + ".low",
                  "the low bound must be below the high one (" + item["high"].Scalar() + ")");
          } catch (const YAML::Exception&) {
            // Not numbers: the schema says so.
          }
        }
      }
  }
  if (!report.ok()) throw ScenarioError(report.sorted());

  const std::filesystem::path folder = data_folder                  ? *data_folder
                                       : file.parent_path().empty() ? "."
                                                                    : file.parent_path();
  CrmMapping out;
  out.file = file.string();
  for (const char* name : {"leads", "deals"}) {
    const YAML::Node node = root[name];
    const config::CheckedSection& section = checked.section(schema, name);
    const Section& section_schema =
        *std::find_if(schema.sections.begin(), schema.sections.end(),
                      [&](const Section& s) { return s.schema.name() == name; });
    CrmTable& t = std::string(name) == "leads" ? out.leads : out.deals;
    t.file = folder / section.params.get<std::string>("file");
    t.file_where = report.locate(node["file"], std::string(name) + ".file");
    t.date_format = section.params.get<std::string>("date_format");
    if (std::string(name) == "deals") out.won_value = section.params.get<std::string>("won_value");
    const Section& columns_schema = section_schema.sections.front();
    const config::CheckedSection& columns = section.section(section_schema, "columns");
    for (const auto& spec : columns_schema.schema.params()) {
      const std::string column = columns.params.get<std::string>(spec.name);
      if (column.empty()) continue;
      t.columns[spec.name] = column;
      const std::string key = std::string(name) + ".columns." + spec.name;
      t.where[spec.name] = report.locate(node["columns"][spec.name], key);
    }
  }
  const config::CheckedSection& fit_section = checked.section(schema, "calibrate");
  if (root["calibrate"]) {
    const Section& calibrate_schema = *schema.find("calibrate");
    CalibrateDefaults c;
    c.evaluations = static_cast<int>(fit_section.params.get<std::int64_t>("evaluations"));
    c.min_mqls = static_cast<int>(fit_section.params.get<std::int64_t>("min_mqls"));
    c.from = fit_section.params.get<std::string>("from");
    c.holdout_from = fit_section.params.get<std::string>("holdout_from");
    const config::CheckedSection& items = fit_section.section(calibrate_schema, "fit");
    for (std::size_t i = 0; i < items.items.size(); ++i) {
      const Params& p = items.items[i].params;
      c.fit.push_back({p.get<std::string>("key"), p.get<double>("low"), p.get<double>("high"),
                       report.locate(root["calibrate"]["fit"][i]["key"],
                                     "calibrate.fit." + std::to_string(i) + ".key")});
    }
    out.calibrate = std::move(c);
  }
  return out;
}

}  // namespace tandem
