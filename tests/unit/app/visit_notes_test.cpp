// Issue 10, point 7: visit notes. Checked first (each error naming its field,
// nothing logged or stored), then the reach is decided and logged, then the
// note is stored. Readers: the clinic's practitioners with a live link to the
// client (their clinic's notes only, each read logged) and the person (all
// their notes, nothing logged); a clinic administrator none. An amendment is
// a new revision; the earlier text stays. On SQLite and on PostgreSQL
// (FASCIA_TEST_PG), with the real clinic store.
#include "fascia/app/visit_notes.hpp"

#include <gtest/gtest.h>

#include "unit/adapters/sample_person.hpp"
#include "unit/adapters/test_database.hpp"

using namespace fascia;
using core::ErrorCode;
using fascia::testing::day;
using fascia::testing::Engine;
using fascia::testing::TestDatabase;

namespace {

const core::Date kToday = day("2026-11-23");
constexpr std::int64_t kNow = 1'800'000'000;

// Two clinics. North: pat (linked to ana), quinn (not linked), the
// administrator ada. South: sam (linked to ana).
struct Clinics {
  explicit Clinics(Engine engine) : db(engine) {
    if (!db.available()) return;
    accounts = db.accounts();
    clinics = db.clinics();
    ana = *accounts->add_account("ana", "h", day("2026-11-01"), {});
    north = clinics->add_clinic("North Clinic", day("2026-11-01"))->id;
    south = clinics->add_clinic("South Clinic", day("2026-11-01"))->id;
    pat = *accounts->add_account("pat", "h", day("2026-11-01"), {core::Role::practitioner, north});
    quinn = *accounts->add_account("quinn", "h", day("2026-11-01"), {core::Role::practitioner, north});
    ada = *accounts->add_account("ada", "h", day("2026-11-01"), {core::Role::clinic_admin, north});
    sam = *accounts->add_account("sam", "h", day("2026-11-01"), {core::Role::practitioner, south});
    pat_link = link(pat, north, "code-pat");
    link(sam, south, "code-sam");
  }

  std::int64_t link(const app::Account& practitioner, std::int64_t clinic, const std::string& code) {
    EXPECT_TRUE(clinics->add_invitation({.code_hash = code,
                                         .clinic_id = clinic,
                                         .practitioner_id = practitioner.person_id,
                                         .created_at = kNow - 100,
                                         .expires_at = kNow + 100,
                                         .used_at = std::nullopt,
                                         .used_by = std::nullopt}));
    const core::Actor person{ana.person_id, core::Role::person, std::nullopt};
    return clinics->accept_invitation(code, person, {}, kNow - 50)->id;
  }

  app::FieldResult<core::VisitNote> write(const app::Account& who, const core::Soap& text, core::Date date = kToday) {
    return app::write_visit_note(*clinics, who, ana.person_id, date, text, kNow, kToday);
  }
  app::FieldResult<core::VisitNote> amend(const app::Account& who, std::int64_t note, const core::SoapChanges& c,
                                          const std::string& reason = "typo in the plan") {
    return app::amend_visit_note(*clinics, who, ana.person_id, note, c, reason, kNow + 60);
  }
  std::size_t logged() { return clinics->access_log(ana.person_id)->size(); }

  TestDatabase db;
  std::unique_ptr<adapters::SqlAccounts> accounts;
  std::unique_ptr<adapters::SqlClinics> clinics;
  app::Account ana, pat, quinn, ada, sam;
  std::int64_t north = 0, south = 0, pat_link = 0;
};

const core::Soap kSoap{"neck stiff since Monday", "left upper trapezius tender", "muscular", "review in a week"};

class VisitNoteUseCase : public ::testing::TestWithParam<Engine> {};

}  // namespace

INSTANTIATE_TEST_SUITE_P(Engines, VisitNoteUseCase, ::testing::Values(Engine::sqlite, Engine::postgresql),
                         fascia::testing::engine_name);

