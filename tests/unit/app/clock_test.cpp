// app::FixedClock: a calendar fixed by --today stamps records on that day,
// at the real clock's time of day, so stamps and the treatment calendar agree.
#include "fascia/app/clock.hpp"

#include <gtest/gtest.h>

#include <memory>

namespace {

using fascia::app::Clock;
using fascia::app::FixedClock;
using fascia::core::Date;
using namespace std::chrono;

constexpr std::int64_t kDay = 86400;

std::int64_t seconds_at(Date day, std::int64_t second_of_day) {
  return day.time_since_epoch().count() * kDay + second_of_day;
}

// A real clock whose moment a test moves.
class SettableClock final : public Clock {
 public:
  explicit SettableClock(const std::int64_t* now) : now_(now) {}
  Date today() const override { return Date{days{*now_ / kDay}}; }
  std::int64_t now() const override { return *now_; }

 private:
  const std::int64_t* now_;
};

}  // namespace

TEST(FixedClock, WithoutARealClockItsMomentIsNoonOfItsDate) {
  const Date day = sys_days{2026y / 3 / 2};
  EXPECT_EQ(FixedClock(day).now(), seconds_at(day, 12 * 3600));
}

TEST(FixedClock, ItsMomentIsTheRealTimeOfDayMovedOntoItsDateAndAdvancesWithIt) {
  const Date real_day = sys_days{2026y / 12 / 1};
  const Date fixed_day = sys_days{2026y / 11 / 23};
  std::int64_t real = seconds_at(real_day, 18 * 3600 + 45 * 60 + 7);
  const FixedClock clock(fixed_day, std::make_unique<SettableClock>(&real));
  EXPECT_EQ(clock.today(), fixed_day);
  EXPECT_EQ(clock.now(), seconds_at(fixed_day, 18 * 3600 + 45 * 60 + 7));
  real += 90;  // later stamps stay later
  EXPECT_EQ(clock.now(), seconds_at(fixed_day, 18 * 3600 + 46 * 60 + 37));
  EXPECT_EQ(FixedClock(real_day, std::make_unique<SettableClock>(&real)).now(), real)
      << "fixed on the real day: the real moment";
}
