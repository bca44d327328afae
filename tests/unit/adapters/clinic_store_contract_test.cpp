// The clinic store's contract (app/clinic_store.hpp), one suite run on SQLite
// and on the PostgreSQL cluster of FASCIA_TEST_PG: clinics, memberships,
// invitations accepted once, care links and what they share, the access
// log. And SQLite files made before clinics existed (version 6) upgrading.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

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

class ClinicStoreContract : public ::testing::TestWithParam<Engine> {};

// Two people (ana: person 1, ben: person 2), a clinic and its practitioner
// (dr.lee: person 3), as most cases need them.
struct Cast {
  app::Clinic clinic;
  std::int64_t ana = 0, ben = 0, lee = 0;
};

Cast cast(const TestDatabase& db) {
  auto accounts = db.accounts();
  auto clinics = db.clinics();
  Cast c;
  auto ana = accounts->add_account("ana", "h", day("2026-11-01"), {});
  auto ben = accounts->add_account("ben", "h", day("2026-11-01"), {});
  auto clinic = clinics->add_clinic("North Clinic", day("2026-11-01"));
  EXPECT_TRUE(ana && ben && clinic);
  auto lee = accounts->add_account("dr.lee", "h", day("2026-11-02"), {core::Role::practitioner, clinic->id});
  EXPECT_TRUE(lee) << lee.error().message;
  c.clinic = *clinic;
  c.ana = ana->person_id;
  c.ben = ben->person_id;
  c.lee = lee->person_id;
  return c;
}

core::Invitation invitation(const Cast& c, const std::string& code, std::int64_t expires_at = 10'000) {
  return {.code_hash = code,
          .clinic_id = c.clinic.id,
          .practitioner_id = c.lee,
          .created_at = 1000,
          .expires_at = expires_at,
          .used_at = std::nullopt,
          .used_by = std::nullopt};
}

core::Actor person(std::int64_t id) { return {.person_id = id, .role = core::Role::person, .clinic_id = std::nullopt}; }

app::AccessEntry access_entry(const Cast& c, std::int64_t person_id, std::int64_t at, const std::string& what) {
  return {.person_id = person_id,
          .at = at,
          .actor_id = c.lee,
          .actor_name = "dr.lee",
          .actor_role = core::Role::practitioner,
          .clinic_id = c.clinic.id,
          .kind = core::AccessKind::read,
          .area = core::CareArea::journal,
          .what = what};
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(Engines, ClinicStoreContract, ::testing::Values(Engine::sqlite, Engine::postgresql),
                         fascia::testing::engine_name);

TEST_P(ClinicStoreContract, AClinicNameIsTakenOnceAndClinicsAreListedByIdAfterReopening) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  {
    auto clinics = db.clinics();
    auto north = clinics->add_clinic("North Clinic", day("2026-11-01"));
    auto south = clinics->add_clinic("Südklinik", day("2026-11-02"));
    ASSERT_TRUE(north && south);
    EXPECT_EQ(north->id, 1);
    EXPECT_EQ(south->id, 2);
    auto again = clinics->add_clinic("North Clinic", day("2026-11-03"));
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::invalid_argument);
    EXPECT_TRUE(contains(again.error().message, "already exists")) << again.error().message;
    EXPECT_EQ(clinics->add_clinic("", day("2026-11-03")).error().code, ErrorCode::invalid_argument);
    EXPECT_EQ(clinics->add_clinic(std::string(81, 'x'), day("2026-11-03")).error().code, ErrorCode::invalid_argument);
    EXPECT_TRUE(clinics->add_clinic(std::string(80, 'x'), day("2026-11-03")));
  }
  auto clinics = db.clinics();
  auto listed = clinics->list_clinics();
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 3u);
  EXPECT_EQ((*listed)[0], (app::Clinic{1, "North Clinic", day("2026-11-01")}));
  EXPECT_EQ((*listed)[1], (app::Clinic{2, "Südklinik", day("2026-11-02")}));
  EXPECT_EQ(**clinics->find_clinic(2), (*listed)[1]);
  EXPECT_EQ(*clinics->find_clinic(9), std::nullopt);
}

