// SQLite connections for the server's worker threads: each request borrows a
// connection bound to the caller's person and gives it back when done, so
// connections (and their prepared statements) are reused, never shared by
// two threads at once.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "fascia/adapters/sqlite_store.hpp"

namespace fascia::server {

class StorePool {
 public:
  explicit StorePool(std::filesystem::path file) : file_(std::move(file)) {}

  class Lease {
   public:
    Lease(StorePool& pool, std::unique_ptr<adapters::SqliteStore> store) : pool_(&pool), store_(std::move(store)) {}
    Lease(Lease&&) noexcept = default;
    Lease& operator=(Lease&&) noexcept = default;
    ~Lease() {
      if (store_) pool_->give_back(std::move(store_));
    }
    adapters::SqliteStore& operator*() { return *store_; }
    adapters::SqliteStore* operator->() { return store_.get(); }

   private:
    StorePool* pool_;
    std::unique_ptr<adapters::SqliteStore> store_;
  };

  core::Result<Lease> lease(std::int64_t person_id);
  const std::filesystem::path& file() const { return file_; }

 private:
  void give_back(std::unique_ptr<adapters::SqliteStore> store);
  std::filesystem::path file_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<adapters::SqliteStore>> idle_;
};

}  // namespace fascia::server
