// What every request handler may use. The knowledge base and the clock are
// read-only; the rest is thread-safe.
#pragma once

#include <mutex>
#include <string>

#include "fascia/app/account_store.hpp"
#include "fascia/app/clock.hpp"
#include "fascia/core/knowledge_base.hpp"
#include "fascia/server/auth.hpp"
#include "fascia/server/store_pool.hpp"
#include "fascia/server/view_cache.hpp"

namespace fascia::server {

// One account connection, used under a lock (logins are rare).
struct Accounts {
  std::mutex mutex;
  app::AccountStore& store;
};

struct ServerState {
  const core::KnowledgeBase& kb;
  const app::Clock& clock;
  StorePool& stores;
  Accounts& accounts;
  OneTimeToken& login_token;  // only on a loopback bind; empty value otherwise
  SessionTokens sessions;
  LoginLimiter login_limiter;
  ViewCache views;
};

}  // namespace fascia::server
