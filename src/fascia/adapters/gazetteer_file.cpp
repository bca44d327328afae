#include "fascia/adapters/gazetteer_file.hpp"

#include <charconv>
#include <cstdlib>

#include "fascia/adapters/csv_file.hpp"

#ifndef FASCIA_DEFAULT_GAZETTEER_FILE
#define FASCIA_DEFAULT_GAZETTEER_FILE "build/gazetteer/places.csv"
#endif

namespace fascia::adapters {

namespace {

template <class Int>
bool parse_int(const std::string& text, Int& value) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

std::filesystem::path default_gazetteer_file() {
  if (const char* env = std::getenv("FASCIA_GAZETTEER"); env != nullptr && *env != '\0') return env;
  return FASCIA_DEFAULT_GAZETTEER_FILE;
}

core::Result<std::vector<app::Place>> load_gazetteer(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec))
    return core::fail(core::ErrorCode::io_error,
                      "the gazetteer " + file.string() + " is missing: run bash scripts/setup.sh");
  auto records = read_csv_file(file);
  if (!records) return tl::make_unexpected(records.error());
  std::vector<app::Place> places;
  places.reserve(records->size());
  bool header = true;
  for (const auto& record : *records) {
    if (header) {
      header = false;
      continue;
    }
    app::Place place;
    const auto& f = record.fields;
    const auto bad = [&](const std::string& why) {
      return core::fail(core::ErrorCode::malformed_file,
                        file.string() + ", line " + std::to_string(record.line) + ": " + why);
    };
    if (f.size() != 7) return bad("expected 7 fields, found " + std::to_string(f.size()));
    place.name = f[1];
    place.region = f[2];
    place.country = f[3];
    std::int32_t lat = 0;
    std::int32_t lon = 0;
    if (!parse_int(f[0], place.id) || !parse_int(f[4], place.population) || !parse_int(f[5], lat) ||
        !parse_int(f[6], lon))
      return bad("id, population and coordinates must be whole numbers");
    auto point = core::GeoPoint::from_degrees(lat / 1e6, lon / 1e6);
    if (!point || place.name.empty()) return bad("a place needs a name and coordinates on the globe");
    place.point = core::GeoPoint{lat, lon};
    places.push_back(std::move(place));
  }
  return places;
}

}  // namespace fascia::adapters
