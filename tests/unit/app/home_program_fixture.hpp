// What the home program tests share: the day they run on, and the
// neck-and-trap program a practitioner assigns (upper trapezius, both sides,
// a pressure ceiling, the suboccipitals kept for the clinic).
#pragma once

#include <cstdint>
#include <optional>

#include "fascia/core/person.hpp"
#include "unit/core/fixture_kb.hpp"

namespace home_program_fixture {

inline const fascia::core::Date kToday = fixture::day("2026-11-23");
inline constexpr std::int64_t kNow = 1'800'000'000;

inline fascia::core::HomeProgram neck(std::optional<int> pressure = 4) {
  fascia::core::HomeProgram p;
  p.start = kToday;
  p.weeks = 6;
  p.review = fixture::day("2026-12-21");
  p.weekdays = {0, 2, 4};
  p.items = {{"neck", {"upper-trapezius", fascia::core::Side::both}, pressure, 100, "breathe out on each stroke"}};
  p.clinic_only = {{"suboccipitals", fascia::core::Side::both}};  // kept for the clinic
  return p;
}

}  // namespace home_program_fixture
