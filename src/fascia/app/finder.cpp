#include "fascia/app/finder.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace fascia::app {

namespace {

// The Earth's mean radius (IUGG), for the search box only: the distances
// themselves come from the Earth port's geodesic.
constexpr double kMeanRadiusKm = 6371.0088;
// The sphere and the ellipsoid differ by under 0.6 %; the box is widened by
// more than that so that no point within the distance falls outside it.
constexpr double kBoxMargin = 1.01;

constexpr double degrees(double radians) { return radians * 180 / std::numbers::pi; }

std::int32_t to_e6(double degree) { return static_cast<std::int32_t>(std::lround(degree * 1e6)); }

FieldResult<const core::FinderNeed*> need_named(const core::KnowledgeBase& kb, const std::string& id) {
  if (id.empty()) return nullptr;
  auto it = kb.finder_needs.find(id);
  if (it == kb.finder_needs.end()) {
    std::string known;
    for (const auto& [need_id, need] : kb.finder_needs) known += (known.empty() ? "" : ", ") + need_id;
    return field_fail(core::ErrorCode::unknown_name, "need: no need '" + id.substr(0, 60) + "' (one of " + known + ")",
                      "need");
  }
  return &it->second;
}

}  // namespace

std::vector<GeoBox> boxes_around(const core::GeoPoint& center, double km) {
  const double angle = km / kMeanRadiusKm * kBoxMargin;  // radians
  const double lat = center.latitude();
  const double min_lat = lat - degrees(angle);
  const double max_lat = lat + degrees(angle);
  if (min_lat <= -90 || max_lat >= 90 || angle >= std::numbers::pi / 2)
    return {GeoBox{to_e6(std::max(min_lat, -90.0)), to_e6(std::min(max_lat, 90.0)), to_e6(-180), to_e6(180)}};
  // The widest longitude a circle of this angular radius reaches (on a sphere).
  const double ratio = std::sin(angle) / std::cos(lat * std::numbers::pi / 180);
  const double dlon = ratio >= 1 ? 180 : degrees(std::asin(ratio));
  const double west = center.longitude() - dlon;
  const double east = center.longitude() + dlon;
  const auto box = [&](double w, double e) { return GeoBox{to_e6(min_lat), to_e6(max_lat), to_e6(w), to_e6(e)}; };
  if (dlon >= 180) return {box(-180, 180)};
  if (west < -180) return {box(west + 360, 180), box(-180, east)};
  if (east > 180) return {box(west, 180), box(-180, east - 360)};
  return {box(west, east)};
}

FieldResult<FinderAnswer> find_practitioners(const core::KnowledgeBase& kb, const PlaceIndex& places,
                                             const Earth& earth, DirectoryStore& store, const FinderRequest& request) {
  if (request.near.empty())
    return field_fail(core::ErrorCode::invalid_argument, "near: give a town or city to search near", "near");
  const double within = request.within_km.value_or(kDefaultWithinKm);
  if (!(within > 0 && within <= kMaxWithinKm))
    return field_fail(core::ErrorCode::out_of_range, "within: kilometres above 0 and at most 500", "within");
  if (!request.modality.empty()) {
    auto it = kb.treatments.find(request.modality);
    if (it == kb.treatments.end() || !it->second.practitioner_kind)
      return field_fail(core::ErrorCode::unknown_name,
                        "modality: no treatment '" + request.modality.substr(0, 60) +
                            "' that practitioners give (fascia kb list treatments)",
                        "modality");
  }
  auto need = need_named(kb, request.need);
  if (!need) return tl::make_unexpected(need.error());

  PlaceLookup lookup = places.resolve(request.near);
  if (lookup.outcome != PlaceLookup::Outcome::found) return FinderAnswer{std::move(lookup)};
  FinderResult result;
  result.place = lookup.places.front();
  result.place_note = lookup.note;
  result.within_km = within;
  result.need = *need;
  result.modality = request.modality;

  std::vector<core::ListingAtDistance> candidates;
  for (const GeoBox& box : boxes_around(result.place.point, within)) {
    auto listings = store.published_in(box);
    if (!listings) return tl::make_unexpected(FieldError{listings.error()});
    for (auto& listing : *listings) {
      const double km = earth.distance_km(result.place.point, listing.location);
      if (km <= within) candidates.push_back({std::move(listing), km});
    }
  }
  core::FinderFilter filter{within, request.modality, *need, result.place.label()};
  result.matches = core::rank_listings(kb, filter, std::move(candidates));
  result.total = result.matches.size();
  if (result.matches.size() > kMaxFinderResults) result.matches.resize(kMaxFinderResults);
  return FinderAnswer{std::move(result)};
}

}  // namespace fascia::app
