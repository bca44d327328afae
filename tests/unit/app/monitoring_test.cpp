// Issue 10, point 6: the monitoring list. Clients ordered by their most urgent
// flag, flags only from what each client shares ("not shared" otherwise), one
// access-log entry per client per view, and the client progress page behind
// the journal share. On SQLite and on PostgreSQL (FASCIA_TEST_PG).
#include "fascia/app/monitoring.hpp"

#include <gtest/gtest.h>

#include "unit/adapters/sample_person.hpp"
#include "unit/adapters/test_database.hpp"

using namespace fascia;
using core::AttentionKind;
using core::CareArea;
using core::ErrorCode;
using fascia::testing::day;
using fascia::testing::Engine;
using fascia::testing::TestDatabase;

namespace {

const core::Date kToday = day("2026-12-23");
constexpr std::int64_t kNow = 1'800'000'000;
constexpr std::int64_t kLinkedAt = 1'795'000'000;  // 2026-11-18, the day each link was made

core::KnowledgeBase small_kb() {
  core::KnowledgeBase kb;
  core::Region r;
  r.id = r.name = "upper-trapezius";
  kb.regions[r.id] = r;
  kb.stop_signs["dizziness"] = {"dizziness", "Dizziness", core::StopAction::stop_session, "stop", "", 0, "seed-000"};
  kb.caps.repeated_bruising_count = {2, "seed-003"};
  kb.caps.worse_after_hours = {48, "seed-000"};
  kb.caps.review_week = {4, "seed-000"};
  return kb;
}

core::SessionEntry session(const char* date, bool stop = false) {
  core::SessionEntry s;
  s.date = day(date);
  s.protocol = "neck";
  s.steps.push_back({.index = 0,
                     .technique = "sweep",
                     .region = "upper-trapezius",
                     .side = core::Side::both,
                     .modality = core::Modality::instrument,
                     .status = stop ? core::StepStatus::stopped : core::StepStatus::done,
                     .strokes = 10,
                     .seconds = 0,
                     .pressure_used = 4,
                     .stop_sign = stop ? "dizziness" : "",
                     .note = ""});
  s.stopped = stop;
  s.stop_sign = stop ? "dizziness" : "";
  return s;
}

// pat's clinic with four clients: ana (everything shared, stopped a session
// three days ago), ben (everything shared, logged yesterday: nothing to see),
// cleo (shares nothing, stopped a session too), dan (journal only, nothing
// logged for 10 days); and quinn, another practitioner with no clients.
struct Practice {
  explicit Practice(Engine engine) : db(engine) {
    if (!db.available()) return;
    accounts = db.accounts();
    clinics = db.clinics();
    const auto clinic = clinics->add_clinic("Harbour Physio", day("2026-11-01"));
    pat = *accounts->add_account("pat", "h", day("2026-11-01"), {core::Role::practitioner, clinic->id});
    quinn = *accounts->add_account("quinn", "h", day("2026-11-01"), {core::Role::practitioner, clinic->id});
    store = db.store(1);
    ana = client("ana", {true, true, true});
    ben = client("ben", {true, true, true});
    cleo = client("cleo", {});
    dan = client("dan", {true, false, false});
    write(ana, [](app::JournalStore& s) { return s.add_session(session("2026-12-20", true)); });
    write(ben, [](app::JournalStore& s) {
      return s.add_pain({day("2026-12-22"), "upper-trapezius", core::Side::both, 3});
    });
    write(cleo, [](app::JournalStore& s) { return s.add_session(session("2026-12-21", true)); });
    write(dan, [](app::JournalStore& s) {
      return s.add_pain({day("2026-12-13"), "upper-trapezius", core::Side::both, 3});
    });
  }

  std::int64_t client(const std::string& name, const core::Sharing& sharing) {
    const auto account = *accounts->add_account(name, "h", day("2026-11-01"), {});
    EXPECT_TRUE(clinics->add_invitation({.code_hash = "code-" + name,
                                         .clinic_id = *pat.membership.clinic_id,
                                         .practitioner_id = pat.person_id,
                                         .created_at = kLinkedAt - 100,
                                         .expires_at = kNow + 100,
                                         .used_at = std::nullopt,
                                         .used_by = std::nullopt}));
    EXPECT_TRUE(clinics->accept_invitation("code-" + name, {account.person_id, core::Role::person, std::nullopt},
                                           sharing, kLinkedAt));
    return account.person_id;
  }
  template <class Write>
  void write(std::int64_t person, Write w) {
    store->rebind(person);
    EXPECT_TRUE(w(*store));
  }
  std::size_t logged(std::int64_t person) { return clinics->access_log(person)->size(); }

