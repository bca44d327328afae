// The finder's use cases over the real knowledge base (app/finder,
// app/listings, app/directory_import): a search resolves its place, reads
// the box around it and ranks by need; a practitioner's listing is opt-in; a
// CSV import with a bad line changes nothing unless asked.
#include "fascia/app/finder.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "fascia/adapters/geodesic_earth.hpp"
#include "fascia/adapters/kb_paths.hpp"
#include "fascia/adapters/yaml_knowledge_source.hpp"
#include "fascia/app/directory_import.hpp"
#include "fascia/app/listings.hpp"
#include "unit/app/memory_directory.hpp"

namespace fascia::testing {
namespace {

const core::KnowledgeBase& kb() {
  static const core::KnowledgeBase loaded = [] {
    auto result = adapters::YamlKnowledgeSource(adapters::default_data_dir()).load();
    if (!result) throw std::runtime_error(result.error().front());
    return *result;
  }();
  return *&loaded;
}

app::Place place(std::int64_t id, std::string name, std::string region, std::string country, std::int64_t people,
                 double lat, double lon) {
  return {id, std::move(name), std::move(region), std::move(country), people, *core::GeoPoint::from_degrees(lat, lon)};
}

// A few real places (GeoNames positions), enough for the use cases.
const app::PlaceIndex& places() {
  static const app::PlaceIndex index({place(5406990, "Walnut Creek", "CA", "US", 68910, 37.90631, -122.06496),
                                      place(5378538, "Oakland", "CA", "US", 419267, 37.80437, -122.2708),
                                      place(5392171, "San Jose", "CA", "US", 1026908, 37.33939, -121.89496),
                                      place(4250542, "Springfield", "IL", "US", 116565, 39.80172, -89.64371),
                                      place(4409896, "Springfield", "MO", "US", 169176, 37.21533, -93.29824)});
  return index;
}

core::Listing listing(std::string name, std::vector<std::string> modalities, const std::string& town,
                      bool published = true) {
  core::Listing l;
  l.display_name = std::move(name);
  l.modalities = std::move(modalities);
  l.town = town;
  l.location = places().resolve(town).places.front().point;
  l.contact = "555 0100";
  l.published = published;
  return l;
}

app::FinderResult found(const app::FieldResult<app::FinderAnswer>& answer) {
  EXPECT_TRUE(answer) << answer.error().error.message;
  EXPECT_TRUE(std::holds_alternative<app::FinderResult>(*answer));
  return std::get<app::FinderResult>(*answer);
}

std::vector<std::string> names(const app::FinderResult& result) {
  std::vector<std::string> out;
  for (const auto& m : result.matches) out.push_back(m.listing.display_name);
  return out;
}

TEST(FinderUseCase, AWeekFourReviewFromWalnutCreekFindsNearbyInstrumentPractitionersNearestFirst) {
  MemoryDirectory store;
  store.replace_directory("bay", {listing("Oakland scraper", {"clinic-iastm"}, "Oakland"),
                                  listing("Local scraper", {"gua-sha", "physiotherapy"}, "Walnut Creek"),
                                  listing("Local Swedish", {"swedish-massage"}, "Walnut Creek"),
                                  listing("San Jose scraper", {"clinic-iastm"}, "San Jose"),
                                  listing("Unpublished scraper", {"clinic-iastm"}, "Walnut Creek", false)});
  const adapters::GeodesicEarth earth;
  const auto result = found(
      app::find_practitioners(kb(), places(), earth, store, {"Walnut Creek", 30.0, "", "instrument-not-improving"}));
  EXPECT_EQ(names(result), (std::vector<std::string>{"Local scraper", "Oakland scraper"}));
  EXPECT_EQ(result.place.label(), "Walnut Creek, CA, US");
  ASSERT_NE(result.need, nullptr);
  EXPECT_EQ(result.need->id, "instrument-not-improving");
  // 11.3 km south and 18.1 km west: about 21.3 km.
  EXPECT_NEAR(result.matches[1].distance_km, 21.3, 0.3);
  EXPECT_EQ(result.matches[1].why[1], "21 km from Walnut Creek, CA, US");
  // San Jose (about 65 km) comes in with a larger distance.
  const auto wider = found(
      app::find_practitioners(kb(), places(), earth, store, {"Walnut Creek", 100.0, "", "instrument-not-improving"}));
  EXPECT_EQ(names(wider), (std::vector<std::string>{"Local scraper", "Oakland scraper", "San Jose scraper"}));
}

TEST(FinderUseCase, AnAmbiguousPlaceComesBackAsChoicesAndAnUnknownOneWithSuggestions) {
  MemoryDirectory store;
  const adapters::GeodesicEarth earth;
  auto answer = app::find_practitioners(kb(), places(), earth, store, {"Springfield", std::nullopt, "", ""});
  ASSERT_TRUE(answer);
  ASSERT_TRUE(std::holds_alternative<app::PlaceLookup>(*answer));
  EXPECT_EQ(std::get<app::PlaceLookup>(*answer).outcome, app::PlaceLookup::Outcome::ambiguous);
  answer = app::find_practitioners(kb(), places(), earth, store, {"Oaklnd", std::nullopt, "", ""});
  ASSERT_TRUE(answer);
  const auto& lookup = std::get<app::PlaceLookup>(*answer);
  EXPECT_EQ(app::place_problem("Oaklnd", lookup), "no place 'Oaklnd' (did you mean Oakland, CA, US?)");
}

TEST(FinderUseCase, BadSearchesAreRefusedNamingTheField) {
  MemoryDirectory store;
  const adapters::GeodesicEarth earth;
  const auto field_of = [&](app::FinderRequest request) {
    auto answer = app::find_practitioners(kb(), places(), earth, store, request);
    return answer ? std::string("ok") : answer.error().field + " " + answer.error().error.message;
  };
  EXPECT_EQ(field_of({"", std::nullopt, "", ""}), "near near: give a town or city to search near");
  EXPECT_EQ(field_of({"Oakland", 0.0, "", ""}), "within within: kilometres above 0 and at most 500");
  EXPECT_EQ(field_of({"Oakland", 501.0, "", ""}), "within within: kilometres above 0 and at most 500");
  EXPECT_EQ(field_of({"Oakland", NAN, "", ""}), "within within: kilometres above 0 and at most 500");
  EXPECT_EQ(field_of({"Oakland", std::nullopt, "reiki", ""}),
            "modality modality: no treatment 'reiki' that practitioners give (fascia kb list treatments)");
  EXPECT_EQ(field_of({"Oakland", std::nullopt, "", "luck"}).substr(0, 28), "need need: no need 'luck' (o");
}

TEST(FinderUseCase, TheSearchBoxCoversTheWholeCircleAcrossTheDateLineAndAtThePoles) {
  const auto fiji = app::boxes_around({-17'000'000, 179'900'000}, 50);
  ASSERT_EQ(fiji.size(), 2u);
  EXPECT_TRUE(fiji[1].contains({-17'000'000, -179'800'000}));
  EXPECT_TRUE(fiji[0].contains({-17'000'000, 179'950'000}));
  const auto pole = app::boxes_around({89'900'000, 0}, 50);
  ASSERT_EQ(pole.size(), 1u);
  EXPECT_TRUE(pole[0].contains({89'800'000, 179'000'000}));
  // A point just inside the distance is inside the box, east and north.
  const adapters::GeodesicEarth earth;
  const core::GeoPoint walnut_creek{37'906'310, -122'064'960};
  const auto box = app::boxes_around(walnut_creek, 25).front();
  for (const core::GeoPoint p : {core::GeoPoint{37'906'310, -121'781'000}, core::GeoPoint{38'131'000, -122'064'960}})
    if (earth.distance_km(walnut_creek, p) <= 25) EXPECT_TRUE(box.contains(p));
}

app::Account practitioner(std::int64_t id = 3) {
  app::Account a;
  a.person_id = id;
  a.name = "dr.lee";
  a.membership.role = core::Role::practitioner;
  return a;
}

app::ListingInput dana() {
  app::ListingInput in;
  in.display_name = "Dana Lee";
  in.modalities = {"clinic-iastm", "physiotherapy"};
  in.areas = {"scalenes"};
  in.place = "Walnut Creek";
  in.contact = "925 555 0100";
  return in;
}

TEST(FinderUseCase, APractitionersNewListingIsUnpublishedUntilTheyPublishIt) {
  MemoryDirectory store;
  auto saved = app::save_own_listing(kb(), &places(), store, practitioner(), dana(), 1000);
  ASSERT_TRUE(saved) << saved.error().error.message;
  EXPECT_FALSE(saved->published);
  EXPECT_EQ(saved->town, "Walnut Creek");
  const adapters::GeodesicEarth earth;
  EXPECT_TRUE(
      found(app::find_practitioners(kb(), places(), earth, store, {"Walnut Creek", {}, "", ""})).matches.empty());
  ASSERT_TRUE(app::set_own_listing_published(store, practitioner(), true, 1001));
  EXPECT_EQ(names(found(app::find_practitioners(kb(), places(), earth, store, {"Walnut Creek", {}, "", "scalenes"}))),
            std::vector<std::string>{"Dana Lee"});
  // A change keeps it published; withdrawing it takes it out of every search.
  auto changed = dana();
  changed.display_name = "Dana Lee, PT";
  EXPECT_TRUE(app::save_own_listing(kb(), &places(), store, practitioner(), changed, 1002)->published);
  ASSERT_TRUE(app::set_own_listing_published(store, practitioner(), false, 1003));
  EXPECT_TRUE(
      found(app::find_practitioners(kb(), places(), earth, store, {"Walnut Creek", {}, "", ""})).matches.empty());
}

TEST(FinderUseCase, OnlyAnActivePractitionerHasAListing) {
  MemoryDirectory store;
  auto person = practitioner();
  person.membership.role = core::Role::person;
  auto refused = app::save_own_listing(kb(), &places(), store, person, dana(), 1000);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().error.code, core::ErrorCode::forbidden);
  auto gone = practitioner();
  gone.deactivated_at = 5;
  EXPECT_FALSE(app::save_own_listing(kb(), &places(), store, gone, dana(), 1000));
  EXPECT_TRUE(store.listings.empty());
}

TEST(FinderUseCase, EveryProblemWithAListingIsReportedAtOnceNamingItsField) {
  MemoryDirectory store;
  auto in = dana();
  in.display_name = "";
  in.modalities = {"clinic-iastm", "foam-rolling", "reiki"};
  in.areas = {"upper-trapezius"};
  in.place = "Springfield";
  auto refused = app::save_own_listing(kb(), &places(), store, practitioner(), in, 1000);
  ASSERT_FALSE(refused);
  std::vector<std::string> fields;
  for (const auto& p : refused.error().problems) fields.push_back(p.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"name", "modalities[1]", "modalities[2]", "areas[0]", "place"}));
  EXPECT_EQ(refused.error().problems.back().message,
            "'Springfield' names several places: Springfield, MO, US; Springfield, IL, US; add the region and "
            "country code, e.g. 'Springfield, MO, US'");
  EXPECT_TRUE(store.listings.empty());
}

