// Issue 10, point 3: a linked practitioner assigns, changes and ends a home
// program; every version is kept and the person's plan follows the one in
// force. Refusals (a cap broken, no link, another clinic) log and store
// nothing. On SQLite and PostgreSQL (FASCIA_TEST_PG), with the real stores.
#include "fascia/app/home_programs.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "fascia/app/person_state.hpp"
#include "fascia/core/planner.hpp"
#include "unit/adapters/test_database.hpp"
#include "unit/app/home_program_fixture.hpp"
#include "unit/core/fixture_kb.hpp"

using namespace fascia;
using core::ErrorCode;
using core::Side;
using fascia::testing::Engine;
using fascia::testing::TestDatabase;
using home_program_fixture::kNow;
using home_program_fixture::kToday;
using home_program_fixture::neck;

namespace {

// pat (North Physio) linked to ana; quinn: same clinic, no link; rene:
// another clinic, linked to ana too.
struct Clinic {
  explicit Clinic(Engine engine) : db(engine) {
    if (!db.available()) return;
    accounts = db.accounts();
    clinics = db.clinics();
    ana = *accounts->add_account("ana", "h", kToday, {});
    const auto north = clinics->add_clinic("North Physio", kToday)->id;
    const auto south = clinics->add_clinic("South Physio", kToday)->id;
    pat = *accounts->add_account("pat", "h", kToday, {core::Role::practitioner, north});
    quinn = *accounts->add_account("quinn", "h", kToday, {core::Role::practitioner, north});
    rene = *accounts->add_account("rene", "h", kToday, {core::Role::practitioner, south});
    link(pat, north, "code-pat");
    link(rene, south, "code-rene");
    journal = db.store(ana.person_id);
  }
  void link(const app::Account& who, std::int64_t clinic, const std::string& code) {
    ASSERT_TRUE(clinics->add_invitation({.code_hash = code,
                                         .clinic_id = clinic,
                                         .practitioner_id = who.person_id,
                                         .created_at = kNow - 100,
                                         .expires_at = kNow + 100,
                                         .used_at = std::nullopt,
                                         .used_by = std::nullopt}));
    ASSERT_TRUE(clinics->accept_invitation(code, {ana.person_id, core::Role::person, std::nullopt}, {}, kNow - 50));
  }
  app::ProgramReader reader() {
    return [this] { return journal->load_programs(); };
  }
  app::ProgramWriter writer() {
    return [this](const core::HomeProgram& p) { return journal->add_program_version(p); };
  }
  app::FieldResult<core::HomeProgram> assign(const app::Account& who, core::HomeProgram p, std::int64_t id = 0) {
    return app::assign_program(kb, *clinics, reader(), writer(), who, ana.person_id, std::move(p), id, kNow, kToday);
  }
  app::FieldResult<core::HomeProgram> end(const app::Account& who, std::int64_t id) {
    if (who.person_id == ana.person_id) return app::end_own_program(reader(), writer(), who.name, id, kToday);
    return app::end_program(*clinics, reader(), writer(), who, ana.person_id, id, kNow, kToday);
  }
  std::size_t logged() { return clinics->access_log(ana.person_id)->size(); }
  std::size_t versions() { return journal->load_programs()->size(); }

  core::KnowledgeBase kb = fixture::kb();
  TestDatabase db;
  std::unique_ptr<adapters::SqlAccounts> accounts;
  std::unique_ptr<adapters::SqlClinics> clinics;
  std::unique_ptr<app::JournalStore> journal;
  app::Account ana, pat, quinn, rene;
};

class HomeProgramUseCase : public ::testing::TestWithParam<Engine> {};

}  // namespace

INSTANTIATE_TEST_SUITE_P(Engines, HomeProgramUseCase, ::testing::Values(Engine::sqlite, Engine::postgresql),
                         fascia::testing::engine_name);

TEST_P(HomeProgramUseCase, AssigningStoresVersionOneWithWhoAssignedItAfterLoggingTheWrite) {
  Clinic c(GetParam());
  FASCIA_NEED_DATABASE(c.db);
  const auto stored = c.assign(c.pat, neck());
  ASSERT_TRUE(stored) << stored.error().error.message;
  EXPECT_EQ(stored->id, 1);
  EXPECT_EQ(stored->version, 1);
  EXPECT_EQ(stored->practitioner, "pat");
  EXPECT_EQ(stored->clinic, "North Physio");
  EXPECT_EQ(stored->assigned, kToday);
  EXPECT_EQ(*c.journal->load_programs(), std::vector<core::HomeProgram>{*stored});
  const auto log = *c.clinics->access_log(c.ana.person_id);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].what, "assigned a home program");
  EXPECT_EQ(log[0].kind, core::AccessKind::write);
}