  core::KnowledgeBase kb = small_kb();
  TestDatabase db;
  std::unique_ptr<adapters::SqlAccounts> accounts;
  std::unique_ptr<adapters::SqlClinics> clinics;
  std::unique_ptr<app::JournalStore> store;
  app::Account pat, quinn;
  std::int64_t ana = 0, ben = 0, cleo = 0, dan = 0;
};

class Monitoring : public ::testing::TestWithParam<Engine> {};

}  // namespace

INSTANTIATE_TEST_SUITE_P(Engines, Monitoring, ::testing::Values(Engine::sqlite, Engine::postgresql),
                         fascia::testing::engine_name);

TEST_P(Monitoring, OrdersClientsByTheirMostUrgentFlagAndLeavesQuietOnesLast) {
  Practice p(GetParam());
  FASCIA_NEED_DATABASE(p.db);
  const auto list = app::attention_list(p.kb, *p.clinics, *p.store, p.pat, kToday, kNow);
  ASSERT_TRUE(list) << list.error().message;
  ASSERT_EQ(list->size(), 4u);
  std::vector<std::string> names;
  for (const auto& c : *list) names.push_back(c.link.person_name);
  EXPECT_EQ(names, (std::vector<std::string>{"ana", "dan", "ben", "cleo"}));
  ASSERT_FALSE((*list)[0].flags.empty());
  EXPECT_EQ((*list)[0].flags[0].kind, AttentionKind::stop_event);
  EXPECT_EQ((*list)[0].flags[0].date, day("2026-12-20"));
  EXPECT_NE((*list)[0].flags[0].reason.find("stopped for dizziness"), std::string::npos) << (*list)[0].flags[0].reason;
  ASSERT_EQ((*list)[1].flags.size(), 1u);
  EXPECT_EQ((*list)[1].flags[0].kind, AttentionKind::inactive);
  EXPECT_EQ((*list)[1].not_shared, (std::vector<CareArea>{CareArea::sessions, CareArea::screening}));
  EXPECT_TRUE((*list)[2].flags.empty());
  EXPECT_TRUE((*list)[2].not_shared.empty());
}

TEST_P(Monitoring, AClientWhoSharesNothingShowsNotSharedAndNoFlagsEvenAfterAStop) {
  Practice p(GetParam());
  FASCIA_NEED_DATABASE(p.db);
  const auto list = *app::attention_list(p.kb, *p.clinics, *p.store, p.pat, kToday, kNow);
  const auto& cleo = list.back();
  EXPECT_EQ(cleo.link.person_name, "cleo");
  EXPECT_TRUE(cleo.flags.empty());
  EXPECT_EQ(cleo.not_shared, (std::vector<CareArea>{CareArea::journal, CareArea::sessions, CareArea::screening}));
}

TEST_P(Monitoring, EachViewLogsOneReadPerClientSayingWhatWasRead) {
  Practice p(GetParam());
  FASCIA_NEED_DATABASE(p.db);
  ASSERT_TRUE(app::attention_list(p.kb, *p.clinics, *p.store, p.pat, kToday, kNow));
  for (auto person : {p.ana, p.ben, p.cleo, p.dan}) EXPECT_EQ(p.logged(person), 1u);
  const auto ana = *p.clinics->access_log(p.ana);
  EXPECT_EQ(ana[0].actor_name, "pat");
  EXPECT_EQ(ana[0].kind, core::AccessKind::read);
  EXPECT_EQ(ana[0].area, CareArea::journal);
  EXPECT_EQ(ana[0].what, "viewed on the monitoring list (journal, sessions, screening)");
  EXPECT_EQ(ana[0].at, kNow);
  const auto cleo = *p.clinics->access_log(p.cleo);
  EXPECT_EQ(cleo[0].area, CareArea::link);
  EXPECT_EQ(cleo[0].what, "viewed on the monitoring list (nothing shared)");
  ASSERT_TRUE(app::attention_list(p.kb, *p.clinics, *p.store, p.pat, kToday, kNow + 60));
  EXPECT_EQ(p.logged(p.ana), 2u);
}

