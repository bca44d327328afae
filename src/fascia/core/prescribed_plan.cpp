#include "fascia/core/prescribed_plan.hpp"

#include <algorithm>
#include <cassert>
#include <iterator>

#include "fascia/core/planner.hpp"
#include "fascia/core/screening.hpp"

namespace fascia::core {

namespace {

// What was recorded on or before a day: the screenings (the first one when
// none was yet) and the clearances, as evaluate_screenings takes them.
struct Records {
  std::vector<ScreeningRecord> screenings;
  std::vector<ClearanceEntry> clearances;
  friend bool operator==(const Records&, const Records&) = default;
};

Records records_on(const std::vector<ScreeningRecord>& screenings, const std::vector<ClearanceEntry>& clearances,
                   Date day) {
  Records out;
  std::copy_if(screenings.begin(), screenings.end(), std::back_inserter(out.screenings),
               [&](const ScreeningRecord& s) { return s.date <= day; });
  if (out.screenings.empty()) out.screenings.push_back(screenings.front());
  std::copy_if(clearances.begin(), clearances.end(), std::back_inserter(out.clearances),
               [&](const ClearanceEntry& c) { return c.date <= day; });
  return out;
}

const PlanDay* day_in(const Plan& plan, Date date) {
  const auto it = std::find_if(plan.days.begin(), plan.days.end(), [&](const PlanDay& d) { return d.date == date; });
  return it == plan.days.end() ? nullptr : &*it;
}

std::size_t sessions_on(const PlanDay* day) { return day ? day->sessions.size() : 0; }

}  // namespace

Plan prescribed_plan(const KnowledgeBase& kb, const Profile& profile, const std::set<std::string>& tools,
                     const std::vector<ScreeningRecord>& screenings, const std::vector<ClearanceEntry>& clearances,
                     const HomeProgram* program) {
  assert(!screenings.empty());
  const Journal empty;
  const Date start = program ? program->start : profile.start;
  auto made_from = [&](const Records& records) {
    const Clearance clearance = evaluate_screenings(kb, records.screenings, records.clearances).clearance;
    return build_plan(PlanInputs{kb, profile, tools, clearance, empty, start, program});
  };
  // As it stood when the plan was first made: by the eve of its first day.
  Records records = records_on(screenings, clearances, add_days(start, -1));
  Plan out = made_from(records);

  // The days within the plan on which the clearance may have changed (its
  // first day too: a stop sign in the first session).
  std::set<Date> changes;
  for (const auto& s : screenings)
    if (s.date >= start && s.date <= out.end) changes.insert(s.date);
  for (const auto& c : clearances)
    if (c.date >= start && c.date <= out.end) changes.insert(c.date);
  if (changes.empty()) return out;

  std::vector<PlanDay> days;
  auto take = [&](const Plan& plan, Date from, Date to) {
    for (const auto& d : plan.days)
      if (d.date >= from && d.date <= to) days.push_back(d);
  };
  Plan before = out;
  Date from = start;
  for (const Date change : changes) {
    // The same records (the first screening, taken as in force before its
    // day) make the same plan: made once.
    Records now_recorded = records_on(screenings, clearances, change);
    if (now_recorded == records) continue;
    records = std::move(now_recorded);
    Plan after = made_from(records);
    take(before, from, add_days(change, -1));
    const PlanDay* was = day_in(before, change);
    const PlanDay* now = day_in(after, change);
    if (sessions_on(was) > 0 || sessions_on(now) > 0)
      days.push_back(sessions_on(was) >= sessions_on(now) ? *was : *now);
    before = std::move(after);
    from = add_days(change, 1);
  }
  take(before, from, out.end);
  out.days = std::move(days);
  return out;
}

}  // namespace fascia::core
