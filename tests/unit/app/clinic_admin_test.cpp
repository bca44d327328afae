// Issue 10, point 1: a clinic administrator deactivates and reactivates a
// practitioner of their clinic (app/clinic_admin; ADR 0021). Every refusal
// changes nothing; a deactivated practitioner reaches no client, invites no
// one and has no client list, and reactivated, their live links open again.
// On SQLite and on PostgreSQL (FASCIA_TEST_PG), with the real stores.
#include "fascia/app/clinic_admin.hpp"

#include <gtest/gtest.h>

#include "fascia/app/care_links.hpp"
#include "fascia/app/invitations.hpp"
#include "unit/adapters/sample_person.hpp"
#include "unit/adapters/test_database.hpp"

using namespace fascia;
using core::ErrorCode;
using fascia::testing::day;
using fascia::testing::Engine;
using fascia::testing::TestDatabase;

namespace {

constexpr std::int64_t kNow = 1'800'000'000;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// North: administrators ada and bea, practitioners pat (linked to ana, one
// open invitation, signed in) and quinn. South: its administrator sid and
// practitioner sam. ana is a person.
struct Cast {
  explicit Cast(Engine engine) : db(engine) {
    if (!db.available()) return;
    accounts = db.accounts();
    clinics = db.clinics();
    ana = *accounts->add_account("ana", "h", day("2026-11-01"), {});
    north = clinics->add_clinic("North Clinic", day("2026-11-01"))->id;
    south = clinics->add_clinic("South Clinic", day("2026-11-01"))->id;
    ada = *accounts->add_account("ada", "h", day("2026-11-01"), {core::Role::clinic_admin, north});
    bea = *accounts->add_account("bea", "h", day("2026-11-01"), {core::Role::clinic_admin, north});
    pat = *accounts->add_account("pat", "h", day("2026-11-01"), {core::Role::practitioner, north});
    quinn = *accounts->add_account("quinn", "h", day("2026-11-01"), {core::Role::practitioner, north});
    sid = *accounts->add_account("sid", "h", day("2026-11-01"), {core::Role::clinic_admin, south});
    sam = *accounts->add_account("sam", "h", day("2026-11-01"), {core::Role::practitioner, south});
    EXPECT_TRUE(app::invite_client(*clinics, pat, "pat-code", kNow - 100));
    EXPECT_TRUE(app::accept_invitation(*clinics, app::actor_of(ana), "pat-code", {.journal = true}, kNow - 90));
    open_invitation = app::invite_client(*clinics, pat, "pat-open", kNow - 80)->id;
    EXPECT_TRUE(accounts->add_login_session("pat-browser", pat.person_id, kNow - 10, kNow + 1000));
  }

  app::Account fresh(const app::Account& a) { return **accounts->account_of(a.person_id); }
  // Everything a refusal must leave as it was.
  std::vector<app::Account> all() { return *accounts->list_accounts(); }

  TestDatabase db;
  std::unique_ptr<adapters::SqlAccounts> accounts;
  std::unique_ptr<adapters::SqlClinics> clinics;
  app::Account ana, ada, bea, pat, quinn, sid, sam;
  std::int64_t north = 0, south = 0, open_invitation = 0;
};

class ClinicAdmin : public ::testing::TestWithParam<Engine> {};

}  // namespace

INSTANTIATE_TEST_SUITE_P(Engines, ClinicAdmin, ::testing::Values(Engine::sqlite, Engine::postgresql),
                         fascia::testing::engine_name);

TEST_P(ClinicAdmin, TheAdministratorSeesTheirOwnClinicsMembersOnly) {
  Cast c(GetParam());
  FASCIA_NEED_DATABASE(c.db);
  auto members = app::clinic_members(*c.accounts, c.ada);
  ASSERT_TRUE(members) << members.error().message;
  std::vector<std::string> names;
  for (const auto& m : *members) names.push_back(m.name);
  EXPECT_EQ(names, (std::vector<std::string>{"ada", "bea", "pat", "quinn"}));
  EXPECT_EQ(app::clinic_members(*c.accounts, c.pat).error().code, ErrorCode::forbidden);
  EXPECT_EQ(app::clinic_members(*c.accounts, c.ana).error().code, ErrorCode::forbidden);
}

