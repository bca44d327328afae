// Recording a practitioner clearance: the one use case behind `fascia clear`
// and POST /api/v1/clearances. A clearance lifts warning-sign findings
// (until_cleared rules, stop-sign findings) raised on or before its date for
// the regions it names (none = everything); see core::evaluate_screenings.
#pragma once

#include "fascia/app/journal_store.hpp"
#include "fascia/core/error.hpp"
#include "fascia/core/knowledge_base.hpp"
#include "fascia/core/person.hpp"

namespace fascia::app {

// Checks `entry`; record_clearance also normalises it (a paired region's
// "both" kept, a midline region's side made midline, an area named twice kept
// once), stores it and returns what was stored. Errors: invalid_argument when
// `by` is empty or spans lines; out_of_range / invalid_argument when `by` or
// the note is over its limit in characters or not UTF-8 (app/text_limits.hpp);
// unknown_name / invalid_argument for a region or side that does not fit;
// bad_date for a date after `today`; the store's own errors.
core::Result<void> validate_clearance(const core::KnowledgeBase& kb, const core::ClearanceEntry& entry,
                                      core::Date today);
core::Result<core::ClearanceEntry> record_clearance(const core::KnowledgeBase& kb, JournalStore& store,
                                                   core::ClearanceEntry entry,
                                    core::Date today);

}  // namespace fascia::app
