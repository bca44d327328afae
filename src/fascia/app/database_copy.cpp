#include "fascia/app/database_copy.hpp"

#include <string>

namespace fascia::app {

using core::ErrorCode;
using core::Result;

namespace {

std::size_t entry_count(const core::PersonData& data) {
  const core::Journal& j = data.journal;
  return data.screenings.size() + j.pain.size() + j.reactions.size() + j.habits.size() + j.treatments.size() +
         j.notes.size() + j.clearances.size();
}

Result<void> require_empty(JournalStore& to, AccountStore& to_accounts) {
  auto people = to.people();
  if (!people) return tl::make_unexpected(people.error());
  auto accounts = to_accounts.list_accounts();
  if (!accounts) return tl::make_unexpected(accounts.error());
  if (people->empty() && accounts->empty()) return {};
  const auto counted = [](std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  return core::fail(ErrorCode::invalid_argument,
                    "the destination already holds " + counted(people->size(), "person", "people") + " and " +
                        counted(accounts->size(), "account", "accounts") + "; copy into an empty database only");
}

}  // namespace

Result<CopyReport> copy_database(JournalStore& from, AccountStore& from_accounts, JournalStore& to,
                                 AccountStore& to_accounts) {
  FASCIA_TRY(require_empty(to, to_accounts));
  auto people = from.people();
  if (!people) return tl::make_unexpected(people.error());
  auto accounts = from_accounts.list_accounts();
  if (!accounts) return tl::make_unexpected(accounts.error());

  CopyReport report;
  {
    auto batch = to.begin_batch();
    if (!batch) return tl::make_unexpected(batch.error());
    for (const std::int64_t person : *people) {
      from.rebind(person);
      auto data = from.export_all();
      if (!data) return tl::make_unexpected(data.error());
      to.rebind(person);
      FASCIA_TRY(to.replace_all(*data));
      ++report.people;
      report.sessions += data->journal.sessions.size();
      report.entries += entry_count(*data);
    }
    for (const Account& account : *accounts) FASCIA_TRY(to_accounts.restore_account(account));
    report.accounts = accounts->size();
    FASCIA_TRY((*batch)->commit());
  }

  // Read back from the destination: the copy is done only when every export matches.
  for (const std::int64_t person : *people) {
    from.rebind(person);
    to.rebind(person);
    auto before = from.export_all();
    if (!before) return tl::make_unexpected(before.error());
    auto after = to.export_all();
    if (!after) return tl::make_unexpected(after.error());
    if (*before != *after)
      return core::fail(ErrorCode::db_error,
                        "person " + std::to_string(person) + "'s data reads back different from the copy");
  }
  auto copied_accounts = to_accounts.list_accounts();
  if (!copied_accounts) return tl::make_unexpected(copied_accounts.error());
  if (*copied_accounts != *accounts) return core::fail(ErrorCode::db_error, "the copied accounts read back different");
  return report;
}

}  // namespace fascia::app
