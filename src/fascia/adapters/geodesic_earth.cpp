#include "fascia/adapters/geodesic_earth.hpp"

#include <GeographicLib/Geodesic.hpp>

namespace fascia::adapters {

double GeodesicEarth::distance_km(const core::GeoPoint& from, const core::GeoPoint& to) const {
  double metres = 0;
  GeographicLib::Geodesic::WGS84().Inverse(from.latitude(), from.longitude(), to.latitude(), to.longitude(), metres);
  return metres / 1000;
}

}  // namespace fascia::adapters
