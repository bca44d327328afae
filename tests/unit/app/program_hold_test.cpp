// Issue 10, point 3: when the person's own safety answers hold their home
// program back (app::program_hold over core::home_work_hold): held by a
// warning sign that waits for a practitioner's clearance on an area the
// program's home work loads, or by a level that allows no plan; since the
// earliest such day; worded for its reader, naming the areas held, never the
// answer; "partly" when the rest of the program still runs. Pure: no store.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "fascia/app/home_programs.hpp"
#include "fascia/core/home_work_hold.hpp"
#include "fascia/core/planner.hpp"
#include "unit/app/home_program_fixture.hpp"
#include "unit/core/fixture_kb.hpp"

using namespace fascia;
using core::Side;
using home_program_fixture::neck;

// The hold (issue 10, point 3: "a new warning sign blocks it and flags it to
// the practitioner"): held by a warning sign that waits for a practitioner's
// clearance on an area the program's home work loads, or by a level that
// allows no plan; since the earliest such day; worded for its reader, naming
// the areas held, never the answer.
namespace {

core::Finding until_cleared_sign(std::string rule, std::string region, Side side, const char* raised) {
  core::Finding sign;
  sign.rule = std::move(rule);
  sign.level = core::ClearanceLevel::see_practitioner_first;
  sign.because = {"arm-numbness-tingling"};
  sign.regions = {{std::move(region), side}};
  sign.until_cleared = true;
  sign.raised = fixture::day(raised);
  return sign;
}

}  // namespace

TEST(ProgramHold, AWarningSignThatWaitsForAClearanceHoldsTheProgramWordedForEachReader) {
  const auto kb = fixture::kb();
  const core::HomeProgram program = neck();
  core::ScreeningState state;
  EXPECT_FALSE(app::program_hold(kb, state, &program, nullptr, app::HoldReader::person).held) << "nothing found";

  core::Finding caution;  // a caution the person's plan applies itself
  caution.rule = "caution";
  caution.level = core::ClearanceLevel::self_care_with_cautions;
  caution.because = {"arm-numbness-tingling"};
  state.clearance.findings = {caution};
  EXPECT_FALSE(app::program_hold(kb, state, &program, nullptr, app::HoldReader::practitioner).held)
      << "a caution alone does not hold it";

  const core::Finding sign = until_cleared_sign("sign", "upper-trapezius", Side::both, "2026-11-20");
  core::Finding later = sign;
  later.raised = fixture::day("2026-11-22");
  state.clearance.findings = {later, sign, caution};
  const auto for_pat = app::program_hold(kb, state, &program, nullptr, app::HoldReader::practitioner);
  const auto for_ana = app::program_hold(kb, state, &program, nullptr, app::HoldReader::person);
  ASSERT_TRUE(for_pat.held);
  EXPECT_EQ(for_pat.since, fixture::day("2026-11-20")) << "the earliest day";
  EXPECT_EQ(for_pat.areas, std::vector<std::string>{"upper-trapezius"});
  EXPECT_EQ(
      for_pat.reason.rfind("The client's own safety answers hold back the program's home work on upper-trapezius", 0),
      0u)
      << for_pat.reason;
  EXPECT_NE(for_pat.reason.find("record a clearance"), std::string::npos) << for_pat.reason;
  EXPECT_EQ(for_ana.reason.rfind("Your own safety answers hold back the program's home work on upper-trapezius", 0), 0u)
      << for_ana.reason;
  EXPECT_NE(for_ana.reason.find("Contact the practitioner who assigned it"), std::string::npos) << for_ana.reason;
  EXPECT_EQ(for_ana.since, for_pat.since);
  for (const auto& reason : {for_pat.reason, for_ana.reason})
    EXPECT_EQ(reason.find("numb"), std::string::npos) << "which answer is not said: " << reason;

  core::Finding urgent;  // a level that allows no plan at all
  urgent.rule = "urgent";
  urgent.level = core::ClearanceLevel::urgent;
  state.clearance.findings = {urgent};
  state.clearance.level = core::ClearanceLevel::urgent;
  const auto all = app::program_hold(kb, state, &program, nullptr, app::HoldReader::person);
  EXPECT_TRUE(all.held);
  EXPECT_TRUE(all.areas.empty()) << "everything waits";
  EXPECT_EQ(all.reason.rfind("Your own safety answers hold back the program:", 0), 0u) << all.reason;
  EXPECT_TRUE(app::program_hold(kb, state, nullptr, nullptr, app::HoldReader::person).held)
      << "no plan at all, program or not";
}

