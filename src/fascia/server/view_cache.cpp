#include "fascia/server/view_cache.hpp"

namespace fascia::server {

std::uint64_t ViewCache::revision(std::int64_t person) {
  std::lock_guard lock(mutex_);
  return revisions_[person];
}

void ViewCache::bump(std::int64_t person) {
  std::lock_guard lock(mutex_);
  ++revisions_[person];
  std::erase_if(entries_, [&](const auto& item) { return item.first.first == person; });
}

std::optional<std::string> ViewCache::find(std::int64_t person, const std::string& view, core::Date date, Time now) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find({person, view});
  if (it == entries_.end()) return std::nullopt;
  const Entry& e = it->second;
  if (e.revision != revisions_[person] || e.date != date || now - e.computed > kMaxAge) return std::nullopt;
  return e.body;
}

void ViewCache::store(std::int64_t person, const std::string& view, core::Date date, std::uint64_t revision,
                      Time now, std::string body) {
  std::lock_guard lock(mutex_);
  if (revision != revisions_[person]) return;  // a write landed meanwhile
  entries_[{person, view}] = Entry{revision, date, now, std::move(body)};
}

}  // namespace fascia::server
