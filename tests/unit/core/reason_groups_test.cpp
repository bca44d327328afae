// Issue 8, point 16: "why not today" grouped by rule, each area named once,
// dates in one human style.
#include "fascia/core/reason_groups.hpp"

#include <gtest/gtest.h>

#include "fascia/core/journal_analysis.hpp"
#include "fascia/core/treatment_ledger.hpp"
#include "fixture_kb.hpp"

using namespace fascia::core;
using fixture::day;

namespace {
const KnowledgeBase kKb = fixture::kb();
}  // namespace

TEST(LongDate, IsWeekdayDayMonthYear) {
  EXPECT_EQ(format_long_date(day("2026-12-08")), "Tuesday, 8 December 2026");
  EXPECT_EQ(format_long_date(day("2027-01-31")), "Sunday, 31 January 2027");
}

TEST(GroupReasons, FourAreasTimesTwoRulesGiveTwoGroupsNamingFourAreas) {
  // The day after one instrument session on four areas: the 48-hour gap and
  // the missing check-in, once per area, as the planner reports them.
  Journal journal;
  SessionEntry s;
  s.date = day("2026-12-07");
  s.protocol = "neck-basic";
  TreatmentLedger ledger;
  std::vector<Reason> reasons;
  const std::vector<std::pair<std::string, Side>> areas{{"upper-trapezius", Side::left},
                                                        {"upper-trapezius", Side::right},
                                                        {"levator-scapulae", Side::both},
                                                        {"suboccipitals", Side::both}};
  for (const auto& [region, side] : areas) {
    ledger.add({day("2026-12-07"), region, side, Modality::instrument});
    s.steps.push_back(StepLog{});
    s.steps.back().region = region;
    s.steps.back().side = side;
    s.steps.back().modality = Modality::instrument;
  }
  journal.sessions.push_back(s);
  for (const auto& [region, side] : areas) {
    auto gap = ledger.cap_conflicts(kKb, region, side, Modality::instrument, day("2026-12-08"));
    reasons.insert(reasons.end(), gap.begin(), gap.end());
    auto gate = reaction_gate(kKb, journal, region, side, day("2026-12-08"));
    reasons.insert(reasons.end(), gate.begin(), gate.end());
  }
  ASSERT_EQ(reasons.size(), 8u);

  const auto groups = group_reasons(reasons);
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].rule, "instrument-min-hours-between");
  EXPECT_EQ(groups[1].rule, "reaction-unconfirmed");
  for (const auto& g : groups) {
    ASSERT_EQ(g.areas.size(), 4u) << g.rule;
    EXPECT_EQ(g.areas[0].name, "upper-trapezius (left)");
    EXPECT_EQ(g.areas[1].name, "upper-trapezius (right)");
    EXPECT_EQ(g.areas[2].region, "levator-scapulae");
    for (const auto& a : g.areas) EXPECT_EQ(g.text.find(a.name), std::string::npos) << "the text names no area";
    EXPECT_EQ(g.text.find("2026-"), std::string::npos) << g.text;
    EXPECT_FALSE(g.source.empty());
  }
  EXPECT_EQ(groups[0].date, day("2026-12-09"));
  EXPECT_NE(groups[0].text.find("Wednesday, 9 December 2026"), std::string::npos) << groups[0].text;
  // The check-in group says from which day a check-in counts (the session on
  // Monday 7 December, plus the check-in delay of 24 h).
  EXPECT_EQ(groups[1].date, day("2026-12-08"));
  EXPECT_NE(groups[1].text.find("Tuesday, 8 December 2026"), std::string::npos) << groups[1].text;
}

TEST(GroupReasons, KeepsDifferentDatesAndPlainReasonsApart) {
  std::vector<Reason> reasons{
      about_area({"r", "a", "s"}, "calves", "Calves", Side::left, "next allowed {date}", day("2026-12-09")),
      about_area({"r", "b", "s"}, "calves", "Calves", Side::right, "next allowed {date}", day("2026-12-10")),
      {"day-not-available", "sun is not one of your days", ""},
      {"day-not-available", "sun is not one of your days", ""},
  };
  const auto groups = group_reasons(reasons);
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[0].areas.size(), 1u);
  EXPECT_EQ(groups[1].areas.size(), 1u);
  EXPECT_EQ(groups[2].text, "sun is not one of your days");
  EXPECT_TRUE(groups[2].areas.empty());
  EXPECT_FALSE(groups[2].date.has_value());
}