TEST_P(HomeProgramUseCase, AProgramAboveAHomeCapIsRefusedNamingItsSourceWithNothingLoggedOrStored) {
  Clinic c(GetParam());
  FASCIA_NEED_DATABASE(c.db);
  const auto refused = c.assign(c.pat, neck(8));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().error.code, ErrorCode::invalid_argument);
  EXPECT_EQ(refused.error().field, "items[0].max_pressure");
  EXPECT_NE(refused.error().error.message.find("seed-000"), std::string::npos) << refused.error().error.message;
  auto home_scalenes = neck();
  home_scalenes.clinic_only.clear();
  home_scalenes.items.push_back({"neck", {"scalenes", Side::left}, std::nullopt, 100, ""});
  const auto practitioner_only = c.assign(c.pat, home_scalenes);
  ASSERT_FALSE(practitioner_only);
  EXPECT_NE(practitioner_only.error().error.message.find("practitioners only"), std::string::npos);
  EXPECT_EQ(c.logged(), 0u);
  EXPECT_EQ(c.versions(), 0u);
}

TEST_P(HomeProgramUseCase, WithoutALiveLinkOrFromAnotherClinicNothingIsSeenOrChanged) {
  Clinic c(GetParam());
  FASCIA_NEED_DATABASE(c.db);
  EXPECT_EQ(c.assign(c.quinn, neck()).error().error.code, ErrorCode::not_found) << "an unlinked colleague";
  const auto stored = c.assign(c.pat, neck());
  ASSERT_TRUE(stored);
  const auto before = c.logged();
  // rene is linked, but from another clinic: pat's program is not theirs to see, change or end.
  EXPECT_EQ(c.assign(c.rene, neck(3), stored->id).error().error.code, ErrorCode::not_found);
  EXPECT_EQ(c.end(c.rene, stored->id).error().error.code, ErrorCode::not_found);
  const auto seen = app::programs_for_practitioner(c.kb, *c.clinics, c.reader(), c.rene, c.ana.person_id, kNow);
  ASSERT_TRUE(seen);
  EXPECT_TRUE(seen->empty());
  EXPECT_EQ(c.versions(), 1u);
  EXPECT_EQ(c.logged(), before + 1) << "only rene's read is logged: a refused change or end did nothing";
  EXPECT_EQ(c.assign(c.pat, neck(3), 99).error().error.code, ErrorCode::not_found);
  EXPECT_EQ(c.logged(), before + 1) << "a change of a program that does not exist is not logged";
}

TEST_P(HomeProgramUseCase, AnotherClinicsNewerProgramIsTheOneInForceAndThisClinicIsToldSo) {
  Clinic c(GetParam());
  FASCIA_NEED_DATABASE(c.db);
  ASSERT_TRUE(c.assign(c.pat, neck(4)));
  ASSERT_TRUE(c.assign(c.rene, neck(3)));
  const auto seen = app::programs_for_practitioner(c.kb, *c.clinics, c.reader(), c.pat, c.ana.person_id, kNow);
  ASSERT_TRUE(seen);
  ASSERT_EQ(seen->size(), 1u) << "only pat's clinic's program";
  EXPECT_FALSE((*seen)[0].in_force) << "rene's newer program replaced it";
}

TEST_P(HomeProgramUseCase, NotesAndCuesArePlainTextWithinTheirLimitsAndTheStartIsNotMonthsAway) {
  Clinic c(GetParam());
  FASCIA_NEED_DATABASE(c.db);
  auto escape = neck();
  escape.items[0].cue = "\x1b[2J fake: pressure 9/10 is fine";
  EXPECT_EQ(c.assign(c.pat, escape).error().field, "items[0].cue");
  auto long_note = neck();
  long_note.note = std::string(2001, 'a');
  EXPECT_EQ(c.assign(c.pat, long_note).error().field, "note");
  auto far = neck();
  far.start = fixture::day("2030-10-07");
  far.review = fixture::day("2030-11-04");
  EXPECT_EQ(c.assign(c.pat, far).error().field, "start");
  EXPECT_EQ(c.logged(), 0u);
  EXPECT_EQ(c.versions(), 0u);
}

