// Issue 10, point 6: the flags about the clinic's home program in force —
// held back by the client's own safety answers, lifted only by the client's
// own clearance, or leaving nothing the client can do — each with a case
// that raises it and a near miss that does not.
#include <gtest/gtest.h>

#include "attention_fixture.hpp"

using namespace attention_fixture;

// From a new-user trial: broken skin on an area the program works held its
// home work back and nothing told the practitioner. The hold of the clinic's
// program in force is a flag, dated on its day, saying where and what lifts
// it, and read whatever the client shares (the program page shows it too).
TEST(Attention, AHomeProgramHeldBackIsFlaggedWithItsAreasAndWhatLiftsIt) {
  AttentionInputs in = shared();
  in.findings.reset();  // screening not shared
  EXPECT_FALSE(has(attention_flags(kKb, in, kToday), AttentionKind::program_held)) << "no program weighed";
  in.program_hold = HomeWorkHold{};
  EXPECT_FALSE(has(attention_flags(kKb, in, kToday), AttentionKind::program_held)) << "a program, not held";

  in.program_hold->held = true;
  in.program_hold->since = day("2026-12-20");
  in.program_hold->until_answered = {"Upper trapezius (left)"};
  auto flags = attention_flags(kKb, in, kToday);
  ASSERT_TRUE(has(flags, AttentionKind::program_held));
  const auto& held = flag(flags, AttentionKind::program_held);
  EXPECT_EQ(held.date, day("2026-12-20"));
  EXPECT_NE(held.reason.find("since Sunday, 20 December 2026: on Upper trapezius (left) until their answers no "
                             "longer say so (a clearance does not lift it)"),
            std::string::npos)
      << held.reason;

  in.program_hold->until_cleared = {"Side and back of the neck"};
  const auto both = flag(attention_flags(kKb, in, kToday), AttentionKind::program_held);
  EXPECT_NE(both.reason.find("on Side and back of the neck until a practitioner clears it; on Upper trapezius (left)"),
            std::string::npos)
      << both.reason;

  in.program_hold->cleared_until_answered = {"Base of the skull"};
  const auto three = flag(attention_flags(kKb, in, kToday), AttentionKind::program_held);
  EXPECT_NE(three.reason.find("; on Base of the skull until they answer the safety questions again (a clearance is "
                              "recorded there)"),
            std::string::npos)
      << three.reason;

  in.program_hold = HomeWorkHold{.held = true, .no_plan = true, .since = day("2026-12-21")};
  const auto all = flag(attention_flags(kKb, in, kToday), AttentionKind::program_held);
  EXPECT_NE(all.reason.find("they allow no plan at all"), std::string::npos) << all.reason;
  EXPECT_EQ(to_string(AttentionKind::program_held), "program-held");
}

// What only the client's own clearance entry lifted is flagged, from the
// warning-sign history when screening is shared and from the program's hold
// otherwise; nothing when a practitioner's clearance lifts the same.
TEST(Attention, WhatOnlyTheClientsOwnClearanceLiftedIsFlagged) {
  AttentionInputs in = shared();
  FindingHistory sign{.rule = "neck-dizziness",
                      .level = ClearanceLevel::see_practitioner_first,
                      .raised = day("2026-12-18"),
                      .because = {},
                      .regions = {},
                      .cleared = day("2026-12-20"),
                      .cleared_by = "my neighbour",
                      .source = "seed-000",
                      .stop_sign = "dizziness",
                      .stop_sign_name = "Dizziness"};
  in.findings = {sign};
  FindingHistory strict = sign;
  strict.cleared.reset();
  strict.cleared_by.clear();
  in.findings_without_own_clearances = {strict};
  EXPECT_FALSE(has(attention_flags(kKb, in, kToday), AttentionKind::own_clearance)) << "no entry of their own";
  in.latest_own_clearance = day("2026-12-20");
  auto flags = attention_flags(kKb, in, kToday);
  ASSERT_TRUE(has(flags, AttentionKind::own_clearance));
  EXPECT_FALSE(has(flags, AttentionKind::new_warning_sign)) << "their own plan follows their clearance";
  const auto& own = flag(flags, AttentionKind::own_clearance);
  EXPECT_EQ(own.date, day("2026-12-20"));
  EXPECT_EQ(own.rule, "neck-dizziness");
  EXPECT_NE(own.reason.find("raised on Friday, 18 December 2026 when a session stopped for dizziness was cleared on "
                            "Sunday, 20 December 2026 by the client's own entry (\"my neighbour\"), not by a "
                            "practitioner"),
            std::string::npos)
      << own.reason;
  EXPECT_EQ(flags.front().kind, AttentionKind::own_clearance) << "before a held program and everything after it";
  in.findings_without_own_clearances = in.findings;  // a practitioner's clearance covers it too
  EXPECT_FALSE(has(attention_flags(kKb, in, kToday), AttentionKind::own_clearance));

  // From a trial: the same sign raised twice on one day, the first cleared
  // by a practitioner and the second in force, is no own clearance.
  FindingHistory by_pat = sign;
  by_pat.cleared_by = "pat, North Physio";
  by_pat.cleared_by_practitioner = true;
  in.findings = {by_pat, strict};
  in.findings_without_own_clearances = {by_pat, strict};
  EXPECT_FALSE(has(attention_flags(kKb, in, kToday), AttentionKind::own_clearance));
  EXPECT_TRUE(has(attention_flags(kKb, in, kToday), AttentionKind::new_warning_sign));

  // Screening not shared: the program's hold tells it, by area only.
  in.findings.reset();
  in.findings_without_own_clearances.reset();
  in.program_hold = HomeWorkHold{};
  in.program_hold_without_own_clearances =
      HomeWorkHold{.held = true, .since = day("2026-12-18"), .until_cleared = {"Side and back of the neck"}};
  const auto held = attention_flags(kKb, in, kToday);
  ASSERT_TRUE(has(held, AttentionKind::own_clearance));
  EXPECT_NE(flag(held, AttentionKind::own_clearance)
                .reason.find("a clearance the client entered themselves on Sunday, 20 December 2026, not a "
                             "practitioner's, lifted the hold on the home program's work on Side and back of the neck"),
            std::string::npos)
      << flag(held, AttentionKind::own_clearance).reason;
  in.program_hold = in.program_hold_without_own_clearances;
  EXPECT_FALSE(has(attention_flags(kKb, in, kToday), AttentionKind::own_clearance)) << "still held: nothing lifted";
  EXPECT_EQ(to_string(AttentionKind::own_clearance), "own-clearance");
}

