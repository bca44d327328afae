// The port for clinics and care links (issue 10): clinics, the invitations
// practitioners give clients, the links clients accepted (with what each
// shares), the access log of every read or write of a person's data by
// someone else, and the clinics' visit notes with every revision. It lives in the same database as the journal and the
// accounts. Times are Unix seconds, passed in. Same durability contract as
// JournalStore: a write returns only once it is durable. Not thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fascia/core/care_access.hpp"
#include "fascia/core/dates.hpp"
#include "fascia/core/error.hpp"
#include "fascia/core/visit_note.hpp"

namespace fascia::app {

struct Clinic {
  std::int64_t id = 0;
  std::string name;  // 1-80 characters, unique
  core::Date created{};
  bool operator==(const Clinic&) const = default;
};

// A link with the names people see: the clinic's, and the accounts' of the
// practitioner and the client; and whether the practitioner's account is
// still active (a client whose practitioner left sees it, ADR 0021).
struct LinkDetails {
  core::CareLink link;
  std::string clinic_name;
  std::string practitioner_name;
  std::string person_name;
  core::AccountState practitioner_state = core::AccountState::active;
  bool operator==(const LinkDetails&) const = default;
};

// An invitation as its practitioner sees it: the account name of who
// accepted it (empty while unused, or for a person without an account).
// Never the code: only its hash is kept.
struct InvitationDetails {
  core::Invitation invitation;
  std::string accepted_by;
  bool operator==(const InvitationDetails&) const = default;
};

// An invitation as the person holding its code may see it before accepting:
// whose it is and where, so they know whom they would share with.
struct InvitationPreview {
  core::Invitation invitation;
  std::string practitioner_name;  // their account name ('' if the account is gone)
  std::string clinic_name;
  bool operator==(const InvitationPreview&) const = default;
};

// One read or write of a person's data by someone other than the person.
struct AccessEntry {
  std::int64_t id = 0;
  std::int64_t person_id = 0;  // whose data
  std::int64_t at = 0;         // Unix seconds
  std::int64_t actor_id = 0;   // who: their person id
  std::string actor_name;      // and account name, as it was then
  core::Role actor_role = core::Role::practitioner;
  std::optional<std::int64_t> clinic_id;  // the actor's clinic
  core::AccessKind kind = core::AccessKind::read;
  core::CareArea area = core::CareArea::link;
  std::string what;  // what was done, e.g. "read the journal" (at most 200 characters)
  bool operator==(const AccessEntry&) const = default;
};

class ClinicStore {
 public:
  virtual ~ClinicStore() = default;

  // invalid_argument when the name is taken (or not 1-80 characters).
  virtual core::Result<Clinic> add_clinic(const std::string& name, core::Date created) = 0;
  virtual core::Result<std::vector<Clinic>> list_clinics() = 0;  // by id
  virtual core::Result<std::optional<Clinic>> find_clinic(std::int64_t id) = 0;

