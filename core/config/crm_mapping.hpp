// A CRM mapping file: which column of a CRM export is which, for `tandem calibrate`.
//
//   tandem: 1
//   leads:
//     file: marketing_qualified_leads.csv
//     date_format: "%d-%m-%Y"
//     columns: {id: mql_id, created: first_contact_date, channel: origin}
//   deals:
//     file: closed_deals.csv
//     date_format: "%d-%m-%Y %H:%M"
//     columns: {lead_id: mql_id, closed: won_date, sdr: sdr_id, rep: sr_id}
//     won_value: won
//
// The tables are looked for in the export's folder (--data), else beside the mapping.
// `won_value`, with an `outcome` column, is the value that means won.
//
// It is checked by the scenario's validator (check_tree on its own schema), so a typo or a
// wrong type reads exactly as it does in a scenario; a date format that cannot be read is
// reported at its key.
#pragma once

#include "data/crm_export.hpp"

#include <filesystem>
#include <optional>

namespace tandem {

// Reads and checks `file`. The tables are looked for in `data_folder` when given, else
// beside the mapping. Throws ScenarioError with every problem (file:line:col: key: message).
CrmMapping load_crm_mapping(const std::filesystem::path& file,
                            const std::optional<std::filesystem::path>& data_folder = {});

}  // namespace tandem