// From a trial: a program the client has no tool for left their Today
// saying only to change their details, and their practitioner's list said
// nothing needed attention. The program that leaves no session is flagged,
// with the planner's reasons.
TEST(Attention, AProgramThatLeavesNoSessionTheClientCanDoIsFlaggedWithThePlannersReasons) {
  AttentionInputs in = shared();
  in.program_hold = HomeWorkHold{};
  Plan none;
  none.start = day("2026-11-23");
  none.end = day("2027-01-03");
  none.program_id = 3;
  none.assigned_by = "pat";
  none.assigned_on = day("2026-12-14");
  none.excluded.push_back(
      {"upper-trapezius", Side::both, {{"no-tool", "no tool you own fits the edge of its steps", ""}}});
  in.original = none;
  auto flags = attention_flags(kKb, in, kToday);
  ASSERT_TRUE(has(flags, AttentionKind::program_not_doable));
  const auto& f = flag(flags, AttentionKind::program_not_doable);
  EXPECT_EQ(f.date, day("2026-12-14"));
  EXPECT_NE(f.reason.find("the home program assigned on Monday, 14 December 2026 leaves no session the client can do: "
                          "check their tools, areas and minutes with them, or change the program (their plan says: "
                          "no tool you own fits the edge of its steps)"),
            std::string::npos)
      << f.reason;
  EXPECT_EQ(to_string(AttentionKind::program_not_doable), "program-not-doable");

  // Near misses: a protocol the client can do; the client's own plan (no program); a hold already says it.
  Plan some = none;
  some.templates.push_back(PlannedSession{});
  in.original = some;
  EXPECT_FALSE(has(attention_flags(kKb, in, kToday), AttentionKind::program_not_doable));
  Plan own = none;
  own.program_id = 0;
  in.original = own;
  EXPECT_FALSE(has(attention_flags(kKb, in, kToday), AttentionKind::program_not_doable));
  in.original = none;
  in.program_hold->held = true;
  in.program_hold->no_plan = true;
  EXPECT_FALSE(has(attention_flags(kKb, in, kToday), AttentionKind::program_not_doable));
  in.program_hold.reset();  // another clinic's program, or none in force
  EXPECT_FALSE(has(attention_flags(kKb, in, kToday), AttentionKind::program_not_doable));
}

// From a new-user trial: another clinic's newer program replaced pat's
// lowered-pressure one; pat's list said nothing needed attention. The flag
// says so, and nothing of the other program.
TEST(Attention, AClinicsProgramThatANewerProgramReplacedIsFlaggedWithoutNamingTheOther) {
  HomeProgram ours;
  ours.id = 1;
  ours.clinic_id = 7;
  ours.assigned = day("2026-11-23");
  HomeProgram changed = ours;
  changed.version = 2;
  changed.assigned = day("2026-11-30");
  HomeProgram theirs;
  theirs.id = 2;
  theirs.clinic_id = 9;
  theirs.assigned = day("2026-12-07");
  const auto replaced = replaced_program({ours, changed, theirs}, 7);
  ASSERT_TRUE(replaced.has_value());
  EXPECT_EQ(replaced->id, 1);
  EXPECT_EQ(replaced->assigned, day("2026-11-30")) << "its latest version";

  AttentionInputs in = shared();
  in.replaced_program = replaced;
  const auto flags = attention_flags(kKb, in, kToday);
  ASSERT_TRUE(has(flags, AttentionKind::program_replaced));
  const auto& f = flag(flags, AttentionKind::program_replaced);
  EXPECT_EQ(f.date, day("2026-11-30"));
  EXPECT_EQ(f.reason.find("your clinic's home program 1 (last changed on Monday, 30 November 2026) is no longer "
                          "followed"),
            0u)
      << f.reason;
  EXPECT_EQ(f.reason.find("7 December"), std::string::npos) << "nothing of the other clinic's program";
  EXPECT_EQ(to_string(AttentionKind::program_replaced), "program-replaced");

  // Near misses: ours in force; ours ended; the other clinic's ended (none in force); no other program.
  EXPECT_FALSE(replaced_program({ours, changed, theirs}, 9).has_value()) << "theirs is in force";
  HomeProgram ended = changed;
  ended.version = 3;
  ended.ended = day("2026-12-01");
  EXPECT_FALSE(replaced_program({ours, changed, ended, theirs}, 7).has_value());
  HomeProgram theirs_ended = theirs;
  theirs_ended.version = 2;
  theirs_ended.ended = day("2026-12-08");
  EXPECT_FALSE(replaced_program({ours, changed, theirs, theirs_ended}, 7).has_value());
  EXPECT_FALSE(replaced_program({ours, changed}, 7).has_value());
}
