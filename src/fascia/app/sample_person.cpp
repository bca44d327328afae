#include "fascia/app/sample_person.hpp"

namespace fascia::app {

core::Profile sample_desk_worker(core::Date start) {
  core::Profile p;
  p.name = "sample desk worker";
  p.regions = {{"upper-trapezius", core::Side::both, 6}, {"levator-scapulae", core::Side::both, 5}};
  p.tools = {"starter-kit"};
  p.weekdays = {0, 1, 2, 3, 4, 5};
  p.minutes_per_session = 20;
  p.start = start;
  return p;
}

core::ScreeningRecord sample_desk_worker_screening(const core::KnowledgeBase& kb, core::Date date) {
  core::ScreeningRecord r;
  r.date = date;
  for (const auto& q : kb.questions) r.answers[q.id] = core::Answer{};
  r.answers["headache-or-dizziness-history"].yes = true;
  return r;
}

}  // namespace fascia::app