// From a new-user trial: a nerve sign a clearance had lifted, with the latest
// answers still saying yes, was worded "once the skin has healed" and "a
// clearance does not lift it". It asks for the answers again, for each reader.
TEST(ProgramHold, AClearedWarningSignTheAnswersStillReportAsksForTheAnswersAgain) {
  const auto kb = fixture::kb();
  const core::HomeProgram program = neck();
  core::ScreeningState state;
  core::Finding sign = until_cleared_sign("sign", "upper-trapezius", Side::both, "2026-11-20");
  sign.cleared = fixture::day("2026-11-21");
  sign.cleared_by = "pat, North Physio";
  state.clearance.findings = {sign};
  const auto found = core::home_work_hold(kb, state.clearance, &program, nullptr);
  EXPECT_TRUE(found.held);
  EXPECT_TRUE(found.until_cleared.empty());
  EXPECT_TRUE(found.until_answered.empty());
  EXPECT_EQ(found.cleared_until_answered, std::vector<std::string>{"upper-trapezius"});
  const auto for_pat = app::program_hold(kb, state, &program, nullptr, app::HoldReader::practitioner);
  const auto for_ana = app::program_hold(kb, state, &program, nullptr, app::HoldReader::person);
  ASSERT_TRUE(for_pat.held);
  EXPECT_FALSE(for_pat.needs_clearance);
  EXPECT_EQ(for_pat.areas, std::vector<std::string>{"upper-trapezius"});
  EXPECT_NE(for_pat.reason.find("A clearance is recorded for the program's home work on upper-trapezius, but the "
                                "client's latest safety answers still report the warning sign"),
            std::string::npos)
      << for_pat.reason;
  EXPECT_NE(for_ana.reason.find("answer the safety questions again and the program applies there again"),
            std::string::npos)
      << for_ana.reason;
  for (const auto& reason : {for_pat.reason, for_ana.reason}) {
    EXPECT_EQ(reason.find("healed"), std::string::npos) << reason;
    EXPECT_EQ(reason.find("does not lift"), std::string::npos) << reason;
  }
}

// From a new-user trial: a warning sign on the suboccipitals, which the
// program keeps for the clinic, showed the program "On hold" while the
// person's plan ran it. Only a sign on an area the home work loads holds it.
TEST(ProgramHold, ASignOnAnAreaTheHomeWorkDoesNotLoadIsNoHold) {
  const auto kb = fixture::kb();
  core::HomeProgram left = neck();
  left.items[0].target.side = Side::left;
  core::ScreeningState state;
  const auto held = [&](const core::Finding& f, const core::HomeProgram* p) {
    state.clearance.findings = {f};
    return app::program_hold(kb, state, p, nullptr, app::HoldReader::practitioner);
  };
  EXPECT_FALSE(held(until_cleared_sign("s", "suboccipitals", Side::both, "2026-11-20"), &left).held)
      << "kept for the clinic";
  EXPECT_FALSE(held(until_cleared_sign("s", "calves", Side::both, "2026-11-20"), &left).held) << "not touched";
  EXPECT_FALSE(held(until_cleared_sign("s", "upper-trapezius", Side::right, "2026-11-20"), &left).held)
      << "the other side";
  EXPECT_FALSE(held(until_cleared_sign("s", "upper-trapezius", Side::both, "2026-11-20"), nullptr).held)
      << "no program in force: nothing to hold";
  const auto visited = held(until_cleared_sign("s", "levator-scapulae", Side::left, "2026-11-20"), &left);
  EXPECT_TRUE(visited.held) << "a region the protocol works on the way, though the practitioner named another";
  EXPECT_EQ(visited.areas, std::vector<std::string>{"levator-scapulae (left)"});
}