TEST_P(Monitoring, OnlyAPractitionerHasAListAndARevokedClientLeavesIt) {
  Practice p(GetParam());
  FASCIA_NEED_DATABASE(p.db);
  EXPECT_TRUE(app::attention_list(p.kb, *p.clinics, *p.store, p.quinn, kToday, kNow)->empty());
  const auto ana_account = *p.accounts->account_of(p.ana);
  ASSERT_TRUE(ana_account);
  const auto refused = app::attention_list(p.kb, *p.clinics, *p.store, *ana_account, kToday, kNow);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::forbidden);
  const auto links = *p.clinics->links_of_person(p.ana);
  ASSERT_TRUE(p.clinics->revoke_link(links[0].link.id, p.ana, kNow));
  const auto list = *app::attention_list(p.kb, *p.clinics, *p.store, p.pat, kToday, kNow);
  EXPECT_EQ(list.size(), 3u);
  EXPECT_EQ(p.logged(p.ana), 0u);
}

TEST_P(Monitoring, TheProgressPageNeedsTheJournalShareAndIsLogged) {
  Practice p(GetParam());
  FASCIA_NEED_DATABASE(p.db);
  p.store->rebind(p.cleo);
  const auto refused = app::client_progress(p.kb, *p.clinics, *p.store, p.pat, p.cleo, kToday, kNow);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::forbidden);
  EXPECT_EQ(p.logged(p.cleo), 0u);
  p.store->rebind(p.ben);
  // ben has no profile: reached (and logged), then nothing to measure against.
  const auto empty = app::client_progress(p.kb, *p.clinics, *p.store, p.pat, p.ben, kToday, kNow);
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code, ErrorCode::precondition);
  const auto log = *p.clinics->access_log(p.ben);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].what, "read progress on the client page");
}

// The list reads the recent journal first (ADR 0020): over four months of a
// client's journal — sessions every other day with bruising and pain going
// up and down, a stop, a long gap — the flags on every day of the last two
// months are those read from the whole journal, with each sharing.
TEST_P(Monitoring, TheRecentJournalGivesTheSameFlagsAsTheWholeOneOnEveryDay) {
  Practice p(GetParam());
  FASCIA_NEED_DATABASE(p.db);
  core::PersonData data;
  for (core::Date d = day("2026-09-01"); d <= day("2026-12-20"); d = core::add_days(d, 1)) {
    const int n = static_cast<int>(core::days_between(day("2026-09-01"), d));
    if (d >= day("2026-11-10") && d < day("2026-11-28")) continue;  // a gap
    if (n % 2 == 0) data.journal.sessions.push_back(session(core::format_date(d).c_str(), n % 37 == 0));
    if (n % 3 == 0) data.journal.pain.push_back({d, "upper-trapezius", core::Side::both, (n * 7) % 11});
    if (n % 5 == 1) data.journal.reactions.push_back({d, "upper-trapezius", core::Side::both, false, false, true, 0});
  }
  p.store->rebind(p.ben);
  ASSERT_TRUE(p.store->replace_all(data));
  for (const core::Sharing sharing :
       {core::Sharing{true, true, true}, core::Sharing{true, false, false}, core::Sharing{false, true, false}}) {
    app::LinkDetails link;
    link.link.person_id = p.ben;
    link.link.created_at = kLinkedAt;
    link.link.sharing = sharing;
    std::size_t flagged = 0;
    for (core::Date today = day("2026-11-01"); today <= day("2027-01-05"); today = core::add_days(today, 1)) {
      const auto recent = app::client_flags(p.kb, *p.store, link, today, app::JournalReach::recent);
      const auto whole = app::client_flags(p.kb, *p.store, link, today, app::JournalReach::whole);
      ASSERT_TRUE(recent && whole);
      EXPECT_EQ(*recent, *whole) << core::format_date(today);
      flagged += whole->size();
    }
    EXPECT_GT(flagged, 0u);  // something to compare
  }
}
