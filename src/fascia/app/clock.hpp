// The calendar and the moment the application works with, behind an
// interface so that tests, demos and --today can fix the day.
#pragma once

#include <cstdint>
#include <memory>

#include "fascia/core/dates.hpp"

namespace fascia::app {

class Clock {
 public:
  virtual ~Clock() = default;
  // The local calendar date: the day plans, sessions and journal entries fall on.
  virtual core::Date today() const = 0;
  // Seconds since 1970 (UTC) of this moment, on today()'s calendar: what
  // records are stamped with (a link made, a note written, a data access),
  // so that a stamp never falls on another day than the treatment calendar.
  virtual std::int64_t now() const = 0;
};

// A calendar fixed to one date (--today, $FASCIA_TODAY). Its moment is the
// real clock's time of day moved onto that date, so stamps still advance
// and order as time passes; without a real clock, noon UTC of that date.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(core::Date date, std::unique_ptr<const Clock> real = nullptr)
      : date_(date), real_(std::move(real)) {}
  core::Date today() const override { return date_; }
  std::int64_t now() const override {
    constexpr std::int64_t kDay = 24 * 60 * 60;
    if (!real_) return date_.time_since_epoch().count() * kDay + kDay / 2;
    return real_->now() + (date_ - real_->today()).count() * kDay;
  }

 private:
  core::Date date_;
  std::unique_ptr<const Clock> real_;
};

}  // namespace fascia::app
