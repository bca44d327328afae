// Issue 10, points 2 and 8: who besides the person reaches a person's data.
#include "fascia/core/care_access.hpp"

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

using namespace fascia::core;

namespace {

constexpr std::int64_t kClient = 7;
const Actor kPractitioner{20, Role::practitioner, 1};

CareLink link_to(std::int64_t practitioner, std::int64_t clinic, Sharing sharing = {true, true, true}) {
  CareLink link;
  link.id = 1;
  link.clinic_id = clinic;
  link.practitioner_id = practitioner;
  link.person_id = kClient;
  link.sharing = sharing;
  return link;
}

}  // namespace

TEST(CareAccess, ALinkedPractitionerReachesWhatIsShared) {
  const auto verdict = decide_care_access(kPractitioner, kClient, CareArea::journal, {link_to(20, 1)});
  EXPECT_TRUE(verdict.allowed()) << verdict.reason;
  ASSERT_TRUE(verdict.link);
  EXPECT_EQ(verdict.link->practitioner_id, 20);
}

TEST(CareAccess, APartNotSharedIsRefusedNamingIt) {
  const auto verdict =
      decide_care_access(kPractitioner, kClient, CareArea::screening, {link_to(20, 1, {true, true, false})});
  EXPECT_EQ(verdict.denial, AccessDenial::not_shared);
  EXPECT_NE(verdict.reason.find("screening"), std::string::npos) << verdict.reason;
  // The link itself and the care team's own records need no sharing.
  EXPECT_TRUE(decide_care_access(kPractitioner, kClient, CareArea::care, {link_to(20, 1, {})}).allowed());
  EXPECT_TRUE(decide_care_access(kPractitioner, kClient, CareArea::link, {link_to(20, 1, {})}).allowed());
}

TEST(CareAccess, ARevokedLinkOpensNothing) {
  auto link = link_to(20, 1);
  link.revoked_at = 1000;
  EXPECT_EQ(decide_care_access(kPractitioner, kClient, CareArea::link, {link}).denial, AccessDenial::no_link);
}

TEST(CareAccess, AColleagueOfTheSameClinicWithoutALinkSeesNothing) {
  const Actor colleague{21, Role::practitioner, 1};
  EXPECT_EQ(decide_care_access(colleague, kClient, CareArea::link, {link_to(20, 1)}).denial, AccessDenial::no_link);
}

TEST(CareAccess, ALinkMadeInAnotherClinicOpensNothingHere) {
  // The same practitioner id, moved to clinic 2: the clinic-1 link stays there.
  const Actor moved{20, Role::practitioner, 2};
  EXPECT_EQ(decide_care_access(moved, kClient, CareArea::link, {link_to(20, 1)}).denial, AccessDenial::no_link);
}

TEST(CareAccess, PeopleAndAdministratorsNeverReachSomeoneElse) {
  const Actor person{8, Role::person, std::nullopt};
  const Actor admin{30, Role::clinic_admin, 1};
  EXPECT_EQ(decide_care_access(person, kClient, CareArea::link, {link_to(20, 1)}).denial,
            AccessDenial::not_a_practitioner);
  const auto verdict = decide_care_access(admin, kClient, CareArea::link, {link_to(20, 1)});
  EXPECT_EQ(verdict.denial, AccessDenial::not_a_practitioner);
  EXPECT_NE(verdict.reason.find("administrator"), std::string::npos) << verdict.reason;
}

TEST(CareAccess, ALinkOfAnotherPersonIsNotThisPersons) {
  auto other = link_to(20, 1);
  other.person_id = kClient + 1;
  EXPECT_EQ(decide_care_access(kPractitioner, kClient, CareArea::link, {other}).denial, AccessDenial::no_link);
}

