// Test data shared by the storage and export tests: a person with every kind
// of record and every field set to something other than its default.
#pragma once

#include <string>

#include "fascia/core/person.hpp"

namespace fascia::testing {

inline core::Date day(const char* iso) { return *core::parse_date(iso); }

inline core::SessionEntry sample_session(std::int64_t id, const char* date) {
  core::SessionEntry s;
  s.id = id;
  s.date = day(date);
  s.protocol = "neck-release";
  s.target_region = "upper-trapezius";
  s.side = core::Side::left;
  s.stopped = true;
  s.stop_sign = "numbness";
  s.other_stop_signs = {"radiating-pain", "sharp-pain"};  // every sign of the stop is kept
  s.steps = {
      {.index = 0,
       .technique = "warm-up",
       .region = "neck",
       .side = core::Side::both,
       .modality = core::Modality::preparation,
       .status = core::StepStatus::done,
       .strokes = 0,
       .seconds = 90,
       .pressure_used = std::nullopt,
       .stop_sign = "",
       .note = ""},
      {.index = 1,
       .technique = "scrape",
       .region = "upper-trapezius",
       .side = core::Side::left,
       .modality = core::Modality::instrument,
       .status = core::StepStatus::skipped,
       .strokes = 12,
       .seconds = 0,
       .pressure_used = 4,
       .stop_sign = "",
       .note = "too tender today"},
      {.index = 3,
       .technique = "hold",
       .region = "levator-scapulae",
       .side = core::Side::left,
       .modality = core::Modality::compression,
       .status = core::StepStatus::stopped,
       .strokes = 0,
       .seconds = 40,
       .pressure_used = 6,
       .stop_sign = "numbness",
       .note = "tingling in the hand",
       .other_stop_signs = {"radiating-pain", "sharp-pain"}},
  };
  return s;
}

// Dates ascend within each list, as the store returns them.
inline core::PersonData sample_person() {
  core::PersonData data;
  core::Profile profile;
  profile.name = "Ana Ñúñez";
  profile.regions = {{"upper-trapezius", core::Side::left, 6}, {"lumbar", core::Side::midline, 3}};
  profile.tools = {"scraper-large", "ball-lacrosse"};
  profile.weekdays = {0, 2, 4};
  profile.minutes_per_session = 25;
  profile.start = day("2026-03-02");
  profile.weeks = 5;
  data.profile = profile;

  core::ScreeningRecord first;
  first.date = day("2026-03-01");
  first.answers["blood-thinners"] = {false, {}};
  first.answers["recent-injury"] = {true, {{"lumbar", core::Side::midline}, {"neck", core::Side::left}}};
  core::ScreeningRecord second;
  second.date = day("2026-04-01");
  second.answers["blood-thinners"] = {true, {}};
  data.screenings = {first, second};

  core::Journal& j = data.journal;
  j.pain = {{day("2026-03-02"), "upper-trapezius", core::Side::left, 6},
            {day("2026-03-05"), "upper-trapezius", core::Side::left, 4},
            {day("2026-03-05"), "lumbar", core::Side::midline, 0}};
  j.reactions = {{day("2026-03-03"), "upper-trapezius", core::Side::left, true, false, true, 3},
                 {day("2026-03-06"), "upper-trapezius", core::Side::right, false, true, false, 10}};
  j.habits = {{day("2026-03-02"), "desk-breaks"}, {day("2026-03-04"), "walk"}};
  j.treatments = {{day("2026-03-10"), "massage-swedish", "lumbar", "felt looser, \"quoted\" note"},
                  {day("2026-03-12"), "chiropractic", "", ""}};
  j.notes = {{day("2026-03-04"), "Turning my head to park was easier.\nSecond line."}};
  j.sessions = {sample_session(1, "2026-03-02"), sample_session(2, "2026-03-04")};
  j.sessions[1].stopped = false;
  j.sessions[1].stop_sign = "";
  j.sessions[1].other_stop_signs = {};
  j.sessions[1].side = core::Side::both;
  j.clearances = {
      {day("2026-03-20"), "Dr Lee, physiotherapist", {{"neck", core::Side::left}}, "fine to go on", 2, true},
      {day("2026-04-02"), "GP", {}, "", 2}};
  j.clinic_treatments = {{.id = 1,
                          .date = day("2026-03-09"),
                          .treatment = "clinic-iastm",
                          .regions = {{"upper-trapezius", core::Side::left}, {"scalenes", core::Side::right}},
                          .pressure = 4,
                          .minutes = 12,
                          .reaction = "redness that faded within the hour",
                          .note = "\"quoted\" note, ñ",
                          .practitioner_id = 7,
                          .practitioner = "pat",
                          .clinic_id = 3},
                         {.id = 2,
                          .date = day("2026-03-11"),
                          .treatment = "swedish-massage",
                          .regions = {{"lumbar", core::Side::midline}},
                          .pressure = std::nullopt,
                          .minutes = 45,
                          .reaction = "",
                          .note = "",
                          .practitioner_id = 8,
                          .practitioner = "quinn",
                          .clinic_id = 3}};
  // Two versions of one program: the second lowered the pressure.
  core::HomeProgram program{.id = 1,
                            .version = 1,
                            .practitioner_id = 7,
                            .practitioner = "pat",
                            .clinic_id = 3,
                            .clinic = "North Physio",
                            .assigned = day("2026-03-09"),
                            .start = day("2026-03-09"),
                            .weeks = 6,
                            .review = day("2026-04-06"),
                            .weekdays = {0, 3},
                            .items = {{"neck", {"upper-trapezius", core::Side::left}, 5, 80, "slow \"strokes\", ñ"}},
                            .clinic_only = {{"scalenes", core::Side::both}},
                            .note = "",
                            .ended = std::nullopt,
                            .ended_by = ""};
  core::HomeProgram lowered = program;
  lowered.version = 2;
  lowered.assigned = day("2026-03-16");
  lowered.items[0].max_pressure = 4;
  lowered.note = "red dots after the first week";
  data.programs = {program, lowered};
  return data;
}

}  // namespace fascia::testing