TEST_P(ClinicStoreContract, APractitionerAccountNeedsAClinicThatExistsAndAPersonNeedsNone) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  auto accounts = db.accounts();
  auto clinics = db.clinics();
  auto missing = accounts->add_account("dr.lee", "h", day("2026-11-01"), {core::Role::practitioner, 7});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(missing.error().message, "no clinic 7");
  EXPECT_EQ(accounts->add_account("dr.lee", "h", day("2026-11-01"), {core::Role::practitioner, {}}).error().code,
            ErrorCode::invalid_argument);
  EXPECT_TRUE(accounts->list_accounts()->empty()) << "nothing was stored";
  auto clinic = clinics->add_clinic("North Clinic", day("2026-11-01"));
  ASSERT_TRUE(clinic);
  EXPECT_EQ(accounts->add_account("ana", "h", day("2026-11-01"), {core::Role::person, clinic->id}).error().code,
            ErrorCode::invalid_argument);
  ASSERT_TRUE(accounts->add_account("dr.lee", "h", day("2026-11-01"), {core::Role::practitioner, clinic->id}));
  ASSERT_TRUE(accounts->add_account("boss", "h", day("2026-11-01"), {core::Role::clinic_admin, clinic->id}));
  ASSERT_TRUE(accounts->add_account("ana", "h", day("2026-11-01"), {}));
  EXPECT_EQ(
      accounts->restore_account({9, "eve", "h", day("2026-11-01"), {core::Role::practitioner, 5}}).error().message,
      "no clinic 5");

  auto reopened = db.accounts();
  EXPECT_EQ((*reopened->find_account("dr.lee"))->membership, (app::Membership{core::Role::practitioner, clinic->id}));
  EXPECT_EQ((*reopened->find_account("boss"))->membership, (app::Membership{core::Role::clinic_admin, clinic->id}));
  EXPECT_EQ((*reopened->find_account("ana"))->membership, app::Membership{});
}

TEST_P(ClinicStoreContract, AnInvitationMakesALinkOnceAndASecondAcceptIsRefusedAsUsed) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  const Cast c = cast(db);
  auto clinics = db.clinics();
  auto made = clinics->add_invitation(invitation(c, "code-1"));
  ASSERT_TRUE(made) << made.error().message;
  EXPECT_EQ(made->id, 1);
  auto link = clinics->accept_invitation("code-1", person(c.ana), {.journal = true, .screening = true}, 2000);
  ASSERT_TRUE(link) << link.error().message;
  EXPECT_EQ(*link, (core::CareLink{.id = 1,
                                   .clinic_id = c.clinic.id,
                                   .practitioner_id = c.lee,
                                   .person_id = c.ana,
                                   .sharing = {.journal = true, .sessions = false, .screening = true},
                                   .created_at = 2000,
                                   .revoked_at = std::nullopt}));
  for (const std::int64_t who : {c.ana, c.ben}) {
    auto again = clinics->accept_invitation("code-1", person(who), {}, 2001);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::precondition);
    EXPECT_TRUE(contains(again.error().message, "already been used")) << again.error().message;
  }
  EXPECT_TRUE(clinics->links_of_person(c.ben)->empty());
  EXPECT_EQ(clinics->links_of_person(c.ana)->size(), 1u);
}

TEST_P(ClinicStoreContract, AnExpiredInvitationIsRefusedAndMakesNoLink) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  const Cast c = cast(db);
  auto clinics = db.clinics();
  ASSERT_TRUE(clinics->add_invitation(invitation(c, "code-1", 5000)));
  auto late = clinics->accept_invitation("code-1", person(c.ana), {}, 5000);
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, ErrorCode::precondition);
  EXPECT_TRUE(contains(late.error().message, "expired")) << late.error().message;
  EXPECT_TRUE(clinics->links_of_person(c.ana)->empty());
  EXPECT_TRUE(clinics->accept_invitation("code-1", person(c.ana), {}, 4999)) << "not used by the refusal";
}

TEST_P(ClinicStoreContract, AnUnknownCodeIsNotFound) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  const Cast c = cast(db);
  auto clinics = db.clinics();
  ASSERT_TRUE(clinics->add_invitation(invitation(c, "code-1")));
  auto unknown = clinics->accept_invitation("code-2", person(c.ana), {}, 2000);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::not_found);
  EXPECT_EQ(unknown.error().message, "no invitation with that code");
}