// From a new-user trial: broken skin on the upper trapezius, or blood
// thinners (which leave out every instrument step), left the program's home
// work out of the plan while its page showed it running, and nothing told
// the practitioner. Every finding that leaves home work out holds it, said
// with what lifts it: here the person's own answers, not a clearance.
namespace {

core::Finding local_finding(std::string rule, std::string region, Side side) {
  core::Finding f = until_cleared_sign(std::move(rule), std::move(region), side, "2026-11-21");
  f.because = {"open-wound"};
  f.until_cleared = false;  // it lifts once the answers no longer say so
  return f;
}

}  // namespace

TEST(ProgramHold, AFindingNoClearanceLiftsHoldsTheHomeWorkItLeavesOutAndSaysWhatLiftsIt) {
  const auto kb = fixture::kb();
  const core::HomeProgram program = neck();
  core::ScreeningState state;
  state.clearance.findings = {local_finding("wound", "upper-trapezius", Side::left)};
  const auto for_ana = app::program_hold(kb, state, &program, nullptr, app::HoldReader::person);
  ASSERT_TRUE(for_ana.held);
  EXPECT_FALSE(for_ana.needs_clearance) << "no clearance lifts it";
  EXPECT_EQ(for_ana.since, fixture::day("2026-11-21"));
  EXPECT_EQ(for_ana.areas, std::vector<std::string>{"upper-trapezius"}) << "the item works both sides";
  EXPECT_EQ(for_ana.reason.rfind("Your own safety answers hold back the program's home work on upper-trapezius: "
                                 "it applies again once what you reported there has passed",
                                 0),
            0u)
      << for_ana.reason;
  const auto for_pat = app::program_hold(kb, state, &program, nullptr, app::HoldReader::practitioner);
  EXPECT_NE(for_pat.reason.find("a clearance does not lift"), std::string::npos) << for_pat.reason;
  EXPECT_EQ(for_pat.reason.find("record a clearance"), std::string::npos) << for_pat.reason;
  for (const auto& reason : {for_pat.reason, for_ana.reason})
    EXPECT_EQ(reason.find("wound"), std::string::npos) << "which answer is not said: " << reason;

  // Tools left out everywhere (blood thinners): the instrument work is held,
  // not the warm-up movement.
  core::Finding tools;
  tools.rule = "tools";
  tools.level = core::ClearanceLevel::see_practitioner_first;
  tools.modalities = {core::Modality::instrument};
  state.clearance.findings = {tools};
  const auto no_tools = app::program_hold(kb, state, &program, nullptr, app::HoldReader::person);
  EXPECT_TRUE(no_tools.held);
  EXPECT_EQ(no_tools.areas, (std::vector<std::string>{"upper-trapezius", "levator-scapulae"}));

  // Both kinds at once: each sentence names its own areas and what lifts them.
  state.clearance.findings = {until_cleared_sign("sign", "levator-scapulae", Side::both, "2026-11-20"),
                              local_finding("wound", "upper-trapezius", Side::both)};
  const auto both = app::program_hold(kb, state, &program, nullptr, app::HoldReader::practitioner);
  EXPECT_TRUE(both.needs_clearance);
  EXPECT_EQ(both.since, fixture::day("2026-11-20"));
  EXPECT_EQ(both.areas, (std::vector<std::string>{"levator-scapulae", "upper-trapezius"}));
  EXPECT_NE(both.reason.find("home work on levator-scapulae: a warning sign that needs a practitioner"),
            std::string::npos)
      << both.reason;
  EXPECT_NE(both.reason.find("They also hold back the program's home work on upper-trapezius: something they reported"),
            std::string::npos)
      << both.reason;

  // The belly needs a clinician's go-ahead, which the person's own answer gives.
  core::HomeProgram belly = neck();
  belly.items = {{"adhesion-scraping", {"abdomen", Side::midline}, 4, 100, ""}};
  state.clearance = {};
  const auto go_ahead = app::program_hold(kb, state, &belly, nullptr, app::HoldReader::person);
  EXPECT_TRUE(go_ahead.held);
  EXPECT_FALSE(go_ahead.needs_clearance);
  EXPECT_FALSE(go_ahead.since) << "an area's class has no day";
  state.clearance.medical_clearance = true;
  EXPECT_FALSE(app::program_hold(kb, state, &belly, nullptr, app::HoldReader::person).held);
}

