// The offline gazetteer built at set-up (adapters/gazetteer_file) and the
// geodesic distances (adapters/geodesic_earth): known city pairs within
// 0.5 % of their published great-circle distances, and the real place names
// people in seed 001's comments search from.
#include <gtest/gtest.h>

#include <fstream>

#include "fascia/adapters/gazetteer_file.hpp"
#include "fascia/adapters/geodesic_earth.hpp"
#include "unit/adapters/temp_dir.hpp"

namespace fascia::testing {
namespace {

const app::PlaceIndex& real_places() {
  static const app::PlaceIndex index = [] {
    auto places = adapters::load_gazetteer(adapters::default_gazetteer_file());
    if (!places) throw std::runtime_error(places.error().message);
    return app::PlaceIndex(std::move(*places));
  }();
  return index;
}

core::GeoPoint at(const std::string& name) {
  const auto lookup = real_places().resolve(name);
  if (lookup.outcome != app::PlaceLookup::Outcome::found) throw std::runtime_error("no single place " + name);
  return lookup.places.front().point;
}

// Distances on the WGS 84 ellipsoid between the places' GeoNames points, as
// published by independent calculators (rounded to the kilometre).
TEST(Gazetteer, DistancesBetweenKnownCityPairsAreWithinHalfAPercent) {
  const adapters::GeodesicEarth earth;
  struct Pair {
    const char* from;
    const char* to;
    double km;
  };
  for (const Pair& p :
       {Pair{"San Francisco, CA, US", "Los Angeles, CA, US", 559},
        Pair{"New York City, NY, US", "London, ENG, GB", 5570}, Pair{"Paris, 11, FR", "Berlin, 16, DE", 878},
        Pair{"Sydney, 02, AU", "Melbourne, 07, AU", 714}, Pair{"Anchorage, AK, US", "Seattle, WA, US", 2310}}) {
    const double km = earth.distance_km(at(p.from), at(p.to));
    EXPECT_NEAR(km, p.km, p.km * 0.005) << p.from << " to " << p.to;
  }
}

TEST(Gazetteer, APointIsNoDistanceFromItselfAndAntipodesAreHalfTheGlobeApart) {
  const adapters::GeodesicEarth earth;
  const core::GeoPoint north{89'000'000, 0};
  EXPECT_EQ(earth.distance_km(north, north), 0);
  EXPECT_NEAR(earth.distance_km({0, 0}, {0, 180'000'000}), 20003.9, 0.1);  // half the meridian ellipse
}

TEST(Gazetteer, ThePlacesReadersAskFromAreFound) {
  EXPECT_GT(real_places().size(), 130'000u);
  for (const char* name :
       {"Walnut Creek", "Philadelphia", "Anchorage", "Charlotte, NC", "Dallas", "Fort Worth", "Irvine, CA"})
    EXPECT_EQ(real_places().resolve(name).outcome, app::PlaceLookup::Outcome::found) << name;
  EXPECT_EQ(real_places().resolve("Walnut Creek").places.front().label(), "Walnut Creek, CA, US");
}

TEST(Gazetteer, AmbiguousNamesAndTyposAreAnsweredWithChoicesAndSuggestions) {
  const auto springfield = real_places().resolve("Springfield");
  EXPECT_EQ(springfield.outcome, app::PlaceLookup::Outcome::ambiguous);
  EXPECT_GE(springfield.places.size(), 5u);
  const auto typo = real_places().resolve("Walnut Crek");
  ASSERT_EQ(typo.outcome, app::PlaceLookup::Outcome::not_found);
  ASSERT_FALSE(typo.places.empty());
  EXPECT_EQ(typo.places.front().label(), "Walnut Creek, CA, US");
  EXPECT_EQ(real_places().resolve("Philadelfia").places.front().label(), "Philadelphia, PA, US");
}

TEST(Gazetteer, AMissingOrDamagedFileIsRefusedNamingIt) {
  TempDir dir;
  const auto missing = adapters::load_gazetteer(dir.path() / "none.csv");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message,
            "the gazetteer " + (dir.path() / "none.csv").string() + " is missing: run bash scripts/setup.sh");
  const auto file = dir.path() / "places.csv";
  std::ofstream(file) << "id,name,region,country,population,lat_e6,lon_e6\n1,Here,,XX,5,91000000,0\n";
  const auto damaged = adapters::load_gazetteer(file);
  ASSERT_FALSE(damaged);
  EXPECT_EQ(damaged.error().message, file.string() + ", line 2: a place needs a name and coordinates on the globe");
}

}  // namespace
}  // namespace fascia::testing
