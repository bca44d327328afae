// A practitioner's entry in the finder's directory (issue 11): what they
// chose to publish, and where they are. A listing is shown only while it is
// published; nothing else about the practitioner or their account is.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace fascia::core {

// A point on the Earth in millionths of a degree (about 0.1 m), WGS 84
// latitude -90..90 and longitude -180..180: whole numbers, so that a
// listing's place is stored, compared and indexed exactly.
struct GeoPoint {
  std::int32_t lat_e6 = 0;
  std::int32_t lon_e6 = 0;

  double latitude() const { return lat_e6 / 1e6; }
  double longitude() const { return lon_e6 / 1e6; }
  // nullopt when a coordinate is outside its range or not a number.
  static std::optional<GeoPoint> from_degrees(double latitude, double longitude);
  friend bool operator==(const GeoPoint&, const GeoPoint&) = default;
};

struct Listing {
  std::int64_t id = 0;                     // 0 until stored
  std::optional<std::int64_t> account_id;  // the practitioner's own listing; none when imported
  std::string directory;                   // empty for a practitioner's own; else the imported list's name
  std::string display_name;                // the name to show
  std::string clinic_name;                 // may be empty
  std::vector<std::string> modalities;     // treatment ids (data/treatments.yaml), at least one
  std::vector<std::string> areas;          // practitioner-only region ids they treat (scalenes, anterior-neck)
  std::vector<std::string> languages;      // as written: "English", "Español"
  std::string town;                        // as the practitioner wrote it
  std::string postcode;                    // may be empty
  GeoPoint location;
  std::string contact;  // phone, e-mail or web address, as published
  bool taking_new_clients = true;
  bool published = false;       // opt-in: unpublished until the practitioner says so
  std::int64_t updated_at = 0;  // seconds since the epoch

  friend bool operator==(const Listing&, const Listing&) = default;
};

}  // namespace fascia::core
