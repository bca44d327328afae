#include "fascia/server/view_cache.hpp"

namespace fascia::server {

std::uint64_t ViewCache::revision(std::int64_t person) {
  std::shared_lock lock(mutex_);
  auto it = revisions_.find(person);
  return it == revisions_.end() ? 0 : it->second;
}

void ViewCache::bump(std::int64_t person) {
  std::lock_guard lock(mutex_);
  ++revisions_[person];
  std::erase_if(entries_, [&](const auto& item) { return item.first.first == person; });
}

std::shared_ptr<const std::string> ViewCache::find(std::int64_t person, const std::string& view, core::Date date,
                                                   Time now) {
  std::shared_lock lock(mutex_);
  auto it = entries_.find({person, view});
  if (it == entries_.end()) return nullptr;
  const Entry& e = it->second;
  auto revision = revisions_.find(person);
  const std::uint64_t current = revision == revisions_.end() ? 0 : revision->second;
  if (e.revision != current || e.date != date || now - e.computed > kMaxAge) return nullptr;
  return e.body;
}

void ViewCache::store(std::int64_t person, const std::string& view, core::Date date, std::uint64_t revision, Time now,
                      std::string body) {
  std::lock_guard lock(mutex_);
  if (revision != revisions_[person]) return;  // a write landed meanwhile
  entries_[{person, view}] = Entry{revision, date, now, std::make_shared<const std::string>(std::move(body))};
}

std::unique_lock<std::mutex> ViewCache::fill_lock(std::int64_t person, const std::string& view) {
  std::mutex* fill = nullptr;
  {
    std::lock_guard lock(mutex_);
    auto& slot = fill_mutexes_[{person, view}];
    if (!slot) slot = std::make_unique<std::mutex>();
    fill = slot.get();
  }
  return std::unique_lock(*fill);
}

}  // namespace fascia::server
