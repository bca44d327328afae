#include "fascia/core/dates.hpp"

#include <gtest/gtest.h>

using namespace fascia::core;

TEST(Dates, ParsesAndFormatsAnIsoDateRoundTrip) {
  auto d = parse_date("2026-11-21");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(format_date(*d), "2026-11-21");
}

TEST(Dates, RejectsADayThatDoesNotExist) {
  auto d = parse_date("2026-02-30");
  ASSERT_FALSE(d.has_value());
  EXPECT_EQ(d.error().code, ErrorCode::bad_date);
  EXPECT_NE(d.error().message.find("2026-02-30"), std::string::npos);
}

TEST(Dates, RejectsMalformedText) {
  for (const char* bad : {"2026-1-01", "21/11/2026", "", "2026-11-2x", "12026-11-21"})
    EXPECT_FALSE(parse_date(bad).has_value()) << bad;
}

TEST(Dates, KnowsTheWeekday) {
  EXPECT_EQ(weekday_index(*parse_date("2026-11-23")), 0);  // a Monday
  EXPECT_EQ(weekday_index(*parse_date("2026-11-22")), 6);  // a Sunday
  EXPECT_EQ(*parse_weekday("Wednesday"), 2);
  EXPECT_FALSE(parse_weekday("funday").has_value());
}

TEST(Dates, NamesWeekdaysInFullOrShortForPeople) {
  EXPECT_EQ(weekday_name(0), "Monday");
  EXPECT_EQ(weekday_name(1), "Tuesday");
  EXPECT_EQ(weekday_name(6), "Sunday");
  EXPECT_EQ(weekday_short_name(1), "Tue");
  EXPECT_EQ(weekday_short_name(6), "Sun");
  for (int i = 0; i < 7; ++i) {
    EXPECT_EQ(*parse_weekday(weekday_name(i)), i) << "the names people read are also accepted";
    EXPECT_EQ(*parse_weekday(weekday_short_name(i)), i);
  }
}
