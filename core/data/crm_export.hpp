// A CRM export, as `tandem calibrate` reads it: a leads table and a deals table, joined by
// the lead's id. A mapping file (config/crm_mapping.hpp) says which column is which; this
// reads the two CSVs with it.
//
// A row that cannot be used (no id, a date that does not parse, a deal whose lead is not
// in the leads table, the same lead twice) is left out and reported with its file, line
// and column; the export keeps every such row's reason and a count per reason. A column
// the mapping names that a table does not have, or a table that cannot be read, is bad
// input (nothing is read).
#pragma once

#include <tandem/errors.hpp>

#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tandem {

// One table's columns, as the mapping names them; an empty name: the export has none.
struct CrmTable {
  std::filesystem::path file;                  // the CSV
  std::string date_format;                     // for every date column of the table
  std::map<std::string, std::string> columns;  // role -> column name
  std::map<std::string, Location> where;       // role -> where the mapping names it
  Location file_where;                         // where the mapping names the file

  const std::string& column(const std::string& role) const;
};

// The roles a leads table's columns can play: `id`, `created` (required); `channel`,
// `owner`, and the dates it reached later stages, `sal`, `sql`, `opportunity` (optional;
// an empty field: not reached). A deals table's: `lead_id`, `closed` (required); `outcome`,
// `amount`, `sdr`, `rep` (optional). With `outcome`, a deal is won when that column reads
// `won_value` (case-insensitive); without it every row is a won deal.
// What a mapping's optional `calibrate:` section says to fit, for `tandem calibrate` run
// without --fit: the free keys and their ranges, each located in the mapping.
struct CalibrateDefaults {
  struct Key {
    std::string key;
    double low = 0, high = 0;
    Location where;  // of the item's `key:`
  };
  std::vector<Key> fit;
  int evaluations = 60;
  int min_mqls = 200;
  std::string from, holdout_from;  // "YYYY-MM-DD" or ""
};

struct CrmMapping {
  std::string file;  // the mapping file, for messages
  CrmTable leads, deals;
  std::string won_value = "won";
  std::optional<CalibrateDefaults> calibrate;
};

// The later stages a leads table may date, in funnel order, and each one's date of a lead.
inline constexpr const char* kLeadStages[] = {"sal", "sql", "opportunity"};

// One lead and what became of it.
struct CrmLead {
  std::string id;
  double created = 0;   // days since 1970-01-01
  std::string channel;  // "" when the export has none for it
  std::string owner;
  // When it reached each of kLeadStages, if the export says (days since 1970-01-01).
  std::array<std::optional<double>, 3> stage_dates;
  // Its deal, if it has one.
  std::optional<double> closed;  // days since 1970-01-01
  bool won = false;
  std::optional<double> amount;
  std::string sdr, rep;
};

// A row left out, and why.
struct DroppedRow {
  Location where;  // file:line:column (the header is line 1)
  std::string reason;
};

struct CrmExport {
  std::vector<CrmLead> leads;         // in the leads table's order
  std::vector<std::string> channels;  // every channel named, in order of first appearance
  std::vector<std::string> stages;    // the later stages mapped, in funnel order ("sal", ...)
  std::vector<DroppedRow> dropped;
  std::map<std::string, int> dropped_by_reason;
  int lead_rows = 0, deal_rows = 0;  // data rows read (the header not counted)

  // "7,940 of 8,000 lead rows and 842 of 842 deal rows used; left out: 60 with no channel"
  std::string summary() const;
};

// Reads both tables with `mapping`. Throws ScenarioError, located at the mapping's key, for
// a table that cannot be read or a column it lacks (naming the columns it has).
CrmExport read_crm_export(const CrmMapping& mapping);

}  // namespace tandem
