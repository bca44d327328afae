// The areas an assigned home program's home work loads: what a warning
// sign must touch to hold the program back, and what a practitioner sees
// the program covers beyond the regions they named (a neck protocol also
// works the levator scapulae and the upper back). Pure.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "fascia/core/knowledge_base.hpp"
#include "fascia/core/person.hpp"

namespace fascia::core {

// One area a program's home work loads, and the modality of the work there.
struct ProgramArea {
  std::string region;  // region id
  Side side = Side::both;
  Modality modality = Modality::movement;
  std::string protocol;  // the protocol id of the item that works it
  std::size_t item = 0;  // that item's index in HomeProgram::items
  friend bool operator==(const ProgramArea&, const ProgramArea&) = default;
};

// For each item, in order: its target with movement (the planner's first
// check of an item), then every step of its protocol, the `$target`
// placeholder read as the item's target and any other region on the side
// step_side gives (from `profile` when given; the person's own choice of
// side for a region their profile names); less the steps on an area kept
// for the clinic (HomeProgram::clinic_only), which the plan leaves out.
// Each area and modality once per item. Unknown protocols and techniques
// are skipped (check_home_program refuses them).
std::vector<ProgramArea> program_home_areas(const KnowledgeBase& kb, const HomeProgram& program,
                                            const Profile* profile);

}  // namespace fascia::core
