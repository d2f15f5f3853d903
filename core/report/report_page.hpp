// report.html: one self-contained page (its data, Chart.js and the drawing script inlined)
// that opens offline in any browser. What it shows depends on the data's "kind": a run, a
// paired comparison or a sweep (see run_report.hpp, compare_report.hpp, sweep_report.hpp).
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

namespace tandem {

using ReportData = nlohmann::ordered_json;

// The page for `data`, which must hold "kind", "title", "subtitle" and "facts" (a list of
// [name, value] pairs) besides what its kind draws.
std::string report_page(const ReportData& data);

// Writes report_page(data) to `folder`/report.html. Throws OutputError naming the file.
void write_report(const std::filesystem::path& folder, const ReportData& data);

}  // namespace tandem
