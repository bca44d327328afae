#include "fascia/server/store_pool.hpp"

namespace fascia::server {

StorePool::StorePool(std::filesystem::path file)
    : file_(std::move(file)), pool_([this] { return adapters::SqliteStore::open(file_, 1); }) {}

core::Result<StorePool::Lease> StorePool::lease(std::int64_t person_id) {
  auto lease = pool_.lease();
  if (lease) (*lease)->rebind(person_id);
  return lease;
}

}  // namespace fascia::server
