// The finder's directory of practitioner listings (issue 11), in the same
// database as the journal: a practitioner's own listing, kept per account,
// and lists imported from a CSV file, kept per directory name. Searches read
// only published listings, by a box of coordinates that the store answers
// from a spatial index (SQLite's R*Tree; on PostgreSQL an index on the
// coordinates). Errors are the store's: db_locked, db_read_only, db_full,
// db_corrupt, db_error; invalid_argument for a listing it cannot hold.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fascia/core/error.hpp"
#include "fascia/core/listing.hpp"

namespace fascia::app {

// Coordinates in millionths of a degree, bounds included. Never crosses the
// 180th meridian: a search that does asks for two boxes.
struct GeoBox {
  std::int32_t min_lat_e6 = 0;
  std::int32_t max_lat_e6 = 0;
  std::int32_t min_lon_e6 = 0;
  std::int32_t max_lon_e6 = 0;
  bool contains(const core::GeoPoint& p) const {
    return p.lat_e6 >= min_lat_e6 && p.lat_e6 <= max_lat_e6 && p.lon_e6 >= min_lon_e6 && p.lon_e6 <= max_lon_e6;
  }
};

class DirectoryStore {
 public:
  virtual ~DirectoryStore() = default;

  // The practitioner's own listing, published or not; nullopt when they have none.
  virtual core::Result<std::optional<core::Listing>> listing_of_account(std::int64_t account_id) = 0;
  // Stores the listing of listing.account_id (which must be set), replacing
  // theirs if they have one; returns it as stored, with its id.
  virtual core::Result<core::Listing> save_account_listing(const core::Listing& listing) = 0;
  // Replaces every listing of `directory` with `listings` (their directory
  // set to it, no account), in one transaction: all or nothing. Returns how
  // many the directory held before.
  virtual core::Result<std::int64_t> replace_directory(const std::string& directory,
                                                       const std::vector<core::Listing>& listings) = 0;
  // The published listings whose point lies in `box`, by id.
  virtual core::Result<std::vector<core::Listing>> published_in(const GeoBox& box) = 0;

  // For copying a whole database (app/database_copy): every listing,
  // published or not, by id; and one stored as it is, its id kept
  // (invalid_argument when the id is taken).
  virtual core::Result<std::vector<core::Listing>> all_listings() = 0;
  virtual core::Result<void> restore_listing(const core::Listing& listing) = 0;
};

}  // namespace fascia::app
