// Screening use cases shared by `fascia screen` and /api/v1/screening: the
// clearance that holds now is the latest answers plus every warning-sign
// finding raised earlier that no recorded practitioner clearance has lifted
// (core::evaluate_screenings).
#pragma once

#include "fascia/app/journal_store.hpp"
#include "fascia/core/screening.hpp"

namespace fascia::app {

// Errors: the store's own. An empty state (cleared, no history) when there is no screening.
core::Result<core::ScreeningState> screening_state(const core::KnowledgeBase& kb, JournalStore& store);
// The same as a practitioner of `clinic` sees it: who cleared a finding, as
// clearances_seen_by_clinic (care_links.hpp) shows another clinic's clearance.
core::Result<core::ScreeningState> screening_state_for_clinic(const core::KnowledgeBase& kb, JournalStore& store,
                                                              std::int64_t clinic);

// Validates `record` (core::validate_answers), writes "both" on midline
// regions as midline, stores it and returns the state with it.
core::Result<core::ScreeningState> record_screening(const core::KnowledgeBase& kb, JournalStore& store,
                                                    core::ScreeningRecord record);

}  // namespace fascia::app
