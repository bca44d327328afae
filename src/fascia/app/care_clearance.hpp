// A linked practitioner clears a client of warning signs (issue 10, point
// 5): the one use case behind `fascia practice clear` and POST
// /api/v1/clients/{id}/clearances. The same clearance as the person's own
// (app/clearance.hpp: it lifts warning-sign findings raised on or before its
// date for the regions named, all when none), but recorded by the
// practitioner through their live link, logged in the client's access log,
// and signed with the practitioner's and the clinic's names so that the
// person sees who cleared what.
#pragma once

#include "fascia/app/account_store.hpp"
#include "fascia/app/clinic_store.hpp"
#include "fascia/app/journal_store.hpp"
#include "fascia/core/knowledge_base.hpp"
#include "fascia/core/person.hpp"

namespace fascia::app {

// "pat, North Physio": how a practitioner's clearance is signed.
std::string practitioner_signature(const LinkDetails& link);

// The first half of a practitioner's clearance: checks the entry
// (validate_clearance, with `by` replaced by the practitioner's signature),
// then reaches the client through app::reach_client (area care, a write:
// not_found without a live link, forbidden for anyone but a practitioner),
// which logs the access before anything is written. Returns the entry,
// signed, for the caller to store with record_clearance in the client's
// store. Two calls rather than one because the server writes the journal
// inside the client's group commit, where no other connection may write;
// the access log is written before it.
core::Result<core::ClearanceEntry> sign_client_clearance(const core::KnowledgeBase& kb, ClinicStore& clinics,
                                                         const Account& practitioner, std::int64_t client,
                                                         core::ClearanceEntry entry, std::int64_t now,
                                                         core::Date today);

}  // namespace fascia::app
