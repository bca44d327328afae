// Computed answers (today, plan, progress) per person, so that a page polling
// GET /today does not rebuild the plan every time. An entry is used only for
// the same date and while the person's revision in the database
// (JournalStore::revision) is the one it was computed at. Every committed
// write raises that revision in the same transaction, whichever process made
// it — this server, a second server on the same PostgreSQL, the terminal on
// the same SQLite file — so a cached answer is never older than a write.
// Writes never use the cache: they always decide on freshly loaded data.
//
// When an entry is missing, one caller computes it while the others asking
// for the same entry wait for its answer (fill_lock), so an entry going stale
// under load costs one computation, not one per waiting connection.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>

#include "fascia/core/dates.hpp"

namespace fascia::server {

class ViewCache {
 public:
  // Shared, so a hit copies no bytes under the lock (readers run in parallel).
  // Null unless an entry for this person, view and date was stored at
  // `revision`.
  std::shared_ptr<const std::string> find(std::int64_t person, const std::string& view, core::Date date,
                                          std::int64_t revision);
  // `revision` is what the database said before the answer's data was
  // loaded (a write landing meanwhile makes the entry stale, never wrong).
  void store(std::int64_t person, const std::string& view, core::Date date, std::int64_t revision, std::string body);
  // Held while computing an entry; a second caller for the same person and
  // view blocks here, then finds the first one's answer.
  std::unique_lock<std::mutex> fill_lock(std::int64_t person, const std::string& view);

 private:
  struct Entry {
    std::int64_t revision;
    core::Date date;
    std::shared_ptr<const std::string> body;
  };
  std::shared_mutex mutex_;
  std::map<std::pair<std::int64_t, std::string>, Entry> entries_;
  // Never erased: at most one per person and view.
  std::map<std::pair<std::int64_t, std::string>, std::unique_ptr<std::mutex>> fill_mutexes_;
};

}  // namespace fascia::server
