// The files a report page is made of, compiled into the program from core/report/assets/
// and Debian's Chart.js by cmake/EmbedFiles.cmake (see core/CMakeLists.txt).
#pragma once

#include <string_view>

namespace tandem::report_assets {

std::string_view chart_js();  // Chart.js 3, minified (MIT licence, banner kept)
std::string_view page();      // report.html: the page with {{...}} slots
std::string_view style();     // report.css
std::string_view script();    // report.js: draws the charts from the page's JSON data

}  // namespace tandem::report_assets
