// The practitioner finder over HTTP (issue 11; docs/API.md "Finder"):
//   GET  /api/v1/finder?near=&within=&modality=&need=   a search, for anyone signed in
//   GET  /api/v1/listing                                the calling practitioner's own listing
//   PUT  /api/v1/listing                                write it whole (opt-in: a new one is unpublished)
//   POST /api/v1/listing/publish                        {"published": bool}
// The rules are app/finder and app/listings. A search is answered from the
// directory and the gazetteer only: nothing about it, or who asked, is
// written anywhere.
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

#include "fascia/adapters/json_finder_views.hpp"
#include "fascia/app/finder.hpp"
#include "fascia/app/listings.hpp"
#include "fascia/app/text_limits.hpp"
#include "fascia/server/json_input.hpp"
#include "fascia/server/route_helpers.hpp"
#include "fascia/server/routes.hpp"

namespace fascia::server {

namespace {

constexpr std::array<std::string_view, 4> kSearchParams{"near", "within", "modality", "need"};

// A query parameter given at most once, as well-formed text of at most 200
// characters; "" when absent.
ApiResult<std::string> query_text(const HttpRequest& request, std::string_view name) {
  if (request.param_count(name) > 1)
    return api_fail(400, "invalid", std::string(name) + ": give it once", std::string(name));
  std::string value = request.param(name);
  if (auto ok = app::check_text(value, app::kIdentifierLimit, name); !ok)
    return tl::make_unexpected(from_core(ok.error(), std::string(name)));
  return value;
}

ApiResult<std::optional<double>> query_km(const HttpRequest& request) {
  API_TRY(text, query_text(request, "within"));
  if (text.empty()) return std::optional<double>();
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
    return api_fail(400, "invalid", "within: a number of kilometres, not '" + text.substr(0, 40) + "'", "within");
  return std::optional<double>(value);
}

// 500 naming the file when the server was set up without its gazetteer.
ApiResult<const app::PlaceIndex*> gazetteer(Call& call) { return lift(call.state.finder.places()); }

// 200 with the ranked results ("outcome": "found"), or 200 with the place's
// choices or suggestions ("outcome": "ambiguous" | "not_found").
ApiResult<Reply> get_finder(Call& call) {
  for (const auto& [name, value] : call.request.query)
    if (!name.empty() && std::find(kSearchParams.begin(), kSearchParams.end(), name) == kSearchParams.end())
      return api_fail(400, "invalid", "unknown parameter '" + name.substr(0, 40) + "' (near, within, modality, need)",
                      name.substr(0, 40));
  app::FinderRequest request;
  API_TRY(near, query_text(call.request, "near"));
  API_TRY(within, query_km(call.request));
  API_TRY(modality, query_text(call.request, "modality"));
  API_TRY(need, query_text(call.request, "need"));
  request = {near, within, modality, need};
  API_TRY(places, gazetteer(call));
  API_TRY(store, lift(call.state.finder.directories.lease()));
  auto answer = app::find_practitioners(call.state.kb, *places, call.state.finder.earth, *store, request);
  if (!answer) return tl::make_unexpected(from_field(answer.error()));
  if (const auto* lookup = std::get_if<app::PlaceLookup>(&*answer))
    return json_reply(adapters::place_lookup_json(near, *lookup));
  return json_reply(adapters::finder_result_json(call.state.kb, std::get<app::FinderResult>(*answer)));
}

ApiResult<Reply> get_listing(Call& call) {
  API_TRY(who, caller_account(call));
  if (who.membership.role != core::Role::practitioner)
    return api_fail(403, "forbidden", "only a practitioner's account has a listing in the finder");
  API_TRY(store, lift(call.state.finder.directories.lease()));
  API_TRY(listing, lift(store->listing_of_account(who.person_id)));
  return json_reply(nlohmann::json{
      {"listing", listing ? adapters::own_listing_json(call.state.kb, *listing) : nlohmann::json(nullptr)}});
}

// The body of PUT /listing as the use case's input; 400 naming the field for
// a wrong type or shape.
ApiResult<app::ListingInput> read_listing_body(const HttpRequest& request) {
  static constexpr std::array<std::string_view, 2> kDegrees{"latitude", "longitude"};
  API_TRY(body, parse_object_body(request, kDegrees));
  if (auto ok = only_fields(body, {"name", "clinic", "modalities", "areas", "languages", "town", "postcode", "place",
                                   "latitude", "longitude", "contact", "taking_new_clients"});
      !ok)
    return tl::make_unexpected(ok.error());
  app::ListingInput in;
  const std::size_t long_text = 400;  // app/listings checks each field's own limit
  API_TRY(name, read_text(body, "name", {}, std::string(), long_text));
  API_TRY(clinic, read_text(body, "clinic", {}, std::string(), long_text));
  API_TRY(modalities, read_string_list(body, "modalities", {}, 40));
  API_TRY(areas, read_string_list(body, "areas", {}, 10));
  API_TRY(languages, read_string_list(body, "languages", {}, 20));
  API_TRY(town, read_text(body, "town", {}, std::string(), long_text));
  API_TRY(postcode, read_text(body, "postcode", {}, std::string(), long_text));
  API_TRY(place, read_text(body, "place", {}, std::string(), long_text));
  API_TRY(contact, read_text(body, "contact", {}, std::string(), long_text));
  API_TRY(taking, read_bool(body, "taking_new_clients", true));
  in = {name, clinic, modalities, areas, languages, town, postcode, place, std::nullopt, contact, taking};
  const bool has_lat = body.contains("latitude") && !body["latitude"].is_null();
  const bool has_lon = body.contains("longitude") && !body["longitude"].is_null();
  if (has_lat != has_lon)
    return api_fail(400, "invalid", "latitude and longitude go together", has_lat ? "longitude" : "latitude");
  if (has_lat) {
    if (!body["latitude"].is_number()) return api_fail(400, "invalid", "latitude: a number of degrees", "latitude");
    if (!body["longitude"].is_number()) return api_fail(400, "invalid", "longitude: a number of degrees", "longitude");
    in.location = core::GeoPoint::from_degrees(body["latitude"].get<double>(), body["longitude"].get<double>());
    if (!in.location)
      return api_fail(400, "invalid", "latitude is -90..90 and longitude -180..180 degrees", "latitude");
  }
  return in;
}

ApiResult<Reply> put_listing(Call& call) {
  API_TRY(input, read_listing_body(call.request));
  API_TRY(who, caller_account(call));
  const app::PlaceIndex* places = nullptr;
  if (!input.location && !input.place.empty()) {
    API_TRY(loaded, gazetteer(call));
    places = loaded;
  }
  API_TRY(store, lift(call.state.finder.directories.lease()));
  auto saved = app::save_own_listing(call.state.kb, places, *store, who, input, call.now);
  if (!saved) return tl::make_unexpected(from_field(saved.error()));
  return json_reply(adapters::own_listing_json(call.state.kb, *saved));
}

ApiResult<Reply> post_publish(Call& call) {
  API_TRY(body, parse_object_body(call.request));
  if (auto ok = only_fields(body, {"published"}); !ok) return tl::make_unexpected(ok.error());
  if (!body.contains("published") || !body["published"].is_boolean())
    return api_fail(400, "invalid", "published: true or false", "published");
  API_TRY(who, caller_account(call));
  API_TRY(store, lift(call.state.finder.directories.lease()));
  API_TRY(listing, lift(app::set_own_listing_published(*store, who, body["published"].get<bool>(), call.now)));
  return json_reply(adapters::own_listing_json(call.state.kb, listing));
}

}  // namespace

void add_finder_routes(ApiRouter& api) {
  api.get("/api/v1/finder", get_finder);
  api.get("/api/v1/listing", get_listing);
  api.put("/api/v1/listing", put_listing);
  api.post("/api/v1/listing/publish", post_publish);
}

}  // namespace fascia::server
