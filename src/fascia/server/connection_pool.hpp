// Database connections for the server's route threads: a request borrows one
// and gives it back when done, so connections (and their prepared
// statements) are reused, never shared by two threads at once. A new one is
// opened when none is idle; the route pool's size bounds how many exist.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "fascia/core/error.hpp"

namespace fascia::server {

template <class Connection>
class ConnectionPool {
 public:
  using Opener = std::function<core::Result<std::unique_ptr<Connection>>()>;
  explicit ConnectionPool(Opener open) : open_(std::move(open)) {}

  class Lease {
   public:
    Lease(ConnectionPool& pool, std::unique_ptr<Connection> connection)
        : pool_(&pool), connection_(std::move(connection)) {}
    Lease(Lease&&) noexcept = default;
    Lease& operator=(Lease&&) noexcept = default;
    ~Lease() {
      if (connection_) pool_->give_back(std::move(connection_));
    }
    Connection& operator*() { return *connection_; }
    Connection* operator->() { return connection_.get(); }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<Connection> connection_;
  };

  // An idle connection, or a new one; the opener's error when it fails.
  core::Result<Lease> lease() {
    std::unique_ptr<Connection> connection;
    {
      std::lock_guard lock(mutex_);
      if (!idle_.empty()) {
        connection = std::move(idle_.back());
        idle_.pop_back();
      }
    }
    if (!connection) {
      auto opened = open_();
      if (!opened) return tl::make_unexpected(opened.error());
      connection = std::move(*opened);
    }
    return Lease(*this, std::move(connection));
  }

 private:
  void give_back(std::unique_ptr<Connection> connection) {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(connection));
  }
  Opener open_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Connection>> idle_;
};

}  // namespace fascia::server
