#include "fascia/adapters/sql_clinics.hpp"

#include <map>
#include <set>

#include "fascia/app/account_store.hpp"
#include "fascia/app/text_limits.hpp"

namespace fascia::adapters {

using core::ErrorCode;
using core::Result;
using sql::Access;

namespace {

// What an access entry says was done (AccessEntry::what).
constexpr app::TextLimit kAccessWhatLimit{"access 'what'", 200};

constexpr std::string_view kLinkColumns =
    "l.id, l.clinic_id, l.practitioner_id, l.person_id, l.share_journal, l.share_sessions, l.share_screening, "
    "l.created_at, l.revoked_at";

std::optional<std::int64_t> optional_int(const sql::Row& row, int column) {
  if (row.is_null(column)) return std::nullopt;
  return row.int64(column);
}

// A care_link row from kLinkColumns at columns 0-8.
core::CareLink link_from(const sql::Row& row) {
  return core::CareLink{.id = row.int64(0),
                        .clinic_id = row.int64(1),
                        .practitioner_id = row.int64(2),
                        .person_id = row.int64(3),
                        .sharing = {row.boolean(4), row.boolean(5), row.boolean(6)},
                        .created_at = row.int64(7),
                        .revoked_at = optional_int(row, 8)};
}

// A check_text refusal (too long, not UTF-8) as the invalid_argument the port promises.
Result<void> check_field(std::string_view text, const app::TextLimit& limit) {
  if (auto ok = app::check_text(text, limit); !ok) return core::fail(ErrorCode::invalid_argument, ok.error().message);
  return {};
}

// Everything a revision holds that has a limit.
Result<void> check_revision(const core::NoteRevision& r) {
  FASCIA_TRY(check_field(r.text.subjective, app::kSoapPartLimit));
  FASCIA_TRY(check_field(r.text.objective, app::kSoapPartLimit));
  FASCIA_TRY(check_field(r.text.assessment, app::kSoapPartLimit));
  FASCIA_TRY(check_field(r.text.plan, app::kSoapPartLimit));
  FASCIA_TRY(check_field(r.reason, app::kAmendmentReasonLimit));
  return check_field(r.author, app::kAccountNameLimit);
}

}  // namespace

Result<std::int64_t> SqlClinics::next_id(std::string_view table) {
  auto next = db_->query_int("SELECT coalesce(max(id), 0) + 1 FROM " + std::string(table));
  if (!next) return tl::make_unexpected(next.error());
  return next->value_or(1);
}

Result<void> SqlClinics::require_clinic(std::int64_t clinic_id) {
  auto found = db_->query_int("SELECT count(*) FROM clinic WHERE id = ?1", clinic_id);
  if (!found) return tl::make_unexpected(found.error());
  if (found->value_or(0) == 0) return core::fail(ErrorCode::invalid_argument, "no clinic " + std::to_string(clinic_id));
  return {};
}

// ---- clinics ----

Result<std::vector<app::Clinic>> SqlClinics::select_clinics(std::string_view where, const sql::Param& key) {
  const std::string sql = "SELECT id, name, created FROM clinic" +
                          (where.empty() ? std::string() : " WHERE " + std::string(where)) + " ORDER BY id";
  std::vector<app::Clinic> out;
  std::optional<core::Error> bad;
  FASCIA_TRY(db_->query(sql, std::span<const sql::Param>(&key, where.empty() ? 0 : 1), [&](const sql::Row& row) {
    auto created = core::parse_date(row.text(2));
    if (!created && !bad)
      bad = core::Error{ErrorCode::db_corrupt, db_->name() + " is damaged: clinic holds date '" + row.text(2) + "'"};
    out.push_back({row.int64(0), row.text(1), created.value_or(core::Date{})});
  }));
  if (bad) return tl::make_unexpected(*bad);
  return out;
}

Result<app::Clinic> SqlClinics::add_clinic(const std::string& name, core::Date created) {
  FASCIA_TRY(app::validate_clinic_name(name));
  auto txn = db_->begin(Access::write);
  if (!txn) return tl::make_unexpected(txn.error());
  auto taken = db_->query_int("SELECT count(*) FROM clinic WHERE name = ?1", name);
  if (!taken) return tl::make_unexpected(taken.error());
  if (taken->value_or(0) > 0) return core::fail(ErrorCode::invalid_argument, "clinic '" + name + "' already exists");
  auto id = next_id("clinic");
  if (!id) return tl::make_unexpected(id.error());
  const app::Clinic clinic{*id, name, created};
  FASCIA_TRY(db_->run("INSERT INTO clinic (id, name, created) VALUES (?1, ?2, ?3)", clinic.id, clinic.name,
                      core::format_date(created)));
  FASCIA_TRY(txn->commit());
  return clinic;
}

Result<std::vector<app::Clinic>> SqlClinics::list_clinics() { return select_clinics("", nullptr); }

Result<std::optional<app::Clinic>> SqlClinics::find_clinic(std::int64_t id) {
  auto rows = select_clinics("id = ?1", id);
  if (!rows) return tl::make_unexpected(rows.error());
  if (rows->empty()) return std::optional<app::Clinic>{};
  return rows->front();
}

Result<void> SqlClinics::restore_clinic(const app::Clinic& clinic) {
  if (clinic.id <= 0) return core::fail(ErrorCode::invalid_argument, "clinic ids are positive");
  FASCIA_TRY(app::validate_clinic_name(clinic.name));
  auto txn = db_->begin(Access::write);
  if (!txn) return tl::make_unexpected(txn.error());
  auto taken = db_->query_int("SELECT count(*) FROM clinic WHERE id = ?1 OR name = ?2", clinic.id, clinic.name);
  if (!taken) return tl::make_unexpected(taken.error());
  if (taken->value_or(0) > 0)
    return core::fail(ErrorCode::invalid_argument,
                      "clinic " + std::to_string(clinic.id) + " or '" + clinic.name + "' already exists");
  FASCIA_TRY(db_->run("INSERT INTO clinic (id, name, created) VALUES (?1, ?2, ?3)", clinic.id, clinic.name,
                      core::format_date(clinic.created)));
  return txn->commit();
}

// ---- invitations ----

Result<core::Invitation> SqlClinics::add_invitation(const core::Invitation& invitation) {
  auto txn = db_->begin(Access::write);
  if (!txn) return tl::make_unexpected(txn.error());
  auto held = db_->query_int("SELECT count(*) FROM invitation WHERE code_hash = ?1", invitation.code_hash);
  if (!held) return tl::make_unexpected(held.error());
  if (held->value_or(0) > 0)
    return core::fail(ErrorCode::invalid_argument, "an invitation already holds that code; make a new code");
  FASCIA_TRY(require_clinic(invitation.clinic_id));
  auto id = next_id("invitation");
  if (!id) return tl::make_unexpected(id.error());
  core::Invitation stored = invitation;
  stored.id = *id;
  FASCIA_TRY(insert_invitation(stored));
  FASCIA_TRY(txn->commit());
  return stored;
}

Result<void> SqlClinics::insert_invitation(const core::Invitation& i) {
  return db_->run(
      "INSERT INTO invitation (id, code_hash, clinic_id, practitioner_id, created_at, expires_at, used_at, "
      "used_by, cancelled_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
      i.id, i.code_hash, i.clinic_id, i.practitioner_id, i.created_at, i.expires_at, i.used_at, i.used_by,
      i.cancelled_at);
}

Result<void> SqlClinics::restore_invitation(const core::Invitation& invitation) {
  if (invitation.id <= 0) return core::fail(ErrorCode::invalid_argument, "invitation ids are positive");
  auto txn = db_->begin(Access::write);
  if (!txn) return tl::make_unexpected(txn.error());
  auto taken = db_->query_int("SELECT count(*) FROM invitation WHERE id = ?1 OR code_hash = ?2", invitation.id,
                              invitation.code_hash);
  if (!taken) return tl::make_unexpected(taken.error());
  if (taken->value_or(0) > 0)
    return core::fail(ErrorCode::invalid_argument,
                      "invitation " + std::to_string(invitation.id) + " or its code already exists");
  FASCIA_TRY(require_clinic(invitation.clinic_id));
  FASCIA_TRY(insert_invitation(invitation));
  return txn->commit();
}

Result<std::vector<app::InvitationDetails>> SqlClinics::select_invitations(std::string_view where,
                                                                           const sql::Param& key) {
  std::vector<app::InvitationDetails> out;
  const sql::Param keys[] = {key};
  FASCIA_TRY(db_->query(
      "SELECT i.id, i.code_hash, i.clinic_id, i.practitioner_id, i.created_at, i.expires_at, i.used_at, i.used_by, "
      "i.cancelled_at, coalesce(a.name, '') FROM invitation i LEFT JOIN account a ON a.person_id = i.used_by WHERE " +
          std::string(where) + " ORDER BY i.created_at DESC, i.id DESC",
      keys, [&](const sql::Row& row) {
        out.push_back({core::Invitation{.id = row.int64(0),
                                        .code_hash = row.text(1),
                                        .clinic_id = row.int64(2),
                                        .practitioner_id = row.int64(3),
                                        .created_at = row.int64(4),
                                        .expires_at = row.int64(5),
                                        .used_at = optional_int(row, 6),
                                        .used_by = optional_int(row, 7),
                                        .cancelled_at = optional_int(row, 8)},
                       row.text(9)});
      }));
  return out;
}

Result<std::optional<app::InvitationPreview>> SqlClinics::find_invitation(const std::string& code_hash) {
  auto found = select_invitations("i.code_hash = ?1", code_hash);
  if (!found) return tl::make_unexpected(found.error());
  if (found->empty()) return std::optional<app::InvitationPreview>{};
  app::InvitationPreview out{found->front().invitation, {}, {}};
  FASCIA_TRY(db_->each_row(
      "SELECT c.name, coalesce(a.name, '') FROM clinic c LEFT JOIN account a ON a.person_id = ?2 WHERE c.id = ?1",
      [&](const sql::Row& row) {
        out.clinic_name = row.text(0);
        out.practitioner_name = row.text(1);
      },
      out.invitation.clinic_id, out.invitation.practitioner_id));
  return std::optional<app::InvitationPreview>{std::move(out)};
}

Result<std::vector<app::InvitationDetails>> SqlClinics::invitations_of(std::int64_t practitioner_id) {
  return select_invitations("i.practitioner_id = ?1", practitioner_id);
}

Result<app::InvitationDetails> SqlClinics::cancel_invitation(std::int64_t id, std::int64_t practitioner_id,
                                                             std::int64_t now) {
  // Read, decide and write in one write transaction: a client accepting the
  // code at the same moment either comes first (used: not cancelled) or
  // finds it cancelled.
  auto txn = db_->begin(Access::write);
  if (!txn) return tl::make_unexpected(txn.error());
  auto found = select_invitations("i.id = ?1", id);
  if (!found) return tl::make_unexpected(found.error());
  if (found->empty() || found->front().invitation.practitioner_id != practitioner_id)
    return core::fail(ErrorCode::not_found, "no invitation " + std::to_string(id) + " of yours");
  app::InvitationDetails details = found->front();
  if (const auto state = core::invitation_state(details.invitation, now); state != core::InvitationState::open)
    return core::fail(ErrorCode::precondition, "invitation " + std::to_string(id) + " is already " +
                                                   std::string(core::to_string(state)) +
                                                   "; only an open one is cancelled");
  FASCIA_TRY(db_->run("UPDATE invitation SET cancelled_at = ?1 WHERE id = ?2", now, id));
  FASCIA_TRY(txn->commit());
  details.invitation.cancelled_at = now;
  return details;
}

Result<core::CareLink> SqlClinics::accept_invitation(const std::string& code_hash, const core::Actor& person,
                                                     const core::Sharing& sharing, std::int64_t now) {
  // Read, decide and write in one write transaction: two people accepting
  // one code at once are serialised, and only the first gets a link.
  auto txn = db_->begin(Access::write);
  if (!txn) return tl::make_unexpected(txn.error());
  auto invitations = select_invitations("i.code_hash = ?1", code_hash);
  if (!invitations) return tl::make_unexpected(invitations.error());
  if (invitations->empty()) return core::fail(ErrorCode::not_found, "no invitation with that code");
  const core::Invitation& found = invitations->front().invitation;
  if (auto refusal = core::invitation_refusal(found, person, now)) return core::fail(ErrorCode::precondition, *refusal);
  FASCIA_TRY(
      db_->run("UPDATE invitation SET used_at = ?1, used_by = ?2 WHERE id = ?3", now, person.person_id, found.id));

  // A person who accepts a second invitation from the same practitioner in
  // the same clinic keeps one link, with the sharing just chosen.
  std::optional<core::CareLink> live;
  FASCIA_TRY(db_->each_row(
      "SELECT " + std::string(kLinkColumns) +
          " FROM care_link l WHERE l.clinic_id = ?1 AND l.practitioner_id = ?2 AND l.person_id = ?3 "
          "AND l.revoked_at IS NULL ORDER BY l.id",
      [&](const sql::Row& row) {
        if (!live) live = link_from(row);
      },
      found.clinic_id, found.practitioner_id, person.person_id));
  core::CareLink link;
  if (live) {
    link = *live;
    link.sharing = sharing;
    FASCIA_TRY(
        db_->run("UPDATE care_link SET share_journal = ?1, share_sessions = ?2, share_screening = ?3 WHERE id = ?4",
                 sharing.journal, sharing.sessions, sharing.screening, link.id));
  } else {
    auto id = next_id("care_link");
    if (!id) return tl::make_unexpected(id.error());
    link = core::CareLink{.id = *id,
                          .clinic_id = found.clinic_id,
                          .practitioner_id = found.practitioner_id,
                          .person_id = person.person_id,
                          .sharing = sharing,
                          .created_at = now,
                          .revoked_at = std::nullopt};
    FASCIA_TRY(insert_link(link));
  }
  FASCIA_TRY(txn->commit());
  return link;
}

// ---- links ----

Result<void> SqlClinics::insert_link(const core::CareLink& link) {
  return db_->run(
      "INSERT INTO care_link (id, clinic_id, practitioner_id, person_id, share_journal, share_sessions, "
      "share_screening, created_at, revoked_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
      link.id, link.clinic_id, link.practitioner_id, link.person_id, link.sharing.journal, link.sharing.sessions,
      link.sharing.screening, link.created_at, link.revoked_at);
}

Result<std::vector<app::LinkDetails>> SqlClinics::select_links(std::string_view where, std::int64_t key) {
  std::vector<app::LinkDetails> out;
  FASCIA_TRY(db_->each_row(
      "SELECT " + std::string(kLinkColumns) +
          ", c.name, coalesce(p.name, ''), coalesce(q.name, ''), p.deactivated_at FROM care_link l "
          "JOIN clinic c ON c.id = l.clinic_id "
          "LEFT JOIN account p ON p.person_id = l.practitioner_id "
          "LEFT JOIN account q ON q.person_id = l.person_id WHERE " +
          std::string(where) + " ORDER BY l.id",
      [&](const sql::Row& row) {
        out.push_back({link_from(row), row.text(9), row.text(10), row.text(11),
                       row.is_null(12) ? core::AccountState::active : core::AccountState::deactivated});
      },
      key));
  return out;
}

Result<std::vector<app::LinkDetails>> SqlClinics::links_of_person(std::int64_t person_id) {
  return select_links("l.person_id = ?1", person_id);
}

Result<std::vector<app::LinkDetails>> SqlClinics::links_of_practitioner(std::int64_t practitioner_id) {
  return select_links("l.practitioner_id = ?1", practitioner_id);
}

Result<std::optional<core::CareLink>> SqlClinics::live_link_of(std::int64_t link_id, std::int64_t person_id) {
  std::optional<core::CareLink> link;
  FASCIA_TRY(db_->each_row(
      "SELECT " + std::string(kLinkColumns) +
          " FROM care_link l WHERE l.id = ?1 AND l.person_id = ?2 AND l.revoked_at IS NULL",
      [&](const sql::Row& row) { link = link_from(row); }, link_id, person_id));
  return link;
}

Result<core::CareLink> SqlClinics::set_sharing(std::int64_t link_id, std::int64_t person_id,
                                               const core::Sharing& sharing) {
  auto txn = db_->begin(Access::write);
  if (!txn) return tl::make_unexpected(txn.error());
  auto link = live_link_of(link_id, person_id);
  if (!link) return tl::make_unexpected(link.error());
  if (!*link) return core::fail(ErrorCode::not_found, "no live link " + std::to_string(link_id) + " of yours");
  FASCIA_TRY(
      db_->run("UPDATE care_link SET share_journal = ?1, share_sessions = ?2, share_screening = ?3 WHERE id = ?4",
               sharing.journal, sharing.sessions, sharing.screening, link_id));
  FASCIA_TRY(txn->commit());
  (*link)->sharing = sharing;
  return **link;
}

Result<core::CareLink> SqlClinics::revoke_link(std::int64_t link_id, std::int64_t person_id, std::int64_t now) {
  auto txn = db_->begin(Access::write);
  if (!txn) return tl::make_unexpected(txn.error());
  auto link = live_link_of(link_id, person_id);
  if (!link) return tl::make_unexpected(link.error());
  if (!*link) return core::fail(ErrorCode::not_found, "no live link " + std::to_string(link_id) + " of yours");
  FASCIA_TRY(db_->run("UPDATE care_link SET revoked_at = ?1 WHERE id = ?2", now, link_id));
  FASCIA_TRY(txn->commit());
  (*link)->revoked_at = now;
  return **link;
}

Result<void> SqlClinics::restore_link(const core::CareLink& link) {
  if (link.id <= 0) return core::fail(ErrorCode::invalid_argument, "link ids are positive");
  auto txn = db_->begin(Access::write);
  if (!txn) return tl::make_unexpected(txn.error());
  auto taken = db_->query_int("SELECT count(*) FROM care_link WHERE id = ?1", link.id);
  if (!taken) return tl::make_unexpected(taken.error());
  if (taken->value_or(0) > 0)
    return core::fail(ErrorCode::invalid_argument, "link " + std::to_string(link.id) + " already exists");
  FASCIA_TRY(require_clinic(link.clinic_id));
  FASCIA_TRY(insert_link(link));
  return txn->commit();
}

// ---- the access log ----

Result<void> SqlClinics::insert_access(const app::AccessEntry& entry) {
  return db_->run(
      "INSERT INTO access_log (id, person_id, at, actor_id, actor_name, actor_role, clinic_id, kind, area, what) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
      entry.id, entry.person_id, entry.at, entry.actor_id, entry.actor_name, core::to_string(entry.actor_role),
      entry.clinic_id, core::to_string(entry.kind), core::to_string(entry.area), entry.what);
}

Result<app::AccessEntry> SqlClinics::add_access(const app::AccessEntry& entry) {
  FASCIA_TRY(check_field(entry.what, kAccessWhatLimit));
  auto txn = db_->begin(Access::write);
  if (!txn) return tl::make_unexpected(txn.error());
  if (entry.clinic_id) FASCIA_TRY(require_clinic(*entry.clinic_id));
  auto id = next_id("access_log");
  if (!id) return tl::make_unexpected(id.error());
  app::AccessEntry stored = entry;
  stored.id = *id;
  FASCIA_TRY(insert_access(stored));
  FASCIA_TRY(txn->commit());
  return stored;
}

Result<std::vector<app::AccessEntry>> SqlClinics::add_accesses(const std::vector<app::AccessEntry>& entries) {
  for (const auto& entry : entries) FASCIA_TRY(check_field(entry.what, kAccessWhatLimit));
  std::vector<app::AccessEntry> stored;
  if (entries.empty()) return stored;
  auto txn = db_->begin(Access::write);
  if (!txn) return tl::make_unexpected(txn.error());
  std::set<std::int64_t> clinics_checked;
  auto id = next_id("access_log");
  if (!id) return tl::make_unexpected(id.error());
  for (const auto& entry : entries) {
    if (entry.clinic_id && clinics_checked.insert(*entry.clinic_id).second)
      FASCIA_TRY(require_clinic(*entry.clinic_id));
    stored.push_back(entry);
    stored.back().id = (*id)++;
    FASCIA_TRY(insert_access(stored.back()));
  }
  FASCIA_TRY(txn->commit());
  return stored;
}

Result<std::vector<app::AccessEntry>> SqlClinics::access_log(std::int64_t person_id) {
  std::vector<app::AccessEntry> out;
  std::optional<core::Error> bad;
  const auto damaged = [&](const std::string& what) {
    if (!bad) bad = core::Error{ErrorCode::db_corrupt, db_->name() + " is damaged: access_log holds " + what};
  };
  FASCIA_TRY(db_->each_row(
      "SELECT id, person_id, at, actor_id, actor_name, actor_role, clinic_id, kind, area, what FROM access_log "
      "WHERE person_id = ?1 ORDER BY at DESC, id DESC",
      [&](const sql::Row& row) {
        const std::string role_text = row.text(5), kind_text = row.text(7), area_text = row.text(8);
        const auto role = core::parse_role(role_text);
        if (!role || role_text != core::to_string(*role)) damaged("role '" + role_text + "'");
        if (kind_text != "read" && kind_text != "write") damaged("kind '" + kind_text + "'");
        const auto area = core::parse_care_area(area_text);
        if (!area) damaged("area '" + area_text + "'");
        out.push_back({.id = row.int64(0),
                       .person_id = row.int64(1),
                       .at = row.int64(2),
                       .actor_id = row.int64(3),
                       .actor_name = row.text(4),
                       .actor_role = role.value_or(core::Role::person),
                       .clinic_id = optional_int(row, 6),
                       .kind = kind_text == "write" ? core::AccessKind::write : core::AccessKind::read,
                       .area = area.value_or(core::CareArea::link),
                       .what = row.text(9)});
      },
      person_id));
  if (bad) return tl::make_unexpected(*bad);
  return out;
}

Result<void> SqlClinics::restore_access(const app::AccessEntry& entry) {
  if (entry.id <= 0) return core::fail(ErrorCode::invalid_argument, "access log ids are positive");
  FASCIA_TRY(check_field(entry.what, kAccessWhatLimit));
  auto txn = db_->begin(Access::write);
  if (!txn) return tl::make_unexpected(txn.error());
  auto taken = db_->query_int("SELECT count(*) FROM access_log WHERE id = ?1", entry.id);
  if (!taken) return tl::make_unexpected(taken.error());
  if (taken->value_or(0) > 0)
    return core::fail(ErrorCode::invalid_argument, "access log entry " + std::to_string(entry.id) + " already exists");
  if (entry.clinic_id) FASCIA_TRY(require_clinic(*entry.clinic_id));
  FASCIA_TRY(insert_access(entry));
  return txn->commit();
}

// ---- visit notes ----

Result<void> SqlClinics::insert_note(const core::VisitNote& note) {
  return db_->run("INSERT INTO visit_note (id, person_id, clinic_id, visit_date) VALUES (?1, ?2, ?3, ?4)", note.id,
                  note.person_id, note.clinic_id, core::format_date(note.visit_date));
}

Result<void> SqlClinics::insert_revision(std::int64_t note_id, const core::NoteRevision& r) {
  return db_->run(
      "INSERT INTO visit_note_revision (note_id, number, author_id, author, at, subjective, objective, assessment, "
      "plan, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
      note_id, r.number, r.author_id, r.author, r.at, r.text.subjective, r.text.objective, r.text.assessment,
      r.text.plan, r.reason);
}

Result<core::VisitNote> SqlClinics::add_visit_note(const core::VisitNote& note) {
  if (note.revisions.size() != 1)
    return core::fail(ErrorCode::invalid_argument, "a new visit note has exactly one revision");
  FASCIA_TRY(check_revision(note.revisions.front()));
  auto txn = db_->begin(Access::write);
  if (!txn) return tl::make_unexpected(txn.error());
  FASCIA_TRY(require_clinic(note.clinic_id));
  auto id = next_id("visit_note");
  if (!id) return tl::make_unexpected(id.error());
  core::VisitNote stored = note;
  stored.id = *id;
  stored.revisions.front().number = 1;
  FASCIA_TRY(insert_note(stored));
  FASCIA_TRY(insert_revision(stored.id, stored.revisions.front()));
  FASCIA_TRY(db_->each_row(
      "SELECT name FROM clinic WHERE id = ?1", [&](const sql::Row& row) { stored.clinic_name = row.text(0); },
      stored.clinic_id));
  FASCIA_TRY(txn->commit());
  return stored;
}

Result<core::NoteRevision> SqlClinics::add_note_revision(std::int64_t note_id, const core::NoteRevision& revision) {
  FASCIA_TRY(check_revision(revision));
  auto txn = db_->begin(Access::write);
  if (!txn) return tl::make_unexpected(txn.error());
  auto last = db_->query_int("SELECT max(number) FROM visit_note_revision WHERE note_id = ?1", note_id);
  if (!last) return tl::make_unexpected(last.error());
  if (!*last) return core::fail(ErrorCode::not_found, "no visit note " + std::to_string(note_id));
  core::NoteRevision stored = revision;
  stored.number = static_cast<int>(**last) + 1;
  FASCIA_TRY(insert_revision(note_id, stored));
  FASCIA_TRY(txn->commit());
  return stored;
}

Result<std::vector<core::VisitNote>> SqlClinics::select_notes(std::string_view where,
                                                              std::span<const sql::Param> keys) {
  auto txn = db_->begin(Access::read);
  if (!txn) return tl::make_unexpected(txn.error());
  std::vector<core::VisitNote> notes;
  std::map<std::int64_t, std::size_t> index;  // note id -> position in notes
  std::optional<core::Error> bad;
  FASCIA_TRY(db_->query(
      "SELECT n.id, n.person_id, n.clinic_id, c.name, n.visit_date FROM visit_note n JOIN clinic c ON c.id = "
      "n.clinic_id WHERE " +
          std::string(where) + " ORDER BY n.visit_date DESC, n.id DESC",
      keys, [&](const sql::Row& row) {
        auto date = core::parse_date(row.text(4));
        if (!date && !bad)
          bad = core::Error{ErrorCode::db_corrupt,
                            db_->name() + " is damaged: visit_note holds date '" + row.text(4) + "'"};
        index[row.int64(0)] = notes.size();
        notes.push_back({.id = row.int64(0),
                         .person_id = row.int64(1),
                         .clinic_id = row.int64(2),
                         .clinic_name = row.text(3),
                         .visit_date = date.value_or(core::Date{}),
                         .revisions = {}});
      }));
  FASCIA_TRY(db_->query(
      "SELECT r.note_id, r.number, r.author_id, r.author, r.at, r.subjective, r.objective, r.assessment, r.plan, "
      "r.reason FROM visit_note_revision r JOIN visit_note n ON n.id = r.note_id WHERE " +
          std::string(where) + " ORDER BY r.note_id, r.number",
      keys, [&](const sql::Row& row) {
        const auto at = index.find(row.int64(0));
        if (at == index.end()) return;
        notes[at->second].revisions.push_back({.number = static_cast<int>(row.int64(1)),
                                               .author_id = row.int64(2),
                                               .author = row.text(3),
                                               .at = row.int64(4),
                                               .text = {row.text(5), row.text(6), row.text(7), row.text(8)},
                                               .reason = row.text(9)});
      }));
  if (bad) return tl::make_unexpected(*bad);
  for (const auto& note : notes)
    if (note.revisions.empty())
      return core::fail(ErrorCode::db_corrupt,
                        db_->name() + " is damaged: visit note " + std::to_string(note.id) + " has no text");
  return notes;
}

Result<std::optional<core::VisitNote>> SqlClinics::find_visit_note(std::int64_t note_id) {
  const sql::Param key = note_id;
  auto notes = select_notes("n.id = ?1", std::span<const sql::Param>(&key, 1));
  if (!notes) return tl::make_unexpected(notes.error());
  if (notes->empty()) return std::optional<core::VisitNote>{};
  return notes->front();
}

Result<std::vector<core::VisitNote>> SqlClinics::visit_notes(std::int64_t person_id,
                                                             std::optional<std::int64_t> clinic_id) {
  const std::array<sql::Param, 2> keys{person_id, clinic_id.value_or(0)};
  if (clinic_id) return select_notes("n.person_id = ?1 AND n.clinic_id = ?2", keys);
  return select_notes("n.person_id = ?1", std::span<const sql::Param>(keys.data(), 1));
}

Result<void> SqlClinics::restore_visit_note(const core::VisitNote& note) {
  if (note.id <= 0) return core::fail(ErrorCode::invalid_argument, "visit note ids are positive");
  if (note.revisions.empty()) return core::fail(ErrorCode::invalid_argument, "a visit note has at least one revision");
  for (const auto& r : note.revisions) FASCIA_TRY(check_revision(r));
  auto txn = db_->begin(Access::write);
  if (!txn) return tl::make_unexpected(txn.error());
  auto taken = db_->query_int("SELECT count(*) FROM visit_note WHERE id = ?1", note.id);
  if (!taken) return tl::make_unexpected(taken.error());
  if (taken->value_or(0) > 0)
    return core::fail(ErrorCode::invalid_argument, "visit note " + std::to_string(note.id) + " already exists");
  FASCIA_TRY(require_clinic(note.clinic_id));
  FASCIA_TRY(insert_note(note));
  for (const auto& r : note.revisions) FASCIA_TRY(insert_revision(note.id, r));
  return txn->commit();
}

}  // namespace fascia::adapters
