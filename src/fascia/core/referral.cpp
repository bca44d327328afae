#include "fascia/core/referral.hpp"

#include <algorithm>
#include <map>

namespace fascia::core {

std::vector<Reason> location_warnings(const KnowledgeBase& kb, const std::vector<std::string>& locations) {
  std::vector<Reason> out;
  for (const auto& id : locations) {
    auto it = kb.pain_locations.find(id);
    if (it == kb.pain_locations.end() || it->second.warning.empty()) continue;
    if (std::none_of(out.begin(), out.end(), [&](const Reason& r) { return r.rule == "location-" + id; }))
      out.push_back({"location-" + id, it->second.warning, it->second.source});
  }
  return out;
}

std::vector<Reason> referral_warnings(const KnowledgeBase& kb, const std::vector<std::string>& locations) {
  std::vector<Reason> out = location_warnings(kb, locations);
  for (const auto& id : locations)
    for (const auto& pattern : kb.referral_patterns) {
      if (pattern.location != id) continue;
      for (const auto& w : pattern.warnings)
        if (std::none_of(out.begin(), out.end(), [&](const Reason& r) { return r.rule == w.rule; })) out.push_back(w);
    }
  return out;
}

Result<std::vector<ReferralSuggestion>> suggest_sources(const KnowledgeBase& kb,
                                                        const std::vector<std::string>& locations) {
  if (locations.empty()) return fail(ErrorCode::invalid_argument, "name at least one pain location");
  std::map<std::string, ReferralSuggestion> by_region;
  for (const auto& location : locations) {
    if (!kb.pain_locations.count(location))
      return fail(ErrorCode::unknown_name,
                  "unknown pain location '" + location + "' (see: fascia kb list locations)");
    for (const auto& pattern : kb.referral_patterns) {
      if (pattern.location != location) continue;
      for (const auto& c : pattern.candidates) {
        ReferralSuggestion& s = by_region[c.region];
        s.region = c.region;
        s.score += c.weight / static_cast<double>(locations.size());
        if (std::find(s.locations.begin(), s.locations.end(), location) == s.locations.end())
          s.locations.push_back(location);
        if (std::find(s.sources.begin(), s.sources.end(), pattern.source) == s.sources.end())
          s.sources.push_back(pattern.source);
      }
    }
  }
  std::vector<ReferralSuggestion> out;
  for (auto& [id, s] : by_region) {
    const Region* r = kb.region(id);
    s.region_name = r ? r->name : id;
    s.practitioner_only = r && r->region_class == RegionClass::practitioner_only;
    out.push_back(std::move(s));
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.score > b.score; });
  return out;
}

}  // namespace fascia::core