TEST_P(VisitNoteUseCase, ALinkedPractitionerWritesANoteInTheirClinicAfterTheWriteIsLogged) {
  Clinics c(GetParam());
  FASCIA_NEED_DATABASE(c.db);
  const auto note = c.write(c.pat, kSoap, day("2026-11-20"));
  ASSERT_TRUE(note) << note.error().error.message;
  EXPECT_EQ(note->clinic_id, c.north);
  EXPECT_EQ(note->person_id, c.ana.person_id);
  EXPECT_EQ(note->visit_date, day("2026-11-20"));
  ASSERT_EQ(note->revisions.size(), 1u);
  EXPECT_EQ(note->current().author, "pat");
  EXPECT_EQ(note->current().author_id, c.pat.person_id);
  EXPECT_EQ(note->current().at, kNow);
  EXPECT_EQ(note->current().text, kSoap);

  const auto log = *c.clinics->access_log(c.ana.person_id);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].actor_name, "pat");
  EXPECT_EQ(log[0].kind, core::AccessKind::write);
  EXPECT_EQ(log[0].area, core::CareArea::care);
  EXPECT_EQ(log[0].what, "wrote a visit note");
}

TEST_P(VisitNoteUseCase, RefusesBadInputNamingTheFieldAndLogsAndStoresNothing) {
  Clinics c(GetParam());
  FASCIA_NEED_DATABASE(c.db);
  struct Case {
    const char* name;
    core::Soap text;
    core::Date date;
    ErrorCode code;
    const char* field;
  };
  const std::string too_long(4001, 'x');
  const Case cases[] = {
      {"every part blank", {"", " \n\t", "\xC2\xA0", ""}, kToday, ErrorCode::invalid_argument, "subjective"},
      {"subjective too long", {too_long, "", "", "plan"}, kToday, ErrorCode::out_of_range, "subjective"},
      {"objective too long", {"s", too_long, "", ""}, kToday, ErrorCode::out_of_range, "objective"},
      {"assessment too long", {"s", "", too_long, ""}, kToday, ErrorCode::out_of_range, "assessment"},
      {"plan too long", {"s", "", "", too_long}, kToday, ErrorCode::out_of_range, "plan"},
      {"plan not UTF-8", {"s", "", "", "\xFF"}, kToday, ErrorCode::invalid_argument, "plan"},
      {"visit tomorrow", kSoap, day("2026-11-24"), ErrorCode::bad_date, "date"},
      {"visit 366 days ago", kSoap, day("2025-11-22"), ErrorCode::bad_date, "date"},
  };
  for (const auto& k : cases) {
    const auto note = c.write(c.pat, k.text, k.date);
    ASSERT_FALSE(note) << k.name;
    EXPECT_EQ(note.error().error.code, k.code) << k.name << ": " << note.error().error.message;
    EXPECT_EQ(note.error().field, k.field) << k.name;
  }
  EXPECT_EQ(c.logged(), 0u);
  EXPECT_TRUE(c.clinics->visit_notes(c.ana.person_id, std::nullopt)->empty());
  EXPECT_TRUE(c.write(c.pat, {"", "", "", too_long.substr(1)}, day("2025-11-23"))) << "the limits themselves pass";
}

TEST_P(VisitNoteUseCase, OnlyAPractitionerWithALiveLinkWritesAndARefusalLogsNothing) {
  Clinics c(GetParam());
  FASCIA_NEED_DATABASE(c.db);
  EXPECT_EQ(c.write(c.quinn, kSoap).error().error.code, ErrorCode::not_found) << "unlinked colleague";
  EXPECT_EQ(c.write(c.ada, kSoap).error().error.code, ErrorCode::forbidden) << "administrator";
  EXPECT_EQ(c.write(c.ana, kSoap).error().error.code, ErrorCode::forbidden) << "the person herself";
  ASSERT_TRUE(c.clinics->revoke_link(c.pat_link, c.ana.person_id, kNow - 10));
  EXPECT_EQ(c.write(c.pat, kSoap).error().error.code, ErrorCode::not_found) << "revoked link";
  EXPECT_EQ(c.logged(), 0u);
  EXPECT_TRUE(c.clinics->visit_notes(c.ana.person_id, std::nullopt)->empty());
}

