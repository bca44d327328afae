// The stores' side of deactivating a practitioner and cancelling an
// invitation (issue 10, points 1 and 2; ADR 0021), one suite run on SQLite
// and on the PostgreSQL cluster of FASCIA_TEST_PG: AccountStore's
// deactivate_account / reactivate_account (one transaction: the mark, the
// sessions, the open invitations; nothing else), the session check that
// refuses a deactivated account, LinkDetails' practitioner_state, and
// ClinicStore's invitations_of / cancel_invitation. And a SQLite file of
// version 10 upgrading.
#include <gtest/gtest.h>

#include "fascia/adapters/sqlite_accounts.hpp"
#include "fascia/adapters/sqlite_handle.hpp"
#include "fascia/adapters/sqlite_migrations.hpp"
#include "unit/adapters/sample_person.hpp"
#include "unit/adapters/test_database.hpp"

using namespace fascia;
using core::ErrorCode;
using fascia::testing::day;
using fascia::testing::Engine;
using fascia::testing::TempDir;
using fascia::testing::TestDatabase;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

constexpr std::int64_t kNow = 1'800'000'000;

// ana (a person, person 1), a clinic, its practitioners pat and quinn; pat's
// invitations: one ana accepted, one open, one expired, one cancelled
// earlier; quinn's: one open. pat and quinn are signed in.
struct Cast {
  explicit Cast(const TestDatabase& db) : accounts(db.accounts()), clinics(db.clinics()) {
    ana = accounts->add_account("ana", "h", day("2026-11-01"), {})->person_id;
    clinic = clinics->add_clinic("North Clinic", day("2026-11-01"))->id;
    pat = accounts->add_account("pat", "h", day("2026-11-01"), {core::Role::practitioner, clinic})->person_id;
    quinn = accounts->add_account("quinn", "h", day("2026-11-01"), {core::Role::practitioner, clinic})->person_id;
    used = invite(pat, "used", kNow + 100);
    EXPECT_TRUE(clinics->accept_invitation("used", {ana, core::Role::person, std::nullopt}, {}, kNow - 10));
    open = invite(pat, "open", kNow + 100);
    expired = invite(pat, "expired", kNow - 1);
    cancelled = invite(pat, "cancelled", kNow + 100);
    EXPECT_TRUE(clinics->cancel_invitation(cancelled, pat, kNow - 5));
    quinns = invite(quinn, "quinns", kNow + 100);
    EXPECT_TRUE(accounts->add_login_session("pat-browser", pat, kNow - 20, kNow + 1000));
    EXPECT_TRUE(accounts->add_login_session("quinn-browser", quinn, kNow - 20, kNow + 1000));
  }

  std::int64_t invite(std::int64_t practitioner, const std::string& code, std::int64_t expires_at) {
    auto made = clinics->add_invitation({.code_hash = code,
                                         .clinic_id = clinic,
                                         .practitioner_id = practitioner,
                                         .created_at = kNow - 50,
                                         .expires_at = expires_at,
                                         .used_at = std::nullopt,
                                         .used_by = std::nullopt,
                                         .cancelled_at = std::nullopt});
    EXPECT_TRUE(made) << made.error().message;
    return made ? made->id : 0;
  }

  core::Invitation invitation(std::int64_t practitioner, std::int64_t id) {
    const auto listed = clinics->invitations_of(practitioner);
    for (const auto& d : *listed)
      if (d.invitation.id == id) return d.invitation;
    ADD_FAILURE() << "no invitation " << id;
    return {};
  }

  std::unique_ptr<adapters::SqlAccounts> accounts;
  std::unique_ptr<adapters::SqlClinics> clinics;
  std::int64_t ana = 0, clinic = 0, pat = 0, quinn = 0;
  std::int64_t used = 0, open = 0, expired = 0, cancelled = 0, quinns = 0;
};

class DeactivationContract : public ::testing::TestWithParam<Engine> {};

}  // namespace

INSTANTIATE_TEST_SUITE_P(Engines, DeactivationContract, ::testing::Values(Engine::sqlite, Engine::postgresql),
                         fascia::testing::engine_name);

