// A practitioner records what was done in clinic (issue 10, point 4): the one
// use case behind `fascia practice treat` and POST
// /api/v1/clients/{id}/treatments. The entry goes into the client's journal,
// where work of a kind that counts as a load holds home work back
// (core::TreatmentLedger); the reach into the client's data is checked and
// logged first (app::reach_client, area care, kind write).
#pragma once

#include <cstdint>
#include <functional>

#include "fascia/app/account_store.hpp"
#include "fascia/app/clinic_store.hpp"
#include "fascia/app/field_error.hpp"
#include "fascia/app/journal_store.hpp"
#include "fascia/core/knowledge_base.hpp"
#include "fascia/core/person.hpp"

namespace fascia::app {

// How far back a clinic treatment may be dated when it is recorded: a year.
// Older work no longer bears on any cap and belongs to the clinic's own records.
inline constexpr int kClinicTreatmentDaysBack = 365;
// At most this many areas in one treatment.
inline constexpr std::size_t kClinicTreatmentMaxRegions = 30;

// Checks what a practitioner entered, each error naming its field: the
// treatment a treatments.yaml id (unknown_name, "treatment"); one to 30
// areas, each a region of the knowledge base — practitioner-only ones
// included — with a side that fits it ("regions", "regions[i].region",
// "regions[i].side"); pressure 0-10 and minutes 1-240 (out_of_range); the
// reaction and note within their limits (app/text_limits.hpp); a date not
// after `today` (bad_date, "date"). The earliest date is the recording's own
// rule (record_clinic_treatment); an import checks the rest.
FieldResult<void> check_clinic_treatment(const core::KnowledgeBase& kb, const core::ClinicTreatmentEntry& entry,
                                         core::Date today);

// Stores the entry in the client's journal and returns its id: the
// terminal's store write, or the server's group commit.
using ClinicTreatmentWriter = std::function<core::Result<std::int64_t>(const core::ClinicTreatmentEntry&)>;

// Normalises the entry (a midline region's side made midline, an area named
// twice kept once), checks it (check_clinic_treatment, and a date at most
// kClinicTreatmentDaysBack days before `today`), reaches the client (logged
// as "recorded a clinic treatment"), sets who recorded it (the
// practitioner's person id and name, the link's clinic) and writes it.
// Returns the entry as stored, with its id. Errors: those of the check,
// with nothing logged or stored; those of app::reach_client (not_found for
// no live link, forbidden for an account that is not a practitioner), with
// nothing stored; the writer's, after the access was logged.
FieldResult<core::ClinicTreatmentEntry> record_clinic_treatment(const core::KnowledgeBase& kb, ClinicStore& clinics,
                                                                const ClinicTreatmentWriter& write,
                                                                const Account& practitioner, std::int64_t client,
                                                                core::ClinicTreatmentEntry entry, std::int64_t now,
                                                                core::Date today);
// The same, writing through `client_store`, which must be bound to `client`.
FieldResult<core::ClinicTreatmentEntry> record_clinic_treatment(const core::KnowledgeBase& kb, ClinicStore& clinics,
                                                                JournalStore& client_store, const Account& practitioner,
                                                                std::int64_t client, core::ClinicTreatmentEntry entry,
                                                                std::int64_t now, core::Date today);

}  // namespace fascia::app
