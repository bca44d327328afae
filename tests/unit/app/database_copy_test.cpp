// Copying a whole database between engines (fascia db copy): every pair of
// SQLite and PostgreSQL, the export identical before and after, nothing
// overwritten, and nothing copied when any part fails.
#include "fascia/app/database_copy.hpp"

#include <gtest/gtest.h>

#include "unit/adapters/sample_person.hpp"
#include "unit/adapters/test_database.hpp"

using namespace fascia;
using fascia::testing::day;
using fascia::testing::Engine;
using fascia::testing::sample_person;
using fascia::testing::sample_session;
using fascia::testing::TestDatabase;

namespace {

adapters::OpenedDatabase open(const TestDatabase& db) {
  auto opened = adapters::open_database(db.target());
  EXPECT_TRUE(opened.has_value()) << opened.error().message;
  return std::move(*opened);
}

// Two people, three accounts (one without any data), sessions with ids; a
// clinic with a practitioner and a deactivated one, a live link and a revoked one, an access log
// entry and an amended visit note.
void fill(adapters::OpenedDatabase& db) {
  db.journal->rebind(1);
  ASSERT_TRUE(db.journal->replace_all(sample_person()));
  db.journal->rebind(7);
  core::PersonData other = sample_person();
  other.profile->name = "Bea";
  other.journal.sessions.push_back(sample_session(0, "2026-04-02"));
  ASSERT_TRUE(db.journal->replace_all(other));
  ASSERT_TRUE(db.accounts->add_account("ana", "hash-a", day("2026-11-01"), {}));
  ASSERT_TRUE(db.accounts->add_account("bea", "hash-b", day("2026-11-02"), {}));
  ASSERT_TRUE(db.accounts->add_account("cy", "hash-c", day("2026-11-03"), {}));
  auto clinic = db.clinics->add_clinic("North Clinic", day("2026-11-04"));
  ASSERT_TRUE(clinic) << clinic.error().message;
  auto lee = db.accounts->add_account("dr.lee", "hash-l", day("2026-11-04"),
                                      {core::Role::practitioner, clinic->id});  // person 4
  ASSERT_TRUE(lee) << lee.error().message;
  // A practitioner who left: deactivated, never deleted (ADR 0021).
  auto ray = db.accounts->add_account("dr.ray", "hash-r", day("2026-11-04"), {core::Role::practitioner, clinic->id});
  ASSERT_TRUE(ray && db.accounts->deactivate_account(ray->person_id, 1400));
  const auto invite = [&](const std::string& code) {
    return db.clinics->add_invitation({.code_hash = code,
                                       .clinic_id = clinic->id,
                                       .practitioner_id = lee->person_id,
                                       .created_at = 1000,
                                       .expires_at = 5000,
                                       .used_at = std::nullopt,
                                       .used_by = std::nullopt});
  };
  ASSERT_TRUE(invite("code-ana") && invite("code-bea"));
  // One not used yet, one cancelled: both travel, the open one still works.
  ASSERT_TRUE(invite("code-open"));
  auto cancelled = invite("code-cancelled");
  ASSERT_TRUE(cancelled && db.clinics->cancel_invitation(cancelled->id, lee->person_id, 1050));
  const auto person = [](std::int64_t id) { return core::Actor{id, core::Role::person, std::nullopt}; };
  auto ana = db.clinics->accept_invitation("code-ana", person(1), {.journal = true}, 1100);
  ASSERT_TRUE(ana) << ana.error().message;
  auto bea = db.clinics->accept_invitation("code-bea", person(2), {.sessions = true}, 1200);
  ASSERT_TRUE(bea) << bea.error().message;
  ASSERT_TRUE(db.clinics->revoke_link(bea->id, 2, 1300));
  ASSERT_TRUE(db.clinics->add_access({.person_id = 1,
                                      .at = 1150,
                                      .actor_id = lee->person_id,
                                      .actor_name = "dr.lee",
                                      .actor_role = core::Role::practitioner,
                                      .clinic_id = clinic->id,
                                      .kind = core::AccessKind::read,
                                      .area = core::CareArea::journal,
                                      .what = "read the journal"}));
  // A visit note about ana with an amendment (two revisions).
  core::NoteRevision first{.number = 1,
                           .author_id = lee->person_id,
                           .author = "dr.lee",
                           .at = 1160,
                           .text = {"neck stiff", "", "", "review in a week"},
                           .reason = {}};
  auto note = db.clinics->add_visit_note({.id = 0,
                                          .person_id = 1,
                                          .clinic_id = clinic->id,
                                          .clinic_name = {},
                                          .visit_date = day("2026-11-05"),
                                          .revisions = {first}});
  ASSERT_TRUE(note) << note.error().message;
  first.at = 1170;
  first.text.plan = "review in two weeks";
  first.reason = "typo";
  ASSERT_TRUE(db.clinics->add_note_revision(note->id, first));
  // The finder's directory (issue 11): dr.lee's own listing, unpublished, and an imported one.
  core::Listing own;
  own.account_id = lee->person_id;
  own.display_name = "Dr Lee";
  own.modalities = {"clinic-iastm", "physiotherapy"};
  own.areas = {"scalenes"};
  own.languages = {"English", "Español"};
  own.town = "Walnut Creek";
  own.location = {37'906'310, -122'064'960};
  own.contact = "925 555 0100";
  own.updated_at = 1180;
  ASSERT_TRUE(db.directory->save_account_listing(own));
  core::Listing shared = own;
  shared.account_id.reset();
  shared.display_name = "Oakland Recovery";
  shared.published = true;
  ASSERT_TRUE(db.directory->replace_directory("east-bay", {shared}));
}

core::PersonData export_of(adapters::OpenedDatabase& db, std::int64_t person) {
  db.journal->rebind(person);
  auto data = db.journal->export_all();
  EXPECT_TRUE(data.has_value());
  return data ? *data : core::PersonData{};
}

// An account store that fails its n-th restore (a failure halfway through a copy).
class FailingRestore final : public app::AccountStore {
 public:
  FailingRestore(app::AccountStore& real, int fail_at) : real_(real), fail_at_(fail_at) {}
  core::Result<void> restore_account(const app::Account& account) override {
    if (++calls_ == fail_at_) return core::fail(core::ErrorCode::db_full, "the disk is full");
    return real_.restore_account(account);
  }
  core::Result<std::vector<app::Account>> list_accounts() override { return real_.list_accounts(); }
  core::Result<app::Account> add_account(const std::string&, const std::string&, core::Date, const app::Membership&,
                                         app::TerminalPerson) override {
    return unused();
  }
  core::Result<std::optional<app::Account>> find_account(const std::string&) override { return unused(); }
  core::Result<std::optional<app::Account>> account_of(std::int64_t) override { return unused(); }
  core::Result<void> set_password_hash(const std::string&, const std::string&) override { return unused(); }
  core::Result<app::Account> deactivate_account(std::int64_t, std::int64_t) override { return unused(); }
  core::Result<app::Account> reactivate_account(std::int64_t) override { return unused(); }
  core::Result<void> add_login_session(const std::string&, std::int64_t, std::int64_t, std::int64_t) override {
    return unused();
  }
  core::Result<std::optional<std::int64_t>> login_session_person(const std::string&, std::int64_t) override {
    return unused();
  }
  core::Result<void> end_login_session(const std::string&) override { return unused(); }
  core::Result<void> add_login_device(const std::string&, const std::string&, std::int64_t) override {
    return unused();
  }
  core::Result<std::optional<std::string>> login_device_name(const std::string&, std::int64_t) override {
    return unused();
  }
  core::Result<app::AttemptVerdict> count_login_attempt(const std::vector<app::AttemptLimit>&, std::int64_t) override {
    return unused();
  }
  core::Result<void> forget_login_attempts(const std::vector<std::int64_t>&, const std::vector<std::string>&) override {
    return unused();
  }

