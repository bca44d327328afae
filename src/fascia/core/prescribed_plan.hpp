// The plan that adherence and the week-4 review are measured against: the
// plan as first made, as it was prescribed day by day while warning signs
// were raised and cleared.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "fascia/core/home_program.hpp"
#include "fascia/core/knowledge_base.hpp"
#include "fascia/core/person.hpp"
#include "fascia/core/plan.hpp"

namespace fascia::core {

// The plan as first made (an empty journal, today = the plan's start: the
// home program's when `program` is set, else the profile's), made with the
// clearance as it stood on each day rather than today's: adherence is
// sessions done / sessions prescribed, and a session counts as prescribed
// on a day only if the screenings and clearances recorded up to that day
// allowed it. So a warning sign that blocks the plan (or an area) later on
// never takes back the sessions prescribed before it, and the sessions it
// held back from its day on never count against the person; after a
// clearance lifts it, the plan counts again. The clearance of a day is
// evaluate_screenings over the screenings and clearances dated on or before
// it (before the first screening, the first screening's). Records carry a
// day but no time: on a day the clearance changed, the sessions counted are
// those of whichever clearance, before or after the change, allowed more
// that day (a stop sign raises its warning during that day's session, and
// a clearance lets that day's session go ahead; the plan's first day is
// such a day when the first session was stopped). Every other field is the
// plan as first made with the clearance recorded before its first day (the
// first screening's when there was none).
// Precondition: `screenings` is not empty, oldest first (as
// evaluate_screenings takes them).
Plan prescribed_plan(const KnowledgeBase& kb, const Profile& profile, const std::set<std::string>& tools,
                     const std::vector<ScreeningRecord>& screenings, const std::vector<ClearanceEntry>& clearances,
                     const HomeProgram* program);

}  // namespace fascia::core
