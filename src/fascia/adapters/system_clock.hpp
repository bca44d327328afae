// Clock adapter: the machine's clock, its date in the local time zone.
#pragma once

#include "fascia/app/clock.hpp"

namespace fascia::adapters {

class SystemClock final : public app::Clock {
 public:
  core::Date today() const override;
  std::int64_t now() const override;  // time(2)
};

}  // namespace fascia::adapters