// One refusal lists every problem, each with its field: the content rules,
// the texts and the dates alike, so that one answer says all that must change.
TEST_P(HomeProgramUseCase, EveryProblemIsListedTogetherTheStartAndReviewDatesWithTheRest) {
  Clinic c(GetParam());
  FASCIA_NEED_DATABASE(c.db);
  auto far = neck(8);  // above the home cap
  far.items[0].cue = "\x1b[2J";
  far.start = fixture::day("2030-10-07");  // months away
  far.review = fixture::day("2030-11-04");
  const auto refused = c.assign(c.pat, far);
  ASSERT_FALSE(refused);
  std::vector<std::string> fields;
  for (const auto& p : refused.error().problems) fields.push_back(p.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"items[0].max_pressure", "items[0].cue", "start"}));
  EXPECT_EQ(refused.error().field, "items[0].max_pressure");
  EXPECT_EQ(refused.error().error.code, ErrorCode::invalid_argument);
  const std::string& message = refused.error().error.message;
  EXPECT_NE(message.find("start: 2030-10-07 is more than 28 days ahead"), std::string::npos) << message;
  EXPECT_NE(message.find("items[0].cue: "), std::string::npos) << message;
  for (const auto& p : refused.error().problems)
    EXPECT_EQ(p.message.find(p.field + ":"), std::string::npos) << "no field name in its own message: " << p.message;

  auto passed = neck();
  passed.weekdays.clear();
  passed.note = std::string(2001, 'a');
  passed.start = fixture::day("2026-10-01");
  passed.review = fixture::day("2026-11-01");  // before today
  const auto late = c.assign(c.pat, passed);
  ASSERT_FALSE(late);
  fields.clear();
  for (const auto& p : late.error().problems) fields.push_back(p.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"weekdays", "note", "review", "start"}))
      << "a new program's start in the past too";
  const std::string& said = late.error().error.message;
  EXPECT_NE(said.find("start: 2026-10-01 has passed; a new program starts from 2026-11-23 (today) on"),
            std::string::npos)
      << said;

  auto start_only = neck();
  start_only.start = far.start;
  start_only.review = far.review;
  const auto alone = c.assign(c.pat, start_only);
  ASSERT_FALSE(alone);
  EXPECT_EQ(alone.error().error.code, ErrorCode::bad_date) << "one problem keeps its own code";
  EXPECT_EQ(alone.error().field, "start");
  EXPECT_EQ(c.logged(), 0u);
  EXPECT_EQ(c.versions(), 0u);
}

TEST_P(HomeProgramUseCase, AChangeIsANewVersionThatKeepsTheEarlierOneAndSaysWhatChanged) {
  Clinic c(GetParam());
  FASCIA_NEED_DATABASE(c.db);
  const auto first = c.assign(c.pat, neck(5));
  ASSERT_TRUE(first);
  auto lower = neck(3);
  lower.note = "red dots after the first week";
  const auto second = c.assign(c.pat, lower, first->id);
  ASSERT_TRUE(second) << second.error().error.message;
  EXPECT_EQ(second->id, first->id);
  EXPECT_EQ(second->version, 2);
  const auto histories = app::program_histories(c.kb, *c.journal->load_programs());
  ASSERT_EQ(histories.size(), 1u);
  EXPECT_TRUE(histories[0].in_force);
  ASSERT_EQ(histories[0].versions.size(), 2u);
  EXPECT_EQ(histories[0].versions[0], *first) << "the earlier version is kept as it was";
  ASSERT_EQ(histories[0].changes[1].size(), 1u);
  EXPECT_NE(histories[0].changes[1][0].find("5/10 -> 3/10"), std::string::npos) << histories[0].changes[1][0];
}

