// One check-in for a whole session: after instrument work, every area the
// session worked (region, sides merged) gets a skin-and-soreness check-in in
// one step (also after instrument work in clinic, which holds home work the
// same way), "all settled" by default and each area adjustable, instead of one
// `log reaction` per area. The CLI (`fascia log checkin`) and the server
// (`/api/v1/sessions/{id}/check-in`) both call these.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "fascia/app/journal_store.hpp"
#include "fascia/core/knowledge_base.hpp"

namespace fascia::app {

// What a check-in after one session (or the latest clinic instrument work) covers.
struct SessionCheckinForm {
  std::int64_t session_id = 0;  // 0 when it follows clinic work only
  core::Date session_date{};    // the day of the work it follows
  // The first day a check-in releases the hold (core::checkin_counts_from).
  core::Date counts_from{};
  // One entry per area worked with an instrument, prefilled "settled" (no
  // redness, red dots or bruising, soreness 0), not yet dated.
  std::vector<core::ReactionEntry> areas;
  // The clinic treatment that counts as instrument work it follows, when that
  // is the latest instrument work (no session id asked for); 0 otherwise.
  std::int64_t clinic_treatment_id = 0;
};

// The form for session `id`, or, without an id, for the latest instrument
// work: a session that worked an area with an instrument, or a clinic
// treatment whose kind counts as instrument work (its areas; on the same day
// as a session, the session's areas and the clinic's together). Errors:
// not_found (no such session of this person, or no instrument work at all);
// precondition when session `id` worked no area with an instrument (nothing
// to check in).
core::Result<SessionCheckinForm> session_checkin_form(const core::Journal& journal, const core::KnowledgeBase& kb,
                                                      std::optional<std::int64_t> id);

struct SessionCheckinSaved {
  SessionCheckinForm form;
  std::vector<core::ReactionEntry> saved;  // in the order stored; later entries win ties
  bool early = false;                      // dated before form.counts_from: kept, but releases nothing
  std::vector<std::string> not_settled;    // regions whose check-in reports redness, dots, bruising or soreness
};

// Stores one check-in per area of the session, dated `date` (today or
// earlier, not before the session), all in one transaction. Every area gets
// `soreness` (0-10) and no skin reaction unless `adjustments` say otherwise:
// an adjustment names a worked region and a side within it; the same side as
// the area replaces the default, a narrower side (left of both) is stored
// after it and so wins for that side. Errors: those of session_checkin_form;
// invalid_argument naming the area when an adjustment is not an area the
// session worked, or twice the same; out_of_range for soreness; bad_date.
core::Result<SessionCheckinSaved> record_session_checkin(const core::KnowledgeBase& kb, JournalStore& store,
                                                         std::optional<std::int64_t> session_id, int soreness,
                                                         const std::vector<core::ReactionEntry>& adjustments,
                                                         core::Date date, core::Date today);

}  // namespace fascia::app
