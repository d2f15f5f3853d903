// The CRM export reader and what it observes: dates as the mapping writes them, rows that
// cannot be used left out with their place and reason, figures with bootstrap intervals;
// and, where the real Olist export is present, the figures its README reads off the files.
#include "data/crm_export.hpp"
#include "data/date_time.hpp"
#include "data/observed_funnel.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>

using namespace tandem;

namespace {

std::filesystem::path write(const std::string& name, const std::string& text) {
  const auto dir = std::filesystem::path(TANDEM_TEST_TMP) / "crm";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / name) << text;
  return dir / name;
}

CrmMapping mapping(const std::filesystem::path& leads, const std::filesystem::path& deals) {
  CrmMapping m;
  m.file = "mapping.yaml";
  m.leads.file = leads;
  m.leads.date_format = "%d-%m-%Y";
  m.leads.columns = {{"id", "mql_id"}, {"created", "first_contact_date"}, {"channel", "origin"}};
  m.deals.file = deals;
  m.deals.date_format = "%d-%m-%Y %H:%M";
  m.deals.columns = {
      {"lead_id", "mql_id"}, {"closed", "won_date"}, {"sdr", "sdr_id"}, {"rep", "sr_id"}};
  return m;
}

}  // namespace

TEST_CASE("dates read with the mapping's format, and impossible ones are refused", "[data]") {
  using data::parse_date_time;
  CHECK(parse_date_time("01-02-2018", "%d-%m-%Y") == Approx(17563.0));
  CHECK(parse_date_time("1-2-2018", "%d-%m-%Y") == Approx(17563.0));  // leading zeros dropped
  CHECK(*parse_date_time("26-02-2018 19:58", "%d-%m-%Y %H:%M") ==
        Approx(*parse_date_time("26-02-2018", "%d-%m-%Y") + (19 * 60 + 58) / 1440.0));
  CHECK(parse_date_time("2024-03-07 14:05:00", "%Y-%m-%d %H:%M:%S").has_value());
  CHECK_FALSE(parse_date_time("30-02-2018", "%d-%m-%Y"));        // no such day
  CHECK_FALSE(parse_date_time("01/02/2018", "%d-%m-%Y"));        // other separators
  CHECK_FALSE(parse_date_time("01-02-2018 10:00", "%d-%m-%Y"));  // text left over
  CHECK_FALSE(parse_date_time("", "%d-%m-%Y"));
  CHECK(data::check_date_format("%d-%m-%Y %H:%M") == std::nullopt);
  CHECK(data::check_date_format("%d-%m") == "a date format needs %Y, %m and %d");
  CHECK(data::check_date_format("%Y-%m-%d %I") ==
        "unknown directive '%I' (use %Y, %m, %d, %H, %M, %S)");
  CHECK(data::month_of(17563.5) == "2018-02");
}

TEST_CASE("rows that cannot be used are left out with their place and reason", "[data]") {
  const auto leads = write("leads.csv",
                           "mql_id,first_contact_date,origin\n"
                           "a,01-02-2018,paid_search\n"
                           "b,15-02-2018,social\n"
                           "c,31-02-2018,social\n"  // no such date
                           "d,03-03-2018,\n"        // no channel
                           ",04-03-2018,email\n"    // no id
                           "a,05-03-2018,email\n"   // a twice
                           "e,06-03-2018,email\n");
  const auto deals = write("deals.csv",
                           "mql_id,won_date,sdr_id,sr_id\n"
                           "a,11-02-2018 10:00,s1,r1\n"
                           "zz,11-02-2018 10:00,s1,r1\n"   // no such lead
                           "b,xx,s2,r2\n"                  // date does not read
                           "e,01-03-2018 09:00,s2,r2\n");  // before its lead
  const CrmExport x = read_crm_export(mapping(leads, deals));
  REQUIRE(x.leads.size() == 3);  // a, b, e
  CHECK(x.lead_rows == 7);
  CHECK(x.deal_rows == 4);
  CHECK(x.channels == std::vector<std::string>{"paid_search", "social", "email"});
  REQUIRE(x.dropped.size() == 7);
  CHECK(x.dropped[0].where.str() == leads.string() + ":4:3");
  CHECK(x.dropped[0].reason == "lead whose created date does not read as '%d-%m-%Y'");
  CHECK(x.dropped[1].where.str() == leads.string() + ":5:14");
  CHECK(x.dropped[1].reason == "lead with no channel");
  CHECK(x.dropped[2].reason == "lead with no id");
  CHECK(x.dropped[3].reason == "lead id given twice (the first kept)");
  CHECK(x.dropped[4].where.str() == deals.string() + ":3:1");
  CHECK(x.dropped[4].reason == "deal whose lead is not in the leads table");
  CHECK(x.dropped[5].where.str() == deals.string() + ":4:3");
  CHECK(x.dropped[6].reason == "deal closed before its lead was created");
  CHECK(x.leads[0].won);
  CHECK(x.leads[0].closed == Approx(*data::parse_date_time("11-02-2018 10:00", "%d-%m-%Y %H:%M")));
  CHECK(x.leads[0].sdr == "s1");
  CHECK_FALSE(x.leads[1].won);
  CHECK(x.summary() ==
        "3 of 7 lead rows and 1 of 4 deal rows used; left out: 1 × deal closed before its lead "
        "was created, 1 × deal whose close date does not read as '%d-%m-%Y %H:%M', 1 × deal "
        "whose lead is not in the leads table, 1 × lead id given twice (the first kept), 1 × "
        "lead whose created date does not read as '%d-%m-%Y', 1 × lead with no channel, 1 × "
        "lead with no id");
}

