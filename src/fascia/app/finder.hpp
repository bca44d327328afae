// The practitioner finder (issue 11), written once for the terminal
// (`fascia find`) and the server (GET /api/v1/finder): resolves the place
// offline, reads the published listings in a box around it from the store's
// spatial index, measures each distance (Earth) and ranks them by the core's
// rules (core/finder.hpp). Nothing about who searched is stored.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "fascia/app/directory_store.hpp"
#include "fascia/app/earth.hpp"
#include "fascia/app/field_error.hpp"
#include "fascia/app/places.hpp"
#include "fascia/core/finder.hpp"

namespace fascia::app {

inline constexpr double kDefaultWithinKm = 25;
inline constexpr double kMaxWithinKm = 500;
inline constexpr std::size_t kMaxFinderResults = 50;

struct FinderRequest {
  std::string near;                 // field "near": a place name (PlaceIndex::resolve)
  std::optional<double> within_km;  // field "within": kilometres, above 0 and at most 500; default 25
  std::string modality;             // field "modality": a treatment id practitioners give; empty: any
  std::string need;                 // field "need": a finder need id (data/finder.yaml); empty: none
};

struct FinderResult {
  Place place;             // where distances are measured from
  std::string place_note;  // PlaceLookup::note: the largest of a shared name was taken
  double within_km = kDefaultWithinKm;
  const core::FinderNeed* need = nullptr;  // the knowledge base's; null when none was asked for
  std::string modality;
  std::vector<core::FinderMatch> matches;  // best first, at most kMaxFinderResults
  std::size_t total = 0;                   // how many answered, before that cut
};

// Either the answer, or the place lookup when the name named no place or
// several (its choices or suggestions, for the person to pick from).
using FinderAnswer = std::variant<FinderResult, PlaceLookup>;

// Errors, each naming its field: invalid_argument (near empty), out_of_range
// (within), unknown_name (modality, need); the store's errors.
FieldResult<FinderAnswer> find_practitioners(const core::KnowledgeBase& kb, const PlaceIndex& places,
                                             const Earth& earth, DirectoryStore& store, const FinderRequest& request);

// The boxes of coordinates that hold every point within `km` of `center`
// (with a margin for the ellipsoid): one, or two when the circle crosses the
// 180th meridian; the whole width of the globe when it reaches a pole.
std::vector<GeoBox> boxes_around(const core::GeoPoint& center, double km);

}  // namespace fascia::app
