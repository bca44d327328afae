// The finder's directory (app/directory_store.hpp) on SQLite (R*Tree) and
// PostgreSQL (B-tree on the coordinates): the same contract on both. A
// search returns only published listings of active practitioners inside
// its box; an import replaces a directory all or nothing.
#include <gtest/gtest.h>

#include <algorithm>

#include "fascia/adapters/sql_directory.hpp"
#include "unit/adapters/sample_person.hpp"
#include "unit/adapters/test_database.hpp"

namespace fascia::testing {
namespace {

class DirectoryStoreContract : public ::testing::TestWithParam<Engine> {};

INSTANTIATE_TEST_SUITE_P(Engines, DirectoryStoreContract, ::testing::Values(Engine::sqlite, Engine::postgresql),
                         fascia::testing::engine_name);

std::unique_ptr<adapters::SqlDirectory> directory(const TestDatabase& db) {
  auto store = adapters::open_directory_store(db.target());
  EXPECT_TRUE(store) << store.error().message;
  return store ? std::move(*store) : nullptr;
}

core::Listing listing(std::string name, double lat, double lon, bool published = true) {
  core::Listing l;
  l.display_name = std::move(name);
  l.modalities = {"clinic-iastm", "physiotherapy"};
  l.areas = {"scalenes"};
  l.languages = {"English", "Español"};
  l.town = "Walnut Creek";
  l.postcode = "94596";
  l.location = *core::GeoPoint::from_degrees(lat, lon);
  l.contact = "925 555 0100";
  l.published = published;
  l.updated_at = 1000;
  return l;
}

// Around Walnut Creek, CA (37.9 N, 122.1 W).
const app::GeoBox kBayArea{37'500'000, 38'300'000, -122'500'000, -121'700'000};

// dr.lee, a practitioner of a new clinic: their person id, or 0 after a failed expectation.
std::int64_t practitioner(adapters::SqlAccounts& accounts, const TestDatabase& db) {
  auto clinic = db.clinics()->add_clinic("North Clinic", day("2026-11-01"));
  EXPECT_TRUE(clinic);
  if (!clinic) return 0;
  auto lee = accounts.add_account("dr.lee", "h", day("2026-11-02"), {core::Role::practitioner, clinic->id});
  EXPECT_TRUE(lee);
  return lee ? lee->person_id : 0;
}

std::vector<std::string> names(const std::vector<core::Listing>& listings) {
  std::vector<std::string> out;
  for (const auto& l : listings) out.push_back(l.display_name);
  return out;
}

TEST_P(DirectoryStoreContract, APractitionersListingIsKeptWholeAndReplacedNotDuplicated) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  auto accounts = db.accounts();
  const std::int64_t lee = practitioner(*accounts, db);
  ASSERT_NE(lee, 0);
  auto store = directory(db);
  EXPECT_EQ(*store->listing_of_account(lee), std::nullopt);
  auto first = listing("Dana Lee", 37.906310, -122.064960);
  first.account_id = lee;
  auto saved = store->save_account_listing(first);
  ASSERT_TRUE(saved) << saved.error().message;
  first.id = saved->id;
  EXPECT_EQ(*store->listing_of_account(lee), first);
  first.display_name = "Dana Lee, PT";
  first.languages = {};
  ASSERT_TRUE(store->save_account_listing(first));
  EXPECT_EQ(*store->listing_of_account(lee), first);
  EXPECT_EQ(names(*store->published_in(kBayArea)), std::vector<std::string>{"Dana Lee, PT"});
}

TEST_P(DirectoryStoreContract, ASearchReadsOnlyPublishedListingsInsideItsBox) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  auto store = directory(db);
  ASSERT_TRUE(store->replace_directory(
      "east-bay", {listing("Walnut Creek", 37.906310, -122.064960), listing("Hidden", 37.9, -122.0, false),
                   listing("Anchorage", 61.218060, -149.900280), listing("On the edge", 37.5, -121.7)}));
  EXPECT_EQ(names(*store->published_in(kBayArea)), (std::vector<std::string>{"Walnut Creek", "On the edge"}));
  const app::GeoBox alaska{61'000'000, 61'500'000, -150'500'000, -149'500'000};
  EXPECT_EQ(names(*store->published_in(alaska)), std::vector<std::string>{"Anchorage"});
}

TEST_P(DirectoryStoreContract, ADeactivatedPractitionersListingIsNeverFound) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  auto accounts = db.accounts();
  const std::int64_t lee = practitioner(*accounts, db);
  ASSERT_NE(lee, 0);
  auto store = directory(db);
  auto own = listing("Dana Lee", 37.906310, -122.064960);
  own.account_id = lee;
  ASSERT_TRUE(store->save_account_listing(own));
  ASSERT_EQ(store->published_in(kBayArea)->size(), 1u);
  ASSERT_TRUE(accounts->deactivate_account(lee, 2000));
  EXPECT_TRUE(store->published_in(kBayArea)->empty());
}

TEST_P(DirectoryStoreContract, AnImportReplacesItsOwnDirectoryOnly) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  auto store = directory(db);
  ASSERT_TRUE(store->replace_directory("east-bay", {listing("A", 37.9, -122.0), listing("B", 37.8, -122.1)}));
  ASSERT_TRUE(store->replace_directory("peninsula", {listing("C", 37.6, -122.4)}));
  auto replaced = store->replace_directory("east-bay", {listing("D", 37.9, -122.05)});
  ASSERT_TRUE(replaced);
  EXPECT_EQ(*replaced, 2);
  EXPECT_EQ(names(*store->published_in(kBayArea)), (std::vector<std::string>{"C", "D"}));
}

TEST_P(DirectoryStoreContract, AnImportThatFailsPartWayLeavesTheDirectoryAsItWas) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  auto store = directory(db);
  ASSERT_TRUE(store->replace_directory("east-bay", {listing("A", 37.9, -122.0)}));
  auto bad = listing("Broken", 37.9, -122.0);
  bad.languages = {"English\nFrench"};  // a list value may not hold a line break
  EXPECT_FALSE(store->replace_directory("east-bay", {listing("New", 37.9, -122.0), bad}));
  EXPECT_EQ(names(*store->published_in(kBayArea)), std::vector<std::string>{"A"});
}

}  // namespace
}  // namespace fascia::testing
