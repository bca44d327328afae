// A guided session interrupted in the terminal is kept in the draft file next
// to the journal (adapters::SessionDraftFile). Every command that reads the
// plan or adds to the journal accounts for it first, so the rest rules and
// check-ins see work that was done, not only the next `fascia session`.
#pragma once

#include <ostream>

#include "fascia/app/journal_store.hpp"
#include "fascia/app/person_state.hpp"
#include "fascia/app/session_events.hpp"
#include "fascia/cli/context.hpp"

namespace fascia::cli {

// A draft from an earlier day is saved for its own day (the cards not reached
// logged as skipped) and `person` reloaded; one line on `show` says so. Nothing
// to do without such a draft. On failure the draft stays where it is and the
// error (naming the draft's day) is returned.
core::Result<void> save_earlier_draft(const core::KnowledgeBase& kb, app::JournalStore& store, app::PersonState& person,
                                      app::SessionDraftStore& drafts, core::Date today, std::ostream& show);

// Why a kept session was not saved, in the terminal's words ("continue it
// first"), with the refusal's error code.
core::Error kept_session_error(const app::DraftRefusal& refusal, std::size_t events);

// For plan, today, progress and log: saves an earlier day's draft (as above)
// and mentions one started today that `fascia session` can continue. Never
// fails the command: a draft that cannot be read or saved is a note on
// ctx.err, and the draft stays for `fascia session`.
void account_for_kept_session(Context& ctx, const core::KnowledgeBase& kb, app::JournalStore& store,
                              app::PersonState& person, core::Date today);

}  // namespace fascia::cli
