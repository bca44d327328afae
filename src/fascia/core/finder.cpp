#include "fascia/core/finder.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>
#include <tuple>

#include "fascia/core/wording.hpp"

namespace fascia::core {

std::optional<GeoPoint> GeoPoint::from_degrees(double latitude, double longitude) {
  if (!std::isfinite(latitude) || !std::isfinite(longitude)) return std::nullopt;
  if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) return std::nullopt;
  return GeoPoint{static_cast<std::int32_t>(std::lround(latitude * 1e6)),
                  static_cast<std::int32_t>(std::lround(longitude * 1e6))};
}

namespace {

const TreatmentModality* treatment(const KnowledgeBase& kb, const std::string& id) {
  auto it = kb.treatments.find(id);
  return it == kb.treatments.end() ? nullptr : &it->second;
}

bool offers(const Listing& listing, const std::string& modality) {
  return std::find(listing.modalities.begin(), listing.modalities.end(), modality) != listing.modalities.end();
}

// The listing's treatments that count as `load`, by name.
std::vector<std::string> work_like(const KnowledgeBase& kb, const Listing& listing, Modality load) {
  std::vector<std::string> names;
  for (const auto& id : listing.modalities)
    if (const auto* t = treatment(kb, id); t != nullptr && t->counts_as == load) names.push_back(lower_first(t->name));
  return names;
}

std::vector<std::string> areas_treated(const KnowledgeBase& kb, const Listing& listing, const FinderNeed& need) {
  std::vector<std::string> names;
  for (const auto& area : need.areas)
    if (std::find(listing.areas.begin(), listing.areas.end(), area) != listing.areas.end()) {
      const Region* region = kb.region(area);
      names.push_back(region != nullptr ? lower_first(region->name) : area);
    }
  return names;
}

// Whether one of the listing's treatments is given by one of these kinds.
bool has_kind(const KnowledgeBase& kb, const Listing& listing, const std::vector<PractitionerKind>& kinds) {
  return std::any_of(listing.modalities.begin(), listing.modalities.end(), [&](const std::string& id) {
    const auto* t = treatment(kb, id);
    return t != nullptr && t->practitioner_kind &&
           std::find(kinds.begin(), kinds.end(), *t->practitioner_kind) != kinds.end();
  });
}

// The position of the listing's kind in the need's listed_first (the best
// of its treatments), or listed_first.size() when none of them is listed.
std::size_t tier(const KnowledgeBase& kb, const Listing& listing, const FinderNeed* need) {
  if (need == nullptr) return 0;
  std::size_t best = need->listed_first.size();
  for (const auto& id : listing.modalities) {
    const auto* t = treatment(kb, id);
    if (t == nullptr || !t->practitioner_kind) continue;
    auto it = std::find(need->listed_first.begin(), need->listed_first.end(), *t->practitioner_kind);
    best = std::min(best, static_cast<std::size_t>(it - need->listed_first.begin()));
  }
  return best;
}

std::string kind_words(PractitionerKind kind) {
  switch (kind) {
    case PractitionerKind::medical:
      return "a doctor";
    case PractitionerKind::clinician:
      return "a clinician who assesses before treating";
    case PractitionerKind::manual_therapy:
      return "a manual therapist";
    case PractitionerKind::massage:
      return "a massage therapist";
  }
  return "";
}

std::string kind_plural(PractitionerKind kind) {
  switch (kind) {
    case PractitionerKind::medical:
      return "doctors";
    case PractitionerKind::clinician:
      return "clinicians";
    case PractitionerKind::manual_therapy:
      return "manual therapists";
    case PractitionerKind::massage:
      return "massage therapists";
  }
  return "";
}

std::string tier_words(const FinderNeed& need, std::size_t rank) {
  if (need.listed_first.empty()) return {};
  if (rank < need.listed_first.size()) {
    std::string words = "Listed early as " + kind_words(need.listed_first[rank]);
    return words + (need.medical_first ? ": a medical check comes first" : ": " + lower_first(need.name));
  }
  std::vector<std::string> first;
  for (const auto kind : need.listed_first) first.push_back(kind_plural(kind));
  return "Listed after " + joined(first) +
         (need.medical_first ? ": see them once a doctor has said it is fine" : ", whom this need calls for first");
}

// Whether a listing answers the filter: published, near enough, offering
// the modality, and meeting the need's areas and load.
bool kept(const KnowledgeBase& kb, const FinderFilter& filter, const ListingAtDistance& c) {
  if (!c.listing.published || c.distance_km > filter.within_km) return false;
  if (!filter.modality.empty() && !offers(c.listing, filter.modality)) return false;
  if (filter.need == nullptr) return true;
  if (!filter.need->areas.empty() && areas_treated(kb, c.listing, *filter.need).empty()) return false;
  if (filter.need->work_like && work_like(kb, c.listing, *filter.need->work_like).empty()) return false;
  if (!filter.need->only.empty() && !has_kind(kb, c.listing, filter.need->only)) return false;
  return true;
}

std::vector<std::string> reasons(const KnowledgeBase& kb, const FinderFilter& filter, const ListingAtDistance& c,
                                 std::size_t rank) {
  std::vector<std::string> why;
  if (!filter.modality.empty()) {
    const auto* t = treatment(kb, filter.modality);
    why.push_back("Offers " + (t != nullptr ? lower_first(t->name) : filter.modality));
  }
  if (filter.need != nullptr) {
    const FinderNeed& need = *filter.need;
    if (auto areas = areas_treated(kb, c.listing, need); !areas.empty()) why.push_back("Treats " + joined(areas));
    if (need.work_like) why.push_back("Does this work in clinic: " + joined(work_like(kb, c.listing, *need.work_like)));
    if (auto words = tier_words(need, rank); !words.empty()) why.push_back(words);
  }
  why.push_back(distance_words(c.distance_km) + (filter.place_name.empty() ? " away" : " from " + filter.place_name));
  why.push_back(c.listing.taking_new_clients ? "Taking new clients" : "Not taking new clients at present");
  return why;
}

}  // namespace

