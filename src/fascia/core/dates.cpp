#include "fascia/core/dates.hpp"

#include <array>
#include <cctype>
#include <cstdio>

namespace fascia::core {

namespace {
constexpr std::array<std::string_view, 7> kShort{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
constexpr std::array<std::string_view, 7> kLong{"monday", "tuesday",  "wednesday", "thursday",
                                                "friday", "saturday", "sunday"};
constexpr std::array<std::string_view, 7> kNames{"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                 "Friday", "Saturday", "Sunday"};
constexpr std::array<std::string_view, 7> kShortNames{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

bool all_digits(std::string_view s) {
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return !s.empty();
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}
}  // namespace

Result<Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !all_digits(text.substr(0, 4)) ||
      !all_digits(text.substr(5, 2)) || !all_digits(text.substr(8, 2)))
    return fail(ErrorCode::bad_date, "date '" + std::string(text) + "' is not in YYYY-MM-DD form");
  const std::chrono::year_month_day ymd{std::chrono::year{to_int(text.substr(0, 4))},
                                        std::chrono::month{static_cast<unsigned>(to_int(text.substr(5, 2)))},
                                        std::chrono::day{static_cast<unsigned>(to_int(text.substr(8, 2)))}};
  if (!ymd.ok()) return fail(ErrorCode::bad_date, "date '" + std::string(text) + "' does not exist");
  if (ymd.year() < std::chrono::year{1900} || ymd.year() > std::chrono::year{2200})
    return fail(ErrorCode::bad_date, "date '" + std::string(text) + "' is outside 1900-2200");
  return Date{ymd};
}

std::string format_date(Date date) {
  const std::chrono::year_month_day ymd{date};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

std::string format_long_date(Date date) {
  static constexpr std::array<std::string_view, 12> kMonths{"January",   "February", "March",    "April",
                                                            "May",       "June",     "July",     "August",
                                                            "September", "October",  "November", "December"};
  const std::chrono::year_month_day ymd{date};
  return std::string(weekday_name(weekday_index(date))) + ", " + std::to_string(static_cast<unsigned>(ymd.day())) +
         " " + std::string(kMonths.at(static_cast<std::size_t>(static_cast<unsigned>(ymd.month()) - 1))) + " " +
         std::to_string(static_cast<int>(ymd.year()));
}

int weekday_index(Date date) {
  return static_cast<int>(std::chrono::weekday{date}.iso_encoding()) - 1;
}

std::string_view weekday_name(int index) { return kNames.at(static_cast<std::size_t>(index)); }

std::string_view weekday_short_name(int index) { return kShortNames.at(static_cast<std::size_t>(index)); }

Result<int> parse_weekday(std::string_view text) {
  std::string lower;
  for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (int i = 0; i < 7; ++i)
    if (lower == kShort[static_cast<std::size_t>(i)] || lower == kLong[static_cast<std::size_t>(i)]) return i;
  return fail(ErrorCode::invalid_argument, "unknown weekday '" + std::string(text) + "' (use mon..sun)");
}

}  // namespace fascia::core
