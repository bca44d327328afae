// The Earth port on GeographicLib (Debian's libgeographiclib-dev): geodesic
// distances on the WGS 84 ellipsoid (Karney's algorithm, accurate to
// nanometres); the only file that includes GeographicLib.
#pragma once

#include "fascia/app/earth.hpp"

namespace fascia::adapters {

class GeodesicEarth : public app::Earth {
 public:
  double distance_km(const core::GeoPoint& from, const core::GeoPoint& to) const override;
};

}  // namespace fascia::adapters
