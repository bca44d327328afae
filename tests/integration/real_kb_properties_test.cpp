// Properties over people generated from the REAL knowledge base in data/:
// its regions, kits, tools, screening questions and protocols. Whatever
// they own, answer and log, no plan breaks a hard cap, touches a region the
// rules forbid, or exists at all after an emergency or urgent answer. The
// frequency caps are checked here by a separate oracle, not by check_plan.
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <set>

#include "fascia/adapters/kb_paths.hpp"
#include "fascia/adapters/yaml_knowledge_source.hpp"
#include "fascia/app/tool_inventory.hpp"
#include "fascia/app/validate.hpp"
#include "fascia/core/plan_check.hpp"
#include "fascia/core/planner.hpp"

using namespace fascia::core;

namespace {

const KnowledgeBase& real_kb() {
  static const KnowledgeBase kb = [] {
    auto loaded = fascia::adapters::YamlKnowledgeSource(fascia::adapters::default_data_dir()).load();
    if (!loaded) {
      std::string problems;
      for (const auto& p : loaded.error()) problems += p + "\n";
      ADD_FAILURE() << "the knowledge base in data/ does not load:\n" << problems;
      return KnowledgeBase{};
    }
    return std::move(*loaded);
  }();
  return kb;
}

// A whole number in [lo, hi), spread evenly whatever RapidCheck's current
// size (plain inRange favours low values in early runs, which here would mean
// always the alphabetically first regions and far too many "yes" answers).
int uniform(int lo, int hi) { return *rc::gen::resize(rc::kNominalSize, rc::gen::inRange(lo, hi)); }

template <class T>
T pick(const std::vector<T>& from) {
  return from.at(static_cast<std::size_t>(uniform(0, static_cast<int>(from.size()))));
}

template <class Map>
std::vector<std::string> keys(const Map& map) {
  std::vector<std::string> out;
  for (const auto& [id, value] : map) out.push_back(id);
  return out;
}

bool one_in(int n) { return uniform(0, n) == 0; }

Side side_for(const KnowledgeBase& kb, const std::string& region) {
  return kb.regions.at(region).laterality == Laterality::midline ? Side::midline
                                                                 : pick<Side>({Side::left, Side::right, Side::both});
}

// Regions some protocol works on: picked most of the time, so that plans are
// usually non-trivial; any region (practitioner-only ones too) otherwise.
std::vector<std::string> treatable_regions(const KnowledgeBase& kb) {
  std::set<std::string> out;
  for (const auto& [id, p] : kb.protocols) {
    out.insert(p.eligible_regions.begin(), p.eligible_regions.end());
    for (const auto& s : p.steps)
      if (s.region != kTargetRegion) out.insert(s.region);
  }
  return {out.begin(), out.end()};
}

Profile gen_profile(const KnowledgeBase& kb, Date start) {
  Profile p;
  const auto regions = keys(kb.regions);
  const auto treatable = treatable_regions(kb);
  const int n = uniform(1, 5);
  for (int i = 0; i < n; ++i) {
    const std::string r = one_in(4) ? pick(regions) : pick(treatable);
    p.regions.push_back({r, side_for(kb, r), *rc::gen::inRange(0, 11)});
  }
  // Kits and single tools by their real names, as a person would list them.
  std::vector<std::string> names = keys(kb.kits);
  for (const auto& t : keys(kb.tools)) names.push_back(t);
  const int tools = one_in(6) ? 0 : uniform(1, 4);
  for (int i = 0; i < tools; ++i) p.tools.push_back(pick(names));
  for (int d = 0; d < 7; ++d)
    if (one_in(2)) p.weekdays.push_back(d);
  if (p.weekdays.empty()) p.weekdays.push_back(*rc::gen::inRange(0, 7));
  p.minutes_per_session = *rc::gen::inRange(5, 61);
  p.start = start;
  p.weeks = *rc::gen::inRange(1, 11);
  return p;
}

// Mostly "no"; the rare groups rarely, so that many people get a plan.
ScreeningRecord gen_answers(const KnowledgeBase& kb, const Profile& profile, Date date) {
  ScreeningRecord r;
  r.date = date;
  const auto regions = keys(kb.regions);
  for (const auto& q : kb.questions) {
    Answer a;
    const bool rare = q.group == "emergency" || q.group == "trauma" || q.group == "serious";
    a.yes = one_in(rare ? 150 : q.kind == QuestionKind::regions ? 30 : 12);
    if (a.yes && q.kind == QuestionKind::regions) {
      // Region answers carry a side, as `calves:left` does.
      const std::string first = one_in(4) ? pick(regions) : pick(profile.regions).region;
      a.regions.push_back({first, side_for(kb, first)});
      if (one_in(3)) {
        const std::string second = pick(profile.regions).region;
        a.regions.push_back({second, side_for(kb, second)});
      }
    }
    r.answers[q.id] = a;
  }
  return r;
}

// A logged session of a real protocol: every step as the protocol has it,
// some skipped or stopped, on a side the person works.
SessionEntry gen_session(const KnowledgeBase& kb, const Profile& profile, Date today) {
  SessionEntry s;
  s.date = add_days(today, -*rc::gen::inRange(0, 22));
  const Protocol& protocol = kb.protocols.at(pick(keys(kb.protocols)));
  s.protocol = protocol.id;
  std::string target;
  if (protocol.generic()) {
    std::vector<std::string> mine;
    for (const auto& t : profile.regions)
      if (std::count(protocol.eligible_regions.begin(), protocol.eligible_regions.end(), t.region)) mine.push_back(t.region);
    target = !mine.empty() && !one_in(4) ? pick(mine) : pick(protocol.eligible_regions);
    s.target_region = target;
  }
  int index = 0;
  for (const auto& step : protocol.steps) {
    StepLog log;
    log.index = index++;
    log.technique = step.technique;
    log.region = step.region == kTargetRegion ? target : step.region;
    log.side = side_for(kb, log.region);
    log.modality = kb.techniques.at(step.technique).modality;
    log.status = one_in(5) ? StepStatus::skipped : one_in(8) ? StepStatus::stopped : StepStatus::done;
    log.strokes = step.dose.min;
    if (one_in(3)) log.pressure_used = *rc::gen::inRange(1, 11);
    s.steps.push_back(log);
  }
  return s;
}

Journal gen_journal(const KnowledgeBase& kb, const Profile& profile, Date today) {
  Journal j;
  const int sessions = *rc::gen::inRange(0, 10);
  for (int i = 0; i < sessions; ++i) j.sessions.push_back(gen_session(kb, profile, today));
  // Check-ins and pain scores mostly on the regions the person works.
  const auto regions = keys(kb.regions);
  auto some_region = [&] {
    const std::string r = one_in(5) ? pick(regions) : pick(profile.regions).region;
    return std::pair{r, side_for(kb, r)};
  };
  const int reactions = *rc::gen::inRange(0, 8);
  for (int i = 0; i < reactions; ++i) {
    auto [r, side] = some_region();
    j.reactions.push_back({add_days(today, -*rc::gen::inRange(0, 22)), r, side, one_in(3), one_in(4), one_in(3),
                           *rc::gen::inRange(0, 11)});
  }
  const int pains = *rc::gen::inRange(0, 8);
  for (int i = 0; i < pains; ++i) {
    auto [r, side] = some_region();
    j.pain.push_back({add_days(today, -*rc::gen::inRange(0, 22)), r, side, *rc::gen::inRange(0, 11)});
  }
  return j;
}

struct Case {
  Profile profile;
  ScreeningRecord answers;
  Clearance clearance;
  Journal journal;
  std::set<std::string> tools;
  Date today{};
  Plan plan;
  TodayView view;
};

Case gen_case() {
  const KnowledgeBase& kb = real_kb();
  RC_PRE(!kb.regions.empty());
  const Date start = add_days(Date{std::chrono::year{2026} / 11 / 2}, *rc::gen::inRange(0, 7));
  Case c;
  c.profile = gen_profile(kb, start);
  c.today = add_days(start, *rc::gen::inRange(-3, 45));
  c.answers = gen_answers(kb, c.profile, start);
  c.journal = gen_journal(kb, c.profile, c.today);
  // Only what the app would accept: the generators must stay within real input.
  // Sometimes a later screening (answers changed, e.g. after a stop sign) and
  // a practitioner clearance: warning signs stay until cleared.
  std::vector<ScreeningRecord> screenings{c.answers};
  if (one_in(3)) screenings.push_back(gen_answers(kb, c.profile, add_days(start, *rc::gen::inRange(1, 14))));
  if (one_in(4))
    c.journal.clearances.push_back({add_days(start, *rc::gen::inRange(0, 20)), "Dr Lee", {}, "",
                                    *rc::gen::inRange<std::size_t>(0, screenings.size() + 1)});
  if (c.journal.clearances.size() && c.journal.clearances[0].date > c.today) c.journal.clearances.clear();
  const PersonData data{c.profile, screenings, c.journal, {}};
  if (auto ok = fascia::app::validate_person_data(kb, data, c.today); !ok) RC_FAIL("generated bad input: " + ok.error().message);
  auto tools = fascia::app::expand_owned_tools(kb, c.profile.tools);
  RC_ASSERT(tools.has_value());
  c.tools = std::set<std::string>(tools->begin(), tools->end());
  c.clearance = evaluate_screenings(kb, screenings, c.journal.clearances).clearance;
  const PlanInputs in{kb, c.profile, c.tools, c.clearance, c.journal, c.today};
  c.plan = build_plan(in);
  c.view = today_view(in, c.plan);
  return c;
}

// Instrument work on one region and side in one session, logged or planned.
struct InstrumentWork {
  Date date{};
  std::string region;
  Side side = Side::both;
  int session = 0;  // steps of one session share this
  bool planned = false;
};

std::vector<InstrumentWork> instrument_work(const Journal& journal, const Plan& plan) {
  std::vector<InstrumentWork> out;
  int session = 0;
  for (const auto& s : journal.sessions) {
    ++session;
    for (const auto& st : s.steps)
      if (st.modality == Modality::instrument && st.status != StepStatus::skipped)
        out.push_back({s.date, st.region, st.side, session, false});
  }
  for (const auto& d : plan.days)
    for (const auto& s : d.sessions) {
      ++session;
      for (const auto& st : s.steps)
        if (st.modality == Modality::instrument) out.push_back({d.date, st.region, st.side, session, true});
    }
  return out;
}

}  // namespace

