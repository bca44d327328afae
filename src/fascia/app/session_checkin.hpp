// One check-in for a whole session: after instrument work, every area the
// session worked (region, sides merged) gets a skin-and-soreness check-in in
// one step, "all settled" by default and each area adjustable, instead of one
// `log reaction` per area. The CLI (`fascia log checkin`) and the server
// (`/api/v1/sessions/{id}/check-in`) both call these.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "fascia/app/journal_store.hpp"
#include "fascia/core/knowledge_base.hpp"

namespace fascia::app {

// What a check-in after one session covers.
struct SessionCheckinForm {
  std::int64_t session_id = 0;
  core::Date session_date{};
  // The first day a check-in releases the hold (core::checkin_counts_from).
  core::Date counts_from{};
  // One entry per area worked with an instrument, prefilled "settled" (no
  // redness, red dots or bruising, soreness 0), not yet dated.
  std::vector<core::ReactionEntry> areas;
};

// The form for session `id`, or, without an id, for the latest session that
// worked an area with an instrument. Errors: not_found (no such session of
// this person, or none with instrument work); precondition when session `id`
// worked no area with an instrument (nothing to check in).
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
