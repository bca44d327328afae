// Visit notes (issue 10, point 7): the use cases behind `fascia practice
// note|notes|amend`, `fascia notes` and /api/v1/clients/{id}/notes,
// /api/v1/notes. A practitioner holding a live link to a client writes a SOAP
// note of a visit in their clinic; the clinic's practitioners who hold a live
// link to that client read and amend the clinic's notes, never another
// clinic's; the person reads all their own notes. Every practitioner's reach
// is checked and logged first (app::reach_client, area care); a clinic
// administrator reaches none. A note is never edited in place: an amendment
// is a new revision with its reason, and every earlier one is kept. Times
// are Unix seconds, passed in.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "fascia/app/account_store.hpp"
#include "fascia/app/clinic_store.hpp"
#include "fascia/app/field_error.hpp"
#include "fascia/core/visit_note.hpp"

namespace fascia::app {

// How far back a visit may be dated when its note is written: a year.
inline constexpr int kVisitNoteDaysBack = 365;

// The parts' names as the API and the errors call them.
inline constexpr const char* kSoapParts[] = {"subjective", "objective", "assessment", "plan"};

// Checks a note's text, each error naming its field: every part UTF-8 text
// within kSoapPartLimit ("subjective", "objective", "assessment", "plan";
// invalid_argument or out_of_range), and at least one part not blank
// (invalid_argument, field "subjective", the message naming all four).
FieldResult<void> check_soap(const core::Soap& text);
// A visit date not after `today` and at most kVisitNoteDaysBack days before
// it (bad_date, field "date").
FieldResult<void> check_visit_date(core::Date date, core::Date today);

// Writes a new note: checks the date and text (nothing logged or stored on
// a refusal), reaches the client (kind write, "wrote a visit note"), then
// stores it in the link's clinic with the practitioner as author of revision
// 1. The note as stored. Errors: the checks'; app::reach_client's (not_found
// for no live link, forbidden for an account that is not a practitioner),
// nothing stored; the store's, after the access was logged.
FieldResult<core::VisitNote> write_visit_note(ClinicStore& clinics, const Account& practitioner, std::int64_t client,
                                              core::Date visit_date, core::Soap text, std::int64_t now,
                                              core::Date today);

// The notes of the practitioner's clinic about the client, newest visit
// first, each with every revision; the reach is logged first (kind read,
// "read the visit notes"). Errors: app::reach_client's.
core::Result<std::vector<core::VisitNote>> client_visit_notes(ClinicStore& clinics, const Account& practitioner,
                                                              std::int64_t client, std::int64_t now);

// Every note about the person, of every clinic, newest visit first. The
// person's own reading: nothing is logged.
core::Result<std::vector<core::VisitNote>> own_visit_notes(ClinicStore& clinics, std::int64_t person_id);

// Amends a note: the changed parts replace the latest revision's, the rest
// are kept, and the result is a new revision with the practitioner, `now`
// and the reason; the earlier revisions stay as they were. Checked in this
// order, nothing logged or stored on a refusal: the reason not blank and
// within kAmendmentReasonLimit ("reason"); each changed part within its
// limit; app::check_reach (not_found, forbidden); the note exists, is the
// client's and of the practitioner's clinic (not_found, "note": the same
// answer for a note of another clinic as for none); the text after the
// changes not blank and different from the latest revision (an amendment
// that changes nothing is no amendment), both invalid_argument naming the
// first part given, in SOAP order (no field when no part is given). Then
// the reach is logged (kind write, "amended visit note N") and the revision
// stored. The whole note as stored.
FieldResult<core::VisitNote> amend_visit_note(ClinicStore& clinics, const Account& practitioner, std::int64_t client,
                                              std::int64_t note_id, const core::SoapChanges& changes,
                                              const std::string& reason, std::int64_t now);

}  // namespace fascia::app
