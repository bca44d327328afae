// What the finder's routes need besides the databases' other stores: the
// directory's connections, the gazetteer (read from its file once, on the
// first search that needs it, then shared read-only by every thread) and
// the geodesic Earth. Thread-safe.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>

#include "fascia/adapters/geodesic_earth.hpp"
#include "fascia/app/directory_store.hpp"
#include "fascia/app/places.hpp"
#include "fascia/server/connection_pool.hpp"

namespace fascia::server {

using DirectoryPool = ConnectionPool<app::DirectoryStore>;

class FinderServices {
 public:
  FinderServices(DirectoryPool::Opener open_directory, std::filesystem::path gazetteer_file)
      : directories(std::move(open_directory)), gazetteer_file_(std::move(gazetteer_file)) {}

  // The gazetteer's index, loaded on the first call; its loading error
  // (io_error: the file is missing; malformed_file) on this and every later
  // call, so that a broken file is reported, never half-used.
  core::Result<const app::PlaceIndex*> places();

  DirectoryPool directories;
  const adapters::GeodesicEarth earth;

 private:
  std::filesystem::path gazetteer_file_;
  std::once_flag loaded_;
  std::unique_ptr<app::PlaceIndex> places_;
  core::Error load_error_{core::ErrorCode::io_error, ""};
};

}  // namespace fascia::server
