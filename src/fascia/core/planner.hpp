// The planner: from a profile, the tools owned, the clearance and the journal,
// choose and adapt protocols and place them on dates within every hard cap.
// The plan re-forms from the journal each time; nothing here reads the clock.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "fascia/core/home_program.hpp"
#include "fascia/core/journal_analysis.hpp"
#include "fascia/core/knowledge_base.hpp"
#include "fascia/core/person.hpp"
#include "fascia/core/plan.hpp"
#include "fascia/core/screening.hpp"
#include "fascia/core/treatment_ledger.hpp"

namespace fascia::core {

struct PlanInputs {
  const KnowledgeBase& kb;
  const Profile& profile;
  std::set<std::string> tools;  // owned tool ids (kits expanded); hands are added
  const Clearance& clearance;
  const Journal& journal;
  Date today{};
  // The home program a linked practitioner assigned, when one is in force:
  // its items replace the protocols chosen from the profile's regions, its
  // weekdays, start, length and review date replace the profile's; the
  // profile still gives the tools and the minutes, and screening and every
  // cap still apply.
  const HomeProgram* program = nullptr;
};

Plan build_plan(const PlanInputs& in);

// What `fascia today` shows: the sessions due today, or the next date one is
// allowed and every reason why not today.
struct TodayView {
  Date date{};
  bool blocked = false;  // screening forbids a plan
  std::vector<Reason> blocked_by;
  std::vector<PlannedSession> due;
  std::optional<Date> next;       // the next planned session when none is due today
  // When nothing is due only because a check-in after the last instrument
  // work (home or clinic) is missing and may already be logged today: the
  // sessions today's plan holds once it is logged, settled. Empty otherwise,
  // and always empty when something is due. A promise, not a permission: a
  // session starts only from `due` (app::due_session).
  std::vector<PlannedSession> due_after_checkin;
  // When there is no next date (and the program is not finished): what must
  // happen first, e.g. "after a practitioner has seen you ...".
  std::optional<std::string> next_condition;
  // Why each chosen protocol is not due today: all of them when nothing is
  // due; when something is, the others (e.g. the neck held for a check-in
  // while the calves are due). Empty for a protocol simply not planned today.
  std::vector<Reason> not_today;
  bool review_due = false;        // on or after the week-4 review date
  bool finished = false;          // after the program's last day
};

// Contract: when nothing is due, blocked_by or not_today is non-empty, and
// unless the program is finished, next or next_condition is set.
TodayView today_view(const PlanInputs& in, const Plan& plan);

// Why `session` cannot be placed on `day` given what the ledger holds; empty
// when it can. Shared by the planner and today_view so they never disagree.
// `planned` holds the days already placed by the planner (empty for today).
std::vector<Reason> scheduling_blockers(const PlanInputs& in, const TreatmentLedger& ledger,
                                        const std::vector<PlanDay>& planned, const PlannedSession& session,
                                        Date day);

}  // namespace fascia::core
