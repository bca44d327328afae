#include "fascia/app/person_state.hpp"

#include "fascia/app/tool_inventory.hpp"

namespace fascia::app {

core::Result<PersonState> load_person(const core::KnowledgeBase& kb, JournalStore& store) {
  auto profile = store.load_profile();
  if (!profile) return tl::make_unexpected(profile.error());
  if (!*profile)
    return core::fail(core::ErrorCode::precondition, "no profile yet: run 'fascia profile set' (see --help) first");
  auto screening = store.latest_screening();
  if (!screening) return tl::make_unexpected(screening.error());
  if (!*screening) return core::fail(core::ErrorCode::precondition, "no screening yet: run 'fascia screen' first");
  auto journal = store.load_journal();
  if (!journal) return tl::make_unexpected(journal.error());
  auto tools = expand_owned_tools(kb, (*profile)->tools);
  if (!tools) return tl::make_unexpected(tools.error());

  PersonState p;
  p.profile = std::move(**profile);
  p.screening = std::move(**screening);
  if (auto ok = core::validate_answers(kb, p.screening); !ok)
    return core::fail(core::ErrorCode::precondition,
                      "the stored screening no longer matches the questions (" + ok.error().message +
                          "): run 'fascia screen' again");
  p.clearance = core::evaluate_screening(kb, p.screening);
  p.journal = std::move(*journal);
  p.tools = std::set<std::string>(tools->begin(), tools->end());
  return p;
}

core::PlanInputs plan_inputs(const core::KnowledgeBase& kb, const PersonState& person, core::Date today) {
  return core::PlanInputs{kb, person.profile, person.tools, person.clearance, person.journal, today};
}

core::Plan current_plan(const core::KnowledgeBase& kb, const PersonState& person, core::Date today) {
  return core::build_plan(plan_inputs(kb, person, today));
}

core::Progress current_progress(const core::KnowledgeBase& kb, const PersonState& person, core::Date today) {
  // Adherence is measured against the plan as it was first made.
  const core::Journal empty;
  const core::Plan original = core::build_plan(
      core::PlanInputs{kb, person.profile, person.tools, person.clearance, empty, person.profile.start});
  return core::compute_progress(kb, person.profile, person.journal, original, today);
}

core::Result<core::Clearance> rescreen_with(const core::KnowledgeBase& kb, JournalStore& store, PersonState& person,
                                            const std::vector<std::string>& now_yes, core::Date today) {
  core::ScreeningRecord record = person.screening;
  record.date = today;
  for (const auto& q : now_yes) record.answers[q].yes = true;
  if (auto saved = store.add_screening(record); !saved) return tl::make_unexpected(saved.error());
  person.screening = record;
  person.clearance = core::evaluate_screening(kb, record);
  return person.clearance;
}

}  // namespace fascia::app
