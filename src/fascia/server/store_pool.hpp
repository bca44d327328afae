// The journal's connections for the route threads (connection_pool.hpp),
// each lease bound to the caller's person.
#pragma once

#include <filesystem>

#include "fascia/adapters/sqlite_store.hpp"
#include "fascia/server/connection_pool.hpp"

namespace fascia::server {

class StorePool {
 public:
  using Lease = ConnectionPool<adapters::SqliteStore>::Lease;
  explicit StorePool(std::filesystem::path file);
  // A connection whose reads and writes are the person's only.
  core::Result<Lease> lease(std::int64_t person_id);
  const std::filesystem::path& file() const { return file_; }

 private:
  std::filesystem::path file_;
  ConnectionPool<adapters::SqliteStore> pool_;
};

}  // namespace fascia::server
