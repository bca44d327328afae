#include "fascia/app/clearance.hpp"

#include "fascia/app/validate.hpp"
#include "fascia/core/screening.hpp"

namespace fascia::app {

core::Result<void> validate_clearance(const core::KnowledgeBase& kb, const core::ClearanceEntry& entry,
                                      core::Date today) {
  using core::ErrorCode;
  if (entry.by.find_first_not_of(" \t") == std::string::npos)
    return core::fail(ErrorCode::invalid_argument,
                      "clearance: say who cleared you (by), e.g. \"Dr Lee, physiotherapist\"");
  if (entry.by.size() > 200)
    return core::fail(ErrorCode::invalid_argument, "clearance: 'by' is longer than 200 characters");
  if (entry.by.find_first_of("\r\n") != std::string::npos)
    return core::fail(ErrorCode::invalid_argument, "clearance: 'by' must be one line");
  if (entry.note.size() > 2000)
    return core::fail(ErrorCode::invalid_argument, "clearance: the note is longer than 2000 characters");
  FASCIA_TRY(validate_entry_date(entry.date, today, "clearance"));
  for (const auto& r : entry.regions) {
    // "both" on a midline region means the whole region.
    const core::Side side = r.side == core::Side::both ? core::normal_side(kb, r.region, r.side) : r.side;
    FASCIA_TRY(validate_region_side(kb, r.region, side, "clearance region"));
  }
  return {};
}

core::Result<void> record_clearance(const core::KnowledgeBase& kb, JournalStore& store, core::ClearanceEntry entry,
                                    core::Date today) {
  for (auto& r : entry.regions)
    if (r.side == core::Side::both) r.side = core::normal_side(kb, r.region, r.side);
  FASCIA_TRY(validate_clearance(kb, entry, today));
  return store.add_clearance(entry);
}

}  // namespace fascia::app
