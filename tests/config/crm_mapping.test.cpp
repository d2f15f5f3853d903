// A CRM mapping file is checked like a scenario: located problems, every one at once.
#include "config/crm_mapping.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace tandem;

namespace {

std::filesystem::path write(const std::string& name, const std::string& text) {
  const auto dir = std::filesystem::path(TANDEM_TEST_TMP) / "crm_mapping";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / name) << text;
  return dir / name;
}

std::vector<std::string> problems(const std::filesystem::path& file) {
  try {
    load_crm_mapping(file);
  } catch (const ScenarioError& e) {
    std::vector<std::string> out;
    for (const Problem& p : e.problems()) out.push_back(p.str());
    return out;
  }
  return {};
}

}  // namespace

TEST_CASE("the shipped Olist mapping reads, its tables looked for in the data folder", "[config]") {
  const auto file =
      std::filesystem::path(TANDEM_PROJECT_DIR) / "scenarios" / "olist" / "mapping.yaml";
  const CrmMapping m = load_crm_mapping(file, std::filesystem::path("/data/olist"));
  CHECK(m.leads.file == std::filesystem::path("/data/olist/marketing_qualified_leads.csv"));
  CHECK(m.leads.date_format == "%d-%m-%Y");
  CHECK(m.leads.column("id") == "mql_id");
  CHECK(m.leads.column("channel") == "origin");
  CHECK(m.leads.column("owner").empty());
  CHECK(m.deals.column("closed") == "won_date");
  CHECK(m.deals.column("rep") == "sr_id");
  CHECK(m.deals.where.at("rep").line == 18);
  // Without a data folder, the tables are beside the mapping.
  CHECK(load_crm_mapping(file).deals.file == file.parent_path() / "closed_deals.csv");
}

TEST_CASE("a mapping's problems are located, all at once", "[config]") {
  const auto file = write("bad.yaml",
                          "tandem: 1\n"
                          "leads:\n"
                          "  file: leads.csv\n"
                          "  date_format: \"%d/%m\"\n"
                          "  columns: {id: Id, created: Created, chanel: Source}\n"
                          "deals:\n"
                          "  file: deals.csv\n"
                          "  columns: {lead_id: Lead}\n");
  const auto found = problems(file);
  REQUIRE(found.size() == 3);
  CHECK(found[0] == file.string() + ":4:16: leads.date_format: a date format needs %Y, %m and %d");
  CHECK(found[1] == file.string() +
                        ":5:39: leads.columns.chanel: unknown key 'chanel'; did you mean "
                        "'channel'? (allowed: id, created, channel, owner, sal, sql, opportunity)");
  CHECK(found[2] == file.string() +
                        ":8:12: deals.columns: missing required key 'closed' (text: When the "
                        "deal closed)");
}

TEST_CASE("the example mappings for Salesforce and HubSpot exports read, stage dates and all",
          "[config]") {
  const auto examples = std::filesystem::path(TANDEM_PROJECT_DIR) / "examples" / "crm";
  const CrmMapping sf = load_crm_mapping(examples / "salesforce-mapping.yaml");
  CHECK(sf.leads.column("channel") == "Lead Source");
  CHECK(sf.leads.column("sal") == "Accepted Date");
  CHECK(sf.leads.column("opportunity") == "Converted Date");
  CHECK(sf.won_value == "Closed Won");
  const CrmMapping hs = load_crm_mapping(examples / "hubspot-mapping.yaml");
  CHECK(hs.leads.column("sql") == "Became a Sales Qualified Lead Date");
  CHECK(hs.deals.column("lead_id") == "Associated Contact IDs");
}

TEST_CASE("a mapping's calibrate section names the free keys, each located, and its problems too",
          "[config]") {
  const std::string head =
      "tandem: 1\n"
      "leads: {file: l.csv, columns: {id: Id, created: Created}}\n"
      "deals: {file: d.csv, columns: {lead_id: Lead, closed: Closed}}\n";
  const auto good =
      write("calibrate.yaml", head +
                                  "calibrate:\n"
                                  "  holdout_from: 2018-03-01\n"
                                  "  fit:\n"
                                  "    - {key: funnel.contact_rate, low: 0.3, high: 0.9}\n"
                                  "    - {key: deals.median_cycle_days, low: 2, high: 30}\n");
  const CrmMapping m = load_crm_mapping(good);
  REQUIRE(m.calibrate);
  REQUIRE(m.calibrate->fit.size() == 2);
  CHECK(m.calibrate->fit[1].key == "deals.median_cycle_days");
  CHECK(m.calibrate->fit[1].high == 30);
  CHECK(m.calibrate->fit[1].where.line == 8);
  CHECK(m.calibrate->evaluations == 60);
  CHECK(m.calibrate->holdout_from == "2018-03-01");
  CHECK_FALSE(load_crm_mapping(write("plain.yaml", head)).calibrate);
  // A section with nothing to fit says so, at the section.
  const auto empty = write("calibrate-empty.yaml", head + "calibrate:\n  evaluations: 80\n");
  REQUIRE(problems(empty).size() == 1);
  CHECK(problems(empty)[0].rfind(empty.string() + ":5:3: calibrate: missing required key 'fit'",
                                 0) == 0);

  const auto bad =
      write("calibrate-bad.yaml", head +
                                      "calibrate:\n"
                                      "  from: 2018-3\n"
                                      "  evaluations: 2\n"
                                      "  fit:\n"
                                      "    - {key: funnel.contact_rate, low: 0.9, high: 0.3}\n");
  const auto found = problems(bad);
  REQUIRE(found.size() == 3);
  CHECK(found[0] == bad.string() +
                        ":5:9: calibrate.from: '2018-3' is not a date; give YYYY-MM-DD, e.g. "
                        "2018-03-01");
  CHECK(found[1].rfind(bad.string() + ":6:16: calibrate.evaluations: must be", 0) == 0);
  CHECK(found[2] == bad.string() +
                        ":8:39: calibrate.fit.0.low: the low bound must be below the high one "
                        "(0.3)");
}