std::string distance_words(double km) {
  char buffer[32];
  if (km < 1)
    std::snprintf(buffer, sizeof buffer, "%d m", static_cast<int>(std::lround(km * 1000 / 10) * 10));
  else if (km < 10)
    std::snprintf(buffer, sizeof buffer, "%.1f km", km);
  else
    std::snprintf(buffer, sizeof buffer, "%ld km", std::lround(km));
  return buffer;
}

std::vector<FinderMatch> rank_listings(const KnowledgeBase& kb, const FinderFilter& filter,
                                       std::vector<ListingAtDistance> candidates) {
  struct Ranked {
    std::size_t tier;
    ListingAtDistance candidate;
  };
  std::vector<Ranked> ranked;
  for (auto& c : candidates)
    if (kept(kb, filter, c)) ranked.push_back({tier(kb, c.listing, filter.need), std::move(c)});
  std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    const auto key = [](const Ranked& r) {
      return std::make_tuple(r.tier, !r.candidate.listing.taking_new_clients, r.candidate.distance_km,
                             std::cref(r.candidate.listing.display_name), r.candidate.listing.id);
    };
    return key(a) < key(b);
  });
  std::vector<FinderMatch> matches;
  matches.reserve(ranked.size());
  for (auto& r : ranked) {
    auto why = reasons(kb, filter, r.candidate, r.tier);
    matches.push_back({std::move(r.candidate.listing), r.candidate.distance_km, std::move(why)});
  }
  return matches;
}

const FinderNeed* need_for_rule(const KnowledgeBase& kb, const std::string& rule_id) {
  for (const auto& [id, need] : kb.finder_needs)
    if (std::find(need.rules.begin(), need.rules.end(), rule_id) != need.rules.end()) return &need;
  return nullptr;
}

const FinderNeed* need_for_stop_sign(const KnowledgeBase& kb, const std::string& stop_sign_id) {
  for (const auto& [id, need] : kb.finder_needs)
    if (std::find(need.stop_signs.begin(), need.stop_signs.end(), stop_sign_id) != need.stop_signs.end()) return &need;
  return nullptr;
}

const FinderNeed* need_for_home_work(const KnowledgeBase& kb, Modality load) {
  for (const auto& [id, need] : kb.finder_needs)
    if (need.work_like == load) return &need;
  return nullptr;
}

const FinderNeed* need_for_plan(const KnowledgeBase& kb, const Plan& plan) {
  constexpr std::array<Modality, 3> kLoads{Modality::instrument, Modality::compression, Modality::pressure};
  std::array<int, 3> steps{};
  for (const auto& day : plan.days)
    for (const auto& session : day.sessions)
      for (const auto& step : session.steps)
        for (std::size_t i = 0; i < kLoads.size(); ++i)
          if (step.modality == kLoads[i]) ++steps[i];
  const auto most = std::max_element(steps.begin(), steps.end());  // the first of the largest
  if (*most == 0) return nullptr;
  return need_for_home_work(kb, kLoads[static_cast<std::size_t>(most - steps.begin())]);
}

const FinderNeed* need_for_region(const KnowledgeBase& kb, const std::string& region) {
  for (const auto& [id, need] : kb.finder_needs)
    if (std::find(need.areas.begin(), need.areas.end(), region) != need.areas.end()) return &need;
  return nullptr;
}

}  // namespace fascia::core
