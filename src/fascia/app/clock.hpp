// The port for "what day is it here". Use cases take the date from a Clock so
// that the core never reads the system time and tests can fix the date.
#pragma once

#include "fascia/core/dates.hpp"

namespace fascia::app {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual core::Date today() const = 0;  // the local calendar date
};

class FixedClock final : public Clock {
 public:
  explicit FixedClock(core::Date date) : date_(date) {}
  core::Date today() const override { return date_; }

 private:
  core::Date date_;
};

}  // namespace fascia::app
