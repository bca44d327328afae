#include "fascia/adapters/json_finder_views.hpp"

#include <cmath>

#include "fascia/app/listings.hpp"

namespace fascia::adapters {

using nlohmann::json;

namespace {

json named(const std::string& id, const std::string& name) { return {{"id", id}, {"name", name}}; }

json treatments_json(const core::KnowledgeBase& kb, const std::vector<std::string>& ids) {
  json list = json::array();
  for (const auto& id : ids) {
    auto it = kb.treatments.find(id);
    list.push_back(named(id, it == kb.treatments.end() ? id : it->second.name));
  }
  return list;
}

json regions_json(const core::KnowledgeBase& kb, const std::vector<std::string>& ids) {
  json list = json::array();
  for (const auto& id : ids) {
    const core::Region* region = kb.region(id);
    list.push_back(named(id, region == nullptr ? id : region->name));
  }
  return list;
}

// Kilometres to 0.1 km, as people read them.
double rounded_km(double km) { return std::round(km * 10) / 10; }

}  // namespace

json place_json(const app::Place& place) {
  return {{"id", place.id},
          {"name", place.name},
          {"region", place.region},
          {"country", place.country},
          {"label", place.label()},
          {"population", place.population},
          {"latitude", place.point.latitude()},
          {"longitude", place.point.longitude()}};
}

json place_lookup_json(const std::string& query, const app::PlaceLookup& lookup) {
  json places = json::array();
  for (const auto& p : lookup.places) places.push_back(place_json(p));
  return {{"outcome", lookup.outcome == app::PlaceLookup::Outcome::ambiguous ? "ambiguous" : "not_found"},
          {"query", query},
          {"message", app::place_problem(query, lookup)},
          {"places", std::move(places)}};
}

json public_listing_json(const core::KnowledgeBase& kb, const core::Listing& l) {
  return {{"id", l.id},
          {"name", l.display_name},
          {"clinic", l.clinic_name},
          {"modalities", treatments_json(kb, l.modalities)},
          {"areas", regions_json(kb, l.areas)},
          {"languages", l.languages},
          {"town", l.town},
          {"postcode", l.postcode},
          {"latitude", l.location.latitude()},
          {"longitude", l.location.longitude()},
          {"contact", l.contact},
          {"taking_new_clients", l.taking_new_clients}};
}

json own_listing_json(const core::KnowledgeBase& kb, const core::Listing& listing) {
  json view = public_listing_json(kb, listing);
  view["published"] = listing.published;
  return view;
}

json finder_result_json(const core::KnowledgeBase& kb, const app::FinderResult& result) {
  json results = json::array();
  for (const auto& m : result.matches)
    results.push_back(
        {{"listing", public_listing_json(kb, m.listing)}, {"distance_km", rounded_km(m.distance_km)}, {"why", m.why}});
  json need = nullptr;
  if (result.need != nullptr)
    need = {{"id", result.need->id},
            {"name", result.need->name},
            {"says", result.need->says},
            {"medical_first", result.need->medical_first},
            {"source", result.need->source}};
  json modality = nullptr;
  if (!result.modality.empty()) {
    auto it = kb.treatments.find(result.modality);
    modality = named(result.modality, it == kb.treatments.end() ? result.modality : it->second.name);
  }
  return {{"outcome", "found"},
          {"place", place_json(result.place)},
          {"place_note", result.place_note},
          {"within_km", result.within_km},
          {"need", std::move(need)},
          {"modality", std::move(modality)},
          {"total", result.total},
          {"results", std::move(results)},
          {"attribution", kGazetteerAttribution}};
}

json directory_import_json(const app::DirectoryImport& report) {
  json problems = json::array();
  for (const auto& p : report.problems)
    problems.push_back({{"line", p.line}, {"field", p.field}, {"message", p.message}});
  return {{"read", report.read},
          {"imported", report.imported},
          {"replaced", report.replaced},
          {"written", report.written},
          {"problems", std::move(problems)}};
}

}  // namespace fascia::adapters
