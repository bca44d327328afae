// What every request handler may use. The knowledge base and the clock are
// read-only; the rest is thread-safe.
#pragma once

#include <atomic>
#include <semaphore>
#include <string>
#include <vector>

#include "fascia/app/account_store.hpp"
#include "fascia/app/clinic_store.hpp"
#include "fascia/app/clock.hpp"
#include "fascia/app/original_plan_cache.hpp"
#include "fascia/core/knowledge_base.hpp"
#include "fascia/server/auth.hpp"
#include "fascia/server/finder_services.hpp"
#include "fascia/server/group_commit.hpp"
#include "fascia/server/store_pool.hpp"
#include "fascia/server/view_cache.hpp"

namespace fascia::server {

// How the server is reached (ADR 0012).
struct SiteSecurity {
  // Cookies carry Secure: the server is reached beyond loopback, where only
  // HTTPS (a TLS proxy in front) may carry them.
  bool secure_cookies = false;
  // The one origin ("https://clinic.example") a browser may send writes
  // from; empty: the origin of the request's own Host header.
  std::string public_origin;
  // Peers (a proxy's address) whose X-Forwarded-For names the real client.
  std::vector<std::string> trusted_proxies;
};

// At most this many passwords are hashed at once (64 MiB of Argon2id each).
inline constexpr std::ptrdiff_t kMaxConcurrentHashes = 2;
// At most this many sign-ins wait for a hashing slot; more are answered 503
// db_busy at once (Retry-After 1), so a burst of guesses from many addresses
// cannot make a real sign-in wait behind it: it waits for at most
// (kMaxHashQueue + kMaxConcurrentHashes) / kMaxConcurrentHashes hashes.
inline constexpr int kMaxHashQueue = 4;

// Connections to the clinics, links and access log (app/clinic_store.hpp).
using ClinicPool = ConnectionPool<app::ClinicStore>;

struct ServerState {
  ServerState(const core::KnowledgeBase& kb_, const app::Clock& clock_, StorePool& stores_, AccountPool& accounts_,
              ClinicPool& clinics_, FinderServices& finder_, OneTimeToken& login_token_, SiteSecurity security_)
      : kb(kb_),
        clock(clock_),
        stores(stores_),
        accounts(accounts_),
        clinics(clinics_),
        finder(finder_),
        login_token(login_token_),
        security(std::move(security_)) {}

  const core::KnowledgeBase& kb;
  const app::Clock& clock;
  StorePool& stores;
  AccountPool& accounts;
  ClinicPool& clinics;
  FinderServices& finder;     // the practitioner finder: directory, gazetteer, Earth
  OneTimeToken& login_token;  // only on a loopback bind; empty value otherwise
  SiteSecurity security;
  LoginSessions sessions{accounts};
  std::counting_semaphore<kMaxConcurrentHashes> hashing{kMaxConcurrentHashes};
  std::atomic<int> hash_queue{0};  // sign-ins waiting for a hashing slot
  ViewCache views;
  // Each client's plan as first made, for the monitoring list (ADR 0022).
  app::OriginalPlanCache original_plans;
  GroupCommit writes{stores};  // every journal write through the server
};

}  // namespace fascia::server
