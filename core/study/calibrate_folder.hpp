// A calibration folder: what `tandem calibrate` writes, all at once (renamed into place
// when complete, fit.json last):
//   scenario.yaml  the calibrated scenario (as run, the fitted values in place), opening
//                  with comments that say what was fitted from which figures
//   fit.json       the free keys, their values and standard errors, each figure observed
//                  and simulated, days to close both ways, the held-out check, the data
//                  read and left out, why the search stopped
//   trace.csv      every evaluation: the keys' values, the distance, each simulated figure
//   report.html    observed against simulated, the fitted keys, the search's trace
#pragma once

#include "data/crm_export.hpp"
#include "data/observed_funnel.hpp"
#include "study/calibrate.hpp"
#include "study/fit_checks.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

namespace tandem::study {

inline constexpr const char* kCalibrationMarker = "fit.json";

struct CalibrationRecord {
  std::string scenario_file, mapping_file, data_folder;
  std::string scenario_name;
  const CrmExport* data = nullptr;
  const ObservedFunnel* observed = nullptr;
  const Fit* fit = nullptr;
  const Neighbourhood* neighbourhood = nullptr;  // the run at the best values, the slopes
  const KeyUncertainty* uncertainty = nullptr;
  const HoldoutCheck* holdout = nullptr;  // with --holdout-from
  std::string calibrated_yaml;            // the scenario at the best values, as run
  std::string window;                     // "2017-06 to 2018-05 (12 months)"
};

// Whether `dir` may be written (see AtomicFolder::check), before any simulating.
void check_calibration_folder(const std::filesystem::path& dir, bool replace_existing);

// fit.json's content.
nlohmann::ordered_json calibration_json(const CalibrationRecord& record);

// Writes the folder (see AtomicFolder for `replace_existing`); returns fit.json as written.
nlohmann::ordered_json write_calibration_folder(const std::filesystem::path& dir,
                                                bool replace_existing,
                                                const CalibrationRecord& record);

}  // namespace tandem::study
