// Clock adapter: today's date in the machine's local time zone.
#pragma once

#include "fascia/app/clock.hpp"

namespace fascia::adapters {

class SystemClock final : public app::Clock {
 public:
  core::Date today() const override;
};

}  // namespace fascia::adapters
