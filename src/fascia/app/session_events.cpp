#include "fascia/app/session_events.hpp"

#include <algorithm>

#include "fascia/app/due_session.hpp"

namespace fascia::app {

core::Result<void> apply_event(core::SessionRunner& runner, const SessionEvent& event,
                               std::vector<core::StopOutcome>& stops, std::vector<core::Reason>& warnings) {
  switch (event.kind) {
    case SessionEvent::Kind::done: {
      auto warning = runner.done(event.amount, event.pressure);
      if (!warning) return tl::make_unexpected(warning.error());
      if (*warning) warnings.push_back(**warning);
      return {};
    }
    case SessionEvent::Kind::skip:
      return runner.skip(event.reason);
    case SessionEvent::Kind::stop: {
      auto outcome = runner.stop(event.signs, event.amount);
      if (!outcome) return tl::make_unexpected(outcome.error());
      stops.push_back(*outcome);
      return {};
    }
  }
  return {};
}

core::Result<SavedDraft> save_draft(const core::KnowledgeBase& kb, JournalStore& store, PersonState& person,
                                    const SessionDraft& draft, UnfinishedDraft unfinished) {
  if (!draft.finished && unfinished == UnfinishedDraft::refuse)
    return core::fail(core::ErrorCode::precondition, "the kept session is not finished yet; continue it first");
  const auto inputs = plan_inputs(kb, person, draft.date);
  const core::TodayView view = core::today_view(inputs, core::build_plan(inputs));
  auto chosen = due_session(view, draft.protocol);
  if (!chosen)
    return core::fail(core::ErrorCode::precondition,
                      "the kept session cannot be saved: " + chosen.error().message +
                          (chosen.error().why == NotDue::blocked ? "" : " (was it saved already?)"));
  core::SessionRunner runner(kb, *chosen, draft.date);
  SavedDraft out;
  out.cards = runner.cards().size();
  for (const auto& e : draft.events) FASCIA_TRY(apply_event(runner, e, out.stops, out.warnings));
  if (unfinished == UnfinishedDraft::skip_the_rest)
    while (!runner.finished()) FASCIA_TRY(runner.skip("not done: the session was interrupted"));
  if (!runner.finished())
    return core::fail(core::ErrorCode::precondition, "the kept session has " + std::to_string(draft.events.size()) +
                                                         " of " + std::to_string(out.cards) +
                                                         " steps; continue it first");
  out.entry = runner.log();
  auto recorded = record_session(kb, store, person, *chosen, out.entry, draft.soreness, out.stops, draft.date);
  if (!recorded) return tl::make_unexpected(recorded.error());
  out.entry.id = recorded->id;
  out.clearance = recorded->clearance;
  return out;
}

}  // namespace fascia::app
