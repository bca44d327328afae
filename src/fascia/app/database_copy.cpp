#include "fascia/app/database_copy.hpp"

#include <map>
#include <set>
#include <string>

namespace fascia::app {

using core::ErrorCode;
using core::Result;

namespace {

std::size_t entry_count(const core::PersonData& data) {
  const core::Journal& j = data.journal;
  return data.screenings.size() + j.pain.size() + j.reactions.size() + j.habits.size() + j.treatments.size() +
         j.notes.size() + j.clearances.size() + j.clinic_treatments.size();
}

std::string counted(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

Result<void> require_empty(JournalStore& to, AccountStore& to_accounts, ClinicStore& to_clinics) {
  auto people = to.people();
  if (!people) return tl::make_unexpected(people.error());
  auto accounts = to_accounts.list_accounts();
  if (!accounts) return tl::make_unexpected(accounts.error());
  auto clinics = to_clinics.list_clinics();
  if (!clinics) return tl::make_unexpected(clinics.error());
  if (people->empty() && accounts->empty() && clinics->empty()) return {};
  return core::fail(ErrorCode::invalid_argument,
                    "the destination already holds " + counted(people->size(), "person", "people") + ", " +
                        counted(accounts->size(), "account", "accounts") + " and " +
                        counted(clinics->size(), "clinic", "clinics") + "; copy into an empty database only");
}

// Everything of the clinic store a copy moves, in id order.
struct ClinicData {
  std::vector<Clinic> clinics;
  std::map<std::int64_t, core::CareLink> links;  // by id
  std::map<std::int64_t, core::Invitation> invitations;  // by id, every state
  std::map<std::int64_t, AccessEntry> accesses;  // by id
  std::map<std::int64_t, core::VisitNote> notes;  // by id, with every revision
  bool operator==(const ClinicData&) const = default;
};

// The clinic store has no "every link" query: the links are those of every
// person with data or an account, and those every account holds as a
// practitioner; the access log is that of each of those people and of every
// linked person, and so are the visit notes (a note is written through a link).
Result<ClinicData> read_clinic_data(ClinicStore& clinics, const std::vector<std::int64_t>& people,
                                    const std::vector<Account>& accounts) {
  ClinicData data;
  auto listed = clinics.list_clinics();
  if (!listed) return tl::make_unexpected(listed.error());
  data.clinics = std::move(*listed);
  std::set<std::int64_t> persons(people.begin(), people.end());
  for (const Account& account : accounts) persons.insert(account.person_id);
  const auto add_links = [&](const Result<std::vector<LinkDetails>>& links) -> Result<void> {
    if (!links) return tl::make_unexpected(links.error());
    for (const LinkDetails& details : *links) data.links.emplace(details.link.id, details.link);
    return {};
  };
  for (const std::int64_t person : persons) FASCIA_TRY(add_links(clinics.links_of_person(person)));
  for (const Account& account : accounts) FASCIA_TRY(add_links(clinics.links_of_practitioner(account.person_id)));
  for (const auto& [id, link] : data.links) persons.insert(link.person_id);
  // An invitation is made by a practitioner's account.
  for (const Account& account : accounts) {
    auto invitations = clinics.invitations_of(account.person_id);
    if (!invitations) return tl::make_unexpected(invitations.error());
    for (const InvitationDetails& details : *invitations)
      data.invitations.emplace(details.invitation.id, details.invitation);
  }
  for (const std::int64_t person : persons) {
    auto log = clinics.access_log(person);
    if (!log) return tl::make_unexpected(log.error());
    for (const AccessEntry& entry : *log) data.accesses.emplace(entry.id, entry);
    auto notes = clinics.visit_notes(person, std::nullopt);
    if (!notes) return tl::make_unexpected(notes.error());
    for (core::VisitNote& note : *notes) data.notes.emplace(note.id, std::move(note));
  }
  return data;
}

}  // namespace

Result<CopyReport> copy_database(JournalStore& from, AccountStore& from_accounts, ClinicStore& from_clinics,
                                 DirectoryStore& from_directory, JournalStore& to, AccountStore& to_accounts,
                                 ClinicStore& to_clinics, DirectoryStore& to_directory) {
  FASCIA_TRY(require_empty(to, to_accounts, to_clinics));
  auto existing_listings = to_directory.all_listings();
  if (!existing_listings) return tl::make_unexpected(existing_listings.error());
  if (!existing_listings->empty())
    return core::fail(ErrorCode::invalid_argument, "the destination already holds " +
                                                       counted(existing_listings->size(), "listing", "listings") +
                                                       "; copy into an empty database only");
  auto listings = from_directory.all_listings();
  if (!listings) return tl::make_unexpected(listings.error());
  auto people = from.people();
  if (!people) return tl::make_unexpected(people.error());
  auto accounts = from_accounts.list_accounts();
  if (!accounts) return tl::make_unexpected(accounts.error());
  auto clinic_data = read_clinic_data(from_clinics, *people, *accounts);
  if (!clinic_data) return tl::make_unexpected(clinic_data.error());

  CopyReport report;
  {
    auto batch = to.begin_batch();
    if (!batch) return tl::make_unexpected(batch.error());
    // Clinics first: accounts, links and log entries name them.
    for (const Clinic& clinic : clinic_data->clinics) FASCIA_TRY(to_clinics.restore_clinic(clinic));
    report.clinics = clinic_data->clinics.size();
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
    for (const auto& [id, link] : clinic_data->links) FASCIA_TRY(to_clinics.restore_link(link));
    report.links = clinic_data->links.size();
    for (const auto& [id, invitation] : clinic_data->invitations) FASCIA_TRY(to_clinics.restore_invitation(invitation));
    report.invitations = clinic_data->invitations.size();
    for (const auto& [id, entry] : clinic_data->accesses) FASCIA_TRY(to_clinics.restore_access(entry));
    report.accesses = clinic_data->accesses.size();
    for (const auto& [id, note] : clinic_data->notes) FASCIA_TRY(to_clinics.restore_visit_note(note));
    report.notes = clinic_data->notes.size();
    // After the accounts: a practitioner's own listing names theirs.
    for (const core::Listing& listing : *listings) FASCIA_TRY(to_directory.restore_listing(listing));
    report.listings = listings->size();
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
  auto copied_clinic_data = read_clinic_data(to_clinics, *people, *accounts);
  if (!copied_clinic_data) return tl::make_unexpected(copied_clinic_data.error());
  if (*copied_clinic_data != *clinic_data)
    return core::fail(ErrorCode::db_error,
                      "the copied clinics, care links, access log or visit notes read back different");
  auto copied_listings = to_directory.all_listings();
  if (!copied_listings) return tl::make_unexpected(copied_listings.error());
  if (*copied_listings != *listings) return core::fail(ErrorCode::db_error, "the copied listings read back different");
  return report;
}

}  // namespace fascia::app
