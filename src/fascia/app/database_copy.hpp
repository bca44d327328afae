// Copying a whole database between engines (issue 9): every person's data
// and every account, from a person's SQLite file into a clinic's PostgreSQL
// and back. Signed-in sessions, devices and login attempts stay behind:
// people sign in again on the new database.
#pragma once

#include <cstddef>

#include "fascia/app/account_store.hpp"
#include "fascia/app/journal_store.hpp"

namespace fascia::app {

// What a copy moved.
struct CopyReport {
  std::size_t people = 0;
  std::size_t accounts = 0;
  std::size_t sessions = 0;
  std::size_t entries = 0;  // screenings, pain scores, check-ins, habits, treatments, notes, clearances
};

// Copies every person (export_all of each, replace_all into `to`, session
// ids kept) and every account (restore_account, person ids kept) inside one
// batch of `to`: all of it or, when anything fails, nothing — when `to` and
// `to_accounts` share one connection (adapters::open_database). Then reads
// every person back from `to` and compares the export with the source's.
// Errors: invalid_argument when `to` already holds people or accounts (a copy
// fills an empty database only, so nothing there is overwritten); db_error
// when a person's data reads back different; any store error.
core::Result<CopyReport> copy_database(JournalStore& from, AccountStore& from_accounts, JournalStore& to,
                                       AccountStore& to_accounts);

}  // namespace fascia::app
