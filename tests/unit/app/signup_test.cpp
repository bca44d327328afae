// Issue 10, point 2 (ADR 0028): someone without an account makes a person
// account with a practitioner's open invitation code and accepts it in the
// same step (app/signup). The code is the capability: a wrong, used,
// cancelled or expired one makes nothing and says nothing about names; one
// code makes one link; such an account never takes over person 1, the
// terminal's person. On SQLite and on PostgreSQL (FASCIA_TEST_PG), with the
// real stores.
#include "fascia/app/signup.hpp"

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
const core::Sharing kJournalOnly{true, false, false};

// A clinic with practitioner pat, who made one open invitation ("pat-code"),
// and no person account yet: person 1, the terminal's, is unowned.
struct Clinic {
  explicit Clinic(Engine engine) : db(engine) {
    if (!db.available()) return;
    accounts = db.accounts();
    clinics = db.clinics();
    const auto north = clinics->add_clinic("North Clinic", day("2026-11-01"))->id;
    pat = *accounts->add_account("pat", "h", day("2026-11-01"), {core::Role::practitioner, north});
    invitation = app::invite_client(*clinics, pat, "pat-code", kNow - 100)->id;
  }
  app::FieldResult<app::SignupResult> sign_up(const std::string& name, const std::string& code = "pat-code",
                                              std::int64_t now = kNow) {
    return app::sign_up_with_invitation(*accounts, *clinics, code, name, "argon-hash", kJournalOnly, day("2026-11-02"),
                                        now);
  }

  TestDatabase db;
  std::unique_ptr<adapters::SqlAccounts> accounts;
  std::unique_ptr<adapters::SqlClinics> clinics;
  app::Account pat;
  std::int64_t invitation = 0;
};

class Signup : public ::testing::TestWithParam<Engine> {};

}  // namespace

INSTANTIATE_TEST_SUITE_P(Engines, Signup, ::testing::Values(Engine::sqlite, Engine::postgresql),
                         fascia::testing::engine_name);

TEST_P(Signup, AnOpenCodeMakesAPersonAccountLinkedWithWhatTheyChoseNeverTheTerminalsPerson) {
  Clinic c(GetParam());
  FASCIA_NEED_DATABASE(c.db);
  auto made = c.sign_up("ana");
  ASSERT_TRUE(made) << made.error().error.message;
  EXPECT_EQ(made->account.name, "ana");
  EXPECT_EQ(made->account.membership.role, core::Role::person);
  EXPECT_NE(made->account.person_id, 1) << "a stranger must not inherit the terminal's journal";
  EXPECT_EQ(made->account.password_hash, "argon-hash");
  ASSERT_TRUE(made->link.has_value()) << made->link_refusal;
  EXPECT_EQ(made->link->link.person_id, made->account.person_id);
  EXPECT_EQ(made->link->link.practitioner_id, c.pat.person_id);
  EXPECT_EQ(made->link->link.sharing, kJournalOnly);
  EXPECT_EQ(core::invitation_state(c.clinics->invitations_of(c.pat.person_id)->front().invitation, kNow),
            core::InvitationState::used);
  // The terminal's holder may still make the account that owns person 1.
  EXPECT_EQ(c.accounts->add_account("terminal-owner", "h", day("2026-11-02"), {})->person_id, 1);
}

TEST_P(Signup, OneCodeMakesOneAccountTheSecondIsRefusedAndNothingIsMade) {
  Clinic c(GetParam());
  FASCIA_NEED_DATABASE(c.db);
  ASSERT_TRUE(c.sign_up("ana"));
  auto again = c.sign_up("bob");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().error.code, ErrorCode::precondition);
  EXPECT_EQ(again.error().field, "code");
  EXPECT_EQ(again.error().error.message, "this invitation has already been used");
  EXPECT_FALSE(*c.accounts->find_account("bob"));
}

TEST_P(Signup, AWrongCancelledOrExpiredCodeMakesNothingAndSaysNothingAboutNames) {
  Clinic c(GetParam());
  FASCIA_NEED_DATABASE(c.db);
  // "pat" is taken, yet a wrong code is refused for the code alone.
  auto unknown = c.sign_up("pat", "no-such-code");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().error.code, ErrorCode::not_found);
  EXPECT_EQ(unknown.error().field, "code");

  auto expired = c.sign_up("ana", "pat-code", kNow + core::kInvitationLifetime + 1);
  ASSERT_FALSE(expired);
  EXPECT_EQ(expired.error().error.code, ErrorCode::precondition);
  EXPECT_NE(expired.error().error.message.find("expired"), std::string::npos) << expired.error().error.message;

  ASSERT_TRUE(app::cancel_invitation(*c.clinics, c.pat, c.invitation, kNow));
  auto cancelled = c.sign_up("ana");
  ASSERT_FALSE(cancelled);
  EXPECT_NE(cancelled.error().error.message.find("cancelled"), std::string::npos);
  EXPECT_EQ(c.accounts->list_accounts()->size(), 1u) << "only pat";
}

TEST_P(Signup, ATakenOrMalformedNameIsRefusedOnItsFieldAndTheCodeStaysOpen) {
  Clinic c(GetParam());
  FASCIA_NEED_DATABASE(c.db);
  auto taken = c.sign_up("pat");
  ASSERT_FALSE(taken);
  EXPECT_EQ(taken.error().error.code, ErrorCode::precondition);
  EXPECT_EQ(taken.error().field, "name");
  EXPECT_EQ(taken.error().error.message, "the name 'pat' is taken; choose another");
  auto malformed = c.sign_up("Ana Smith");
  ASSERT_FALSE(malformed);
  EXPECT_EQ(malformed.error().error.code, ErrorCode::invalid_argument);
  EXPECT_EQ(malformed.error().field, "name");
  auto check = app::check_signup(*c.accounts, *c.clinics, "pat-code", "ana", kNow);
  ASSERT_TRUE(check) << "the code is still open after the refusals";
  EXPECT_EQ(check->practitioner_name, "pat");
  EXPECT_EQ(check->clinic_name, "North Clinic");
}