TEST_P(HomeProgramUseCase, ThePersonsPlanFollowsTheProgramInForceUntilItEnds) {
  Clinic c(GetParam());
  FASCIA_NEED_DATABASE(c.db);
  ASSERT_TRUE(c.journal->save_profile(fixture::desk_worker()));
  ASSERT_TRUE(c.journal->add_screening(fixture::with_yes(c.kb, {})));
  const auto stored = c.assign(c.pat, neck());
  ASSERT_TRUE(stored);
  auto person = app::load_person(c.kb, *c.journal);
  ASSERT_TRUE(person) << person.error().message;
  const core::Plan plan = app::current_plan(c.kb, *person, kToday);
  EXPECT_EQ(plan.program_id, stored->id);
  EXPECT_EQ(plan.assigned_by, "pat");
  for (const auto& d : plan.days)
    for (const auto& s : d.sessions)
      for (const auto& step : s.steps) {
        EXPECT_NE(step.region, "suboccipitals") << "clinic only";
        if (step.pressure) {
          EXPECT_LE(step.pressure->max, 4);
        }
      }

  // The person ends it themselves: nothing is logged (it is their own data).
  const auto before = c.logged();
  const auto ended = c.end(c.ana, stored->id);
  ASSERT_TRUE(ended) << ended.error().error.message;
  EXPECT_EQ(ended->ended, kToday);
  EXPECT_EQ(ended->ended_by, "ana");
  EXPECT_EQ(c.logged(), before);
  EXPECT_EQ(c.end(c.ana, stored->id).error().error.code, ErrorCode::precondition);
  EXPECT_EQ(c.assign(c.pat, neck(), stored->id).error().error.code, ErrorCode::precondition)
      << "an ended program is not changed; a new one is assigned";
  person = app::load_person(c.kb, *c.journal);
  ASSERT_TRUE(person);
  EXPECT_EQ(app::current_plan(c.kb, *person, kToday).program_id, 0) << "the plan is the person's own again";
}

TEST(ProgramStepCards, AHandoutShowsEachItemAdaptedWithTheCueAndNeverAClinicOnlyArea) {
  const auto kb = fixture::kb();
  auto program = neck(3);
  program.items[0].dose_percent = 50;
  const core::Plan cards = app::program_step_cards(kb, program, {});
  ASSERT_EQ(cards.templates.size(), 1u);
  bool cue_shown = false;
  for (const auto& step : cards.templates[0].steps) {
    EXPECT_NE(step.region, "suboccipitals") << "clinic only";
    if (step.pressure) {
      EXPECT_LE(step.pressure->max, 3);
    }
    for (const auto& cue : step.cues) cue_shown |= cue.find("breathe out") != std::string::npos;
  }
  EXPECT_TRUE(cue_shown);
}

// From a new-user trial: a program on the left upper trapezius visits the
// levator scapulae, which the person's profile names on the right; their
// plan works it on the right, the handout said the left. The cards take the
// sides of the person's profile, as the plan does.
TEST(ProgramStepCards, TheCardsWorkEachRegionOnTheSideThePersonsPlanDoes) {
  const auto kb = fixture::kb();
  core::HomeProgram program = neck();
  program.items[0].target.side = Side::left;
  core::Profile person = fixture::desk_worker();
  person.regions.push_back({"levator-scapulae", Side::right, 5});
  const std::set<std::string> tools{"starter-instrument"};
  const auto sides = [](const core::Plan& plan) {
    std::set<std::pair<std::string, std::string>> out;
    for (const auto& s : plan.templates)
      for (const auto& step : s.steps) out.insert({step.region, std::string(core::to_string(step.side))});
    for (const auto& d : plan.days)
      for (const auto& s : d.sessions)
        for (const auto& step : s.steps) out.insert({step.region, std::string(core::to_string(step.side))});
    return out;
  };
  const core::Clearance clear = core::evaluate_screening(kb, fixture::all_clear(kb));
  const core::Journal none;
  const core::Plan plan = core::build_plan({kb, person, tools, clear, none, program.start, &program});
  ASSERT_TRUE(sides(plan).contains({"levator-scapulae", "right"}));
  const core::Plan cards = app::program_step_cards(kb, program, {tools, person.regions});
  EXPECT_EQ(sides(cards), sides(plan)) << "the handout and the plan work the same sides";
  EXPECT_FALSE(sides(app::program_step_cards(kb, program, {tools, {}})).contains({"levator-scapulae", "right"}))
      << "without the profile, the target's side";
}