RC_GTEST_PROP(RealKbProperties, CheckPlanFindsNothingAndTheLastGateRemovesNothing, ()) {
  const Case c = gen_case();
  RC_CLASSIFY(!c.plan.days.empty(), "plan has sessions");
  const KnowledgeBase& kb = real_kb();
  const auto violations = check_plan(kb, c.clearance, analyse_journal(kb, c.profile, c.journal), c.journal, c.plan);
  if (!violations.empty())
    RC_FAIL(format_date(violations[0].date) + " " + violations[0].protocol + ": " + violations[0].rule + ": " +
            violations[0].detail);
  RC_ASSERT(c.plan.removed_by_final_check == 0);
}

RC_GTEST_PROP(RealKbProperties, NoStepTouchesAPractitionerOnlyOrForbiddenRegion, ()) {
  const Case c = gen_case();
  const KnowledgeBase& kb = real_kb();
  for (const auto& d : c.plan.days)
    for (const auto& s : d.sessions)
      for (const auto& st : s.steps) {
        RC_ASSERT(kb.regions.at(st.region).region_class != RegionClass::practitioner_only);
        RC_ASSERT(region_access(kb, c.clearance, st.region, st.side, st.modality).allowed);
      }
}

RC_GTEST_PROP(RealKbProperties, EmergencyOrUrgentAnswersYieldNoSessionAtAll, ()) {
  const Case c = gen_case();
  if (c.clearance.level < ClearanceLevel::urgent) return;
  RC_ASSERT(c.plan.blocked);
  RC_ASSERT(c.plan.days.empty());
  RC_ASSERT(c.plan.templates.empty());
  RC_ASSERT(c.view.due.empty());
}

