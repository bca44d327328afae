// Distances on the Earth, for the practitioner finder: a port, so that the
// geodesy library stays in one adapter (adapters/geodesic_earth, on
// GeographicLib) and the use cases can be tested without it.
#pragma once

#include "fascia/core/listing.hpp"

namespace fascia::app {

class Earth {
 public:
  virtual ~Earth() = default;
  // The shortest distance over the Earth's surface between two points
  // (the geodesic on the WGS 84 ellipsoid), in kilometres.
  virtual double distance_km(const core::GeoPoint& from, const core::GeoPoint& to) const = 0;
};

}  // namespace fascia::app
