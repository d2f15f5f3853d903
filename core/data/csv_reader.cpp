#include "data/csv_reader.hpp"

#include "common/input_file.hpp"

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
  const auto finish = [&](std::size_t next) {
    if (!(current.fields.size() == 1 && current.fields[0].empty()))
      records.push_back(std::move(current));
    current = Record{line, {std::string()}, {next}};
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        current.fields.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        current.fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      current.fields.emplace_back();
      current.starts.push_back(i + 1);
    } else if (c == '\n') {
      ++line;
      finish(i + 1);
    } else if (c != '\r' || (i + 1 < text.size() && text[i + 1] != '\n')) {
      // A CR ending a line (CRLF, or the text) is not content; a lone one inside is.
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
