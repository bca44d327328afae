// Computed answers (today, plan, progress) per person, so that a page polling
// GET /today does not rebuild the plan every time. An entry is used only
// while nothing was written for that person through this server since it was
// computed (every write bumps the person's revision), for the same date, and
// for at most kMaxAge, which bounds how long a write made outside the server
// (the terminal, on the same file) can go unseen. Writes never use the cache:
// they always decide on freshly loaded data.
//
// When an entry is missing, one caller computes it while the others asking
// for the same entry wait for its answer (fill_lock), so an entry ageing out
// under load costs one computation, not one per waiting connection.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <tuple>

#include "fascia/core/dates.hpp"

namespace fascia::server {

class ViewCache {
 public:
  static constexpr std::chrono::milliseconds kMaxAge{1000};
  using Time = std::chrono::steady_clock::time_point;

  std::uint64_t revision(std::int64_t person);
  void bump(std::int64_t person);
  // Shared, so a hit copies no bytes under the lock (readers run in parallel).
  std::shared_ptr<const std::string> find(std::int64_t person, const std::string& view, core::Date date, Time now);
  // `revision` is what revision() said before the answer was computed.
  void store(std::int64_t person, const std::string& view, core::Date date, std::uint64_t revision, Time now,
             std::string body);
  // Held while computing an entry; a second caller for the same person and
  // view blocks here, then finds the first one's answer.
  std::unique_lock<std::mutex> fill_lock(std::int64_t person, const std::string& view);

 private:
  struct Entry {
    std::uint64_t revision;
    core::Date date;
    Time computed;
    std::shared_ptr<const std::string> body;
  };
  std::shared_mutex mutex_;
  std::map<std::int64_t, std::uint64_t> revisions_;
  std::map<std::pair<std::int64_t, std::string>, Entry> entries_;
  // Never erased: at most one per person and view.
  std::map<std::pair<std::int64_t, std::string>, std::unique_ptr<std::mutex>> fill_mutexes_;
};

}  // namespace fascia::server