// The cards name the edge the person's own tools offer, as their plan does
// (here a scraping stone stands in for the long curved edge); made for every
// tool, they say so.
TEST(ProgramStepCards, TheCardsUseTheEdgeOfThePersonsOwnToolsAsTheirPlanDoes) {
  const auto kb = fixture::kb();
  const auto program = neck(4);
  auto edges = [](const core::Plan& plan) {
    std::set<std::string> out;
    for (const auto& s : plan.templates)
      for (const auto& step : s.steps)
        if (!step.edge_name.empty()) out.insert(step.edge_name);
    for (const auto& d : plan.days)
      for (const auto& s : d.sessions)
        for (const auto& step : s.steps)
          if (!step.edge_name.empty()) out.insert(step.edge_name);
    return out;
  };
  auto has_note = [](const core::Plan& plan) {
    return std::any_of(plan.notes.begin(), plan.notes.end(),
                       [](const core::Reason& r) { return r.rule == "handout-every-tool"; });
  };
  const std::set<std::string> stone{"scraping-stone", "hands"};
  const core::Plan own = app::program_step_cards(kb, program, {stone, {}});
  EXPECT_EQ(edges(own).count("stone edge"), 1u);
  EXPECT_EQ(edges(own).count("long curved edge"), 0u) << "a stone has no long curved edge";
  EXPECT_FALSE(has_note(own));

  core::Profile person = fixture::desk_worker();
  person.tools = {stone.begin(), stone.end()};
  const core::Clearance clear = core::evaluate_screening(kb, fixture::all_clear(kb));
  const core::Journal none;
  const core::Plan plan = core::build_plan({kb, person, stone, clear, none, program.start, &program});
  EXPECT_EQ(edges(plan), edges(own)) << "the handout and the plan name the same edge";

  const core::Plan any = app::program_step_cards(kb, program, {});
  EXPECT_EQ(edges(any).count("long curved edge"), 1u);
  EXPECT_EQ(edges(any).count("stone edge"), 0u);
  EXPECT_TRUE(has_note(any));
}

// From a new-user trial: the neck protocol also works the levator scapulae
// (and the suboccipitals unless kept for the clinic), which the program's
// summary did not show. Each item says what else it works, once per area.
TEST(ProgramHistories, EachItemSaysWhichOtherAreasItsProtocolWorksLessTheClinicsOwn) {
  const auto kb = fixture::kb();
  core::HomeProgram kept = neck();
  kept.id = 1;
  core::HomeProgram left = neck();
  left.id = 2;
  left.items[0].target.side = Side::left;
  left.clinic_only.clear();
  left.items.push_back({"adhesion-scraping", {"calves", Side::right}, std::nullopt, 100, ""});
  const auto histories = app::program_histories(kb, {kept, left});
  ASSERT_EQ(histories.size(), 2u);
  const auto& second = histories[0];  // newest first
  ASSERT_EQ(second.current.id, 2);
  EXPECT_EQ(second.also_works,
            (std::vector<std::vector<std::string>>{{"levator-scapulae (left)", "suboccipitals (left)"}, {}}));
  EXPECT_EQ(histories[1].also_works, (std::vector<std::vector<std::string>>{{"levator-scapulae"}}))
      << "the suboccipitals are kept for the clinic";
}

// Nothing crosses clinics: the hold a practitioner reads weighs the program
// in force only when it is their clinic's, so the areas another clinic's
// program works are never named to them.
TEST_P(HomeProgramUseCase, APractitionersHoldNeverWeighsAnotherClinicsProgram) {
  Clinic c(GetParam());
  FASCIA_NEED_DATABASE(c.db);
  for (auto& rule : c.kb.screening_rules)
    if (rule.id == "neck-dizziness") rule.until_cleared = true;  // a warning sign on the neck
  ASSERT_TRUE(c.assign(c.pat, neck()));
  ASSERT_TRUE(c.assign(c.rene, neck()));  // South Physio's, newer: the one in force
  ASSERT_TRUE(c.journal->add_screening(fixture::with_yes(c.kb, {"dizziness-with-neck-movement"})));
  const auto south =
      app::read_program_hold(c.kb, *c.journal, app::HoldReader::practitioner, c.rene.membership.clinic_id);
  ASSERT_TRUE(south) << south.error().message;
  EXPECT_TRUE(south->held);
  EXPECT_FALSE(south->areas.empty());
  const auto north =
      app::read_program_hold(c.kb, *c.journal, app::HoldReader::practitioner, c.pat.membership.clinic_id);
  ASSERT_TRUE(north) << north.error().message;
  EXPECT_FALSE(north->held) << "North's program is not in force: nothing of South's is weighed";
  EXPECT_TRUE(north->areas.empty());
  const auto own = app::read_program_hold(c.kb, *c.journal, app::HoldReader::person);
  ASSERT_TRUE(own) << own.error().message;
  EXPECT_TRUE(own->held) << "the person's own hold weighs the program in force, whoever assigned it";
}
