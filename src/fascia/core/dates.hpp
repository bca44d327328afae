// Calendar dates for plans and journals. The core never reads the clock:
// "today" is always a parameter.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "fascia/core/error.hpp"

namespace fascia::core {

using Date = std::chrono::sys_days;

// Parses a strict ISO date (YYYY-MM-DD); rejects impossible dates like 2026-02-30.
Result<Date> parse_date(std::string_view text);
std::string format_date(Date date);
// The one human style for dates in text: "Tuesday, 8 December 2026" (as the
// web app's long dates). Data (JSON, files) keeps format_date's ISO form.
std::string format_long_date(Date date);
// Day of the week, 0 = Monday ... 6 = Sunday.
int weekday_index(Date date);
// The weekday's name for people, as format_long_date writes it: "Monday"
// .. "Sunday" (index 0 = Monday). Precondition: 0 <= index <= 6.
std::string_view weekday_name(int index);
// The same, short: "Mon" .. "Sun", for lists of days.
std::string_view weekday_short_name(int index);
// Accepts "mon".."sun" and the full English names, in any case.
Result<int> parse_weekday(std::string_view text);
inline int days_between(Date from, Date to) { return static_cast<int>((to - from).count()); }
inline Date add_days(Date date, int days) { return date + std::chrono::days{days}; }

}  // namespace fascia::core