std::vector<app::TextRecord> csv(std::vector<std::vector<std::string>> rows) {
  std::vector<app::TextRecord> records;
  int line = 0;
  for (auto& r : rows) records.push_back({++line, std::move(r)});
  return records;
}

const std::vector<std::string> kHeader{"name",     "modalities", "town",    "region",
                                       "latitude", "longitude",  "contact", "published"};

TEST(FinderUseCase, AnImportWithABadLineWritesNothingAndNamesEachLineAndField) {
  MemoryDirectory store;
  store.replace_directory("bay", {listing("Kept", {"gua-sha"}, "Oakland")});
  const auto records = csv({kHeader,
                            {"Good", "clinic-iastm", "Oakland", "CA", "", "", "555", "yes"},
                            {"Bad modality", "clinic-iastm;reiki", "Oakland", "", "", "", "555", "yes"},
                            {"Bad place", "gua-sha", "Walnut Crek", "", "", "", "555", "maybe"},
                            {"Bad latitude", "gua-sha", "", "", "95", "-122", "555", "no"},
                            {"Not a number", "gua-sha", "", "", "nan", "-122", "555", "no"}});
  auto report = app::import_directory(kb(), &places(), store, "bay", records, app::BadLines::refuse, 1000);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_FALSE(report->written);
  EXPECT_EQ(report->imported, 0u);
  std::vector<std::string> where;
  for (const auto& p : report->problems) where.push_back(std::to_string(p.line) + " " + p.field);
  EXPECT_EQ(where, (std::vector<std::string>{"3 modalities[1]", "4 published", "4 place", "5 latitude", "6 latitude"}));
  ASSERT_EQ(store.listings.size(), 1u);
  EXPECT_EQ(store.listings[0].display_name, "Kept");
}