// Whatever the links and whoever asks: access is granted only through a live
// link held by the asking practitioner, in their own clinic, to that person,
// sharing the part asked for, while their account is active. In particular
// nothing crosses clinics, and a deactivated practitioner reaches no one.
RC_GTEST_PROP(CareAccessProperties, AccessOnlyThroughALiveSharedLinkOfTheSameClinic, ()) {
  const auto role = *rc::gen::element(Role::person, Role::practitioner, Role::clinic_admin);
  const auto clinic_number = *rc::gen::inRange<std::int64_t>(0, 4);  // 0: no clinic
  const std::optional<std::int64_t> clinic =
      clinic_number == 0 ? std::nullopt : std::optional<std::int64_t>(clinic_number);
  const auto state = *rc::gen::element(AccountState::active, AccountState::deactivated);
  const Actor actor{*rc::gen::inRange<std::int64_t>(1, 6), role, clinic, state};
  const std::int64_t person = *rc::gen::inRange<std::int64_t>(1, 6);
  RC_PRE(person != actor.person_id);
  const auto area =
      *rc::gen::element(CareArea::link, CareArea::journal, CareArea::sessions, CareArea::screening, CareArea::care);
  const auto links = *rc::gen::container<std::vector<CareLink>>(rc::gen::exec([] {
    CareLink l;
    l.id = *rc::gen::inRange<std::int64_t>(1, 100);
    l.clinic_id = *rc::gen::inRange<std::int64_t>(1, 4);
    l.practitioner_id = *rc::gen::inRange<std::int64_t>(1, 6);
    l.person_id = *rc::gen::inRange<std::int64_t>(1, 6);
    l.sharing = {*rc::gen::arbitrary<bool>(), *rc::gen::arbitrary<bool>(), *rc::gen::arbitrary<bool>()};
    if (*rc::gen::arbitrary<bool>()) l.revoked_at = *rc::gen::inRange<std::int64_t>(1, 1000);
    return l;
  }));
  const auto verdict = decide_care_access(actor, person, area, links);
  const bool shared_link_exists = std::any_of(links.begin(), links.end(), [&](const CareLink& l) {
    const bool shares = area == CareArea::journal     ? l.sharing.journal
                        : area == CareArea::sessions  ? l.sharing.sessions
                        : area == CareArea::screening ? l.sharing.screening
                                                      : true;
    return l.live() && l.person_id == person && l.practitioner_id == actor.person_id && clinic &&
           l.clinic_id == *clinic && shares;
  });
  RC_ASSERT(verdict.allowed() == (role == Role::practitioner && state == AccountState::active && shared_link_exists));
  if (verdict.allowed()) {
    RC_ASSERT(verdict.link.has_value());
    RC_ASSERT(verdict.link->clinic_id == *actor.clinic_id);
  } else {
    RC_ASSERT(!verdict.reason.empty());
  }
}

TEST(Invitation, IsAcceptedOnceBeforeItExpiresByAPersonOtherThanItsMaker) {
  Invitation inv;
  inv.practitioner_id = 20;
  inv.clinic_id = 1;
  inv.created_at = 1000;
  inv.expires_at = 1000 + kInvitationLifetime;
  const Actor person{7, Role::person, std::nullopt};
  EXPECT_FALSE(invitation_refusal(inv, person, 1001));
  EXPECT_TRUE(invitation_refusal(inv, person, inv.expires_at));  // the expiry second itself is too late
  EXPECT_NE(invitation_refusal(inv, kPractitioner, 1001)->find("practitioner"), std::string::npos);
  EXPECT_TRUE(invitation_refusal(inv, Actor{20, Role::person, std::nullopt}, 1001));
  inv.used_at = 1002;
  EXPECT_NE(invitation_refusal(inv, person, 1003)->find("already"), std::string::npos);
}

TEST(CareAccess, ADeactivatedPractitionersLiveSharedLinkOpensNothing) {
  Actor gone = kPractitioner;
  gone.state = AccountState::deactivated;
  for (CareArea area : {CareArea::link, CareArea::journal, CareArea::care}) {
    const auto verdict = decide_care_access(gone, kClient, area, {link_to(20, 1)});
    EXPECT_EQ(verdict.denial, AccessDenial::deactivated) << to_string(area);
    EXPECT_FALSE(verdict.link);
    EXPECT_NE(verdict.reason.find("deactivated"), std::string::npos) << verdict.reason;
  }
  gone.state = AccountState::active;  // reactivated: the same link opens again
  EXPECT_TRUE(decide_care_access(gone, kClient, CareArea::journal, {link_to(20, 1)}).allowed());
}

TEST(Invitation, StateIsUsedThenCancelledThenExpiredThenOpen) {
  Invitation inv;
  inv.created_at = 1000;
  inv.expires_at = 2000;
  EXPECT_EQ(invitation_state(inv, 1999), InvitationState::open);
  EXPECT_EQ(invitation_state(inv, 2000), InvitationState::expired);
  inv.cancelled_at = 1500;
  EXPECT_EQ(invitation_state(inv, 1600), InvitationState::cancelled);
  EXPECT_EQ(invitation_state(inv, 2500), InvitationState::cancelled);  // stopped on purpose, then past its time
  inv.used_at = 1400;
  EXPECT_EQ(invitation_state(inv, 2500), InvitationState::used);
  EXPECT_EQ(to_string(InvitationState::cancelled), "cancelled");
}

TEST(Invitation, ACancelledOneIsRefusedSayingSoInPlainWords) {
  Invitation inv;
  inv.practitioner_id = 20;
  inv.created_at = 1000;
  inv.expires_at = 1000 + kInvitationLifetime;
  inv.cancelled_at = 1100;
  const auto refusal = invitation_refusal(inv, Actor{7, Role::person, std::nullopt}, 1200);
  ASSERT_TRUE(refusal);
  EXPECT_EQ(*refusal, "this invitation was cancelled by the practitioner who made it; ask them for a new one");
}

TEST(Sharing, IsDescribedInWords) {
  EXPECT_EQ(describe(Sharing{}), "nothing");
  EXPECT_EQ(describe(Sharing{true, false, true}), "journal, screening");
  EXPECT_EQ(parse_role("admin"), Role::clinic_admin);
  EXPECT_FALSE(parse_role("doctor"));
}