TEST_P(DeactivationContract, DeactivatingMarksTheAccountEndsItsSessionsAndCancelsOnlyItsOpenInvitations) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  Cast c(db);
  const auto links_of_pat = [&] {
    std::vector<core::CareLink> links;
    const auto details = c.clinics->links_of_practitioner(c.pat);
    for (const auto& d : *details) links.push_back(d.link);
    return links;
  };
  const auto links_before = links_of_pat();

  auto done = c.accounts->deactivate_account(c.pat, kNow);
  ASSERT_TRUE(done) << done.error().message;
  EXPECT_EQ(done->deactivated_at, kNow);
  EXPECT_EQ(done->state(), core::AccountState::deactivated);
  EXPECT_EQ(*c.accounts->account_of(c.pat), *done);

  EXPECT_EQ(*c.accounts->login_session_person("pat-browser", kNow + 1), std::nullopt);
  EXPECT_EQ(*c.accounts->login_session_person("quinn-browser", kNow + 1), c.quinn);

  EXPECT_EQ(c.invitation(c.pat, c.open).cancelled_at, kNow);
  EXPECT_EQ(c.invitation(c.pat, c.used).cancelled_at, std::nullopt) << "a used one made a link: it stays used";
  EXPECT_EQ(c.invitation(c.pat, c.expired).cancelled_at, std::nullopt) << "an expired one keeps its story";
  EXPECT_EQ(c.invitation(c.pat, c.cancelled).cancelled_at, kNow - 5) << "cancelled earlier: that time is kept";
  EXPECT_EQ(c.invitation(c.quinn, c.quinns).cancelled_at, std::nullopt) << "another practitioner's";

  // Nothing is deleted: the link is the same, still live, and its client
  // sees that the practitioner is no longer active.
  EXPECT_EQ(links_of_pat(), links_before);
  const auto seen = c.clinics->links_of_person(c.ana)->front();
  EXPECT_TRUE(seen.link.live());
  EXPECT_EQ(seen.practitioner_name, "pat");
  EXPECT_EQ(seen.practitioner_state, core::AccountState::deactivated);
}

TEST_P(DeactivationContract, ASessionMadeForADeactivatedAccountOpensNothingUntilItIsReactivated) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  Cast c(db);
  ASSERT_TRUE(c.accounts->deactivate_account(c.pat, kNow));
  // A login that checked the account just before it was deactivated, and
  // stores its session just after.
  ASSERT_TRUE(c.accounts->add_login_session("late-browser", c.pat, kNow + 1, kNow + 1000));
  EXPECT_EQ(*c.accounts->login_session_person("late-browser", kNow + 2), std::nullopt);
  ASSERT_TRUE(c.accounts->reactivate_account(c.pat));
  EXPECT_EQ(*c.accounts->login_session_person("late-browser", kNow + 2), c.pat);
  EXPECT_EQ(*c.accounts->login_session_person("pat-browser", kNow + 2), std::nullopt) << "ended for good";
  // A person without an account (the start-up link's person 1 on a file with none) still signs in.
  ASSERT_TRUE(c.accounts->add_login_session("nobody", 99, kNow, kNow + 1000));
  EXPECT_EQ(*c.accounts->login_session_person("nobody", kNow + 1), 99);
}

TEST_P(DeactivationContract, ReactivatingMakesTheAccountActiveAndLeavesCancelledInvitationsCancelled) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  Cast c(db);
  ASSERT_TRUE(c.accounts->deactivate_account(c.pat, kNow));
  auto back = c.accounts->reactivate_account(c.pat);
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(back->deactivated_at, std::nullopt);
  EXPECT_EQ((*c.accounts->account_of(c.pat))->state(), core::AccountState::active);
  EXPECT_EQ(c.invitation(c.pat, c.open).cancelled_at, kNow);
  EXPECT_EQ(c.clinics->links_of_person(c.ana)->front().practitioner_state, core::AccountState::active);
}

TEST_P(DeactivationContract, NoChangeToMakeIsAPreconditionAndAnUnknownAccountIsNotFound) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  Cast c(db);
  auto active = c.accounts->reactivate_account(c.pat);
  ASSERT_FALSE(active);
  EXPECT_EQ(active.error().code, ErrorCode::precondition);
  EXPECT_TRUE(contains(active.error().message, "'pat' is already active")) << active.error().message;
  ASSERT_TRUE(c.accounts->deactivate_account(c.pat, kNow));
  auto twice = c.accounts->deactivate_account(c.pat, kNow + 10);
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, ErrorCode::precondition);
  EXPECT_EQ((*c.accounts->account_of(c.pat))->deactivated_at, kNow) << "the first time is kept";
  EXPECT_EQ(c.accounts->deactivate_account(77, kNow).error().code, ErrorCode::not_found);
  EXPECT_EQ(c.accounts->reactivate_account(77).error().code, ErrorCode::not_found);
}

TEST_P(DeactivationContract, ADeactivatedAccountIsRestoredAsItWasAndSurvivesReopening) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  Cast c(db);
  ASSERT_TRUE(c.accounts->deactivate_account(c.pat, kNow));
  const app::Account pat = **c.accounts->account_of(c.pat);
  EXPECT_EQ(**db.accounts()->account_of(c.pat), pat) << "another connection, or after a restart";

  TestDatabase copy(GetParam());
  auto to_clinics = copy.clinics();
  ASSERT_TRUE(to_clinics->restore_clinic(**c.clinics->find_clinic(c.clinic)));
  auto to_accounts = copy.accounts();
  ASSERT_TRUE(to_accounts->restore_account(pat));
  EXPECT_EQ(**to_accounts->account_of(c.pat), pat);
  EXPECT_EQ((*to_accounts->account_of(c.pat))->deactivated_at, kNow);
}

