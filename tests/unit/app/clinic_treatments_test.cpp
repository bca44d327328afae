// Issue 10, point 4: a practitioner records what was done in clinic. Checked
// first (each error naming its field, nothing logged or stored), then the
// reach into the client's data is decided and logged, then the entry is
// stored in the client's journal with who recorded it. On SQLite and on
// PostgreSQL (FASCIA_TEST_PG), with the real clinic store.
#include "fascia/app/clinic_treatments.hpp"

#include <gtest/gtest.h>

#include "fascia/app/validate.hpp"
#include "unit/adapters/sample_person.hpp"
#include "unit/adapters/test_database.hpp"

using namespace fascia;
using core::ErrorCode;
using core::Side;
using fascia::testing::day;
using fascia::testing::Engine;
using fascia::testing::TestDatabase;

namespace {

const core::Date kToday = day("2026-11-23");
constexpr std::int64_t kNow = 1'800'000'000;

core::KnowledgeBase small_kb() {
  core::KnowledgeBase kb;
  for (const char* id : {"upper-trapezius", "scalenes", "lumbar"}) {
    core::Region r;
    r.id = id;
    r.name = id;
    kb.regions[id] = r;
  }
  kb.regions["scalenes"].region_class = core::RegionClass::practitioner_only;
  kb.regions["lumbar"].laterality = core::Laterality::midline;
  kb.treatments["clinic-iastm"] = {"clinic-iastm", "Instrument work in clinic", "",
                                   true,           core::Modality::instrument,  "seed-000"};
  kb.treatments["swedish-massage"] = {"swedish-massage", "Swedish massage", "", true, std::nullopt, "seed-001"};
  return kb;
}

// A clinic with a practitioner (pat) linked to a client (ana, sharing
// nothing), an unlinked practitioner of the same clinic (quinn) and another
// person (omar).
struct Clinic {
  explicit Clinic(Engine engine) : db(engine) {
    if (!db.available()) return;
    accounts = db.accounts();
    clinics = db.clinics();
    ana = *accounts->add_account("ana", "h", day("2026-11-01"), {});
    omar = *accounts->add_account("omar", "h", day("2026-11-01"), {});
    const auto clinic = clinics->add_clinic("Harbour Physio", day("2026-11-01"));
    clinic_id = clinic->id;
    pat = *accounts->add_account("pat", "h", day("2026-11-01"), {core::Role::practitioner, clinic_id});
    quinn = *accounts->add_account("quinn", "h", day("2026-11-01"), {core::Role::practitioner, clinic_id});
    EXPECT_TRUE(clinics->add_invitation({.code_hash = "code",
                                         .clinic_id = clinic_id,
                                         .practitioner_id = pat.person_id,
                                         .created_at = kNow - 100,
                                         .expires_at = kNow + 100,
                                         .used_at = std::nullopt,
                                         .used_by = std::nullopt}));
    const core::Actor person{ana.person_id, core::Role::person, std::nullopt};
    link = clinics->accept_invitation("code", person, {}, kNow - 50)->id;
    journal = db.store(ana.person_id);
  }

  app::FieldResult<core::ClinicTreatmentEntry> record(const app::Account& who, const core::ClinicTreatmentEntry& e) {
    return app::record_clinic_treatment(kb, *clinics, *journal, who, ana.person_id, e, kNow, kToday);
  }
  std::size_t logged() { return clinics->access_log(ana.person_id)->size(); }

  core::KnowledgeBase kb = small_kb();
  TestDatabase db;
  std::unique_ptr<adapters::SqlAccounts> accounts;
  std::unique_ptr<adapters::SqlClinics> clinics;
  std::unique_ptr<app::JournalStore> journal;
  app::Account ana, omar, pat, quinn;
  std::int64_t clinic_id = 0;
  std::int64_t link = 0;
};

core::ClinicTreatmentEntry iastm() {
  core::ClinicTreatmentEntry e;
  e.date = kToday;
  e.treatment = "clinic-iastm";
  e.regions = {{"upper-trapezius", Side::left}};
  e.pressure = 4;
  e.minutes = 5;
  e.reaction = "redness that faded within the hour";
  e.practitioner_id = 99;  // set by the use case, whatever the caller says
  e.practitioner = "someone else";
  e.clinic_id = 99;
  return e;
}

class ClinicTreatmentUseCase : public ::testing::TestWithParam<Engine> {};

}  // namespace

