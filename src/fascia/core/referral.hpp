// "Pain here often comes from there": ranks the regions whose trigger points
// classically refer pain to the locations a person names. These are
// possibilities to explore, never a diagnosis (palpation is unreliable).
#pragma once

#include <string>
#include <vector>

#include "fascia/core/error.hpp"
#include "fascia/core/knowledge_base.hpp"
#include "fascia/core/reason.hpp"

namespace fascia::core {

struct ReferralSuggestion {
  std::string region;
  std::string region_name;
  double score = 0;                    // 0..1: mean weight over the named locations
  std::vector<std::string> locations;  // which named locations it explains
  bool practitioner_only = false;
  std::vector<std::string> sources;
};

// What must be said before any suggestion for these locations: the warning
// of each location that carries one (e.g. chest pain may be the heart).
// Unknown ids are skipped here; suggest_sources reports them.
std::vector<Reason> location_warnings(const KnowledgeBase& kb, const std::vector<std::string>& locations);

// Everything to say before suggestions for these locations: each location's
// own warning (rule "location-<id>") first, then the warnings of the referral
// patterns for them (rule = the warning id), each said once, in the order the
// locations are named. Unknown ids are skipped here; suggest_sources reports them.
std::vector<Reason> referral_warnings(const KnowledgeBase& kb, const std::vector<std::string>& locations);

// Unknown location ids are an unknown_name error.
Result<std::vector<ReferralSuggestion>> suggest_sources(const KnowledgeBase& kb,
                                                        const std::vector<std::string>& locations);

}  // namespace fascia::core