TEST_P(DeactivationContract, APractitionerListsTheirInvitationsNewestFirstWithWhoAcceptedThem) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  Cast c(db);
  ASSERT_TRUE(c.clinics->add_invitation({.code_hash = "later",
                                         .clinic_id = c.clinic,
                                         .practitioner_id = c.pat,
                                         .created_at = kNow,
                                         .expires_at = kNow + 100,
                                         .used_at = std::nullopt,
                                         .used_by = std::nullopt,
                                         .cancelled_at = std::nullopt}));
  auto listed = c.clinics->invitations_of(c.pat);
  ASSERT_TRUE(listed) << listed.error().message;
  std::vector<std::int64_t> ids;
  for (const auto& d : *listed) ids.push_back(d.invitation.id);
  // Newest first; those made at the same second, the later id first.
  EXPECT_EQ(ids, (std::vector<std::int64_t>{c.quinns + 1, c.cancelled, c.expired, c.open, c.used}));
  const auto& used = listed->back();
  EXPECT_EQ(used.invitation.used_by, c.ana);
  EXPECT_EQ(used.accepted_by, "ana");
  EXPECT_EQ(listed->front().accepted_by, "");
  EXPECT_EQ(c.clinics->invitations_of(c.quinn)->size(), 1u);
  EXPECT_TRUE(c.clinics->invitations_of(c.ana)->empty());
}

TEST_P(DeactivationContract, OnlyItsPractitionerCancelsAnOpenInvitationAndItsCodeIsThenRefused) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  Cast c(db);
  auto others = c.clinics->cancel_invitation(c.open, c.quinn, kNow);
  ASSERT_FALSE(others);
  EXPECT_EQ(others.error().code, ErrorCode::not_found);
  EXPECT_EQ(c.clinics->cancel_invitation(999, c.pat, kNow).error().code, ErrorCode::not_found);

  auto cancelled = c.clinics->cancel_invitation(c.open, c.pat, kNow);
  ASSERT_TRUE(cancelled) << cancelled.error().message;
  EXPECT_EQ(cancelled->invitation.cancelled_at, kNow);
  EXPECT_EQ(c.invitation(c.pat, c.open), cancelled->invitation);

  const core::Actor ana{c.ana, core::Role::person, std::nullopt};
  auto accepted = c.clinics->accept_invitation("open", ana, {}, kNow + 1);
  ASSERT_FALSE(accepted);
  EXPECT_EQ(accepted.error().code, ErrorCode::precondition);
  EXPECT_TRUE(contains(accepted.error().message, "cancelled by the practitioner")) << accepted.error().message;
  EXPECT_EQ(c.clinics->links_of_person(c.ana)->size(), 1u) << "no link made";
}

TEST_P(DeactivationContract, AnInvitationThatIsNotOpenIsNotCancelledAndSaysWhatItIs) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  Cast c(db);
  const std::pair<std::int64_t, const char*> cases[] = {
      {c.used, "already used"}, {c.expired, "already expired"}, {c.cancelled, "already cancelled"}};
  for (const auto& [id, words] : cases) {
    const auto before = c.invitation(c.pat, id);
    auto refused = c.clinics->cancel_invitation(id, c.pat, kNow);
    ASSERT_FALSE(refused) << words;
    EXPECT_EQ(refused.error().code, ErrorCode::precondition) << words;
    EXPECT_TRUE(contains(refused.error().message, words)) << refused.error().message;
    EXPECT_EQ(c.invitation(c.pat, id), before) << words;
  }
}

// ---- SQLite files from before deactivation (schema version 10) ----

TEST(SqliteDeactivation, AVersion10FileUpgradesWithEveryAccountActiveAndEveryInvitationUncancelled) {
  TempDir dir;
  const auto file = dir / "fascia.db";
  {
    auto db = adapters::sqlite::Database::open(file);
    ASSERT_TRUE(db);
    const auto migrations = adapters::sqlite_migrations();
    for (std::size_t v = 0; v < 10; ++v) ASSERT_TRUE(db->exec(std::string(migrations[v])));
    ASSERT_TRUE(db->exec("PRAGMA user_version = 10"));
    ASSERT_TRUE(
        db->exec("INSERT INTO clinic (id, name, created) VALUES (1, 'North Clinic', '2026-10-01');"
                 "INSERT INTO account (person_id, name, password_hash, created, role, clinic_id) VALUES "
                 "(2, 'pat', 'h', '2026-10-01', 'practitioner', 1);"
                 "INSERT INTO invitation (id, code_hash, clinic_id, practitioner_id, created_at, expires_at) "
                 "VALUES (1, 'c', 1, 2, 100, 4102444800);"));
  }
  auto accounts = adapters::SqliteAccounts::open(file);
  ASSERT_TRUE(accounts) << accounts.error().message;
  EXPECT_EQ((*(*accounts)->find_account("pat"))->state(), core::AccountState::active);
  auto clinics = adapters::open_clinic_store(adapters::DatabaseTarget(file.string()));
  ASSERT_TRUE(clinics) << clinics.error().message;
  const auto listed = *(*clinics)->invitations_of(2);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(core::invitation_state(listed.front().invitation, kNow), core::InvitationState::open);
  ASSERT_TRUE((*accounts)->deactivate_account(2, kNow));
  EXPECT_EQ((*(*clinics)->invitations_of(2)).front().invitation.cancelled_at, kNow);
}