INSTANTIATE_TEST_SUITE_P(Engines, ClinicTreatmentUseCase, ::testing::Values(Engine::sqlite, Engine::postgresql),
                         fascia::testing::engine_name);

TEST_P(ClinicTreatmentUseCase, StoresTheTreatmentInTheClientsJournalAfterLoggingTheWrite) {
  Clinic c(GetParam());
  FASCIA_NEED_DATABASE(c.db);
  const auto stored = c.record(c.pat, iastm());
  ASSERT_TRUE(stored) << stored.error().error.message;
  EXPECT_GT(stored->id, 0);
  EXPECT_EQ(stored->practitioner_id, c.pat.person_id);
  EXPECT_EQ(stored->practitioner, "pat");
  EXPECT_EQ(stored->clinic_id, c.clinic_id);
  EXPECT_EQ(c.journal->load_journal()->clinic_treatments, std::vector<core::ClinicTreatmentEntry>{*stored});

  const auto log = *c.clinics->access_log(c.ana.person_id);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].actor_name, "pat");
  EXPECT_EQ(log[0].kind, core::AccessKind::write);
  EXPECT_EQ(log[0].area, core::CareArea::care);
  EXPECT_EQ(log[0].what, "recorded a clinic treatment");
  EXPECT_EQ(log[0].at, kNow);
}

// The scalenes are the practitioner's to treat: any region of the knowledge base.
TEST_P(ClinicTreatmentUseCase, AcceptsPractitionerOnlyRegionsAndNormalisesTheAreas) {
  Clinic c(GetParam());
  FASCIA_NEED_DATABASE(c.db);
  core::ClinicTreatmentEntry e = iastm();
  e.regions = {{"scalenes", Side::right}, {"lumbar", Side::both}, {"scalenes", Side::right}};
  e.pressure = std::nullopt;
  const auto stored = c.record(c.pat, e);
  ASSERT_TRUE(stored) << stored.error().error.message;
  EXPECT_EQ(stored->regions, (std::vector<core::RegionSide>{{"scalenes", Side::right}, {"lumbar", Side::midline}}));
  EXPECT_EQ(stored->pressure, std::nullopt);
}

TEST_P(ClinicTreatmentUseCase, RefusesBadInputNamingTheFieldAndLogsAndStoresNothing) {
  Clinic c(GetParam());
  FASCIA_NEED_DATABASE(c.db);
  struct Case {
    std::function<void(core::ClinicTreatmentEntry&)> change;
    std::string field;
    ErrorCode code;
  };
  const std::vector<Case> cases{
      {[](auto& e) { e.treatment = "cupping"; }, "treatment", ErrorCode::unknown_name},
      {[](auto& e) { e.regions.clear(); }, "regions", ErrorCode::invalid_argument},
      {[](auto& e) {
         e.regions.push_back({"elbow", Side::left});
       },
       "regions[1].region", ErrorCode::unknown_name},
      {[](auto& e) {
         e.regions = {{"upper-trapezius", Side::midline}};
       },
       "regions[0].side", ErrorCode::invalid_argument},
      {[](auto& e) {
         e.regions.assign(31, {"upper-trapezius", Side::left});
       },
       "regions", ErrorCode::out_of_range},
      {[](auto& e) { e.pressure = 11; }, "pressure", ErrorCode::out_of_range},
      {[](auto& e) { e.pressure = -1; }, "pressure", ErrorCode::out_of_range},
      {[](auto& e) { e.minutes = 0; }, "minutes", ErrorCode::out_of_range},
      {[](auto& e) { e.minutes = 241; }, "minutes", ErrorCode::out_of_range},
      {[](auto& e) { e.reaction = std::string(1001, 'r'); }, "reaction", ErrorCode::out_of_range},
      {[](auto& e) { e.note = std::string("bad \x01 byte"); }, "note", ErrorCode::invalid_argument},
      {[](auto& e) { e.date = day("2026-11-24"); }, "date", ErrorCode::bad_date},
      {[](auto& e) { e.date = day("2025-11-22"); }, "date", ErrorCode::bad_date},
  };
  for (const auto& k : cases) {
    core::ClinicTreatmentEntry e = iastm();
    k.change(e);
    const auto refused = c.record(c.pat, e);
    ASSERT_FALSE(refused) << k.field;
    EXPECT_EQ(refused.error().field, k.field) << refused.error().error.message;
    EXPECT_EQ(refused.error().error.code, k.code) << refused.error().error.message;
  }
  EXPECT_EQ(c.logged(), 0u);
  EXPECT_TRUE(c.journal->load_journal()->clinic_treatments.empty());
  // The earliest accepted day: a year back.
  core::ClinicTreatmentEntry oldest = iastm();
  oldest.date = day("2025-11-23");
  EXPECT_TRUE(c.record(c.pat, oldest));
}