TEST_P(VisitNoteUseCase, APractitionerReadsTheirClinicsNotesOnlyAndEachReadIsLogged) {
  Clinics c(GetParam());
  FASCIA_NEED_DATABASE(c.db);
  const auto north_note = *c.write(c.pat, kSoap);
  const auto south_note = *c.write(c.sam, {"", "", "", "south plan"});
  const std::size_t before = c.logged();

  const auto seen_by_pat = app::client_visit_notes(*c.clinics, c.pat, c.ana.person_id, kNow);
  ASSERT_TRUE(seen_by_pat) << seen_by_pat.error().message;
  EXPECT_EQ(*seen_by_pat, std::vector<core::VisitNote>{north_note});
  const auto seen_by_sam = app::client_visit_notes(*c.clinics, c.sam, c.ana.person_id, kNow);
  EXPECT_EQ(*seen_by_sam, std::vector<core::VisitNote>{south_note});
  EXPECT_EQ(c.logged(), before + 2);
  EXPECT_EQ(c.clinics->access_log(c.ana.person_id)->front().what, "read the visit notes");
  EXPECT_EQ(c.clinics->access_log(c.ana.person_id)->front().kind, core::AccessKind::read);

  EXPECT_EQ(app::client_visit_notes(*c.clinics, c.quinn, c.ana.person_id, kNow).error().code, ErrorCode::not_found);
  EXPECT_EQ(app::client_visit_notes(*c.clinics, c.ada, c.ana.person_id, kNow).error().code, ErrorCode::forbidden);
  EXPECT_EQ(c.logged(), before + 2) << "refusals log nothing";
}

TEST_P(VisitNoteUseCase, ThePersonReadsEveryClinicsNotesWithoutALogEntry) {
  Clinics c(GetParam());
  FASCIA_NEED_DATABASE(c.db);
  ASSERT_TRUE(c.write(c.pat, kSoap, day("2026-11-20")));
  ASSERT_TRUE(c.write(c.sam, {"", "", "", "south plan"}, day("2026-11-22")));
  const std::size_t before = c.logged();
  const auto own = app::own_visit_notes(*c.clinics, c.ana.person_id);
  ASSERT_TRUE(own);
  ASSERT_EQ(own->size(), 2u);
  EXPECT_EQ((*own)[0].clinic_name, "South Clinic") << "newest visit first";
  EXPECT_EQ((*own)[1].clinic_name, "North Clinic");
  EXPECT_EQ(c.logged(), before);
  EXPECT_TRUE(app::own_visit_notes(*c.clinics, c.pat.person_id)->empty()) << "nobody else's";
}

TEST_P(VisitNoteUseCase, AnAmendmentIsANewRevisionAndTheEarlierTextIsKept) {
  Clinics c(GetParam());
  FASCIA_NEED_DATABASE(c.db);
  const auto note = *c.write(c.pat, kSoap);
  // A colleague of the same clinic with a live link amends it too.
  c.link(c.quinn, c.north, "code-quinn");
  const auto amended = c.amend(c.quinn, note.id, {.plan = "review in two weeks"}, "the plan changed on the phone");
  ASSERT_TRUE(amended) << amended.error().error.message;
  ASSERT_EQ(amended->revisions.size(), 2u);
  EXPECT_EQ(amended->revisions[0], note.revisions[0]) << "revision 1 as written";
  const auto& latest = amended->current();
  EXPECT_EQ(latest.number, 2);
  EXPECT_EQ(latest.author, "quinn");
  EXPECT_EQ(latest.at, kNow + 60);
  EXPECT_EQ(latest.reason, "the plan changed on the phone");
  EXPECT_EQ(latest.text.plan, "review in two weeks");
  EXPECT_EQ(latest.text.subjective, kSoap.subjective) << "parts not given are kept";
  EXPECT_EQ(*c.clinics->find_visit_note(note.id), std::optional<core::VisitNote>(*amended));
  EXPECT_EQ(c.clinics->access_log(c.ana.person_id)->front().what, "amended visit note " + std::to_string(note.id));

  const auto third = c.amend(c.pat, note.id, {.objective = ""}, "wrong client's finding");
  ASSERT_TRUE(third);
  EXPECT_EQ(third->current().number, 3);
  EXPECT_EQ(third->current().text.objective, "");
  EXPECT_EQ(third->revisions[1], amended->revisions[1]);
}

