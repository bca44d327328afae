// What a printed home program says besides its cards (core::handout_safety):
// from a new-user trial, the paper lacked the spacing rules, the week and the
// pressure cap a reaction had lowered, all of which the person's plan enforces.
#include "fascia/core/handout_safety.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "fascia/core/planner.hpp"
#include "unit/core/fixture_kb.hpp"

using namespace fascia::core;

namespace {

// A handout-like plan: the program's items for someone with every tool and no findings.
Plan cards_of(const KnowledgeBase& kb, const HomeProgram& program) {
  Profile profile = fixture::desk_worker();
  profile.minutes_per_session = 240;
  profile.weekdays = program.weekdays;
  const std::set<std::string> tools{"starter-instrument", "hands", "foam-roller"};
  profile.tools.assign(tools.begin(), tools.end());
  const Clearance clear;
  const Journal none;
  return build_plan({kb, profile, tools, clear, none, program.start, &program});
}

HomeProgram program_of(std::vector<ProgramItem> items) {
  HomeProgram p;
  p.start = fixture::day("2026-11-23");  // a Monday
  p.weeks = 6;
  p.review = fixture::day("2026-12-21");
  p.weekdays = {0, 2, 4};
  p.items = std::move(items);
  return p;
}

std::vector<std::string> rules(const std::vector<Reason>& reasons) {
  std::vector<std::string> out;
  for (const auto& r : reasons) out.push_back(r.rule);
  return out;
}

}  // namespace

TEST(HandoutSafety, InstrumentWorkCarriesItsGapsItsWeeklyLimitAndTheCheckInEachWithItsSource) {
  const auto kb = fixture::kb();
  const Plan cards = cards_of(kb, program_of({{"neck", {"upper-trapezius", Side::both}, 4, 100, ""}}));
  const HandoutSafety safety = handout_safety(kb, cards, nullptr);
  ASSERT_EQ(rules(safety.spacing), (std::vector<std::string>{"instrument-min-hours-between",
                                                             "instrument-sessions-per-7-days", "checkin-after-hours"}));
  EXPECT_NE(safety.spacing[0].text.find("at least 48 h"), std::string::npos) << safety.spacing[0].text;
  EXPECT_EQ(safety.spacing[0].source, "seed-003");
  EXPECT_NE(safety.spacing[1].text.find("At most 3 instrument sessions on an area in any 7 days"), std::string::npos);
  EXPECT_NE(safety.spacing[1].text.find("clinic"), std::string::npos) << "clinic work counts too";
  EXPECT_EQ(safety.spacing[1].source, "seed-000");
  EXPECT_TRUE(safety.lowered.empty()) << "no journal read";
}

TEST(HandoutSafety, CompressionAndPressureWorkCarryTheirOwnGapAndNoInstrumentRule) {
  const auto kb = fixture::kb();
  const Plan cards = cards_of(kb, program_of({{"trigger-point-release", {"calves", Side::both}, 4, 100, ""}}));
  ASSERT_FALSE(cards.templates.empty());
  EXPECT_EQ(rules(handout_safety(kb, cards, nullptr).spacing),
            std::vector<std::string>{"compression-min-hours-between"});
}

TEST(HandoutSafety, TheWeekSaysWhichSessionGoesOnWhichDayAsThePlanPlacesThem) {
  const auto kb = fixture::kb();
  const Plan cards = cards_of(kb, program_of({{"neck", {"upper-trapezius", Side::both}, 4, 100, ""},
                                              {"compression-calves", {"calves", Side::both}, 4, 100, ""}}));
  const HandoutSafety safety = handout_safety(kb, cards, nullptr);
  std::vector<HandoutDay> expected;
  for (const auto& day : cards.days) {
    if (day.date > add_days(cards.start, 6)) break;
    HandoutDay d{weekday_index(day.date), {}};
    for (const auto& s : day.sessions) d.sessions.push_back(s.protocol_name);
    expected.push_back(d);
  }
  ASSERT_FALSE(expected.empty());
  EXPECT_EQ(safety.week, expected);
  EXPECT_EQ(safety.week.front().weekday, 0) << "Monday first";
  for (const auto& day : safety.week)
    EXPECT_TRUE(day.weekday == 0 || day.weekday == 2 || day.weekday == 4) << "only the program's days";
}

TEST(HandoutSafety, APressureCapAReactionLoweredIsSaidForTheAreasTheCardsWork) {
  const auto kb = fixture::kb();
  const Plan cards = cards_of(kb, program_of({{"neck", {"upper-trapezius", Side::both}, 5, 100, ""}}));
  JournalAnalysis analysis;
  analysis.regions["upper-trapezius"].pressure_cap = 3;
  analysis.regions["upper-trapezius"].pressure_cap_reason = {
      "bruise-pressure-step", "pressure capped at 3/10 after bruising on Monday, 16 November 2026", "seed-003"};
  analysis.regions["calves"].pressure_cap = 2;  // not on these cards
  const HandoutSafety safety = handout_safety(kb, cards, &analysis);
  ASSERT_EQ(safety.lowered.size(), 1u);
  EXPECT_EQ(safety.lowered[0].rule, "bruise-pressure-step");
  EXPECT_EQ(safety.lowered[0].source, "seed-003");
  EXPECT_NE(safety.lowered[0].text.find("upper-trapezius: pressure capped at 3/10 after bruising"), std::string::npos)
      << safety.lowered[0].text;
  EXPECT_NE(safety.lowered[0].text.find("keep to at most 3/10"), std::string::npos) << safety.lowered[0].text;
}
