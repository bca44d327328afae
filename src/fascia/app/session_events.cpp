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

tl::expected<SavedDraft, DraftRefusal> save_draft(const core::KnowledgeBase& kb, JournalStore& store,
                                                  PersonState& person, const SessionDraft& draft,
                                                  UnfinishedDraft unfinished) {
  using Why = DraftRefusal::Why;
  const auto refuse = [](Why why, core::Error error, std::size_t event = 0, std::size_t cards = 0) {
    return tl::make_unexpected(DraftRefusal{why, std::move(error), event, cards});
  };
  if (!draft.finished && unfinished == UnfinishedDraft::refuse)
    return refuse(Why::unfinished, {core::ErrorCode::precondition, "the session is not finished yet"});
  auto chosen = due_session(current_today(kb, person, draft.date), draft.protocol);
  if (!chosen)
    return refuse(chosen.error().why == NotDue::blocked ? Why::blocked : Why::not_due,
                  {core::ErrorCode::precondition, chosen.error().message});
  core::SessionRunner runner(kb, *chosen, draft.date);
  SavedDraft out;
  out.cards = runner.cards().size();
  for (std::size_t i = 0; i < draft.events.size(); ++i) {
    if (runner.finished())
      return refuse(Why::bad_event,
                    {core::ErrorCode::invalid_argument, "the session had already ended before this event"}, i);
    if (auto ok = apply_event(runner, draft.events[i], out.stops, out.warnings); !ok)
      return refuse(Why::bad_event, ok.error(), i);
  }
  if (unfinished == UnfinishedDraft::skip_the_rest)
    while (!runner.finished())
      if (auto ok = runner.skip("not done: the session was interrupted"); !ok)
        return refuse(Why::bad_event, ok.error(), draft.events.size());
  if (!runner.finished())
    return refuse(Why::incomplete,
                  {core::ErrorCode::precondition, "the session has " + std::to_string(out.cards) + " steps but only " +
                                                      std::to_string(draft.events.size()) + " events"},
                  0, out.cards);
  out.entry = runner.log();
  auto recorded = record_session(kb, store, person, *chosen, out.entry, draft.soreness, out.stops, draft.date);
  if (!recorded) return refuse(Why::not_recorded, recorded.error());
  out.entry.id = recorded->id;
  out.clearance = recorded->clearance;
  return out;
}

}  // namespace fascia::app