// The hold and the plan agree: for a finding of each kind on each area and
// side, the program is held exactly when the plan that follows it leaves
// something out because of that finding, and waits for a clearance exactly
// when that finding is a warning sign no clearance has lifted there.
TEST(ProgramHold, HeldExactlyWhenThePlanFollowingTheProgramLeavesWorkOutForTheFinding) {
  const auto kb = fixture::kb();
  const core::Profile person = fixture::desk_worker();
  const std::set<std::string> tools{"starter-instrument", "hands"};
  const core::Journal none;
  enum class Kind { warning_sign, local, cleared_sign, tools_only };
  for (const auto kind : {Kind::warning_sign, Kind::local, Kind::cleared_sign, Kind::tools_only})
    for (const auto target_side : {Side::left, Side::both}) {
      core::HomeProgram program = neck();
      program.items[0].target.side = target_side;
      program.items.push_back({"trigger-point-release", {"calves", Side::right}, 4, 100, ""});
      for (const auto& [id, region] : kb.regions)
        for (const auto side : {Side::left, Side::right, Side::both}) {
          core::ScreeningState state;
          core::Finding f = kind == Kind::local ? local_finding("sign", id, side)
                                                : until_cleared_sign("sign", id, side, "2026-11-20");
          if (kind == Kind::cleared_sign) f.cleared = fixture::day("2026-11-22");  // the answers still say yes
          if (kind == Kind::tools_only) {
            f.regions.clear();
            f.modalities = {core::Modality::instrument};
          }
          state.clearance.findings = {f};
          state.clearance.level = core::ClearanceLevel::see_practitioner_first;
          const core::Plan plan = core::build_plan({kb, person, tools, state.clearance, none, program.start, &program});
          const auto is_sign = [](const core::Reason& r) { return r.rule == "sign"; };
          const bool left_out = std::any_of(plan.notes.begin(), plan.notes.end(), is_sign) ||
                                std::any_of(plan.excluded.begin(), plan.excluded.end(), [&](const auto& e) {
                                  return std::any_of(e.reasons.begin(), e.reasons.end(), is_sign);
                                });
          const auto hold = app::program_hold(kb, state, &program, &person, app::HoldReader::person);
          const auto where = [&] {
            return id + " " + std::string(core::to_string(side)) + " for an item on " +
                   std::string(core::to_string(target_side)) + ", kind " + std::to_string(static_cast<int>(kind));
          };
          EXPECT_EQ(hold.held, left_out) << where();
          const bool by_clearance = kind == Kind::warning_sign || kind == Kind::tools_only;
          EXPECT_EQ(hold.needs_clearance, left_out && by_clearance) << where();
        }
    }
}

// From a new-user trial: a warning sign on one area of a two-area program
// said "On hold" as if the whole program waited. It is "partly" held: the
// other area's home work still runs.
TEST(ProgramHold, ASignOnOneOfTwoAreasHoldsThatAreaAndThePlanGoesOnWithTheOther) {
  const auto kb = fixture::kb();
  core::HomeProgram program = neck();
  program.items.push_back({"adhesion-scraping", {"calves", Side::both}, std::nullopt, 100, ""});
  core::ScreeningState state;
  state.clearance.findings = {until_cleared_sign("sign", "upper-trapezius", Side::both, "2026-11-20")};
  const auto one = app::program_hold(kb, state, &program, nullptr, app::HoldReader::person);
  ASSERT_TRUE(one.held);
  EXPECT_TRUE(one.partial) << "the calves still run";
  EXPECT_EQ(one.areas, std::vector<std::string>{"upper-trapezius"});

  state.clearance.findings.push_back(until_cleared_sign("sign-2", "calves", Side::both, "2026-11-21"));
  const auto both = app::program_hold(kb, state, &program, nullptr, app::HoldReader::person);
  ASSERT_TRUE(both.held);
  EXPECT_FALSE(both.partial) << "nothing of it runs";

  const core::HomeProgram single = neck();
  const auto alone = app::program_hold(kb, state, &single, nullptr, app::HoldReader::person);
  EXPECT_TRUE(alone.held);
  EXPECT_FALSE(alone.partial) << "a one-area program is held whole";
}
