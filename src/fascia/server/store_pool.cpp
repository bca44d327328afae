#include "fascia/server/store_pool.hpp"

namespace fascia::server {

core::Result<StorePool::Lease> StorePool::lease(std::int64_t person_id) {
  std::unique_ptr<adapters::SqliteStore> store;
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      store = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (!store) {
    auto opened = adapters::SqliteStore::open(file_, person_id);
    if (!opened) return tl::make_unexpected(opened.error());
    store = std::move(*opened);
  }
  store->rebind(person_id);
  return Lease(*this, std::move(store));
}

void StorePool::give_back(std::unique_ptr<adapters::SqliteStore> store) {
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(store));
}

}  // namespace fascia::server
