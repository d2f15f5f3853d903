// Dates and times as CRM exports write them, read with a format the mapping file gives:
// %Y (four-digit year), %m (month), %d (day), %H (hour, 0-23), %M (minute), %S (second);
// any other character must match itself. Fields may have one or two digits where the
// format has a two-digit one (exports drop leading zeros). The result is in days since
// 1970-01-01 (a fraction for the time of day), in the export's own time zone.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tandem::data {

// `text` read with `format`; nothing if it does not match or names no real date.
std::optional<double> parse_date_time(std::string_view text, std::string_view format);

// Why a format cannot be used (an unknown % directive, no year, month and day), or
// nothing if it can.
std::optional<std::string> check_date_format(std::string_view format);

// The calendar month ("2018-03") of a day since 1970-01-01.
std::string month_of(double day);

// The date ("2018-03-01") of a day since 1970-01-01.
std::string date_of(double day);

// Days since 1970-01-01 of the first of a month ("2018-03"); nothing if not such a month.
std::optional<double> month_start(std::string_view month);

}  // namespace tandem::data
