#include "fascia/app/screening_state.hpp"

#include "fascia/app/care_links.hpp"

namespace fascia::app {

core::Result<core::ScreeningState> screening_state(const core::KnowledgeBase& kb, JournalStore& store) {
  auto screenings = store.load_screenings();
  if (!screenings) return tl::make_unexpected(screenings.error());
  auto journal = store.load_journal();
  if (!journal) return tl::make_unexpected(journal.error());
  return core::evaluate_screenings(kb, *screenings, journal->clearances);
}

core::Result<core::ScreeningState> screening_state_for_clinic(const core::KnowledgeBase& kb, JournalStore& store,
                                                              std::int64_t clinic) {
  auto screenings = store.load_screenings();
  if (!screenings) return tl::make_unexpected(screenings.error());
  auto journal = store.load_journal();
  if (!journal) return tl::make_unexpected(journal.error());
  return core::evaluate_screenings(kb, *screenings, clearances_seen_by_clinic(std::move(journal->clearances), clinic));
}

core::Result<core::ScreeningState> record_screening(const core::KnowledgeBase& kb, JournalStore& store,
                                                    core::ScreeningRecord record) {
  FASCIA_TRY(core::validate_answers(kb, record));
  for (auto& [id, answer] : record.answers)
    for (auto& r : answer.regions) r.side = core::normal_side(kb, r.region, r.side);
  FASCIA_TRY(store.add_screening(record));
  return screening_state(kb, store);
}

}  // namespace fascia::app
