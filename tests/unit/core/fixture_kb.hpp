// A small hand-built knowledge base for core unit tests: the same shapes and
// caps as data/, few enough entries to reason about in a test.
#pragma once

#include "fascia/core/dates.hpp"
#include "fascia/core/knowledge_base.hpp"
#include "fascia/core/person.hpp"
#include "fascia/core/screening.hpp"

namespace fixture {

using namespace fascia::core;

inline Region region(std::string id, RegionClass cls = RegionClass::normal, std::optional<int> cap = std::nullopt) {
  Region r;
  r.id = id;
  r.name = id;
  r.region_class = cls;
  r.pressure_cap = cap;
  r.source = "seed-000";
  return r;
}

inline Technique technique(std::string id, Modality m, DoseUnit u, std::optional<IntRange> p) {
  Technique t;
  t.id = id;
  t.name = id;
  t.modality = m;
  t.unit = u;
  t.pressure = p;
  t.seconds_per_stroke = u == DoseUnit::strokes ? 3 : 0;
  t.source = "seed-000";
  return t;
}

inline Step step(std::string technique, std::vector<std::string> edges, std::string region, std::optional<IntRange> p,
                 IntRange dose, bool per_side = true) {
  Step s;
  s.technique = technique;
  s.edges = edges;
  s.region = region;
  s.pressure = p;
  s.dose = dose;
  s.per_side = per_side;
  s.stop_signs = {"sharp-pain", "dizziness"};
  return s;
}

inline ScreeningRule rule(std::string id, std::vector<std::string> any, ClearanceLevel level) {
  ScreeningRule r;
  r.id = id;
  r.any_of = any;
  r.level = level;
  r.advice = "advice for " + id;
  r.source = "seed-000";
  return r;
}

inline KnowledgeBase kb() {
  KnowledgeBase kb;
  kb.sources["seed-000"] = {"seed-000", "neck protocol", "web page"};
  for (auto r : {region("upper-trapezius"), region("levator-scapulae", RegionClass::sensitive, 6),
                 region("suboccipitals", RegionClass::sensitive, 4), region("scalenes", RegionClass::practitioner_only),
                 region("calves"), region("abdomen", RegionClass::needs_medical_clearance)})
    kb.regions[r.id] = r;
  kb.regions["suboccipitals"].dose_seconds = IntRange{60, 90};
  kb.regions["abdomen"].laterality = Laterality::midline;
  kb.edges["long-curved-edge"] = {"long-curved-edge", "long curved edge", "", {"stone-edge"}, "seed-000"};
  kb.edges["rounded-tip"] = {"rounded-tip", "rounded tip", "", {}, "seed-000"};
  kb.edges["stone-edge"] = {"stone-edge", "stone edge", "", {"long-curved-edge"}, "seed-000"};
  kb.edges["roller-surface"] = {"roller-surface", "roller", "", {}, "seed-000"};
  kb.edges["hand"] = {"hand", "hand", "", {}, "seed-000"};
  kb.tools["starter-instrument"] = {"starter-instrument", "starter", {"long-curved-edge", "rounded-tip"}, "seed-000"};
  kb.tools["scraping-stone"] = {"scraping-stone", "stone", {"stone-edge"}, "seed-000"};
  kb.tools["foam-roller"] = {"foam-roller", "roller", {"roller-surface"}, "seed-000"};
  kb.tools["hands"] = {"hands", "hands", {"hand"}, "seed-000"};
  for (auto t : {technique("warm-up-movement", Modality::movement, DoseUnit::seconds, std::nullopt),
                 technique("sweep-along-fibres", Modality::instrument, DoseUnit::strokes, IntRange{5, 6}),
                 technique("gentle-circular-strokes", Modality::instrument, DoseUnit::seconds, IntRange{3, 4}),
                 technique("pin-and-move", Modality::compression, DoseUnit::seconds, IntRange{3, 6}),
                 technique("trigger-point-pressure-release", Modality::pressure, DoseUnit::seconds, IntRange{4, 6})})
    kb.techniques[t.id] = t;

  Protocol neck;
  neck.id = "neck";
  neck.name = "neck";
  neck.sessions_per_week = 3;
  neck.source = "seed-000";
  neck.steps = {step("warm-up-movement", {}, "upper-trapezius", std::nullopt, {120, 120}, false),
                step("sweep-along-fibres", {"long-curved-edge"}, "upper-trapezius", IntRange{5, 6}, {15, 20}),
                step("sweep-along-fibres", {"rounded-tip"}, "levator-scapulae", IntRange{5, 6}, {15, 20}),
                step("gentle-circular-strokes", {"rounded-tip"}, "suboccipitals", IntRange{3, 4}, {60, 90})};
  kb.protocols[neck.id] = neck;

  Protocol roll;
  roll.id = "compression-calves";
  roll.name = "compression calves";
  roll.sessions_per_week = 4;
  roll.source = "seed-001";
  roll.steps = {step("pin-and-move", {"roller-surface"}, "calves", IntRange{3, 6}, {30, 120})};
  kb.protocols[roll.id] = roll;

  Protocol scrape;
  scrape.id = "adhesion-scraping";
  scrape.name = "adhesion scraping";
  scrape.eligible_regions = {"calves", "upper-trapezius", "abdomen"};
  scrape.sessions_per_week = 3;
  scrape.source = "seed-003";
  scrape.steps = {step("sweep-along-fibres", {"long-curved-edge", "stone-edge"}, kTargetRegion, IntRange{3, 6}, {10, 15})};
  kb.protocols[scrape.id] = scrape;

  Protocol tp;
  tp.id = "trigger-point-release";
  tp.name = "trigger point";
  tp.eligible_regions = {"calves", "upper-trapezius"};
  tp.source = "seed-002";
  tp.steps = {step("trigger-point-pressure-release", {"hand"}, kTargetRegion, IntRange{4, 6}, {20, 120})};
  kb.protocols[tp.id] = tp;

  auto q = [](std::string id, QuestionKind kind = QuestionKind::yes_no) {
    Question x;
    x.id = id;
    x.text = id + "?";
    x.kind = kind;
    x.source = "seed-000";
    return x;
  };
  kb.questions = {q("sudden-worst-headache"), q("recent-trauma"), q("age-65-or-over"),
                  q("dizziness-with-neck-movement"), q("headache-or-dizziness-history"),
                  q("blood-thinners-or-bleeding-disorder"), q("medical-clearance"), q("open-wound", QuestionKind::regions)};
  kb.screening_rules.push_back(rule("emergency-headache", {"sudden-worst-headache"}, ClearanceLevel::emergency));
  auto cspine = rule("c-spine", {"age-65-or-over"}, ClearanceLevel::urgent);
  cspine.all_of = {"recent-trauma"};
  kb.screening_rules.push_back(cspine);
  auto trauma = rule("trauma", {"recent-trauma"}, ClearanceLevel::see_practitioner_first);
  kb.screening_rules.push_back(trauma);
  auto dizzy = rule("neck-dizziness", {"dizziness-with-neck-movement"}, ClearanceLevel::see_practitioner_first);
  dizzy.regions = {"upper-trapezius", "levator-scapulae", "suboccipitals"};
  kb.screening_rules.push_back(dizzy);
  auto history = rule("headache-history", {"headache-or-dizziness-history"}, ClearanceLevel::self_care_with_cautions);
  history.regions = {"suboccipitals"};
  history.pressure_cap = 3;
  history.gentle = true;
  kb.screening_rules.push_back(history);
  auto thinners = rule("thinners", {"blood-thinners-or-bleeding-disorder"}, ClearanceLevel::see_practitioner_first);
  thinners.modalities = {Modality::instrument};
  kb.screening_rules.push_back(thinners);
  auto wound = rule("wound", {"open-wound"}, ClearanceLevel::see_practitioner_first);
  wound.answered_regions = true;
  kb.screening_rules.push_back(wound);

  kb.stop_signs["sharp-pain"] = {"sharp-pain", "sharp pain", StopAction::stop_step, "ease off", "", 0, "seed-000"};
  kb.stop_signs["guarding"] = {"guarding", "tensing up", StopAction::stop_step, "breathe", "", 0, "seed-000"};
  kb.stop_signs["dizziness"] = {
      "dizziness", "dizziness", StopAction::stop_session, "stop and rest", "dizziness-with-neck-movement",
      0,           "seed-000"};
  kb.stop_signs["worst-headache"] = {"worst-headache", "worst headache",        StopAction::emergency,
                                     "call now",       "sudden-worst-headache", 0,
                                     "rushton-2023"};
  kb.stop_signs["skin-broken"] = {"skin-broken",   "Broken skin", StopAction::stop_session, "cover it", "open-wound", 1,
                                  "fascia-editors"};
  kb.habits["movement-breaks"] = {"movement-breaks", "movement breaks", "", "seed-000"};
  // Clinic work: what each kind counts as toward the caps (issue 10).
  kb.treatments["clinic-iastm"] = {"clinic-iastm", "instrument work in clinic", "",
                                   true,           Modality::instrument,        "seed-000"};
  kb.treatments["bodyweight-compression"] = {
      "bodyweight-compression", "body-weight compression", "", true, Modality::compression, "seed-001"};
  kb.treatments["trigger-point-massage"] = {
      "trigger-point-massage", "trigger-point massage", "", true, Modality::pressure, "seed-002"};
  kb.treatments["swedish-massage"] = {"swedish-massage", "Swedish massage", "", true, std::nullopt, "seed-001"};
  kb.pain_locations["temple"] = {"temple", "temple", "", ""};
  kb.pain_locations["jaw-angle"] = {"jaw-angle", "angle of the jaw", "", ""};
  kb.referral_patterns.push_back({"temple", {{"upper-trapezius", 0.9}, {"suboccipitals", 0.4}}, "travell-simons-1999"});
  kb.referral_patterns.push_back({"jaw-angle", {{"upper-trapezius", 0.6}, {"scalenes", 0.8}}, "travell-simons-1999"});

  SafetyCaps& c = kb.caps;
  c.instrument_sessions_per_7_days = {3, "seed-000"};
  c.instrument_min_hours_between = {48, "seed-003"};
  c.compression_min_hours_between = {24, "fascia-editors"};
  c.home_pressure_ceiling = {7, "seed-000"};
  c.instrument_minutes_per_session = {15, "cheatham-2021"};
  c.program_weeks_min = {4, "seed-003"};
  c.program_weeks_max = {6, "seed-003"};
  c.review_week = {4, "seed-000"};
  c.soreness_resolved_at = {1, "fascia-editors"};
  c.checkin_after_hours = {24, "seed-003"};
  c.bruise_pressure_step = {1, "seed-003"};
  c.repeated_bruising_count = {2, "seed-003"};
  c.worse_after_hours = {48, "seed-000"};
  c.meaningful_change_points = {2, "farrar-2001"};
  c.meaningful_change_percent = {30, "farrar-2001"};
  c.trigger_point_hold_min_seconds = {30, "travell-simons-1999"};
  c.trigger_point_hold_max_seconds = {90, "travell-simons-1999"};
  c.review_min_adherence_percent = {75, "fascia-editors"};
  return kb;
}

inline Date day(const char* iso) { return *parse_date(iso); }

// Every question answered no.
inline ScreeningRecord all_clear(const KnowledgeBase& kb, Date date = day("2026-11-23")) {
  ScreeningRecord r;
  r.date = date;
  for (const auto& q : kb.questions) r.answers[q.id] = Answer{};
  return r;
}

inline ScreeningRecord with_yes(const KnowledgeBase& kb, std::vector<std::string> yes) {
  ScreeningRecord r = all_clear(kb);
  for (auto& id : yes) r.answers[id].yes = true;
  return r;
}

// A desk worker: upper traps both sides 6/10, Mon/Wed/Fri/Sat, 20 minutes.
inline Profile desk_worker() {
  Profile p;
  p.regions = {{"upper-trapezius", Side::both, 6}};
  p.tools = {"starter-instrument"};
  p.weekdays = {0, 2, 4, 5};
  p.minutes_per_session = 20;
  p.start = day("2026-11-23");  // a Monday
  p.weeks = 6;
  return p;
}

}  // namespace fixture