TEST(FinderUseCase, AnImportAskedToSkipBadLinesWritesTheGoodOnesAndReplacesTheDirectory) {
  MemoryDirectory store;
  store.replace_directory("bay", {listing("Old", {"gua-sha"}, "Oakland")});
  const auto records = csv({kHeader,
                            {"Good", "clinic-iastm", "Oakland", "CA", "", "", "555", "yes"},
                            {"Placed", "gua-sha", "", "", "37.9", "-122.06", "555", "no"},
                            {"Bad", "reiki", "Oakland", "", "", "", "555", "yes"}});
  auto report = app::import_directory(kb(), &places(), store, "bay", records, app::BadLines::skip, 1000);
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->written);
  EXPECT_EQ(report->imported, 2u);
  EXPECT_EQ(report->replaced, 1);
  ASSERT_EQ(store.listings.size(), 2u);
  EXPECT_EQ(store.listings[0].display_name, "Good");
  EXPECT_TRUE(store.listings[0].published);
  EXPECT_FALSE(store.listings[1].published);
}

TEST(FinderUseCase, AnImportWhoseWriteFailsReportsTheErrorAndKeepsTheDirectory) {
  MemoryDirectory store;
  store.replace_directory("bay", {listing("Kept", {"gua-sha"}, "Oakland")});
  store.fail_writes = true;
  auto report = app::import_directory(kb(), &places(), store, "bay",
                                      csv({kHeader, {"Good", "clinic-iastm", "Oakland", "", "", "", "555", "yes"}}),
                                      app::BadLines::refuse, 1000);
  ASSERT_FALSE(report);
  EXPECT_EQ(report.error().code, core::ErrorCode::db_full);
  ASSERT_EQ(store.listings.size(), 1u);
}

TEST(FinderUseCase, AnImportWithAnUnknownOrMissingColumnIsRefusedBeforeAnyLine) {
  MemoryDirectory store;
  auto unknown = app::import_directory(kb(), &places(), store, "bay", csv({{"name", "modalities", "phone"}}),
                                       app::BadLines::skip, 1000);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().message.substr(0, 33), "line 1: unknown column 'phone' (c");
  auto missing = app::import_directory(kb(), &places(), store, "bay",
                                       csv({{"name", "modalities", "town", "contact"}, {"a", "b", "c", "d"}}),
                                       app::BadLines::skip, 1000);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message, "line 1: the column 'published' is missing");
}

}  // namespace
}  // namespace fascia::testing
