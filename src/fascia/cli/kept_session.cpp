#include "fascia/cli/kept_session.hpp"

#include "fascia/adapters/session_draft_file.hpp"
#include "fascia/core/dates.hpp"

namespace fascia::cli {

core::Error kept_session_error(const app::DraftRefusal& refusal, std::size_t events) {
  using Why = app::DraftRefusal::Why;
  const std::string& why = refusal.error.message;
  switch (refusal.why) {
    case Why::unfinished:
      return {refusal.error.code, "the kept session is not finished yet; continue it first"};
    case Why::blocked:
      return {refusal.error.code, "the kept session cannot be saved: " + why};
    case Why::not_due:
      return {refusal.error.code, "the kept session cannot be saved: " + why + " (was it saved already?)"};
    case Why::bad_event:
      return {refusal.error.code,
              "the kept session cannot be saved: its step " + std::to_string(refusal.event + 1) + ": " + why};
    case Why::incomplete:
      return {refusal.error.code, "the kept session has " + std::to_string(events) + " of " +
                                      std::to_string(refusal.cards) + " steps; continue it first"};
    case Why::not_recorded:
      break;
  }
  return refusal.error;
}

core::Result<void> save_earlier_draft(const core::KnowledgeBase& kb, app::JournalStore& store, app::PersonState& person,
                                      app::SessionDraftStore& drafts, core::Date today, std::ostream& show) {
  auto kept = drafts.load();
  if (!kept) return tl::make_unexpected(kept.error());
  if (!*kept || (*kept)->finished || (*kept)->date == today) return {};
  const app::SessionDraft& k = **kept;
  auto saved = app::save_draft(kb, store, person, k, app::UnfinishedDraft::skip_the_rest);
  if (!saved)
    return core::fail(saved.error().error.code,
                      "the unfinished session from " + core::format_long_date(k.date) +
                          " could not be saved: " + kept_session_error(saved.error(), k.events.size()).message);
  show << "An unfinished session from " << core::format_long_date(k.date) << " (" << k.events.size()
       << " steps done) was saved for that day; the steps not reached are logged as not done.\n";
  FASCIA_TRY(drafts.clear());
  auto reloaded = app::load_person(kb, store);  // what follows must see that work
  if (!reloaded) return tl::make_unexpected(reloaded.error());
  person = std::move(*reloaded);
  return {};
}

void account_for_kept_session(Context& ctx, const core::KnowledgeBase& kb, app::JournalStore& store,
                              app::PersonState& person, core::Date today) {
  std::ostream& show = ctx.json() ? ctx.err : ctx.out;  // JSON output stays one document
  adapters::SessionDraftFile drafts(adapters::SessionDraftFile::next_to(ctx.local_anchor()));
  if (auto saved = save_earlier_draft(kb, store, person, drafts, today, show); !saved) {
    ctx.err << "fascia: note: " << saved.error().message << " (it stays in " << drafts.where()
            << " for 'fascia session')\n";
    return;
  }
  auto kept = drafts.load();
  if (!kept || !*kept) return;
  const app::SessionDraft& k = **kept;
  if (k.finished)
    show << "A finished session from " << core::format_long_date(k.date)
         << " is waiting to be saved: run 'fascia session' to save it.\n";
  else if (k.date == today)
    show << "You started a session earlier today (" << k.events.size()
         << " steps done); it is not in your journal yet: run 'fascia session' to continue it.\n";
}

}  // namespace fascia::cli