RC_GTEST_PROP(RealKbProperties, NoPlannedPressureExceedsTheRegionCapOrTheHomeCeiling, ()) {
  const Case c = gen_case();
  const KnowledgeBase& kb = real_kb();
  for (const auto& d : c.plan.days)
    for (const auto& s : d.sessions)
      for (const auto& st : s.steps) {
        if (!st.pressure) continue;
        const int cap = std::min(kb.regions.at(st.region).pressure_cap.value_or(10), kb.caps.home_pressure_ceiling.value);
        RC_ASSERT(st.pressure->max <= cap);
        RC_ASSERT(st.pressure->min <= st.pressure->max);
      }
}

RC_GTEST_PROP(RealKbProperties, InstrumentWorkOnARegionStaysWithinTheWeeklyCountAndTheGapCountingTheJournal, ()) {
  const Case c = gen_case();
  const SafetyCaps& caps = real_kb().caps;
  const auto work = instrument_work(c.journal, c.plan);
  for (const auto& a : work) {
    if (!a.planned) continue;  // history is what it was; only what the plan adds is judged
    for (const auto& b : work) {
      if (b.region != a.region || !sides_overlap(a.side, b.side) || b.session == a.session) continue;
      const int hours = std::abs(days_between(a.date, b.date)) * 24;
      if (hours < caps.instrument_min_hours_between.value)
        RC_FAIL(a.region + " planned on " + format_date(a.date) + " only " + std::to_string(hours) +
                " h from work on " + format_date(b.date));
    }
    for (int shift = -6; shift <= 0; ++shift) {
      const Date from = add_days(a.date, shift);
      const Date to = add_days(from, 6);
      std::set<Date> worked;
      for (const auto& b : work)
        if (b.region == a.region && sides_overlap(a.side, b.side) && b.date >= from && b.date <= to) worked.insert(b.date);
      if (static_cast<int>(worked.size()) > caps.instrument_sessions_per_7_days.value)
        RC_FAIL(a.region + ": " + std::to_string(worked.size()) + " instrument days from " + format_date(from));
    }
  }
}

// Issue 8: whenever nothing is due, at least one reason, each with a rule and
// words, and a next date or an explicit condition unless the program is over.
RC_GTEST_PROP(RealKbProperties, NothingDueAlwaysSaysWhyAndWhatComesNext, ()) {
  const Case c = gen_case();
  RC_CLASSIFY(c.view.blocked, "blocked");
  RC_CLASSIFY(!c.view.due.empty(), "something due");
  RC_CLASSIFY(c.plan.templates.empty(), "nothing chosen");
  if (!c.view.due.empty()) return;
  const auto& reasons = c.view.blocked ? c.view.blocked_by : c.view.not_today;
  RC_ASSERT(!reasons.empty());
  for (const auto& r : reasons) {
    RC_ASSERT(!r.rule.empty());
    RC_ASSERT(!r.text.empty());
  }
  RC_ASSERT(c.view.next.has_value() || c.view.next_condition.has_value());
}
