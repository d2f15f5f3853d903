#include "output/table.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "sample_run.hpp"

using namespace tandem;

TEST_CASE("figures are formatted by unit", "[output]") {
  CHECK(format_figure(1234567.6, "money") == "1,234,568");
  CHECK(format_figure(999.4, "money") == "999");
  CHECK(format_figure(-1234.0, "money") == "-1,234");
  CHECK(format_figure(-0.2, "money") == "0");
  CHECK(format_figure(0.2351, "share") == "23.5%");
  CHECK(format_figure(1.0, "share") == "100.0%");
  CHECK(format_figure(1234.56, "count") == "1,234.6");
  CHECK(format_figure(12.24, "days") == "12.2");
  CHECK(format_figure(2.5, "money") == "3");
  CHECK(format_figure(0.000123456, "ratio") == "0.0001235");
  CHECK(format_figure(std::nan(""), "money") == "n/a");
}

TEST_CASE("the summary table lists each headline aligned", "[output]") {
  const SummaryJson s = make_summary(testing::sample_scenario(), testing::sample_result(),
                                     testing::sample_manifest());
  std::ostringstream out;
  print_summary_table(out, s);
  const std::string text = out.str();
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line) && !line.empty();) lines.push_back(line);
  REQUIRE(lines.size() == 2 + 3);
  // Three replications this spread out are not enough, and the table says so below.
  CHECK(text.find("\nNote: 3 figures have a wide 95% interval") != std::string::npos);
  CHECK(lines[0].rfind("metric", 0) == 0);
  CHECK(lines[0].find("95% CI") != std::string::npos);
  CHECK(lines[2].rfind("revenue", 0) == 0);
  CHECK(lines[2].find("1,213,334") != std::string::npos);
  CHECK(lines[3].find("21.3%") != std::string::npos);
  CHECK(lines[4].find("14.0") != std::string::npos);
  for (const auto& line : lines) CHECK(line.size() == lines[0].size());
}

TEST_CASE("the summary table shows n/a without an interval", "[output]") {
  RunResult r = testing::sample_result();
  r.replications.resize(1);
  const SummaryJson s = make_summary(testing::sample_scenario(), r, testing::sample_manifest());
  std::ostringstream out;
  print_summary_table(out, s);
  CHECK(out.str().find("n/a") != std::string::npos);
  CHECK(out.str().find("1,250,001") != std::string::npos);
}

TEST_CASE("a table of figures: names left, figures right, a rule under the header", "[output]") {
  const std::vector<TableRow> rows = {
      {"metric", "mean", "per inquiry"}, {"revenue", "1,234", ""}, {"win_rate", "12.5%", "0.1"}};
  // An empty figure still fills its column: the digits of every row line up.
  CHECK(table_text(rows) ==
        "metric     mean  per inquiry\n"
        "--------  -----  -----------\n"
        "revenue   1,234             \n"
        "win_rate  12.5%          0.1\n");
}

TEST_CASE("a plain table leaves its last column ragged", "[output]") {
  const std::vector<TableRow> rows = {{"id", "3"}, {"replications", "40"}, {"ran in", "/tmp"}};
  CHECK(table_text(rows, TableLayout::plain()) ==
        "id            3\n"
        "replications  40\n"
        "ran in        /tmp\n");
}

TEST_CASE("table columns align as told, with an indent and no trailing spaces if asked",
          "[output]") {
  TableLayout layout = TableLayout::plain();
  layout.align = {Align::right, Align::left};
  const std::vector<TableRow> rows = {{"ID", "NAME", "NOTE"}, {"12", "a", ""}, {"3", "bb", "x"}};
  CHECK(table_text(rows, layout) ==
        "ID  NAME  NOTE\n"
        "12  a     \n"
        " 3  bb    x\n");
  layout.indent = "  ";
  layout.trim = true;
  CHECK(table_text(rows, layout) ==
        "  ID  NAME  NOTE\n"
        "  12  a\n"
        "   3  bb    x\n");
}
