// Copying a whole database between engines (issue 9): every person's data,
// every account, the clinics with their care links, access log and
// visit notes (issue 10), and the finder's listings (issue 11), from a person's SQLite file into a clinic's PostgreSQL
// and back. Signed-in sessions, devices, login attempts and invitations stay behind: people sign in again on the new
// database, and a practitioner makes a new invitation for a code not yet accepted.
#pragma once

#include <cstddef>

#include "fascia/app/account_store.hpp"
#include "fascia/app/clinic_store.hpp"
#include "fascia/app/directory_store.hpp"
#include "fascia/app/journal_store.hpp"

namespace fascia::app {

// What a copy moved.
struct CopyReport {
  std::size_t people = 0;
  std::size_t accounts = 0;
  std::size_t sessions = 0;
  // Screenings, pain scores, check-ins, habits, treatments, notes, clearances, clinic treatments.
  std::size_t entries = 0;
  std::size_t clinics = 0;
  std::size_t links = 0;     // care links, live and revoked
  std::size_t invitations = 0;  // open, used, expired and cancelled
  std::size_t accesses = 0;  // access log entries
  std::size_t notes = 0;     // visit notes, each with every revision
  std::size_t listings = 0;  // the finder's listings, published or not, own and imported
};

// Copies, inside one batch of `to`, every clinic (restore_clinic, ids kept),
// every person (export_all of each, replace_all into `to`, session ids
// kept), every account (restore_account, person ids and memberships kept),
// every care link, every invitation (open ones too: a code given out still
// works after the copy), the access log and the visit notes (restore_link,
// restore_invitation, restore_access, restore_visit_note, ids and revision numbers kept): all of it or, when anything
// fails, nothing — when `to`, `to_accounts` and `to_clinics` share one connection (adapters::open_database). Links are
// found through every person with data or an account and every account's practitioner side; the access log of each of
// those people and of each linked person. Then reads everything back from the destination and compares it with the
// source. Errors: invalid_argument when `to` already holds people, accounts or clinics (a copy fills an empty database
// only, so nothing there is overwritten); db_error when anything reads back different; any store error.
// The finder's listings (issue 11) go with them, ids kept (restore_listing),
// and an empty database has none.
core::Result<CopyReport> copy_database(JournalStore& from, AccountStore& from_accounts, ClinicStore& from_clinics,
                                       DirectoryStore& from_directory, JournalStore& to, AccountStore& to_accounts,
                                       ClinicStore& to_clinics, DirectoryStore& to_directory);

}  // namespace fascia::app
