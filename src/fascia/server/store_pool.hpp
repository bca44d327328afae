// The journal's connections for the route threads (connection_pool.hpp),
// each lease bound to the caller's person.
#pragma once

#include <functional>
#include <memory>

#include "fascia/app/journal_store.hpp"
#include "fascia/server/connection_pool.hpp"

namespace fascia::server {

class StorePool {
 public:
  using Lease = ConnectionPool<app::JournalStore>::Lease;
  // Opens one more connection (a store bound to any person) when none is idle.
  using Opener = std::function<core::Result<std::unique_ptr<app::JournalStore>>()>;
  explicit StorePool(Opener open) : pool_(std::move(open)) {}
  // A connection whose reads and writes are the person's only.
  core::Result<Lease> lease(std::int64_t person_id);

 private:
  ConnectionPool<app::JournalStore> pool_;
};

}  // namespace fascia::server
