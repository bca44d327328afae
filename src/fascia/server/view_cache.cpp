#include "fascia/server/view_cache.hpp"

namespace fascia::server {

std::shared_ptr<const std::string> ViewCache::find(std::int64_t person, const std::string& view, core::Date date,
                                                   std::int64_t revision) {
  std::shared_lock lock(mutex_);
  auto it = entries_.find({person, view});
  if (it == entries_.end()) return nullptr;
  const Entry& e = it->second;
  if (e.revision != revision || e.date != date) return nullptr;
  return e.body;
}

void ViewCache::store(std::int64_t person, const std::string& view, core::Date date, std::int64_t revision,
                      std::string body) {
  std::lock_guard lock(mutex_);
  entries_[{person, view}] = Entry{revision, date, std::make_shared<const std::string>(std::move(body))};
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