TEST_P(ClinicTreatmentUseCase, OnlyALinkedPractitionerMayRecordAndARefusalLeavesNoTrace) {
  Clinic c(GetParam());
  FASCIA_NEED_DATABASE(c.db);
  const auto unlinked = c.record(c.quinn, iastm());
  ASSERT_FALSE(unlinked);
  EXPECT_EQ(unlinked.error().error.code, ErrorCode::not_found);
  EXPECT_EQ(unlinked.error().field, "");
  const auto person = c.record(c.omar, iastm());
  ASSERT_FALSE(person);
  EXPECT_EQ(person.error().error.code, ErrorCode::forbidden);
  ASSERT_TRUE(c.clinics->revoke_link(c.link, c.ana.person_id, kNow));
  EXPECT_EQ(c.record(c.pat, iastm()).error().error.code, ErrorCode::not_found);
  EXPECT_EQ(c.logged(), 0u);
  EXPECT_TRUE(c.journal->load_journal()->clinic_treatments.empty());
}

// A write that fails after the access was logged: the error comes back, the
// log keeps the entry (ADR 0016: logged before, never after), nothing is stored.
TEST_P(ClinicTreatmentUseCase, AFailedWriteComesBackAfterTheAccessWasLogged) {
  Clinic c(GetParam());
  FASCIA_NEED_DATABASE(c.db);
  const app::ClinicTreatmentWriter failing = [](const core::ClinicTreatmentEntry&) -> core::Result<std::int64_t> {
    return core::fail(ErrorCode::db_full, "the disk is full");
  };
  const auto failed =
      app::record_clinic_treatment(c.kb, *c.clinics, failing, c.pat, c.ana.person_id, iastm(), kNow, kToday);
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().error.code, ErrorCode::db_full);
  EXPECT_EQ(c.logged(), 1u);
  EXPECT_TRUE(c.journal->load_journal()->clinic_treatments.empty());
}

// An import brings clinic treatments: the same checks, and who recorded them.
TEST(ClinicTreatmentImport, AnImportedClinicTreatmentIsCheckedLikeARecordedOne) {
  const core::KnowledgeBase kb = small_kb();
  core::PersonData data;
  core::ClinicTreatmentEntry e = iastm();
  data.journal.clinic_treatments = {e};
  EXPECT_TRUE(app::validate_person_data(kb, data, kToday));
  data.journal.clinic_treatments[0].minutes = 0;
  const auto minutes = app::validate_person_data(kb, data, kToday);
  ASSERT_FALSE(minutes);
  EXPECT_EQ(minutes.error().message, "journal.clinic_treatments[0]: minutes 0 is outside 1..240");
  data.journal.clinic_treatments[0] = e;
  data.journal.clinic_treatments[0].treatment = "cupping";
  EXPECT_EQ(app::validate_person_data(kb, data, kToday).error().code, ErrorCode::unknown_name);
  data.journal.clinic_treatments[0] = e;
  data.journal.clinic_treatments[0].practitioner = "";
  EXPECT_FALSE(app::validate_person_data(kb, data, kToday));
  data.journal.clinic_treatments[0] = e;
  data.journal.clinic_treatments[0].clinic_id = 0;
  EXPECT_FALSE(app::validate_person_data(kb, data, kToday));
}
