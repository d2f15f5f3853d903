#include "data/csv_reader.hpp"

#include "common/input_file.hpp"
#include "common/message_text.hpp"

#include <tandem/errors.hpp>

#include <algorithm>
#include <utility>

namespace tandem::csv {

Table split(std::string_view input) {
  Table table;
  const std::string_view text = without_bom(input);
  table.text = text;
  std::vector<Record>& records = table.records;
  Record current{1, {std::string()}, {0}};
  int line = 1;
  bool quoted = false;
  bool closed = false;  // the field's closing quote was read: only its end may follow
  const auto finish = [&](std::size_t next) {
    if (!(current.fields.size() == 1 && current.fields[0].empty()))
      records.push_back(std::move(current));
    current = Record{line, {std::string()}, {next}};
    closed = false;
  };
  // The first quote RFC 4180 does not allow, in the field being read.
  const auto stray = [&](bool after_closing) {
    if (!table.stray_quote)
      table.stray_quote =
          StrayQuote{Position{records.size(), current.fields.size() - 1}, after_closing};
  };
  // A lone CR (old Mac files) ends a line like LF and CRLF.
  const auto line_end = [&](std::size_t i) {
    return text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'));
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        current.fields.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
        closed = true;
      } else {
        if (line_end(i)) ++line;
        current.fields.back() += c;
      }
    } else if (c == ',') {
      current.fields.emplace_back();
      current.starts.push_back(i + 1);
      closed = false;
    } else if (line_end(i)) {
      ++line;
      finish(i + 1);
    } else if (c == '\r') {
      // The CR of a CRLF: the LF ends the line.
    } else if (closed) {
      // Text after a quoted field's closing quote: kept, and reported by the reader.
      stray(true);
      current.fields.back() += c;
    } else if (c == '"' && i == current.starts.back()) {
      quoted = true;
    } else {
      // A quote inside a field that does not start with one is kept as it is written.
      if (c == '"') stray(false);
      current.fields.back() += c;
    }
  }
  if (quoted) {
    table.unclosed_quote = Position{records.size(), current.fields.size() - 1};
    records.push_back(std::move(current));
  } else {
    finish(text.size());
  }
  return table;
}

std::string stray_quote_message(const StrayQuote& stray, std::string_view field) {
  if (stray.after_closing)
    return "text follows the closing quote (\") of this field; put the whole field inside the "
           "quotes, and write a quote inside it as two (\"\")";
  std::string fixed = "\"";
  for (const char c : field) fixed += c == '"' ? std::string("\"\"") : std::string(1, c);
  fixed += "\"";
  return "a quote (\") inside a field that does not start with one, where RFC 4180 allows "
         "none; quote the field and double each quote in it: " +
         shown(fixed);
}

Position Table::locate(std::size_t offset) const {
  if (records.empty()) return {};
  std::size_t r = 0;
  while (r + 1 < records.size() && records[r + 1].starts.front() <= offset) ++r;
  const auto& starts = records[r].starts;
  std::size_t f = 0;
  while (f + 1 < starts.size() && starts[f + 1] <= offset) ++f;
  return {r, f};
}

std::vector<std::vector<std::string>> read_rows(std::string_view text, const std::string& file) {
  const Table table = split(text);
  const auto fail = [&](const Position& at, const std::string& message) {
    const Record& r = table.records[at.record];
    return Error(
        file + ":" + std::to_string(r.line) + ":" + std::to_string(at.field + 1) + ": " + message,
        Location{file, r.line, static_cast<int>(at.field) + 1, ""});
  };
  if (table.unclosed_quote)
    throw fail(*table.unclosed_quote, "this field opens a quote (\") that is never closed");
  if (const auto& stray = table.stray_quote)
    throw fail(stray->at, stray_quote_message(
                              *stray, table.records[stray->at.record].fields[stray->at.field]));
  std::vector<std::vector<std::string>> rows;
  rows.reserve(table.records.size());
  for (std::size_t i = 0; i < table.records.size(); ++i) {
    const Record& r = table.records[i];
    const std::size_t width = table.records.front().fields.size();
    if (r.fields.size() != width)
      throw fail({i, std::min(r.fields.size(), width)},
                 "this row has " + std::to_string(r.fields.size()) + " fields; the header has " +
                     std::to_string(width));
    rows.push_back(r.fields);
  }
  return rows;
}

}  // namespace tandem::csv