// Looking a code up (before accepting it) gives the invitation with its
// practitioner's and clinic's names, whatever its state, and changes nothing.
TEST_P(ClinicStoreContract, AnInvitationIsFoundByItsCodeWithItsNamesAndFindingItChangesNothing) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  const Cast c = cast(db);
  auto clinics = db.clinics();
  ASSERT_TRUE(clinics->add_invitation(invitation(c, "code-1")));
  auto found = clinics->find_invitation("code-1");
  ASSERT_TRUE(found) << found.error().message;
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->practitioner_name, "dr.lee");
  EXPECT_EQ((*found)->clinic_name, "North Clinic");
  EXPECT_EQ((*found)->invitation.code_hash, "code-1");
  EXPECT_EQ((*found)->invitation.practitioner_id, c.lee);
  EXPECT_FALSE((*found)->invitation.used_at) << "not used by looking";
  EXPECT_FALSE(clinics->find_invitation("code-2")->has_value()) << "an unknown code";
  ASSERT_TRUE(clinics->accept_invitation("code-1", person(c.ana), {}, 2000)) << "still open after the look-up";
  auto used = clinics->find_invitation("code-1");
  ASSERT_TRUE(used && used->has_value());
  EXPECT_EQ((*used)->invitation.used_at, 2000) << "found used, so the caller can say so";
  EXPECT_EQ((*used)->invitation.used_by, c.ana);
}

TEST_P(ClinicStoreContract, APractitionerOrAnAdministratorCannotAcceptAnInvitation) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  const Cast c = cast(db);
  auto clinics = db.clinics();
  ASSERT_TRUE(clinics->add_invitation(invitation(c, "code-1")));
  for (const core::Role role : {core::Role::practitioner, core::Role::clinic_admin}) {
    auto refused =
        clinics->accept_invitation("code-1", {.person_id = c.ben, .role = role, .clinic_id = c.clinic.id}, {}, 2000);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::precondition);
    EXPECT_TRUE(contains(refused.error().message, "only a person")) << refused.error().message;
  }
  auto own = clinics->accept_invitation("code-1", person(c.lee), {}, 2000);
  ASSERT_FALSE(own);
  EXPECT_EQ(own.error().code, ErrorCode::precondition);
  EXPECT_TRUE(clinics->links_of_practitioner(c.lee)->empty());
  EXPECT_TRUE(clinics->accept_invitation("code-1", person(c.ben), {}, 2000)) << "still unused";
}

TEST_P(ClinicStoreContract, AHeldCodeOrAClinicThatDoesNotExistIsRefusedForANewInvitation) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  const Cast c = cast(db);
  auto clinics = db.clinics();
  ASSERT_TRUE(clinics->add_invitation(invitation(c, "code-1")));
  EXPECT_EQ(clinics->add_invitation(invitation(c, "code-1")).error().code, ErrorCode::invalid_argument);
  core::Invitation elsewhere = invitation(c, "code-2");
  elsewhere.clinic_id = 42;
  auto refused = clinics->add_invitation(elsewhere);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message, "no clinic 42");
}

TEST_P(ClinicStoreContract, AcceptingAgainFromTheSamePractitionerChangesTheLiveLinksSharingInsteadOfAddingALink) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  const Cast c = cast(db);
  auto clinics = db.clinics();
  ASSERT_TRUE(clinics->add_invitation(invitation(c, "code-1")));
  ASSERT_TRUE(clinics->add_invitation(invitation(c, "code-2")));
  ASSERT_TRUE(clinics->add_invitation(invitation(c, "code-3")));
  auto first = clinics->accept_invitation("code-1", person(c.ana), {.journal = true}, 2000);
  auto second = clinics->accept_invitation("code-2", person(c.ana), {.sessions = true}, 3000);
  ASSERT_TRUE(first && second);
  EXPECT_EQ(second->id, first->id);
  EXPECT_EQ(second->created_at, 2000);
  EXPECT_EQ(second->sharing, (core::Sharing{.journal = false, .sessions = true, .screening = false}));
  auto links = clinics->links_of_person(c.ana);
  ASSERT_EQ(links->size(), 1u);
  EXPECT_EQ(links->front().link, *second);
  // Once revoked, a new invitation makes a new link beside the old one.
  ASSERT_TRUE(clinics->revoke_link(first->id, c.ana, 3500));
  auto third = clinics->accept_invitation("code-3", person(c.ana), {.screening = true}, 4000);
  ASSERT_TRUE(third);
  EXPECT_NE(third->id, first->id);
  EXPECT_EQ(clinics->links_of_person(c.ana)->size(), 2u);
}

