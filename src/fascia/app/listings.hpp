// A practitioner's listing in the finder (issue 11): checked field by field
// against the knowledge base and the text limits, placed with the gazetteer
// when only a place name is given, and saved or published by the
// practitioner themselves. Opt-in: a new listing is unpublished until they
// publish it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fascia/app/account_store.hpp"
#include "fascia/app/directory_store.hpp"
#include "fascia/app/field_error.hpp"
#include "fascia/app/places.hpp"
#include "fascia/core/knowledge_base.hpp"

namespace fascia::app {

// What a practitioner (or a line of an imported file) gives for a listing.
struct ListingInput {
  std::string display_name;             // field "name": 1..100 characters
  std::string clinic_name;              // field "clinic": up to 80
  std::vector<std::string> modalities;  // field "modalities": 1..20 treatment ids that practitioners give
  std::vector<std::string> areas;       // field "areas": practitioner-only region ids
  std::vector<std::string> languages;   // field "languages": up to 10, each 1..40 characters
  std::string town;                     // field "town": up to 100; empty: the place's name
  std::string postcode;                 // field "postcode": up to 20
  std::string place;                    // field "place": resolved when location is empty
  std::optional<core::GeoPoint> location;
  std::string contact;  // field "contact": 1..200 characters
  bool taking_new_clients = true;
};

// The listing `input` describes (no id, account or directory yet), or every
// problem found, each naming its field (invalid_argument, out_of_range,
// unknown_name; "place" when the name is unknown or names several places,
// with the suggestions or choices in the message). `places` may be null when
// a location is given; without one, "place" then says the gazetteer is
// missing.
FieldResult<core::Listing> check_listing(const core::KnowledgeBase& kb, const PlaceIndex* places,
                                         const ListingInput& input);

// A practitioner's own listing, made or replaced from `input`; whether it is
// published stays as it was (a new one is not). forbidden unless `who` is an
// active practitioner; the errors of check_listing and of the store.
FieldResult<core::Listing> save_own_listing(const core::KnowledgeBase& kb, const PlaceIndex* places,
                                            DirectoryStore& store, const Account& who, const ListingInput& input,
                                            std::int64_t now);

// Publishes or withdraws the practitioner's own listing. forbidden as above;
// not_found when they have none yet.
core::Result<core::Listing> set_own_listing_published(DirectoryStore& store, const Account& who, bool published,
                                                      std::int64_t now);

// The words for a place that could not be resolved: "no place 'Walnt Creek'
// (did you mean Walnut Creek, CA, US?)", "'Springfield' names several
// places: Springfield, MO, US; ...; add the region and country code".
std::string place_problem(std::string_view text, const PlaceLookup& lookup);

}  // namespace fascia::app
