#include "fascia/app/person_import.hpp"

#include <algorithm>

#include "fascia/app/validate.hpp"

namespace fascia::app {

core::Result<ImportSummary> import_person_data(const core::KnowledgeBase& kb, JournalStore& store,
                                               core::PersonData data, core::Date today) {
  FASCIA_TRY(validate_person_data(kb, data, today));
  auto held = store.load_journal();
  if (!held) return tl::make_unexpected(held.error());
  ImportSummary summary;
  for (auto& clearance : data.journal.clearances) {
    if (!clearance.by_practitioner) continue;
    if (std::find(held->clearances.begin(), held->clearances.end(), clearance) != held->clearances.end()) continue;
    clearance.by_practitioner = false;
    clearance.clinic_id.reset();
    ++summary.clearances_kept_as_own;
  }
  FASCIA_TRY(store.replace_all(data));
  summary.sessions = data.journal.sessions.size();
  summary.pain_scores = data.journal.pain.size();
  summary.screenings = data.screenings.size();
  return summary;
}

}  // namespace fascia::app
