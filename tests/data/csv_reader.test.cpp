// The one CSV reader: RFC 4180 fields, line ends and byte-order marks, records located by
// line and field, and the strict reading tests use to read Tandem's own CSV back.
#include "data/csv_reader.hpp"

#include <tandem/errors.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace tandem;
using Rows = std::vector<std::vector<std::string>>;

TEST_CASE("quoted fields keep commas, doubled quotes and line breaks", "[data]") {
  const csv::Table t = csv::split("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\n");
  REQUIRE(t.records.size() == 3);
  CHECK(t.records[1].fields == std::vector<std::string>{"x, y", "say \"hi\""});
  CHECK(t.records[2].fields == std::vector<std::string>{"two\nlines", "z"});
  CHECK(t.records[2].line == 3);
  CHECK_FALSE(t.unclosed_quote);
}

TEST_CASE("CRLF ends a line, a byte-order mark is not content, blank lines are skipped", "[data]") {
  const csv::Table t = csv::split(
      "\xEF\xBB\xBF"
      "a,b\r\n\r\n1,2\r\n");
  REQUIRE(t.records.size() == 2);
  CHECK(t.records[0].fields == std::vector<std::string>{"a", "b"});
  CHECK(t.records[1].fields == std::vector<std::string>{"1", "2"});
  CHECK(t.records[1].line == 3);
  CHECK(t.text.substr(0, 3) == "a,b");
}

TEST_CASE("a byte is located at its record and field", "[data]") {
  const csv::Table t = csv::split("a,bb,c\n1,22,3\n");
  const csv::Position p = t.locate(t.text.find("22") + 1);
  CHECK(p.record == 1);
  CHECK(p.field == 1);
}

TEST_CASE("an unclosed quote is located where it opens", "[data]") {
  const csv::Table t = csv::split("a,b\n1,\"open\n2,3\n");
  REQUIRE(t.unclosed_quote);
  CHECK(t.unclosed_quote->record == 1);
  CHECK(t.unclosed_quote->field == 1);
}

TEST_CASE("strict reading returns every row and locates what is not well formed", "[data]") {
  CHECK(csv::read_rows("a,b\n1,\"x,y\"\n") == Rows{{"a", "b"}, {"1", "x,y"}});
  CHECK_THROWS_WITH(csv::read_rows("a,b\n1,2,3\n", "out.csv"),
                    "out.csv:2:3: this row has 3 fields; the header has 2");
  CHECK_THROWS_WITH(csv::read_rows("a,b\n1,\"2\n", "out.csv"),
                    "out.csv:2:2: this field opens a quote (\") that is never closed");
}

TEST_CASE("a lone CR ends a line, as in files saved by old Macs", "[data]") {
  const csv::Table t = csv::split("a,b\r1,2\r\r3,\"x\ry\"\r4,5");
  REQUIRE(t.records.size() == 4);
  CHECK(t.records[1].fields == std::vector<std::string>{"1", "2"});
  CHECK(t.records[2].line == 4);
  CHECK(t.records[2].fields == std::vector<std::string>{"3", "x\ry"});
  CHECK(t.records[3].line == 6);  // the quoted CR ended line 4
  CHECK(t.records[3].fields == std::vector<std::string>{"4", "5"});
  CHECK_FALSE(t.stray_quote);
}

TEST_CASE("a quote out of place is kept as written and located", "[data]") {
  const csv::Table inside = csv::split("person,role\nAna \"R\" Ruiz,sales\n");
  REQUIRE(inside.records.size() == 2);
  CHECK(inside.records[1].fields[0] == "Ana \"R\" Ruiz");
  REQUIRE(inside.stray_quote);
  CHECK(inside.stray_quote->at.record == 1);
  CHECK(inside.stray_quote->at.field == 0);
  CHECK_FALSE(inside.stray_quote->after_closing);

  const csv::Table after = csv::split("person,role\nx,\"sales\" team\n");
  REQUIRE(after.stray_quote);
  CHECK(after.stray_quote->at.record == 1);
  CHECK(after.stray_quote->at.field == 1);
  CHECK(after.stray_quote->after_closing);

  // Quoted fields, doubled quotes and an empty quoted field are all well placed.
  CHECK_FALSE(csv::split("a,b\n\"x \"\"y\"\"\",\"\"\n").stray_quote);
}

TEST_CASE("strict reading refuses a stray quote, saying how to write the field", "[data]") {
  CHECK_THROWS_WITH(csv::read_rows("a,b\n1,say \"hi\"\n", "out.csv"),
                    "out.csv:2:2: a quote (\") inside a field that does not start with one, "
                    "where RFC 4180 allows none; quote the field and double each quote in it: "
                    "\"say \"\"hi\"\"\"");
  CHECK_THROWS_WITH(csv::read_rows("a,b\n1,\"hi\" there\n", "out.csv"),
                    "out.csv:2:2: text follows the closing quote (\") of this field; put the "
                    "whole field inside the quotes, and write a quote inside it as two (\"\")");
}
