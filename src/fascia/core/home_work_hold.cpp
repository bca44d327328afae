#include "fascia/core/home_work_hold.hpp"

#include <algorithm>

#include "fascia/core/program_areas.hpp"
#include "fascia/core/reason_groups.hpp"

namespace fascia::core {

namespace {

void add_once(std::vector<std::string>& list, const std::string& name) {
  if (std::find(list.begin(), list.end(), name) == list.end()) list.push_back(name);
}

// Whether the plan following the program still does some of `item`'s home
// work, as the planner decides it: its target is allowed (for both sides,
// else on one side alone, the other left out), and then at least one of its
// steps, on the side planned, is allowed.
bool item_still_runs(const KnowledgeBase& kb, const Clearance& clearance, const HomeProgram& program,
                     const ProgramItem& item, const Profile* profile) {
  std::vector<Side> sides{item.target.side};
  if (item.target.side == Side::both) sides = {Side::both, Side::right, Side::left};
  for (const Side side : sides) {
    if (!region_access(kb, clearance, item.target.region, side, Modality::movement).allowed) continue;
    HomeProgram planned = program;
    planned.items = {item};
    planned.items[0].target.side = side;
    const auto areas = program_home_areas(kb, planned, profile);
    // The first area is the target itself (allowed here); the rest are the
    // steps, less one that is the target's own movement, already weighed.
    if (areas.size() <= 1) return true;
    return std::any_of(areas.begin() + 1, areas.end(), [&](const ProgramArea& a) {
      return region_access(kb, clearance, a.region, a.side, a.modality).allowed;
    });
  }
  return false;
}

}  // namespace

HomeWorkHold home_work_hold(const KnowledgeBase& kb, const Clearance& clearance, const HomeProgram* program,
                            const Profile* profile) {
  HomeWorkHold hold;
  const auto raised = [&](const Finding& f) {
    if (f.raised && (!hold.since || *f.raised < *hold.since)) hold.since = f.raised;
  };
  if (!clearance.plan_allowed()) {
    hold.held = hold.no_plan = true;
    for (const auto& f : clearance.findings)
      if (f.level >= ClearanceLevel::see_practitioner_first) raised(f);
    return hold;
  }
  if (!program) return hold;
  for (const auto& area : program_home_areas(kb, *program, profile)) {
    const RegionAccess access = region_access(kb, clearance, area.region, area.side, area.modality);
    if (access.allowed) continue;  // its reasons are cautions only
    for (const auto& r : access.reasons) {
      const Finding* finding = nullptr;
      for (const auto& f : clearance.findings)
        if (f.rule == r.rule && f.level >= ClearanceLevel::see_practitioner_first) finding = &f;
      const Region* region = kb.region(area.region);
      const std::string name = !r.area.empty() ? r.area : area_label(region ? region->name : area.region, area.side);
      if (!finding) {
        // The area's own class (needs a clinician's go-ahead): the answer
        // to the medical-clearance question lifts it.
        if (r.rule == "needs-medical-clearance") add_once(hold.until_answered, name);
        continue;
      }
      raised(*finding);
      if (finding->until_cleared && !cleared_where(*finding, r))
        add_once(hold.until_cleared, name);
      else if (finding->until_cleared)
        add_once(hold.cleared_until_answered, name);
      else
        add_once(hold.until_answered, name);
    }
  }
  hold.held = !hold.until_cleared.empty() || !hold.until_answered.empty() || !hold.cleared_until_answered.empty();
  hold.partial = hold.held && std::any_of(program->items.begin(), program->items.end(), [&](const ProgramItem& item) {
                   return item_still_runs(kb, clearance, *program, item, profile);
                 });
  return hold;
}

}  // namespace fascia::core
