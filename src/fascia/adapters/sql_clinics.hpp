// Clinics, invitations, care links and the access log in the same database
// as the journal and the accounts (tables `clinic`, `invitation`,
// `care_link`, `access_log`; SQLite version 7, PostgreSQL version 3; an
// invitation's cancellation, SQLite version 11, PostgreSQL version 7; visit
// notes in `visit_note` and `visit_note_revision`, SQLite version 10,
// PostgreSQL version 6),
// written once for both engines (sql_connection.hpp). New ids are the
// highest in the table plus one, assigned inside the write transaction (so
// ids a copy restored are followed, never reused). The names in LinkDetails
// come from the clinic and account tables; a person without an account (the
// terminal's person 1 signed in through the start-up link) has an empty name
// there. Opening: database_open.hpp (open_clinic_store, open_database).
#pragma once

#include <memory>

#include "fascia/adapters/sql_connection.hpp"
#include "fascia/app/clinic_store.hpp"

namespace fascia::adapters {

class SqlClinics : public app::ClinicStore {
 public:
  explicit SqlClinics(std::shared_ptr<sql::Connection> connection) : db_(std::move(connection)) {}

  core::Result<app::Clinic> add_clinic(const std::string& name, core::Date created) override;
  core::Result<std::vector<app::Clinic>> list_clinics() override;
  core::Result<std::optional<app::Clinic>> find_clinic(std::int64_t id) override;

  // Also invalid_argument "no clinic N" when the invitation's clinic does not exist.
  core::Result<core::Invitation> add_invitation(const core::Invitation& invitation) override;
  core::Result<core::CareLink> accept_invitation(const std::string& code_hash, const core::Actor& person,
                                                 const core::Sharing& sharing, std::int64_t now) override;
  core::Result<std::optional<app::InvitationPreview>> find_invitation(const std::string& code_hash) override;
  core::Result<std::vector<app::InvitationDetails>> invitations_of(std::int64_t practitioner_id) override;
  core::Result<app::InvitationDetails> cancel_invitation(std::int64_t id, std::int64_t practitioner_id,
                                                         std::int64_t now) override;
  core::Result<std::vector<app::LinkDetails>> links_of_person(std::int64_t person_id) override;
  core::Result<std::vector<app::LinkDetails>> links_of_practitioner(std::int64_t practitioner_id) override;
  core::Result<core::CareLink> set_sharing(std::int64_t link_id, std::int64_t person_id,
                                           const core::Sharing& sharing) override;
  core::Result<core::CareLink> revoke_link(std::int64_t link_id, std::int64_t person_id, std::int64_t now) override;

  // Also invalid_argument when `what` is longer than 200 characters or not
  // UTF-8 text, or when the entry's clinic does not exist.
  core::Result<app::AccessEntry> add_access(const app::AccessEntry& entry) override;
  core::Result<std::vector<app::AccessEntry>> add_accesses(const std::vector<app::AccessEntry>& entries) override;
  core::Result<std::vector<app::AccessEntry>> access_log(std::int64_t person_id) override;

  // Also invalid_argument when a part, the reason or the author's name is
  // over its limit (app/text_limits.hpp) or not UTF-8 text.
  core::Result<core::VisitNote> add_visit_note(const core::VisitNote& note) override;
  core::Result<core::NoteRevision> add_note_revision(std::int64_t note_id, const core::NoteRevision& revision) override;
  core::Result<std::optional<core::VisitNote>> find_visit_note(std::int64_t note_id) override;
  core::Result<std::vector<core::VisitNote>> visit_notes(std::int64_t person_id,
                                                         std::optional<std::int64_t> clinic_id) override;

  core::Result<void> restore_clinic(const app::Clinic& clinic) override;
  core::Result<void> restore_link(const core::CareLink& link) override;
  core::Result<void> restore_invitation(const core::Invitation& invitation) override;
  core::Result<void> restore_access(const app::AccessEntry& entry) override;
  core::Result<void> restore_visit_note(const core::VisitNote& note) override;

 private:
  core::Result<std::vector<app::Clinic>> select_clinics(std::string_view where, const sql::Param& key);
  core::Result<std::vector<app::LinkDetails>> select_links(std::string_view where, std::int64_t key);
  core::Result<std::vector<app::InvitationDetails>> select_invitations(std::string_view where, const sql::Param& key);
  core::Result<std::optional<core::CareLink>> live_link_of(std::int64_t link_id, std::int64_t person_id);
  core::Result<std::int64_t> next_id(std::string_view table);
  core::Result<void> require_clinic(std::int64_t clinic_id);
  core::Result<void> insert_link(const core::CareLink& link);
  core::Result<void> insert_invitation(const core::Invitation& invitation);
  core::Result<void> insert_access(const app::AccessEntry& entry);
  core::Result<void> insert_note(const core::VisitNote& note);
  core::Result<void> insert_revision(std::int64_t note_id, const core::NoteRevision& revision);
  core::Result<std::vector<core::VisitNote>> select_notes(std::string_view where, std::span<const sql::Param> keys);
  std::shared_ptr<sql::Connection> db_;
};

}  // namespace fascia::adapters
