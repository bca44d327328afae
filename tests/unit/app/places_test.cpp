// Resolving a place name offline (app/places): exact names without case or
// accents, region and country qualifiers, a shared name offered as a choice
// unless one place is far larger, and suggestions for a misspelling.
#include "fascia/app/places.hpp"

#include <gtest/gtest.h>

namespace fascia::app {
namespace {

Place place(std::int64_t id, std::string name, std::string region, std::string country, std::int64_t people) {
  return {id, std::move(name), std::move(region), std::move(country), people, core::GeoPoint{0, 0}};
}

PlaceIndex index() {
  return PlaceIndex({place(1, "Springfield", "IL", "US", 116'565), place(2, "Springfield", "MO", "US", 169'176),
                     place(3, "Springfield", "04", "AU", 6'705), place(4, "Anchorage", "AK", "US", 298'695),
                     place(5, "Anchorage", "KY", "US", 2'420), place(6, "Zürich", "ZH", "CH", 341'730),
                     place(7, "Walnut Creek", "CA", "US", 68'910), place(8, "Winston-Salem", "NC", "US", 249'545)});
}

std::vector<std::int64_t> ids(const PlaceLookup& lookup) {
  std::vector<std::int64_t> out;
  for (const auto& p : lookup.places) out.push_back(p.id);
  return out;
}

TEST(Places, ANameIsFoundWhateverItsCaseAccentsAndPunctuation) {
  const auto places = index();
  EXPECT_EQ(ids(places.resolve("walnut creek")), std::vector<std::int64_t>{7});
  EXPECT_EQ(places.resolve("  WALNUT   Creek ").outcome, PlaceLookup::Outcome::found);
  EXPECT_EQ(ids(places.resolve("Zurich")), std::vector<std::int64_t>{6});
  EXPECT_EQ(ids(places.resolve("winston salem")), std::vector<std::int64_t>{8});
}

TEST(Places, ASharedNameOfSimilarPlacesIsOfferedAsAChoiceLargestFirst) {
  const auto lookup = index().resolve("Springfield");
  EXPECT_EQ(lookup.outcome, PlaceLookup::Outcome::ambiguous);
  EXPECT_EQ(ids(lookup), (std::vector<std::int64_t>{2, 1, 3}));
}

TEST(Places, RegionAndCountryCodesSettleASharedName) {
  const auto places = index();
  EXPECT_EQ(ids(places.resolve("Springfield, IL")), std::vector<std::int64_t>{1});
  EXPECT_EQ(ids(places.resolve("springfield, il, us")), std::vector<std::int64_t>{1});
  EXPECT_EQ(ids(places.resolve("Springfield, AU")), std::vector<std::int64_t>{3});
  const auto us = places.resolve("Springfield, US");
  EXPECT_EQ(us.outcome, PlaceLookup::Outcome::ambiguous);
  EXPECT_EQ(ids(us), (std::vector<std::int64_t>{2, 1}));
  EXPECT_EQ(places.resolve("Springfield, IL, AU").outcome, PlaceLookup::Outcome::not_found);
}

TEST(Places, AFarLargerPlaceIsTakenForASharedNameAndTheNoteSaysHowToAskForAnother) {
  const auto lookup = index().resolve("Anchorage");
  ASSERT_EQ(lookup.outcome, PlaceLookup::Outcome::found);
  EXPECT_EQ(lookup.places.front().label(), "Anchorage, AK, US");
  EXPECT_EQ(lookup.note,
            "Taken as Anchorage, AK, US, the largest of 2 places of that name; for another, add its region and "
            "country code (e.g. 'Anchorage, KY, US').");
  EXPECT_EQ(ids(index().resolve("Anchorage, KY")), std::vector<std::int64_t>{5});
}

TEST(Places, PlacesSharingTheirWholeLabelResolveToTheLargestSayingSo) {
  const PlaceIndex places({place(1, "Lafayette", "TN", "US", 5'000), place(2, "Lafayette", "TN", "US", 4'000),
                           place(3, "Lafayette", "LA", "US", 126'000), place(4, "Lafayette", "IN", "US", 70'000)});
  const auto lookup = places.resolve("Lafayette, TN, US");
  ASSERT_EQ(lookup.outcome, PlaceLookup::Outcome::found);
  EXPECT_EQ(ids(lookup), std::vector<std::int64_t>{1});
  EXPECT_EQ(lookup.note, "Taken as Lafayette, TN, US, the largest of 2 places of that name there.");
  EXPECT_EQ(places.resolve("Lafayette").outcome, PlaceLookup::Outcome::ambiguous);
}

TEST(Places, AMisspeltNameGetsTheClosestNamesAsSuggestions) {
  const auto places = index();
  const auto lookup = places.resolve("Walnut Crek");
  EXPECT_EQ(lookup.outcome, PlaceLookup::Outcome::not_found);
  EXPECT_EQ(ids(lookup), std::vector<std::int64_t>{7});
  EXPECT_EQ(ids(places.resolve("Sprinfield")), (std::vector<std::int64_t>{2, 1, 3}));
  EXPECT_TRUE(places.resolve("Qwxyz").places.empty());
}

TEST(Places, EmptyOrOverQualifiedTextFindsNothing) {
  const auto places = index();
  EXPECT_EQ(places.resolve("").outcome, PlaceLookup::Outcome::not_found);
  EXPECT_EQ(places.resolve(" , IL").outcome, PlaceLookup::Outcome::not_found);
  EXPECT_TRUE(places.resolve("a, b, c, d").places.empty());
}

}  // namespace
}  // namespace fascia::app
