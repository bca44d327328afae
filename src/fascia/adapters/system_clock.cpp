#include "fascia/adapters/system_clock.hpp"

#include <ctime>

namespace fascia::adapters {

core::Date SystemClock::today() const {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return core::Date{std::chrono::year{local.tm_year + 1900} / std::chrono::month{static_cast<unsigned>(local.tm_mon + 1)} /
                    std::chrono::day{static_cast<unsigned>(local.tm_mday)}};
}

std::int64_t SystemClock::now() const { return static_cast<std::int64_t>(std::time(nullptr)); }

}  // namespace fascia::adapters