TEST_P(ClinicStoreContract, OnlyTheLinksOwnPersonChangesItsSharingAndOnlyWhileItIsLive) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  const Cast c = cast(db);
  auto clinics = db.clinics();
  ASSERT_TRUE(clinics->add_invitation(invitation(c, "code-1")));
  auto link = clinics->accept_invitation("code-1", person(c.ana), {}, 2000);
  ASSERT_TRUE(link);
  const core::Sharing everything{.journal = true, .sessions = true, .screening = true};
  auto other = clinics->set_sharing(link->id, c.ben, everything);
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, ErrorCode::not_found);
  EXPECT_EQ(clinics->set_sharing(link->id, c.lee, everything).error().code, ErrorCode::not_found);
  EXPECT_EQ(clinics->set_sharing(99, c.ana, everything).error().code, ErrorCode::not_found);
  EXPECT_EQ(clinics->links_of_person(c.ana)->front().link.sharing, core::Sharing{});

  auto changed = clinics->set_sharing(link->id, c.ana, everything);
  ASSERT_TRUE(changed) << changed.error().message;
  EXPECT_EQ(changed->sharing, everything);
  EXPECT_EQ(db.clinics()->links_of_person(c.ana)->front().link.sharing, everything);

  ASSERT_TRUE(clinics->revoke_link(link->id, c.ana, 3000));
  EXPECT_EQ(clinics->set_sharing(link->id, c.ana, {}).error().code, ErrorCode::not_found);
  EXPECT_EQ(clinics->links_of_person(c.ana)->front().link.sharing, everything);
}

TEST_P(ClinicStoreContract, OnlyTheLinksOwnPersonRevokesItOnceAndItStaysListedWithItsTime) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  const Cast c = cast(db);
  auto clinics = db.clinics();
  ASSERT_TRUE(clinics->add_invitation(invitation(c, "code-1")));
  auto link = clinics->accept_invitation("code-1", person(c.ana), {.journal = true}, 2000);
  ASSERT_TRUE(link);
  EXPECT_EQ(clinics->revoke_link(link->id, c.ben, 2500).error().code, ErrorCode::not_found);
  EXPECT_EQ(clinics->revoke_link(link->id, c.lee, 2500).error().code, ErrorCode::not_found);
  EXPECT_TRUE(clinics->links_of_person(c.ana)->front().link.live());

  auto revoked = clinics->revoke_link(link->id, c.ana, 3000);
  ASSERT_TRUE(revoked) << revoked.error().message;
  EXPECT_EQ(revoked->revoked_at, 3000);
  auto again = clinics->revoke_link(link->id, c.ana, 3100);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::not_found);

  for (const auto& links : {*db.clinics()->links_of_person(c.ana), *db.clinics()->links_of_practitioner(c.lee)}) {
    ASSERT_EQ(links.size(), 1u);
    EXPECT_EQ(links.front().link.revoked_at, 3000);
    EXPECT_EQ(links.front().link.sharing, core::Sharing{.journal = true});
  }
}

