// The one CSV reader: RFC 4180 as spreadsheets and CRM exports write it. Fields are
// separated by commas and may be quoted with double quotes (a quote inside doubled, commas
// and line breaks inside kept); lines end in LF, CRLF or CR (old Mac files); a quote
// anywhere else is kept as written and reported (Table::stray_quote); a leading UTF-8
// byte-order mark
// (Excel's "CSV UTF-8") is not content; blank lines are skipped. Every record keeps the
// line it starts on and where each field starts, so that a reader built on it (the
// credited results) can say where a problem is by row and column.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tandem::csv {

// One record and the line it starts on (a quoted field may span lines).
struct Record {
  int line = 0;  // 1-based
  std::vector<std::string> fields;
  std::vector<std::size_t> starts;  // each field's first byte in Table::text
};

// A field of a table: record and field, both 0-based.
struct Position {
  std::size_t record = 0;
  std::size_t field = 0;
};

// A quote where RFC 4180 allows none: inside a field that does not start with one
// (`Ana "R" Ruiz`, read as written), or text after a quoted field's closing quote
// (`"Ana" Ruiz`, read as `Ana Ruiz`).
struct StrayQuote {
  Position at;
  bool after_closing = false;
};

// What a reader says about a stray quote in `field` (as read), and how to write it.
std::string stray_quote_message(const StrayQuote& stray, std::string_view field);

// A text split into records, never refused: what is wrong with it is for the caller to
// report, in its own words.
struct Table {
  std::string_view text;  // the text split: the input without its byte-order mark
  std::vector<Record> records;
  // Where a quoted field was opened and never closed. It runs to the end of the text, in
  // the last record (kept even if all it holds is the quote).
  std::optional<Position> unclosed_quote;
  // The first stray quote, if any.
  std::optional<StrayQuote> stray_quote;

  // The record and field holding byte `offset` of `text`.
  Position locate(std::size_t offset) const;
};

// Splits `text` (which must outlive the table) into records.
Table split(std::string_view text);

// Strict reading, for a CSV that should be well formed (a file Tandem wrote, read back):
// the header and every row, each row as wide as the header. Throws tandem::Error located
// at `file`:line:column for an unclosed or stray quote or a row of another width.
std::vector<std::vector<std::string>> read_rows(std::string_view text,
                                                const std::string& file = "CSV");

}  // namespace tandem::csv