 private:
  static tl::unexpected<core::Error> unused() { return core::fail(core::ErrorCode::db_error, "not used by a copy"); }
  app::AccountStore& real_;
  int fail_at_;
  int calls_ = 0;
};

struct EnginePair {
  Engine from;
  Engine to;
};

std::string pair_name(const ::testing::TestParamInfo<EnginePair>& info) {
  const auto name = [](Engine e) { return e == Engine::sqlite ? std::string("sqlite") : std::string("postgresql"); };
  return name(info.param.from) + "_to_" + name(info.param.to);
}

class DatabaseCopy : public ::testing::TestWithParam<EnginePair> {};

}  // namespace

INSTANTIATE_TEST_SUITE_P(Engines, DatabaseCopy,
                         ::testing::Values(EnginePair{Engine::sqlite, Engine::postgresql},
                                           EnginePair{Engine::postgresql, Engine::sqlite},
                                           EnginePair{Engine::sqlite, Engine::sqlite},
                                           EnginePair{Engine::postgresql, Engine::postgresql}),
                         pair_name);

TEST_P(DatabaseCopy, CopiesEveryPersonAccountClinicLinkAndAccessAndTheyReadBackIdentical) {
  TestDatabase source_db(GetParam().from), target_db(GetParam().to);
  FASCIA_NEED_DATABASE(source_db);
  FASCIA_NEED_DATABASE(target_db);
  auto source = open(source_db);
  fill(source);
  auto target = open(target_db);
  auto report = app::copy_database(*source.journal, *source.accounts, *source.clinics, *source.directory,
                                   *target.journal, *target.accounts, *target.clinics, *target.directory);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->people, 2u);
  EXPECT_EQ(report->listings, 2u);
  EXPECT_EQ(*target.directory->all_listings(), *source.directory->all_listings());
  EXPECT_EQ(report->accounts, 5u);
  EXPECT_EQ(report->sessions, 5u);  // 2 + 3
  EXPECT_EQ(report->clinics, 1u);
  EXPECT_EQ(report->links, 2u);
  EXPECT_EQ(report->invitations, 4u);
  EXPECT_EQ(report->accesses, 1u);
  EXPECT_EQ(report->notes, 1u);
  for (std::int64_t person : {1, 7}) EXPECT_EQ(export_of(target, person), export_of(source, person));
  EXPECT_EQ(*target.accounts->list_accounts(), *source.accounts->list_accounts());
  EXPECT_EQ((*target.accounts->find_account("dr.lee"))->membership,
            (app::Membership{core::Role::practitioner, std::int64_t{1}}));
  EXPECT_EQ((*target.accounts->find_account("dr.ray"))->deactivated_at, 1400) << "the deactivation travels";
  EXPECT_EQ(*target.clinics->list_clinics(), *source.clinics->list_clinics());
  EXPECT_EQ(*target.clinics->links_of_practitioner(4), *source.clinics->links_of_practitioner(4));
  ASSERT_EQ(target.clinics->links_of_practitioner(4)->size(), 2u);
  EXPECT_EQ(target.clinics->links_of_person(1)->at(0).person_name, "ana");
  EXPECT_EQ(target.clinics->links_of_person(2)->at(0).link.revoked_at, 1300);
  EXPECT_EQ(*target.clinics->invitations_of(4), *source.clinics->invitations_of(4));
  auto accepted = target.clinics->accept_invitation("code-open", {7, core::Role::person, std::nullopt}, {}, 1500);
  EXPECT_TRUE(accepted) << "an open code still works after the copy: " << accepted.error().message;
  EXPECT_FALSE(target.clinics->accept_invitation("code-cancelled", {7, core::Role::person, std::nullopt}, {}, 1500));
  EXPECT_EQ(*target.clinics->access_log(1), *source.clinics->access_log(1));
  const auto copied_notes = *target.clinics->visit_notes(1, std::nullopt);
  EXPECT_EQ(copied_notes, *source.clinics->visit_notes(1, std::nullopt));
  ASSERT_EQ(copied_notes.size(), 1u);
  EXPECT_EQ(copied_notes[0].revisions.size(), 2u) << "the earlier text travels too";
  // Ids made after the copy follow the copied ones, on either engine.
  auto next_clinic = target.clinics->add_clinic("South Clinic", day("2026-12-01"));
  ASSERT_TRUE(next_clinic) << next_clinic.error().message;
  EXPECT_EQ(next_clinic->id, 2);
  auto next_access = target.clinics->add_access(target.clinics->access_log(1)->front());
  ASSERT_TRUE(next_access) << next_access.error().message;
  EXPECT_EQ(next_access->id, 2);
  // The ids a later session gets continue past the copied ones, as on the source.
  target.journal->rebind(1);
  source.journal->rebind(1);
  EXPECT_EQ(*target.journal->add_session(sample_session(0, "2026-06-01")),
            *source.journal->add_session(sample_session(0, "2026-06-01")));
}