TEST_P(ClinicStoreContract, APractitionerSeesEveryLinkTheyHoldOldestFirstWithTheNamesPeopleSee) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  const Cast c = cast(db);
  auto accounts = db.accounts();
  auto clinics = db.clinics();
  auto kim = accounts->add_account("dr.kim", "h", day("2026-11-02"), {core::Role::practitioner, c.clinic.id});
  ASSERT_TRUE(kim);
  core::Invitation from_kim = invitation(c, "code-kim");
  from_kim.practitioner_id = kim->person_id;
  ASSERT_TRUE(clinics->add_invitation(invitation(c, "code-1")));
  ASSERT_TRUE(clinics->add_invitation(invitation(c, "code-2")));
  ASSERT_TRUE(clinics->add_invitation(from_kim));
  ASSERT_TRUE(clinics->accept_invitation("code-2", person(c.ben), {}, 2000));
  ASSERT_TRUE(clinics->accept_invitation("code-kim", person(c.ana), {}, 2100));
  ASSERT_TRUE(clinics->accept_invitation("code-1", person(c.ana), {}, 2200));

  auto lees = clinics->links_of_practitioner(c.lee);
  ASSERT_TRUE(lees);
  ASSERT_EQ(lees->size(), 2u);
  EXPECT_EQ((*lees)[0].person_name, "ben");
  EXPECT_EQ((*lees)[1].person_name, "ana");
  EXPECT_LT((*lees)[0].link.id, (*lees)[1].link.id);
  for (const auto& details : *lees) {
    EXPECT_EQ(details.clinic_name, "North Clinic");
    EXPECT_EQ(details.practitioner_name, "dr.lee");
    EXPECT_EQ(details.link.practitioner_id, c.lee);
  }
  auto anas = clinics->links_of_person(c.ana);
  ASSERT_EQ(anas->size(), 2u);
  EXPECT_EQ((*anas)[0].practitioner_name, "dr.kim");
  EXPECT_EQ((*anas)[1].practitioner_name, "dr.lee");
  EXPECT_EQ(clinics->links_of_practitioner(kim->person_id)->size(), 1u);
  EXPECT_TRUE(clinics->links_of_practitioner(c.ana)->empty());
}

TEST_P(ClinicStoreContract, AnAccessIsLoggedNewestFirstPerPersonAndKeptAfterReopening) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  const Cast c = cast(db);
  {
    auto clinics = db.clinics();
    auto first = clinics->add_access(access_entry(c, c.ana, 2000, "read the journal"));
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_EQ(first->id, 1);
    app::AccessEntry write = access_entry(c, c.ana, 3000, "added a visit note");
    write.kind = core::AccessKind::write;
    write.area = core::CareArea::care;
    ASSERT_TRUE(clinics->add_access(write));
    ASSERT_TRUE(clinics->add_access(access_entry(c, c.ana, 2000, "read the sessions")));  // same second, later id
    ASSERT_TRUE(clinics->add_access(access_entry(c, c.ben, 2500, "read the link")));
    EXPECT_EQ(clinics->add_access(access_entry(c, c.ana, 4000, std::string(201, 'x'))).error().code,
              ErrorCode::invalid_argument);
  }
  auto log = db.clinics()->access_log(c.ana);  // another connection, as after a restart
  ASSERT_TRUE(log) << log.error().message;
  ASSERT_EQ(log->size(), 3u);
  EXPECT_EQ((*log)[0].what, "added a visit note");
  EXPECT_EQ((*log)[0].kind, core::AccessKind::write);
  EXPECT_EQ((*log)[0].area, core::CareArea::care);
  EXPECT_EQ((*log)[1].what, "read the sessions");
  EXPECT_EQ((*log)[2], (app::AccessEntry{.id = 1,
                                         .person_id = c.ana,
                                         .at = 2000,
                                         .actor_id = c.lee,
                                         .actor_name = "dr.lee",
                                         .actor_role = core::Role::practitioner,
                                         .clinic_id = c.clinic.id,
                                         .kind = core::AccessKind::read,
                                         .area = core::CareArea::journal,
                                         .what = "read the journal"}));
  EXPECT_EQ(db.clinics()->access_log(c.ben)->size(), 1u);
  EXPECT_TRUE(db.clinics()->access_log(c.lee)->empty());
}

