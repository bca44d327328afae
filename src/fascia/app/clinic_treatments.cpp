#include "fascia/app/clinic_treatments.hpp"

#include <algorithm>
#include <cassert>

#include "fascia/app/care_links.hpp"
#include "fascia/app/text_limits.hpp"
#include "fascia/app/validate.hpp"
#include "fascia/core/screening.hpp"

namespace fascia::app {

using core::ErrorCode;

namespace {

// A core error as an error about `field`.
template <class T>
FieldResult<T> about(core::Result<T> result, const std::string& field) {
  if (!result) return tl::make_unexpected(FieldError{std::move(result).error(), field});
  if constexpr (std::is_void_v<T>)
    return {};
  else
    return std::move(*result);
}

FieldResult<void> check_region_count(const core::ClinicTreatmentEntry& entry) {
  if (entry.regions.size() <= kClinicTreatmentMaxRegions) return {};
  return field_fail(ErrorCode::out_of_range,
                    "regions: at most " + std::to_string(kClinicTreatmentMaxRegions) + " areas in one treatment",
                    "regions");
}

}  // namespace

FieldResult<void> check_clinic_treatment(const core::KnowledgeBase& kb, const core::ClinicTreatmentEntry& entry,
                                         core::Date today) {
  if (!kb.treatments.count(entry.treatment))
    return field_fail(ErrorCode::unknown_name,
                      "treatment: unknown treatment '" + entry.treatment + "' (see: fascia kb list treatments)",
                      "treatment");
  if (entry.regions.empty())
    return field_fail(ErrorCode::invalid_argument, "regions: name at least one region worked", "regions");
  if (auto ok = check_region_count(entry); !ok) return ok;
  for (std::size_t i = 0; i < entry.regions.size(); ++i) {
    const std::string where = "regions[" + std::to_string(i) + "]";
    const auto& r = entry.regions[i];
    if (auto ok = validate_region_side(kb, r.region, r.side, where); !ok)
      return tl::make_unexpected(
          FieldError{ok.error(), where + (ok.error().code == ErrorCode::unknown_name ? ".region" : ".side")});
  }
  if (entry.pressure && (*entry.pressure < 0 || *entry.pressure > 10))
    return field_fail(ErrorCode::out_of_range, "pressure " + std::to_string(*entry.pressure) + " is outside 0..10",
                      "pressure");
  if (entry.minutes < 1 || entry.minutes > 240)
    return field_fail(ErrorCode::out_of_range, "minutes " + std::to_string(entry.minutes) + " is outside 1..240",
                      "minutes");
  if (auto ok = about(check_text(entry.reaction, kClinicReactionLimit), "reaction"); !ok) return ok;
  if (auto ok = about(check_text(entry.note, kClinicNoteLimit), "note"); !ok) return ok;
  return about(validate_entry_date(entry.date, today, "clinic treatment"), "date");
}

FieldResult<core::ClinicTreatmentEntry> record_clinic_treatment(const core::KnowledgeBase& kb, ClinicStore& clinics,
                                                                const ClinicTreatmentWriter& write,
                                                                const Account& practitioner, std::int64_t client,
                                                                core::ClinicTreatmentEntry entry, std::int64_t now,
                                                                core::Date today) {
  // "both" on a midline region means the whole region; an area named twice
  // is one area (counted as sent: a list past the limit is refused as it is).
  if (auto ok = check_region_count(entry); !ok) return tl::make_unexpected(ok.error());
  std::vector<core::RegionSide> distinct;
  for (auto r : entry.regions) {
    if (r.side == core::Side::both) r.side = core::normal_side(kb, r.region, r.side);
    if (std::find(distinct.begin(), distinct.end(), r) == distinct.end()) distinct.push_back(std::move(r));
  }
  entry.regions = std::move(distinct);
  if (auto ok = check_clinic_treatment(kb, entry, today); !ok) return tl::make_unexpected(ok.error());
  const core::Date earliest = core::add_days(today, -kClinicTreatmentDaysBack);
  if (entry.date < earliest)
    return field_fail(ErrorCode::bad_date,
                      "clinic treatment: date " + core::format_date(entry.date) + " is more than " +
                          std::to_string(kClinicTreatmentDaysBack) + " days ago (the earliest is " +
                          core::format_date(earliest) + ")",
                      "date");

  auto link = reach_client(clinics, practitioner, client, core::CareArea::care, core::AccessKind::write,
                           "recorded a clinic treatment", now);
  if (!link) return tl::make_unexpected(FieldError{link.error(), {}});
  entry.id = 0;
  entry.practitioner_id = practitioner.person_id;
  entry.practitioner = practitioner.name;
  entry.clinic_id = link->link.clinic_id;
  auto id = write(entry);
  if (!id) return tl::make_unexpected(FieldError{id.error(), {}});
  entry.id = *id;
  return entry;
}

FieldResult<core::ClinicTreatmentEntry> record_clinic_treatment(const core::KnowledgeBase& kb, ClinicStore& clinics,
                                                                JournalStore& client_store, const Account& practitioner,
                                                                std::int64_t client, core::ClinicTreatmentEntry entry,
                                                                std::int64_t now, core::Date today) {
  assert(client_store.person_id() == client && "the store must be bound to the client");
  return record_clinic_treatment(
      kb, clinics, [&](const core::ClinicTreatmentEntry& e) { return client_store.add_clinic_treatment(e); },
      practitioner, client, std::move(entry), now, today);
}

}  // namespace fascia::app
