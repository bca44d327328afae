// The finder's directory (app/directory_store.hpp) in the same database as
// the journal: table `listing` (SQLite version 14, PostgreSQL version 10),
// written once for both engines; only the search differs: SQLite reads the
// R*Tree `listing_geo`, PostgreSQL a B-tree on the published listings'
// coordinates. A listing of a deactivated practitioner is never found.
// New ids are the highest in the table plus one, inside the write transaction.
#pragma once

#include <memory>

#include "fascia/adapters/sql_connection.hpp"
#include "fascia/app/directory_store.hpp"

namespace fascia::adapters {

enum class SpatialIndex { sqlite_rtree, postgresql_btree };

class SqlDirectory : public app::DirectoryStore {
 public:
  SqlDirectory(std::shared_ptr<sql::Connection> connection, SpatialIndex index)
      : db_(std::move(connection)), index_(index) {}

  core::Result<std::optional<core::Listing>> listing_of_account(std::int64_t account_id) override;
  core::Result<core::Listing> save_account_listing(const core::Listing& listing) override;
  core::Result<std::int64_t> replace_directory(const std::string& directory,
                                               const std::vector<core::Listing>& listings) override;
  core::Result<std::vector<core::Listing>> published_in(const app::GeoBox& box) override;
  core::Result<std::vector<core::Listing>> all_listings() override;
  core::Result<void> restore_listing(const core::Listing& listing) override;

  sql::Connection& connection() { return *db_; }

 private:
  core::Result<void> insert(const core::Listing& listing, std::int64_t id);

  std::shared_ptr<sql::Connection> db_;
  SpatialIndex index_;
};

}  // namespace fascia::adapters