// One view of many clients (the monitoring list) logs them all in one
// transaction: all or none, ids in the given order.
TEST_P(ClinicStoreContract, SeveralAccessesAreLoggedTogetherOrNotAtAll) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  const Cast c = cast(db);
  auto clinics = db.clinics();
  ASSERT_TRUE(clinics->add_access(access_entry(c, c.ana, 1000, "read the journal")));
  const auto refused = clinics->add_accesses(
      {access_entry(c, c.ana, 2000, "on the list"), access_entry(c, c.ben, 2000, std::string(201, 'x'))});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(clinics->access_log(c.ana)->size(), 1u) << "nothing of a refused batch is kept";
  const auto stored =
      clinics->add_accesses({access_entry(c, c.ana, 2000, "on the list"), access_entry(c, c.ben, 2000, "on the list")});
  ASSERT_TRUE(stored) << stored.error().message;
  ASSERT_EQ(stored->size(), 2u);
  EXPECT_EQ((*stored)[0].id, 2);
  EXPECT_EQ((*stored)[1].id, 3);
  EXPECT_EQ(db.clinics()->access_log(c.ana)->front(), (*stored)[0]);
  EXPECT_EQ(db.clinics()->access_log(c.ben)->front(), (*stored)[1]);
  EXPECT_TRUE(clinics->add_accesses({})->empty());
}

TEST_P(ClinicStoreContract, ClinicsLinksAndUsedInvitationsSurviveReopening) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  const Cast c = cast(db);
  core::CareLink link;
  {
    auto clinics = db.clinics();
    ASSERT_TRUE(clinics->add_invitation(invitation(c, "code-1")));
    ASSERT_TRUE(clinics->add_invitation(invitation(c, "code-2")));
    auto accepted = clinics->accept_invitation("code-1", person(c.ana), {.sessions = true}, 2000);
    ASSERT_TRUE(accepted);
    link = *accepted;
    ASSERT_TRUE(clinics->add_access(access_entry(c, c.ana, 2100, "read the sessions")));
  }
  auto clinics = db.clinics();
  EXPECT_EQ(*clinics->list_clinics(), std::vector<app::Clinic>{c.clinic});
  auto links = clinics->links_of_person(c.ana);
  ASSERT_EQ(links->size(), 1u);
  EXPECT_EQ(links->front(), (app::LinkDetails{link, "North Clinic", "dr.lee", "ana"}));
  EXPECT_EQ(clinics->access_log(c.ana)->size(), 1u);
  EXPECT_EQ(clinics->accept_invitation("code-1", person(c.ben), {}, 2200).error().code, ErrorCode::precondition);
  EXPECT_TRUE(clinics->accept_invitation("code-2", person(c.ben), {}, 2200)) << "the unused one still works";
}

TEST_P(ClinicStoreContract, TwoPeopleAcceptingOneCodeAtOnceGetOneLinkBetweenThem) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  const Cast c = cast(db);
  auto first = db.clinics();
  auto second = db.clinics();  // another server process
  for (int round = 0; round < 5; ++round) {
    const std::string code = "code-" + std::to_string(round);
    ASSERT_TRUE(first->add_invitation(invitation(c, code)));
    std::atomic<int> accepted{0}, used{0};
    const auto accept = [&](app::ClinicStore& store, std::int64_t who) {
      auto link = store.accept_invitation(code, person(who), {}, 2000 + round);
      if (link)
        ++accepted;
      else if (link.error().code == ErrorCode::precondition)
        ++used;
    };
    std::thread a([&] { accept(*first, c.ana); });
    std::thread b([&] { accept(*second, c.ben); });
    a.join();
    b.join();
    EXPECT_EQ(accepted.load(), 1) << round;
    EXPECT_EQ(used.load(), 1) << round;
  }
}

TEST_P(ClinicStoreContract, AClinicWithAnImpossibleDateIsReportedAsDamagedNamingTheDatabase) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  ASSERT_TRUE(db.clinics()->add_clinic("North Clinic", day("2026-11-01")));
  db.run_sql("UPDATE clinic SET created = '2026-13-45'");
  auto listed = db.clinics()->list_clinics();
  ASSERT_FALSE(listed);
  EXPECT_EQ(listed.error().code, ErrorCode::db_corrupt);
  EXPECT_TRUE(contains(listed.error().message, "database")) << listed.error().message;
  EXPECT_TRUE(contains(listed.error().message, "2026-13-45")) << listed.error().message;
}

