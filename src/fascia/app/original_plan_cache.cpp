#include "fascia/app/original_plan_cache.hpp"

#include <algorithm>

namespace fascia::app {

// What a plan as first made is made from (original_plan's inputs, with the
// screenings and clearances its Clearance is computed from), and the plan.
struct OriginalPlanCache::Entry {
  const core::KnowledgeBase* kb = nullptr;
  core::Profile profile;
  std::set<std::string> tools;
  std::vector<core::ScreeningRecord> screenings;
  std::vector<core::ClearanceEntry> clearances;
  std::optional<core::HomeProgram> program;
  core::Plan plan;

  bool made_from(const core::KnowledgeBase& k, const PersonState& p) const {
    return kb == &k && profile == p.profile && tools == p.tools && screenings == p.screenings &&
           clearances == p.journal.clearances && program == p.program;
  }
};

OriginalPlanCache::OriginalPlanCache(std::size_t capacity) : capacity_(std::max<std::size_t>(capacity, 1)) {}

core::Plan OriginalPlanCache::plan(const core::KnowledgeBase& kb, std::int64_t person_id, const PersonState& person) {
  {
    std::lock_guard lock(mutex_);
    const auto found = entries_.find(person_id);
    if (found != entries_.end() && found->second->made_from(kb, person)) {
      used_[person_id] = ++clock_;
      ++found_;
      return found->second->plan;
    }
  }
  // Made outside the lock: other clients' plans are made in parallel.
  auto entry = std::make_shared<Entry>(
      Entry{&kb, person.profile, person.tools, person.screenings, person.journal.clearances, person.program, {}});
  entry->plan = original_plan(kb, person);
  core::Plan out = entry->plan;
  std::lock_guard lock(mutex_);
  ++made_;
  entries_[person_id] = std::move(entry);
  used_[person_id] = ++clock_;
  if (entries_.size() > capacity_) {
    const auto oldest =
        std::min_element(used_.begin(), used_.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    entries_.erase(oldest->first);
    used_.erase(oldest);
  }
  return out;
}

std::size_t OriginalPlanCache::made() const {
  std::lock_guard lock(mutex_);
  return made_;
}

std::size_t OriginalPlanCache::found() const {
  std::lock_guard lock(mutex_);
  return found_;
}

}  // namespace fascia::app
