#include "fascia/core/plan.hpp"

#include <algorithm>

namespace fascia::core {

int PlannedStep::estimated_seconds(const KnowledgeBase& kb) const {
  int per_unit = 1;
  if (unit == DoseUnit::strokes) {
    const Technique* t = kb.technique(technique);
    per_unit = t && t->seconds_per_stroke > 0 ? t->seconds_per_stroke : 3;
  }
  const int sides = per_side && side == Side::both ? 2 : 1;
  return target * per_unit * sides;
}

int PlannedSession::estimated_minutes(const KnowledgeBase& kb) const {
  int seconds = 0;
  for (const auto& s : steps) seconds += s.estimated_seconds(kb);
  return (seconds + 59) / 60;
}

int PlannedSession::instrument_minutes(const KnowledgeBase& kb) const {
  int seconds = 0;
  for (const auto& s : steps)
    if (s.modality == Modality::instrument) seconds += s.estimated_seconds(kb);
  return (seconds + 59) / 60;
}

std::vector<std::pair<std::string, Side>> PlannedSession::regions_worked(Modality modality) const {
  std::vector<std::pair<std::string, Side>> out;
  for (const auto& s : steps) {
    if (s.modality != modality) continue;
    auto it = std::find_if(out.begin(), out.end(), [&](const auto& p) { return p.first == s.region; });
    if (it == out.end())
      out.emplace_back(s.region, s.side);
    else if (it->second != s.side)
      it->second = Side::both;
  }
  return out;
}

}  // namespace fascia::core
