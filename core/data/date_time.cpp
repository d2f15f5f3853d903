#include "data/date_time.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>

namespace tandem::data {

namespace {

// Reads one to `most` digits at `text[i]`.
std::optional<int> digits(std::string_view text, std::size_t& i, int most) {
  int value = 0, n = 0;
  while (i < text.size() && n < most && text[i] >= '0' && text[i] <= '9') {
    value = value * 10 + (text[i] - '0');
    ++i;
    ++n;
  }
  if (n == 0) return std::nullopt;
  return value;
}

std::optional<double> days_of(int year, int month, int day) {
  using namespace std::chrono;
  const year_month_day ymd{std::chrono::year{year},
                           std::chrono::month{static_cast<unsigned>(month)},
                           std::chrono::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return std::nullopt;
  return static_cast<double>(sys_days{ymd}.time_since_epoch().count());
}

}  // namespace

std::optional<std::string> check_date_format(std::string_view format) {
  bool year = false, month = false, day = false;
  for (std::size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%') continue;
    if (++i == format.size()) return "the format ends in a lone '%'";
    switch (format[i]) {
      case 'Y':
        year = true;
        break;
      case 'm':
        month = true;
        break;
      case 'd':
        day = true;
        break;
      case 'H':
      case 'M':
      case 'S':
      case '%':
        break;
      default:
        return std::string("unknown directive '%") + format[i] + "' (use %Y, %m, %d, %H, %M, %S)";
    }
  }
  if (!year || !month || !day) return "a date format needs %Y, %m and %d";
  return std::nullopt;
}

std::optional<double> parse_date_time(std::string_view text, std::string_view format) {
  int year = -1, month = -1, day = -1, hour = 0, minute = 0, second = 0;
  std::size_t i = 0;
  for (std::size_t f = 0; f < format.size(); ++f) {
    if (format[f] != '%' || f + 1 == format.size()) {
      if (i >= text.size() || text[i] != format[f]) return std::nullopt;
      ++i;
      continue;
    }
    const char d = format[++f];
    std::optional<int> v;
    switch (d) {
      case 'Y':
        v = digits(text, i, 4);
        if (v) year = *v;
        break;
      case 'm':
        v = digits(text, i, 2);
        if (v) month = *v;
        break;
      case 'd':
        v = digits(text, i, 2);
        if (v) day = *v;
        break;
      case 'H':
        v = digits(text, i, 2);
        if (v) hour = *v;
        break;
      case 'M':
        v = digits(text, i, 2);
        if (v) minute = *v;
        break;
      case 'S':
        v = digits(text, i, 2);
        if (v) second = *v;
        break;
      case '%':
        if (i >= text.size() || text[i] != '%') return std::nullopt;
        ++i;
        v = 0;
        break;
      default:
        return std::nullopt;
    }
    if (!v) return std::nullopt;
  }
  if (i != text.size() || year < 0 || hour > 23 || minute > 59 || second > 59) return std::nullopt;
  const auto days = days_of(year, month, day);
  if (!days) return std::nullopt;
  return *days + (hour * 3600 + minute * 60 + second) / 86400.0;
}

std::string month_of(double day) {
  using namespace std::chrono;
  const year_month_day ymd{sys_days{days{static_cast<int>(std::floor(day))}}};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()));
  return text;
}

std::string date_of(double day) {
  using namespace std::chrono;
  const year_month_day ymd{sys_days{days{static_cast<int>(std::floor(day))}}};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return text;
}

std::optional<double> month_start(std::string_view month) {
  return parse_date_time(std::string(month) + "-01", "%Y-%m-%d");
}

}  // namespace tandem::data