TEST_P(ClinicStoreContract, RestoringKeepsIdsAndRefusesOnesAlreadyTaken) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  auto clinics = db.clinics();
  const app::Clinic clinic{5, "North Clinic", day("2026-11-01")};
  ASSERT_TRUE(clinics->restore_clinic(clinic));
  EXPECT_EQ(clinics->restore_clinic({5, "Other", day("2026-11-01")}).error().code, ErrorCode::invalid_argument);
  const core::CareLink link{.id = 8,
                            .clinic_id = 5,
                            .practitioner_id = 3,
                            .person_id = 1,
                            .sharing = {.journal = true},
                            .created_at = 100,
                            .revoked_at = 200};
  ASSERT_TRUE(clinics->restore_link(link));
  EXPECT_EQ(clinics->restore_link(link).error().code, ErrorCode::invalid_argument);
  app::AccessEntry entry{.id = 4,
                         .person_id = 1,
                         .at = 150,
                         .actor_id = 3,
                         .actor_name = "dr.lee",
                         .actor_role = core::Role::practitioner,
                         .clinic_id = 5,
                         .kind = core::AccessKind::read,
                         .area = core::CareArea::link,
                         .what = "read the link"};
  ASSERT_TRUE(clinics->restore_access(entry));
  EXPECT_EQ(clinics->restore_access(entry).error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(*clinics->find_clinic(5), clinic);
  EXPECT_EQ(clinics->links_of_person(1)->front().link, link);
  EXPECT_EQ(clinics->links_of_person(1)->front().person_name, "") << "person 1 has no account";
  EXPECT_EQ(clinics->access_log(1)->front(), entry);
  EXPECT_EQ(clinics->add_clinic("South Clinic", day("2026-11-02"))->id, 6) << "after the restored id";
}

// ---- SQLite files from before clinics (schema version 6) ----

TEST(SqliteClinics, AVersion6FileUpgradesWithItsAccountsAsPersonsAndTakesClinics) {
  TempDir dir;
  const auto file = dir / "fascia.db";
  {
    auto db = adapters::sqlite::Database::open(file);
    ASSERT_TRUE(db);
    const auto migrations = adapters::sqlite_migrations();
    for (std::size_t v = 0; v < 6; ++v) ASSERT_TRUE(db->exec(std::string(migrations[v])));
    ASSERT_TRUE(db->exec("PRAGMA user_version = 6"));
    ASSERT_TRUE(
        db->exec("INSERT INTO account (person_id, name, password_hash, created) VALUES "
                 "(1, 'ana', 'hash-a', '2026-10-01'), (2, 'ben', 'hash-b', '2026-10-02')"));
  }
  auto accounts = adapters::SqliteAccounts::open(file);
  ASSERT_TRUE(accounts) << accounts.error().message;
  auto listed = (*accounts)->list_accounts();
  ASSERT_TRUE(listed) << listed.error().message;
  EXPECT_EQ(*listed, (std::vector<app::Account>{{1, "ana", "hash-a", day("2026-10-01"), {}},
                                                {2, "ben", "hash-b", day("2026-10-02"), {}}}));
  auto version = adapters::sqlite::Database::open(file)->query_int("PRAGMA user_version");
  EXPECT_EQ(*version, static_cast<std::int64_t>(adapters::sqlite_migrations().size()));

  auto clinics = adapters::open_clinic_store(adapters::DatabaseTarget(file.string()));
  ASSERT_TRUE(clinics) << clinics.error().message;
  auto clinic = (*clinics)->add_clinic("North Clinic", day("2026-11-01"));
  ASSERT_TRUE(clinic);
  ASSERT_TRUE((*accounts)->add_account("dr.lee", "h", day("2026-11-01"), {core::Role::practitioner, clinic->id}));
  core::Invitation made = invitation({.clinic = *clinic, .ana = 1, .ben = 2, .lee = 3}, "c", 100);
  ASSERT_TRUE((*clinics)->add_invitation(made));
  auto link = (*clinics)->accept_invitation("c", person(1), {.journal = true}, 50);
  ASSERT_TRUE(link) << link.error().message;
  EXPECT_EQ((*clinics)->links_of_person(1)->front().person_name, "ana");
}
