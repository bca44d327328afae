#include "fascia/app/care_clearance.hpp"

#include "fascia/app/care_links.hpp"
#include "fascia/app/clearance.hpp"

namespace fascia::app {

std::string practitioner_signature(const LinkDetails& link) { return link.practitioner_name + ", " + link.clinic_name; }

core::Result<core::ClearanceEntry> sign_client_clearance(const core::KnowledgeBase& kb, ClinicStore& clinics,
                                                         const Account& practitioner, std::int64_t client,
                                                         core::ClearanceEntry entry, std::int64_t now,
                                                         core::Date today) {
  // Checked before the access is logged, so that a malformed clearance
  // leaves no entry behind; the placeholder signature has the same shape.
  entry.by = practitioner.name;
  if (auto ok = validate_clearance(kb, entry, today); !ok) return tl::make_unexpected(ok.error());
  auto link = reach_client(clinics, practitioner, client, core::CareArea::care, core::AccessKind::write,
                           "recorded a clearance", now);
  if (!link) return tl::make_unexpected(link.error());
  entry.by = practitioner_signature(*link);
  entry.by_practitioner = true;
  entry.clinic_id = link->link.clinic_id;
  return entry;
}

}  // namespace fascia::app