TEST_P(VisitNoteUseCase, AnAmendmentIsRefusedBeforeAnythingIsLoggedOrStored) {
  Clinics c(GetParam());
  FASCIA_NEED_DATABASE(c.db);
  const auto north_note = *c.write(c.pat, kSoap);
  const auto south_note = *c.write(c.sam, kSoap);
  const auto plan_only = *c.write(c.pat, core::Soap{"", "", "", "review in a week"});
  const std::size_t before = c.logged();
  struct Case {
    const char* name;
    const app::Account* who;
    std::int64_t note;
    core::SoapChanges changes;
    std::string reason;
    ErrorCode code;
    const char* field;
  };
  const Case cases[] = {
      {"no reason", &c.pat, north_note.id, {.plan = "x"}, " ", ErrorCode::invalid_argument, "reason"},
      {"reason too long",
       &c.pat,
       north_note.id,
       {.plan = "x"},
       std::string(501, 'r'),
       ErrorCode::out_of_range,
       "reason"},
      {"part too long",
       &c.pat,
       north_note.id,
       {.plan = std::string(4001, 'p')},
       "why",
       ErrorCode::out_of_range,
       "plan"},
      // The field named is the first part given: the one to change.
      {"changes nothing", &c.pat, north_note.id, {.plan = kSoap.plan}, "why", ErrorCode::invalid_argument, "plan"},
      {"changes nothing in two parts",
       &c.pat,
       north_note.id,
       {.assessment = kSoap.assessment, .plan = kSoap.plan},
       "why",
       ErrorCode::invalid_argument,
       "assessment"},
      {"gives no part", &c.pat, north_note.id, {}, "why", ErrorCode::invalid_argument, ""},
      {"leaves it blank", &c.pat, north_note.id, {"", "", "", ""}, "why", ErrorCode::invalid_argument, "subjective"},
      {"blanks the only part left", &c.pat, plan_only.id, {.plan = " "}, "why", ErrorCode::invalid_argument, "plan"},
      {"another clinic's note", &c.pat, south_note.id, {.plan = "x"}, "why", ErrorCode::not_found, "note"},
      {"no such note", &c.pat, 999, {.plan = "x"}, "why", ErrorCode::not_found, "note"},
      {"unlinked colleague", &c.quinn, north_note.id, {.plan = "x"}, "why", ErrorCode::not_found, ""},
      {"administrator", &c.ada, north_note.id, {.plan = "x"}, "why", ErrorCode::forbidden, ""},
  };
  for (const auto& k : cases) {
    const auto amended = c.amend(*k.who, k.note, k.changes, k.reason);
    ASSERT_FALSE(amended) << k.name;
    EXPECT_EQ(amended.error().error.code, k.code) << k.name << ": " << amended.error().error.message;
    EXPECT_EQ(amended.error().field, k.field) << k.name;
  }
  EXPECT_EQ(c.logged(), before);
  EXPECT_EQ(c.clinics->find_visit_note(north_note.id)->value().revisions.size(), 1u);
  EXPECT_EQ(c.clinics->find_visit_note(south_note.id)->value().revisions.size(), 1u);
}
