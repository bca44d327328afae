#include "fascia/core/program_areas.hpp"

#include <algorithm>

#include "fascia/core/protocol_adapter.hpp"

namespace fascia::core {

namespace {

bool kept_for_clinic(const HomeProgram& program, const std::string& region, Side side) {
  return std::any_of(program.clinic_only.begin(), program.clinic_only.end(),
                     [&](const RegionSide& kept) { return kept.region == region && sides_overlap(kept.side, side); });
}

}  // namespace

std::vector<ProgramArea> program_home_areas(const KnowledgeBase& kb, const HomeProgram& program,
                                            const Profile* profile) {
  std::vector<ProgramArea> areas;
  for (std::size_t index = 0; index < program.items.size(); ++index) {
    const ProgramItem& item = program.items[index];
    const Protocol* protocol = kb.protocol(item.protocol);
    if (!protocol) continue;
    const RegionTarget target{item.target.region, item.target.side, 0};
    std::vector<ProgramArea> mine{{target.region, target.side, Modality::movement, protocol->id, index}};
    for (const auto& step : protocol->steps) {
      const Technique* technique = kb.technique(step.technique);
      if (!technique) continue;
      const std::string region = step.region == kTargetRegion ? target.region : step.region;
      const Side side = step_side(kb, profile, region, target);
      if (kept_for_clinic(program, region, side)) continue;
      ProgramArea area{region, side, technique->modality, protocol->id, index};
      if (std::find(mine.begin(), mine.end(), area) == mine.end()) mine.push_back(std::move(area));
    }
    areas.insert(areas.end(), mine.begin(), mine.end());
  }
  return areas;
}

}  // namespace fascia::core
