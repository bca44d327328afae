#include "fascia/server/store_pool.hpp"

namespace fascia::server {

core::Result<StorePool::Lease> StorePool::lease(std::int64_t person_id) {
  auto lease = pool_.lease();
  if (lease) (*lease)->rebind(person_id);
  return lease;
}

}  // namespace fascia::server