TEST_CASE("a column the mapping names and the table lacks is an error at the mapping's key",
          "[data]") {
  const auto leads = write("leads2.csv", "mql_id,first_contact_date,source\na,01-02-2018,x\n");
  const auto deals = write("deals2.csv", "mql_id,won_date,sdr_id,sr_id\n");
  CrmMapping m = mapping(leads, deals);
  Location at;
  at.file = "mapping.yaml";
  at.line = 7;
  at.column = 60;
  m.leads.where["channel"] = at;
  try {
    read_crm_export(m);
    FAIL("no error");
  } catch (const ScenarioError& e) {
    REQUIRE(e.problems().size() == 1);
    CHECK(e.problems()[0].message == leads.string() +
                                         " has no column 'origin' (its columns: mql_id, "
                                         "first_contact_date, source)");
    CHECK(e.problems()[0].where.str() == "mapping.yaml:7:60");
  }
}

TEST_CASE("observed figures: rates, quantiles and bootstrap intervals", "[data][statistical]") {
  // 200 leads a month for 5 months on two channels; on `a` every 5th lead wins after
  // (index mod 30) days, on `b` every 20th.
  std::string leads = "mql_id,first_contact_date,origin\n",
              deals = "mql_id,won_date,sdr_id,sr_id\n";
  for (int i = 0; i < 1000; ++i) {
    const int month = 1 + i / 200, day = 1 + i % 28;
    const char* ch = i % 2 ? "b" : "a";
    leads += "L" + std::to_string(i) + "," + std::to_string(day) + "-" + std::to_string(month) +
             "-2018," + ch + "\n";
    if ((i % 2 == 0 && i % 10 == 0) || (i % 2 == 1 && i % 40 == 1)) {
      deals += "L" + std::to_string(i) + "," + std::to_string(day) + "-" +
               std::to_string(month + 6) + "-2018 12:00,s" + std::to_string(i % 3) + ",r" +
               std::to_string(i % 4) + "\n";
    }
  }
  const CrmExport x =
      read_crm_export(mapping(write("leads3.csv", leads), write("deals3.csv", deals)));
  const ObservedFunnel f = observe_funnel(x);
  CHECK(f.first_month == "2018-01");
  CHECK(f.last_month == "2018-05");
  CHECK(f.months == 5);
  const ObservedFigure* rate = f.find("mql_to_won");
  REQUIRE(rate);
  // 100 + 25 won of 1,000: 0.125; a binomial SE of sqrt(p(1-p)/n) = 0.0105.
  CHECK(rate->value == Approx(0.125));
  CHECK(rate->se == Approx(std::sqrt(0.125 * 0.875 / 1000)).epsilon(0.15));
  CHECK(rate->low < 0.125);
  CHECK(rate->high > 0.125);
  CHECK(f.find("mql_to_won.a")->value == Approx(0.2));
  CHECK(f.find("mql_to_won.b")->value == Approx(0.05));
  CHECK(f.find("mqls_per_month")->value == Approx(200));
  CHECK(f.find("mqls_per_month.a")->value == Approx(100));
  CHECK(f.find("sdrs")->value == 3);
  CHECK(f.find("reps")->value == 3);  // r0 and r2 on channel a, r1 on b
  // Every deal closes six months (181 to 184 days) after its lead, at noon.
  CHECK(f.find("days_to_close.median")->value > 180);
  CHECK(f.find("days_to_close.median")->value < 185);
  // Held back from 1 April: only leads of January to March, and no deal has closed yet.
  ObserveOptions until;
  until.until = *data::parse_date_time("01-04-2018", "%d-%m-%Y");
  const ObservedFunnel early = observe_funnel(x, until);
  CHECK(early.months == 3);
  CHECK(early.find("mql_to_won")->value == 0.0);
}

