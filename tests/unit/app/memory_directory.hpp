// An in-memory DirectoryStore for the finder's use-case tests: the port's
// contract without a database (the SQL stores have their own contract
// suite), and a switch that makes every write fail, to show that a failed
// write changes nothing.
#pragma once

#include <algorithm>

#include "fascia/app/directory_store.hpp"

namespace fascia::testing {

class MemoryDirectory : public app::DirectoryStore {
 public:
  std::vector<core::Listing> listings;
  bool fail_writes = false;

  core::Result<std::optional<core::Listing>> listing_of_account(std::int64_t account_id) override {
    for (const auto& l : listings)
      if (l.account_id == account_id) return l;
    return std::nullopt;
  }
  core::Result<core::Listing> save_account_listing(const core::Listing& listing) override {
    if (fail_writes) return core::fail(core::ErrorCode::db_full, "database test.db is full");
    auto it = std::find_if(listings.begin(), listings.end(),
                           [&](const core::Listing& l) { return l.account_id == listing.account_id; });
    core::Listing saved = listing;
    saved.id = it != listings.end() ? it->id : next_id();
    if (it != listings.end())
      *it = saved;
    else
      listings.push_back(saved);
    return saved;
  }
  core::Result<std::int64_t> replace_directory(const std::string& directory,
                                               const std::vector<core::Listing>& incoming) override {
    if (fail_writes) return core::fail(core::ErrorCode::db_full, "database test.db is full");
    const auto before = std::erase_if(listings, [&](const core::Listing& l) { return l.directory == directory; });
    for (core::Listing l : incoming) {
      l.directory = directory;
      l.account_id.reset();
      l.id = next_id();
      listings.push_back(l);
    }
    return static_cast<std::int64_t>(before);
  }
  core::Result<std::vector<core::Listing>> all_listings() override { return listings; }
  core::Result<void> restore_listing(const core::Listing& listing) override {
    listings.push_back(listing);
    return {};
  }
  core::Result<std::vector<core::Listing>> published_in(const app::GeoBox& box) override {
    std::vector<core::Listing> found;
    for (const auto& l : listings)
      if (l.published && box.contains(l.location)) found.push_back(l);
    return found;
  }

 private:
  std::int64_t next_id() const {
    std::int64_t id = 0;
    for (const auto& l : listings) id = std::max(id, l.id);
    return id + 1;
  }
};

}  // namespace fascia::testing
