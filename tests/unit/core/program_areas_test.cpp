// The areas a program's home work loads (core::program_home_areas): what a
// warning sign must touch to hold the program back, and what the
// practitioner's program covers beyond the regions they named.
#include "fascia/core/program_areas.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "unit/core/fixture_kb.hpp"

using namespace fascia::core;

namespace {

HomeProgram neck_on(Side side) {
  HomeProgram p;
  p.start = fixture::day("2026-11-23");
  p.review = fixture::day("2026-12-21");
  p.weekdays = {0, 2, 4};
  p.items = {{"neck", {"upper-trapezius", side}, std::nullopt, 100, ""}};
  return p;
}

bool has(const std::vector<ProgramArea>& areas, const std::string& region, Side side, Modality modality) {
  return std::any_of(areas.begin(), areas.end(), [&](const ProgramArea& a) {
    return a.region == region && a.side == side && a.modality == modality;
  });
}

}  // namespace

TEST(ProgramHomeAreas, EveryStepOfTheProtocolIsAnAreaOnTheItemsSideNotOnlyTheTargetNamed) {
  const auto kb = fixture::kb();
  const auto areas = program_home_areas(kb, neck_on(Side::left), nullptr);
  EXPECT_TRUE(has(areas, "upper-trapezius", Side::left, Modality::movement)) << "the target, as the planner checks it";
  EXPECT_TRUE(has(areas, "upper-trapezius", Side::left, Modality::instrument));
  EXPECT_TRUE(has(areas, "levator-scapulae", Side::left, Modality::instrument)) << "visited on the way";
  EXPECT_TRUE(has(areas, "suboccipitals", Side::left, Modality::instrument));
  EXPECT_FALSE(has(areas, "levator-scapulae", Side::right, Modality::instrument)) << "the item is for the left";
  EXPECT_EQ(areas.size(), 4u) << "each area and modality once";
  for (const auto& a : areas) EXPECT_EQ(a.protocol, "neck");
}

TEST(ProgramHomeAreas, AnAreaKeptForTheClinicIsNotHomeWork) {
  const auto kb = fixture::kb();
  HomeProgram p = neck_on(Side::both);
  p.clinic_only = {{"suboccipitals", Side::both}};
  const auto areas = program_home_areas(kb, p, nullptr);
  EXPECT_FALSE(
      std::any_of(areas.begin(), areas.end(), [](const ProgramArea& a) { return a.region == "suboccipitals"; }));
  EXPECT_TRUE(has(areas, "levator-scapulae", Side::both, Modality::instrument));
}

TEST(ProgramHomeAreas, AVisitedRegionTheProfileNamesTakesTheProfilesSideAsThePlanDoes) {
  const auto kb = fixture::kb();
  Profile person = fixture::desk_worker();
  person.regions.push_back({"levator-scapulae", Side::right, 4});
  const auto areas = program_home_areas(kb, neck_on(Side::left), &person);
  EXPECT_TRUE(has(areas, "levator-scapulae", Side::right, Modality::instrument));
  EXPECT_FALSE(has(areas, "levator-scapulae", Side::left, Modality::instrument));
}

TEST(ProgramHomeAreas, AGenericProtocolWorksTheItemsTargetAndAMidlineRegionTheMidline) {
  const auto kb = fixture::kb();
  HomeProgram p = neck_on(Side::left);
  p.items = {{"adhesion-scraping", {"calves", Side::right}, std::nullopt, 100, ""},
             {"adhesion-scraping", {"abdomen", Side::midline}, std::nullopt, 100, ""}};
  const auto areas = program_home_areas(kb, p, nullptr);
  EXPECT_TRUE(has(areas, "calves", Side::right, Modality::instrument));
  EXPECT_TRUE(has(areas, "abdomen", Side::midline, Modality::instrument));
  EXPECT_EQ(areas.size(), 4u);
}