TEST_CASE("the Olist export reads as its README describes", "[data]") {
  const auto dir = std::filesystem::path(TANDEM_PROJECT_DIR).parent_path() / "shared" / "data" /
                   "olist-marketing-funnel";
  if (!std::filesystem::exists(dir / "marketing_qualified_leads.csv")) {
    WARN("skipped: the Olist export is not at " << dir.string()
                                                << " (see scenarios/olist/mapping.yaml)");
    return;
  }
  CrmMapping m = mapping(dir / "marketing_qualified_leads.csv", dir / "closed_deals.csv");
  const CrmExport x = read_crm_export(m);
  CHECK(x.lead_rows == 8000);
  CHECK(x.deal_rows == 842);
  CHECK(x.leads.size() == 7940);  // 60 have no channel
  CHECK(x.dropped_by_reason.at("lead with no channel") == 60);
  CHECK(x.dropped_by_reason.at("deal whose lead was left out") == 14);
  const ObservedFunnel f = observe_funnel(x);
  // The README's figures (over all 8,000; here the 7,940 with a channel).
  CHECK(f.find("mql_to_won")->value == Approx(0.105).margin(0.002));
  CHECK(f.find("mql_to_won.paid_search")->value == Approx(0.123).margin(0.0005));
  CHECK(f.find("mql_to_won.email")->value == Approx(0.030).margin(0.0005));
  CHECK(f.find("days_to_close.median")->value == Approx(14).margin(1));
  CHECK(f.find("days_to_close.p90")->value == Approx(162).margin(3));
  CHECK(f.find("sdrs")->value == 32);
  CHECK(f.find("reps")->value == 22);
}

TEST_CASE("stage dates give each stage's share of the one before, and a bad one is located",
          "[data]") {
  // Ten leads: 1-8 accepted (SAL), 1-4 qualified (SQL), 1-2 with an opportunity; lead 9 has
  // only a won deal (so it reached every stage); lead 10 nothing.
  std::string leads = "mql_id,first_contact_date,origin,sal,sql,opp\n";
  for (int i = 1; i <= 10; ++i)
    leads += "L" + std::to_string(i) + ",01-02-2018,web," + (i <= 8 ? "02-02-2018" : "") + "," +
             (i <= 4 ? "03-02-2018" : "") + "," + (i <= 2 ? "04-02-2018" : "") + "\n";
  const auto deals = write("deals5.csv", "mql_id,won_date,sdr_id,sr_id\nL9,20-02-2018 10:00,s,r\n");
  CrmMapping m = mapping(write("leads5.csv", leads), deals);
  m.leads.columns["sal"] = "sal";
  m.leads.columns["sql"] = "sql";
  m.leads.columns["opportunity"] = "opp";
  const CrmExport x = read_crm_export(m);
  CHECK(x.stages == std::vector<std::string>{"sal", "sql", "opportunity"});
  const ObservedFunnel f = observe_funnel(x);
  CHECK(f.find("mql_to_sal")->value == Approx(0.9));          // 9 of 10
  CHECK(f.find("sal_to_sql")->value == Approx(5.0 / 9));      // 5 of 9
  CHECK(f.find("sql_to_opportunity")->value == Approx(0.6));  // 3 of 5
  // A stage date that does not read: the lead is left out, at its field.
  leads += "L11,01-02-2018,web,2018-02-05,,\n";
  const CrmExport bad = read_crm_export(mapping(write("leads6.csv", leads), deals));
  CHECK(bad.leads.size() == 11);  // without the stage columns mapped, it is read
  m.leads.file = write("leads6.csv", leads);
  const CrmExport located = read_crm_export(m);
  CHECK(located.leads.size() == 10);
  REQUIRE(located.dropped.size() == 1);
  CHECK(located.dropped[0].reason == "lead whose sal date does not read as '%d-%m-%Y'");
  CHECK(located.dropped[0].where.line == 12);
  CHECK(located.dropped[0].where.column == 20);
}