  // Stores a new invitation; its id is assigned. invalid_argument when the
  // code hash is already held.
  virtual core::Result<core::Invitation> add_invitation(const core::Invitation& invitation) = 0;
  // Accepts an invitation in one write transaction: not_found when no
  // invitation has that code hash; precondition with
  // core::invitation_refusal's words when it may not be accepted; else marks
  // it used and makes a link to its practitioner and clinic with `sharing`
  // — or, when the person already has a live link to that practitioner in
  // that clinic, gives it the new sharing — and returns the link.
  virtual core::Result<core::CareLink> accept_invitation(const std::string& code_hash, const core::Actor& person,
                                                         const core::Sharing& sharing, std::int64_t now) = 0;
  // The invitation with that code hash, with its practitioner's and
  // clinic's names; nullopt when there is none. Reads only.
  virtual core::Result<std::optional<InvitationPreview>> find_invitation(const std::string& code_hash) = 0;
  // Every invitation practitioner `practitioner_id` made, newest first.
  virtual core::Result<std::vector<InvitationDetails>> invitations_of(std::int64_t practitioner_id) = 0;
  // Cancels invitation `id` of practitioner `practitioner_id` at `now`, in
  // one write transaction, and returns it. not_found unless it is theirs;
  // precondition, naming its state, unless it is open
  // (core::invitation_state: not used, cancelled or expired).
  virtual core::Result<InvitationDetails> cancel_invitation(std::int64_t id, std::int64_t practitioner_id,
                                                            std::int64_t now) = 0;
  // Every link of a person, live and revoked, oldest first.
  virtual core::Result<std::vector<LinkDetails>> links_of_person(std::int64_t person_id) = 0;
  // Every link a practitioner holds, live and revoked, oldest first.
  virtual core::Result<std::vector<LinkDetails>> links_of_practitioner(std::int64_t practitioner_id) = 0;
  // Changes what a live link of the person shares. not_found unless link_id
  // is a live link of person_id.
  virtual core::Result<core::CareLink> set_sharing(std::int64_t link_id, std::int64_t person_id,
                                                   const core::Sharing& sharing) = 0;
  // Ends a live link of the person at `now`. not_found unless link_id is a
  // live link of person_id.
  virtual core::Result<core::CareLink> revoke_link(std::int64_t link_id, std::int64_t person_id,
                                                   std::int64_t now) = 0;

  // Records one access; durable when it returns.
  virtual core::Result<AccessEntry> add_access(const AccessEntry& entry) = 0;
  // Records several accesses in one transaction, all or none (one view that
  // reads many clients, e.g. the monitoring list); durable when it returns.
  // The entries as stored, with their ids, in the given order.
  virtual core::Result<std::vector<AccessEntry>> add_accesses(const std::vector<AccessEntry>& entries) = 0;
  // The person's access log, newest first.
  virtual core::Result<std::vector<AccessEntry>> access_log(std::int64_t person_id) = 0;

  // Visit notes (core/visit_note.hpp). Notes are only ever added to: there
  // is no call that changes or removes a revision.
  // Stores a new note with its one revision (number 1) and returns it as
  // stored: its id assigned, its clinic's name filled in. invalid_argument
  // when the note has not exactly one revision, or its clinic does not exist.
  virtual core::Result<core::VisitNote> add_visit_note(const core::VisitNote& note) = 0;
  // Adds a revision to note `note_id`, numbered one after its latest in the
  // same write transaction (two amendments at once get two numbers), and
  // returns it with its number. not_found when there is no such note.
  virtual core::Result<core::NoteRevision> add_note_revision(std::int64_t note_id,
                                                             const core::NoteRevision& revision) = 0;
  virtual core::Result<std::optional<core::VisitNote>> find_visit_note(std::int64_t note_id) = 0;
  // The person's notes — of one clinic, or of every clinic when `clinic_id`
  // is empty — newest visit first (then newest note first), each with its
  // revisions oldest first.
  virtual core::Result<std::vector<core::VisitNote>> visit_notes(std::int64_t person_id,
                                                                 std::optional<std::int64_t> clinic_id) = 0;

  // Copying a whole database (app/database_copy): everything as it is, ids
  // kept. invalid_argument when an id is taken.
  virtual core::Result<void> restore_clinic(const Clinic& clinic) = 0;
  virtual core::Result<void> restore_link(const core::CareLink& link) = 0;
  // An invitation as it is (open, used, expired or cancelled), its code's
  // hash kept, so a code given out before the copy still works after it;
  // invalid_argument also when the hash is held.
  virtual core::Result<void> restore_invitation(const core::Invitation& invitation) = 0;
  virtual core::Result<void> restore_access(const AccessEntry& entry) = 0;
  // A note with all its revisions, numbers kept.
  virtual core::Result<void> restore_visit_note(const core::VisitNote& note) = 0;
};

}  // namespace fascia::app
