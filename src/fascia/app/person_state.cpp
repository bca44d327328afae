#include "fascia/app/person_state.hpp"

#include <algorithm>

#include "fascia/app/tool_inventory.hpp"
#include "fascia/app/validate.hpp"
#include "fascia/core/prescribed_plan.hpp"

namespace fascia::app {

core::Result<PersonState> load_person(const core::KnowledgeBase& kb, JournalStore& store) {
  auto profile = store.load_profile();
  if (!profile) return tl::make_unexpected(profile.error());
  if (!*profile)
    return core::fail(core::ErrorCode::precondition, "no profile yet: run 'fascia profile set' (see --help) first");
  auto screenings = store.load_screenings();
  if (!screenings) return tl::make_unexpected(screenings.error());
  if (screenings->empty()) return core::fail(core::ErrorCode::precondition, "no screening yet: run 'fascia screen' first");
  auto screening = store.latest_screening();
  if (!screening) return tl::make_unexpected(screening.error());
  if (!*screening) return core::fail(core::ErrorCode::precondition, "no screening yet: run 'fascia screen' first");
  auto journal = store.load_journal();
  if (!journal) return tl::make_unexpected(journal.error());
  auto tools = expand_owned_tools(kb, (*profile)->tools);
  if (!tools) return tl::make_unexpected(tools.error());
  auto programs = store.load_programs();
  if (!programs) return tl::make_unexpected(programs.error());

  PersonState p;
  p.profile = std::move(**profile);
  p.screening = std::move(**screening);
  if (auto ok = core::validate_answers(kb, p.screening); !ok)
    return core::fail(core::ErrorCode::precondition,
                      "the stored screening no longer matches the questions (" + ok.error().message +
                          "): run 'fascia screen' again");
  p.screenings = std::move(*screenings);
  p.journal = std::move(*journal);
  p.tools = std::set<std::string>(tools->begin(), tools->end());
  if (const core::HomeProgram* in_force = core::program_in_force(*programs)) p.program = *in_force;
  refresh_clearance(kb, p);
  return p;
}

core::Result<std::optional<PersonGap>> person_gap(const core::KnowledgeBase& kb, JournalStore& store) {
  auto profile = store.load_profile();
  if (!profile) return tl::make_unexpected(profile.error());
  if (!*profile) return PersonGap::no_profile;
  auto screening = store.latest_screening();
  if (!screening) return tl::make_unexpected(screening.error());
  if (!*screening) return PersonGap::no_screening;
  if (!core::validate_answers(kb, **screening)) return PersonGap::screening_outdated;
  return std::optional<PersonGap>{};
}

namespace {

// Every screening, oldest first, ending with the latest.
std::vector<core::ScreeningRecord> screenings_in_order(const PersonState& person) {
  std::vector<core::ScreeningRecord> ordered = person.screenings;
  if (ordered.empty() || !(ordered.back() == person.screening)) ordered.push_back(person.screening);
  return ordered;
}

}  // namespace

void refresh_clearance(const core::KnowledgeBase& kb, PersonState& person) {
  // The latest screening decides, as before; earlier ones only add warning
  // signs that no clearance has lifted yet.
  core::ScreeningState state = core::evaluate_screenings(kb, screenings_in_order(person), person.journal.clearances);
  person.clearance = std::move(state.clearance);
  person.findings_history = std::move(state.history);
  core::attribute_to_stop_signs(kb, person.journal.sessions, person.findings_history);
}

core::TodayView current_today(const core::KnowledgeBase& kb, const PersonState& person, core::Date today) {
  const core::PlanInputs inputs = plan_inputs(kb, person, today);
  return core::today_view(inputs, core::build_plan(inputs));
}

core::PlanInputs plan_inputs(const core::KnowledgeBase& kb, const PersonState& person, core::Date today) {
  return core::PlanInputs{kb,
                          person.profile,
                          person.tools,
                          person.clearance,
                          person.journal,
                          today,
                          person.program ? &*person.program : nullptr};
}

core::Plan current_plan(const core::KnowledgeBase& kb, const PersonState& person, core::Date today) {
  return core::build_plan(plan_inputs(kb, person, today));
}

core::Plan original_plan(const core::KnowledgeBase& kb, const PersonState& person) {
  // A program in force is the plan as first made from its start.
  return core::prescribed_plan(kb, person.profile, person.tools, screenings_in_order(person), person.journal.clearances,
                               person.program ? &*person.program : nullptr);
}

core::Progress current_progress(const core::KnowledgeBase& kb, const PersonState& person, core::Date today) {
  // Adherence is measured against the plan as it was first made.
  const core::Plan original = original_plan(kb, person);
  core::Progress progress = core::compute_progress(kb, person.profile, person.journal, original, today);
  progress.safety_findings = person.findings_history;
  progress.clearances = person.journal.clearances;
  return progress;
}

core::Result<RecordedSession> record_session(const core::KnowledgeBase& kb, JournalStore& store, PersonState& person,
                                             const core::PlannedSession& planned, core::SessionEntry entry,
                                             std::optional<int> soreness,
                                             const std::vector<core::StopOutcome>& stops, core::Date today) {
  FASCIA_TRY(validate_session(kb, entry, today));
  SessionRecord record{entry, {}, std::nullopt};
  if (soreness && !entry.stopped) {
    FASCIA_TRY(validate_score(*soreness, "soreness"));
    for (const auto& [region, side] : planned.regions_worked(core::Modality::instrument))
      record.checkins.push_back({today, region, side, false, false, false, *soreness});
  }
  std::vector<std::string> now_yes;
  for (const auto& stop : stops) now_yes.insert(now_yes.end(), stop.rescreen.begin(), stop.rescreen.end());
  if (!now_yes.empty()) {
    core::ScreeningRecord rescreen = person.screening;
    rescreen.date = today;
    for (const auto& q : now_yes) {
      core::Answer& answer = rescreen.answers[q];
      answer.yes = true;
      const core::Question* question = kb.question(q);
      if (question == nullptr || question->kind != core::QuestionKind::regions) continue;
      // The area of the step where the session stopped (every area worked when no step says).
      std::vector<core::RegionSide> areas;
      for (const auto& step : entry.steps)
        if (step.status == core::StepStatus::stopped && !step.region.empty())
          areas.push_back({step.region, core::normal_side(kb, step.region, step.side)});
      if (areas.empty())
        for (const auto& [region, side] : planned.regions_worked(core::Modality::instrument))
          areas.push_back({region, core::normal_side(kb, region, side)});
      for (const auto& area : areas)
        if (std::find(answer.regions.begin(), answer.regions.end(), area) == answer.regions.end())
          answer.regions.push_back(area);
    }
    record.rescreen = rescreen;
  }
  auto id = store.add_session_record(record);
  if (!id) return tl::make_unexpected(id.error());

  RecordedSession out{*id, std::nullopt};
  record.session.id = *id;
  person.journal.sessions.push_back(record.session);
  person.journal.reactions.insert(person.journal.reactions.end(), record.checkins.begin(), record.checkins.end());
  if (record.rescreen) {
    person.screening = *record.rescreen;
    person.screenings.push_back(*record.rescreen);
    refresh_clearance(kb, person);
    out.clearance = person.clearance;
  }
  return out;
}

}  // namespace fascia::app
