#include "report/report_page.hpp"

#include "output/output_file.hpp"
#include "report/report_assets.hpp"

#include <tandem/errors.hpp>
#include <tandem/version.hpp>

#include <string_view>

namespace tandem {
namespace {

// Text for an HTML element or attribute.
std::string html_escaped(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// JSON inside <script>: a "<" (only ever inside a JSON string) becomes \u003c, so no
// scenario name or key can close the element ("</script>") or open a comment.
std::string script_safe_json(const ReportData& data) {
  const std::string text = data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c == '<')
      out += "\\u003c";
    else
      out += c;
  }
  return out;
}

// Replaces the {{slot}} found after `from` and returns where the inserted text ends, so
// the next slot is looked for after it: inserted text (a scenario name, Chart.js) is never
// searched for slots. The page is ours, so a missing slot is a bug.
std::size_t fill(std::string& page, std::size_t from, std::string_view slot,
                 std::string_view text) {
  const std::string marker = "{{" + std::string(slot) + "}}";
  const auto at = page.find(marker, from);
  if (at == std::string::npos) throw Error("report page has no {{" + std::string(slot) + "}} slot");
  page.replace(at, marker.size(), text);
  return at + text.size();
}

}  // namespace

std::string report_page(const ReportData& data) {
  std::string page(report_assets::page());
  // In page order, each slot once.
  std::size_t at = fill(page, 0, "GENERATOR", "Tandem " TANDEM_VERSION_STRING);
  at = fill(page, at, "TITLE", html_escaped(data.value("title", std::string("Tandem report"))));
  at = fill(page, at, "STYLE", report_assets::style());
  at = fill(page, at, "DATA", script_safe_json(data));
  at = fill(page, at, "CHART_JS", report_assets::chart_js());
  fill(page, at, "SCRIPT", report_assets::script());
  return page;
}

void write_report(const std::filesystem::path& folder, const ReportData& data) {
  write_file(folder / "report.html", report_page(data));
}

}  // namespace tandem
