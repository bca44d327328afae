#include "fascia/app/clearance.hpp"

#include <algorithm>

#include "fascia/app/text_limits.hpp"
#include "fascia/app/validate.hpp"
#include "fascia/core/screening.hpp"

namespace fascia::app {

core::Result<void> validate_clearance(const core::KnowledgeBase& kb, const core::ClearanceEntry& entry,
                                      core::Date today) {
  using core::ErrorCode;
  if (entry.by.find_first_not_of(" \t") == std::string::npos)
    return core::fail(ErrorCode::invalid_argument,
                      "clearance: say who cleared you (by), e.g. \"Dr Lee, physiotherapist\"");
  FASCIA_TRY(check_text(entry.by, kClearanceByLimit));
  if (entry.by.find_first_of("\r\n") != std::string::npos)
    return core::fail(ErrorCode::invalid_argument, "clearance: 'by' must be one line");
  FASCIA_TRY(check_text(entry.note, kClearanceNoteLimit));
  FASCIA_TRY(validate_entry_date(entry.date, today, "clearance"));
  for (const auto& r : entry.regions) {
    // "both" on a midline region means the whole region.
    const core::Side side = r.side == core::Side::both ? core::normal_side(kb, r.region, r.side) : r.side;
    FASCIA_TRY(validate_region_side(kb, r.region, side, "clearance region"));
  }
  return {};
}

core::Result<core::ClearanceEntry> record_clearance(const core::KnowledgeBase& kb, JournalStore& store,
                                                   core::ClearanceEntry entry, core::Date today) {
  for (auto& r : entry.regions)
    if (r.side == core::Side::both) r.side = core::normal_side(kb, r.region, r.side);
  // The same area named twice is one area.
  std::vector<core::RegionSide> distinct;
  for (const auto& r : entry.regions)
    if (std::find(distinct.begin(), distinct.end(), r) == distinct.end()) distinct.push_back(r);
  entry.regions = std::move(distinct);
  FASCIA_TRY(validate_clearance(kb, entry, today));
  return store.add_clearance(entry);
}

}  // namespace fascia::app
