#include "fascia/server/finder_services.hpp"

#include "fascia/adapters/gazetteer_file.hpp"

namespace fascia::server {

core::Result<const app::PlaceIndex*> FinderServices::places() {
  std::call_once(loaded_, [this] {
    auto loaded = adapters::load_gazetteer(gazetteer_file_);
    if (loaded)
      places_ = std::make_unique<app::PlaceIndex>(std::move(*loaded));
    else
      load_error_ = loaded.error();
  });
  if (!places_) return tl::make_unexpected(load_error_);
  return places_.get();
}

}  // namespace fascia::server
