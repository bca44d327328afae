// A memo of the plan as first made (app::original_plan) per client, for the
// monitoring list: a practitioner who opens it again finds each client's plan
// already made, unless what it is made from changed. The plan depends only
// on the client's profile, tools, screenings, clearances and the home program
// in force; an entry is used only when all of them, and the knowledge base,
// are the same as when it was made (compared in full, so a write by any
// process or a restored database can never give a stale plan). Bounded:
// past `capacity` clients, the one used longest ago is dropped.
// Thread-safe: the server's request threads share one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>

#include "fascia/app/person_state.hpp"

namespace fascia::app {

class OriginalPlanCache {
 public:
  // At most `capacity` clients (at least 1); a plan is tens of kilobytes.
  explicit OriginalPlanCache(std::size_t capacity = 5000);

  // original_plan(kb, person) for client `person_id`: the stored plan when
  // its inputs equal `person`'s, else made now and stored.
  core::Plan plan(const core::KnowledgeBase& kb, std::int64_t person_id, const PersonState& person);

  // Plans made (misses) and plans found (hits) so far.
  std::size_t made() const;
  std::size_t found() const;

 private:
  struct Entry;
  mutable std::mutex mutex_;
  std::size_t capacity_;
  std::uint64_t clock_ = 0;  // bumped on each use; the smallest is the oldest
  std::size_t made_ = 0, found_ = 0;
  std::map<std::int64_t, std::shared_ptr<const Entry>> entries_;
  std::map<std::int64_t, std::uint64_t> used_;
};

}  // namespace fascia::app