TEST_P(ClinicAdmin, DeactivatedAPractitionerReachesNoClientInvitesNoOneAndIsSignedOut) {
  Cast c(GetParam());
  FASCIA_NEED_DATABASE(c.db);
  const auto log_before = c.clinics->access_log(c.ana.person_id)->size();
  auto done = app::deactivate_practitioner(*c.accounts, c.ada, c.pat.person_id, kNow);
  ASSERT_TRUE(done) << done.error().message;
  EXPECT_EQ(done->deactivated_at, kNow);
  EXPECT_EQ(c.fresh(c.pat).state(), core::AccountState::deactivated);
  EXPECT_EQ(*c.accounts->login_session_person("pat-browser", kNow + 1), std::nullopt);

  const app::Account pat = c.fresh(c.pat);
  auto reach = app::reach_client(*c.clinics, pat, c.ana.person_id, core::CareArea::journal, core::AccessKind::read,
                                 "read the journal", kNow + 1);
  ASSERT_FALSE(reach);
  EXPECT_EQ(reach.error().code, ErrorCode::not_found) << "as for a practitioner without a link";
  EXPECT_EQ(app::invite_client(*c.clinics, pat, "new-code", kNow + 1).error().code, ErrorCode::forbidden);
  EXPECT_EQ(app::list_clients(*c.clinics, pat).error().code, ErrorCode::forbidden);
  auto cancel = app::cancel_invitation(*c.clinics, pat, c.open_invitation, kNow + 1);
  ASSERT_FALSE(cancel);
  EXPECT_TRUE(contains(cancel.error().message, "'pat' is deactivated")) << cancel.error().message;
  EXPECT_EQ(c.clinics->access_log(c.ana.person_id)->size(), log_before) << "refusals log nothing";
  // The admin's action is not an access to anyone's data: nothing logged.
  EXPECT_EQ(core::invitation_state(c.clinics->invitations_of(c.pat.person_id)->front().invitation, kNow + 1),
            core::InvitationState::cancelled);
  // The link is kept, live, and its client sees the practitioner is no longer active.
  const auto links = *c.clinics->links_of_person(c.ana.person_id);
  ASSERT_EQ(links.size(), 1u);
  EXPECT_TRUE(links.front().link.live());
  EXPECT_EQ(links.front().practitioner_state, core::AccountState::deactivated);
}

TEST_P(ClinicAdmin, ReactivatedThePractitionersLiveLinkOpensAgain) {
  Cast c(GetParam());
  FASCIA_NEED_DATABASE(c.db);
  ASSERT_TRUE(app::deactivate_practitioner(*c.accounts, c.ada, c.pat.person_id, kNow));
  auto back = app::reactivate_practitioner(*c.accounts, c.bea, c.pat.person_id);  // either administrator
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(back->state(), core::AccountState::active);
  auto reach = app::reach_client(*c.clinics, c.fresh(c.pat), c.ana.person_id, core::CareArea::journal,
                                 core::AccessKind::read, "read the journal", kNow + 1);
  EXPECT_TRUE(reach) << reach.error().message;
  EXPECT_TRUE(app::invite_client(*c.clinics, c.fresh(c.pat), "new-code", kNow + 1));
}

TEST_P(ClinicAdmin, EachRefusalSaysWhyAndChangesNothing) {
  Cast c(GetParam());
  FASCIA_NEED_DATABASE(c.db);
  const auto before = c.all();
  struct Case {
    const char* what;
    const app::Account* admin;
    std::int64_t target;
    ErrorCode code;
    const char* words;
  };
  const Case cases[] = {
      {"a practitioner is not an administrator", &c.quinn, c.pat.person_id, ErrorCode::forbidden,
       "only a clinic administrator"},
      {"a person is not an administrator", &c.ana, c.pat.person_id, ErrorCode::forbidden, "'ana' is a person"},
      {"another clinic's practitioner", &c.sid, c.pat.person_id, ErrorCode::not_found, "no practitioner"},
      {"another clinic's practitioner, from ours", &c.ada, c.sam.person_id, ErrorCode::not_found, "no practitioner"},
      {"their own account", &c.ada, c.ada.person_id, ErrorCode::precondition, "their own account"},
      {"another administrator", &c.ada, c.bea.person_id, ErrorCode::precondition, "'bea' is an administrator"},
      {"a person", &c.ada, c.ana.person_id, ErrorCode::not_found, "no practitioner"},
      {"an unknown account", &c.ada, 404, ErrorCode::not_found, "no practitioner 404 in your clinic"},
  };
  for (const Case& k : cases) {
    for (const bool deactivating : {true, false}) {
      auto r = deactivating ? app::deactivate_practitioner(*c.accounts, *k.admin, k.target, kNow)
                            : app::reactivate_practitioner(*c.accounts, *k.admin, k.target);
      ASSERT_FALSE(r) << k.what;
      EXPECT_EQ(r.error().code, k.code) << k.what << ": " << r.error().message;
      EXPECT_TRUE(contains(r.error().message, k.words)) << k.what << ": " << r.error().message;
    }
  }
  EXPECT_EQ(c.all(), before);
  EXPECT_EQ(*c.accounts->login_session_person("pat-browser", kNow + 1), c.pat.person_id);
  EXPECT_EQ(core::invitation_state(c.clinics->invitations_of(c.pat.person_id)->front().invitation, kNow),
            core::InvitationState::open);
}

TEST_P(ClinicAdmin, NoChangeToMakeIsRefusedAsAPrecondition) {
  Cast c(GetParam());
  FASCIA_NEED_DATABASE(c.db);
  EXPECT_EQ(app::reactivate_practitioner(*c.accounts, c.ada, c.pat.person_id).error().code, ErrorCode::precondition);
  ASSERT_TRUE(app::deactivate_practitioner(*c.accounts, c.ada, c.pat.person_id, kNow));
  auto again = app::deactivate_practitioner(*c.accounts, c.ada, c.pat.person_id, kNow + 5);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::precondition);
  EXPECT_TRUE(contains(again.error().message, "already deactivated")) << again.error().message;
}