TEST_P(DatabaseCopy, RefusesADestinationThatHoldsAnythingAndLeavesItAsItWas) {
  TestDatabase source_db(GetParam().from), target_db(GetParam().to);
  FASCIA_NEED_DATABASE(source_db);
  FASCIA_NEED_DATABASE(target_db);
  auto source = open(source_db);
  fill(source);
  auto target = open(target_db);
  target.journal->rebind(3);
  ASSERT_TRUE(target.journal->add_note({day("2026-01-01"), "mine"}));
  auto refused = app::copy_database(*source.journal, *source.accounts, *source.clinics, *source.directory,
                                    *target.journal, *target.accounts, *target.clinics, *target.directory);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, core::ErrorCode::invalid_argument);
  EXPECT_EQ(*target.journal->people(), std::vector<std::int64_t>{3});
  EXPECT_TRUE(target.accounts->list_accounts()->empty());
}

TEST_P(DatabaseCopy, RefusesADestinationThatHoldsOnlyAClinic) {
  TestDatabase source_db(GetParam().from), target_db(GetParam().to);
  FASCIA_NEED_DATABASE(source_db);
  FASCIA_NEED_DATABASE(target_db);
  auto source = open(source_db);
  fill(source);
  auto target = open(target_db);
  ASSERT_TRUE(target.clinics->add_clinic("Their Clinic", day("2026-01-01")));
  auto refused = app::copy_database(*source.journal, *source.accounts, *source.clinics, *source.directory,
                                    *target.journal, *target.accounts, *target.clinics, *target.directory);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, core::ErrorCode::invalid_argument);
  EXPECT_NE(refused.error().message.find("1 clinic;"), std::string::npos) << refused.error().message;
  EXPECT_EQ(target.clinics->list_clinics()->size(), 1u);
  EXPECT_TRUE(target.accounts->list_accounts()->empty());
}

TEST_P(DatabaseCopy, AFailureHalfwayCopiesNothing) {
  TestDatabase source_db(GetParam().from), target_db(GetParam().to);
  FASCIA_NEED_DATABASE(source_db);
  FASCIA_NEED_DATABASE(target_db);
  auto source = open(source_db);
  fill(source);
  auto target = open(target_db);
  FailingRestore failing(*target.accounts, 3);  // the people and two accounts are in by then
  auto failed = app::copy_database(*source.journal, *source.accounts, *source.clinics, *source.directory,
                                   *target.journal, failing, *target.clinics, *target.directory);
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().code, core::ErrorCode::db_full);
  EXPECT_TRUE(target.journal->people()->empty());
  EXPECT_TRUE(target.accounts->list_accounts()->empty());
  EXPECT_TRUE(target.clinics->list_clinics()->empty()) << "the clinic restored before the failure is gone too";
  EXPECT_TRUE(target.directory->all_listings()->empty());
  // and the copy can then be made in full
  EXPECT_TRUE(app::copy_database(*source.journal, *source.accounts, *source.clinics, *source.directory, *target.journal,
                                 *target.accounts, *target.clinics, *target.directory));
}
