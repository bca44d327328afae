// Issue 10, point 2: a practitioner lists their invitations and cancels an
// open one (app/invitations); a cancelled code is refused in plain words.
// On SQLite and on PostgreSQL (FASCIA_TEST_PG), with the real stores.
#include "fascia/app/invitations.hpp"

#include <gtest/gtest.h>

#include "fascia/app/care_links.hpp"
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

// A clinic with practitioners pat and quinn and its administrator ada; the
// person ana. pat made one invitation.
struct Cast {
  explicit Cast(Engine engine) : db(engine) {
    if (!db.available()) return;
    accounts = db.accounts();
    clinics = db.clinics();
    ana = *accounts->add_account("ana", "h", day("2026-11-01"), {});
    const auto north = clinics->add_clinic("North Clinic", day("2026-11-01"))->id;
    pat = *accounts->add_account("pat", "h", day("2026-11-01"), {core::Role::practitioner, north});
    quinn = *accounts->add_account("quinn", "h", day("2026-11-01"), {core::Role::practitioner, north});
    ada = *accounts->add_account("ada", "h", day("2026-11-01"), {core::Role::clinic_admin, north});
    invitation = app::invite_client(*clinics, pat, "pat-code", kNow - 100)->id;
  }

  TestDatabase db;
  std::unique_ptr<adapters::SqlAccounts> accounts;
  std::unique_ptr<adapters::SqlClinics> clinics;
  app::Account ana, pat, quinn, ada;
  std::int64_t invitation = 0;
};

class Invitations : public ::testing::TestWithParam<Engine> {};

}  // namespace

INSTANTIATE_TEST_SUITE_P(Engines, Invitations, ::testing::Values(Engine::sqlite, Engine::postgresql),
                         fascia::testing::engine_name);

TEST_P(Invitations, APractitionerCancelsTheirOpenInvitationAndItsCodeIsRefusedSayingWhy) {
  Cast c(GetParam());
  FASCIA_NEED_DATABASE(c.db);
  auto listed = app::list_invitations(*c.clinics, c.pat);
  ASSERT_TRUE(listed) << listed.error().message;
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(core::invitation_state(listed->front().invitation, kNow), core::InvitationState::open);

  auto cancelled = app::cancel_invitation(*c.clinics, c.pat, c.invitation, kNow);
  ASSERT_TRUE(cancelled) << cancelled.error().message;
  EXPECT_EQ(core::invitation_state(cancelled->invitation, kNow), core::InvitationState::cancelled);

  auto accepted = app::accept_invitation(*c.clinics, app::actor_of(c.ana), "pat-code", {}, kNow + 1);
  ASSERT_FALSE(accepted);
  EXPECT_EQ(accepted.error().code, ErrorCode::precondition);
  EXPECT_EQ(accepted.error().message,
            "this invitation was cancelled by the practitioner who made it; ask them for a new one");
  EXPECT_TRUE(c.clinics->links_of_person(c.ana.person_id)->empty());
}

TEST_P(Invitations, OnlyAnActivePractitionerListsOrCancelsAndOnlyTheirOwn) {
  Cast c(GetParam());
  FASCIA_NEED_DATABASE(c.db);
  EXPECT_EQ(app::list_invitations(*c.clinics, c.ana).error().code, ErrorCode::forbidden);
  EXPECT_EQ(app::list_invitations(*c.clinics, c.ada).error().code, ErrorCode::forbidden);
  EXPECT_TRUE(app::list_invitations(*c.clinics, c.quinn)->empty()) << "a colleague sees only their own";
  EXPECT_EQ(app::cancel_invitation(*c.clinics, c.quinn, c.invitation, kNow).error().code, ErrorCode::not_found);
  EXPECT_EQ(app::cancel_invitation(*c.clinics, c.ada, c.invitation, kNow).error().code, ErrorCode::forbidden);
  auto cancelled_twice = app::cancel_invitation(*c.clinics, c.pat, c.invitation, kNow);
  ASSERT_TRUE(cancelled_twice);
  auto again = app::cancel_invitation(*c.clinics, c.pat, c.invitation, kNow + 1);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::precondition);
  EXPECT_TRUE(contains(again.error().message, "already cancelled")) << again.error().message;
  EXPECT_EQ(app::list_invitations(*c.clinics, c.pat)->front().invitation.cancelled_at, kNow) << "the first time";
}

// Before accepting, the person learns whose code it is; the look-up refuses
// as accepting would (unknown, used, cancelled, expired, not a person's to
// accept), and logs and changes nothing.
TEST_P(Invitations, APersonLooksUpWhoseCodeItIsAndIsRefusedAsAcceptingWouldBe) {
  Cast c(GetParam());
  FASCIA_NEED_DATABASE(c.db);
  const core::Actor ana = app::actor_of(c.ana);
  auto preview = app::preview_invitation(*c.clinics, ana, "pat-code", kNow);
  ASSERT_TRUE(preview) << preview.error().message;
  EXPECT_EQ(preview->practitioner_name, "pat");
  EXPECT_EQ(preview->clinic_name, "North Clinic");
  EXPECT_TRUE(c.clinics->links_of_person(c.ana.person_id)->empty()) << "looking links nothing";
  EXPECT_TRUE(c.clinics->access_log(c.ana.person_id)->empty()) << "looking logs nothing";

  auto unknown = app::preview_invitation(*c.clinics, ana, "other-code", kNow);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::not_found);
  auto by_practitioner = app::preview_invitation(*c.clinics, app::actor_of(c.quinn), "pat-code", kNow);
  ASSERT_FALSE(by_practitioner);
  EXPECT_EQ(by_practitioner.error().code, ErrorCode::precondition);
  auto late = app::preview_invitation(*c.clinics, ana, "pat-code", kNow + core::kInvitationLifetime);
  ASSERT_FALSE(late);
  EXPECT_TRUE(contains(late.error().message, "expired")) << late.error().message;

  ASSERT_TRUE(app::accept_invitation(*c.clinics, ana, "pat-code", {}, kNow));
  auto used = app::preview_invitation(*c.clinics, ana, "pat-code", kNow);
  ASSERT_FALSE(used);
  EXPECT_EQ(used.error().code, ErrorCode::precondition);
  EXPECT_TRUE(contains(used.error().message, "already been used")) << used.error().message;
}
