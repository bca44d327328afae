#include "fascia/core/plan_check.hpp"

#include <algorithm>
#include <cstdlib>

namespace fascia::core {

namespace {

struct Load {
  Date date{};
  std::string region;
  Side side;
  bool instrument;
  std::string protocol;  // empty for journal history
  int session = 0;       // which session the load belongs to
};

std::vector<Load> all_loads(const KnowledgeBase& kb, const Journal& journal, const Plan& plan) {
  std::vector<Load> loads;
  int session = 0;
  for (const auto& s : journal.sessions) {
    ++session;
    for (const auto& step : s.steps)
      if (step.status != StepStatus::skipped && loads_tissue(step.modality))
        loads.push_back({s.date, step.region, step.side, step.modality == Modality::instrument, "", session});
  }
  // A practitioner's clinic work loads the regions it worked as its kind
  // counts (instrument, compression or pressure); other kinds load nothing.
  for (const auto& t : journal.clinic_treatments) {
    ++session;
    const auto kind = kb.treatments.find(t.treatment);
    if (kind == kb.treatments.end() || !kind->second.counts_as) continue;
    for (const auto& where : t.regions)
      loads.push_back({t.date, where.region, where.side, *kind->second.counts_as == Modality::instrument, "", session});
  }
  for (const auto& d : plan.days)
    for (const auto& s : d.sessions) {
      ++session;
      for (const auto& step : s.steps)
        if (loads_tissue(step.modality))
          loads.push_back({d.date, step.region, step.side, step.modality == Modality::instrument, s.protocol, session});
    }
  return loads;
}

}  // namespace

std::vector<Violation> check_plan(const KnowledgeBase& kb, const Clearance& clearance, const JournalAnalysis& history,
                                  const Journal& journal, const Plan& plan) {
  std::vector<Violation> out;
  const SafetyCaps& caps = kb.caps;
  if (plan.blocked || !clearance.plan_allowed()) {
    for (const auto& d : plan.days)
      for (const auto& s : d.sessions) out.push_back({d.date, s.protocol, "screening", "a session in a blocked plan"});
  }

  for (const auto& d : plan.days) {
    if (d.date < plan.start || d.date > plan.end)
      for (const auto& s : d.sessions) out.push_back({d.date, s.protocol, "program-weeks", "outside the program"});
    for (const auto& s : d.sessions) {
      if (s.instrument_minutes(kb) > caps.instrument_minutes_per_session.value)
        out.push_back({d.date, s.protocol, "instrument-minutes-per-session", std::to_string(s.instrument_minutes(kb))});
      for (const auto& step : s.steps) {
        const Region* region = kb.region(step.region);
        if (!region) {
          out.push_back({d.date, s.protocol, "unknown-region", step.region});
          continue;
        }
        const RegionAccess access = region_access(kb, clearance, step.region, step.side, step.modality);
        if (!access.allowed) out.push_back({d.date, s.protocol, "region-access", step.region});
        if (step.pressure) {
          int cap = std::min(caps.home_pressure_ceiling.value, region->pressure_cap.value_or(10));
          if (access.pressure_cap) cap = std::min(cap, *access.pressure_cap);
          if (const RegionHistory* h = history.region(step.region); h && h->pressure_cap) cap = std::min(cap, *h->pressure_cap);
          if (step.pressure->max > cap || step.pressure->min > step.pressure->max || step.pressure->min < 0)
            out.push_back({d.date, s.protocol, "pressure-cap", step.region + " " + std::to_string(step.pressure->max)});
        }
        if (step.unit == DoseUnit::seconds && region->dose_seconds &&
            (step.target > region->dose_seconds->max || step.dose.max > region->dose_seconds->max))
          out.push_back({d.date, s.protocol, "region-dose", step.region});
        if (step.technique == "trigger-point-pressure-release" &&
            (step.target < 1 || step.dose.max > caps.trigger_point_hold_max_seconds.value))
          out.push_back({d.date, s.protocol, "trigger-point-hold", std::to_string(step.target)});
        if (step.target < 0 || step.target > step.dose.max)
          out.push_back({d.date, s.protocol, "dose-range", step.technique});
      }
    }
  }

  // Frequency caps over journal history and the plan together, checked pair
  // by pair and window by window.
  const std::vector<Load> loads = all_loads(kb, journal, plan);
  const int instrument_gap = (caps.instrument_min_hours_between.value + 23) / 24;
  const int other_gap = (caps.compression_min_hours_between.value + 23) / 24;
  for (std::size_t i = 0; i < loads.size(); ++i) {
    const Load& a = loads[i];
    if (a.protocol.empty()) continue;  // history is what it is; only planned work is judged
    // Only loads within 6 days plus the longer gap can share a gap or a 7-day
    // window with this one: looking no further keeps a long journal from
    // multiplying the work per planned step.
    std::vector<const Load*> near;
    for (const Load& b : loads)
      if (std::abs(days_between(a.date, b.date)) <= 6 + std::max(instrument_gap, other_gap)) near.push_back(&b);
    for (const Load* pb : near) {
      const Load& b = *pb;
      if (&a == &b || a.region != b.region || !sides_overlap(a.side, b.side) || a.instrument != b.instrument) continue;
      const int apart = std::abs(days_between(a.date, b.date));
      if (a.session == b.session) continue;  // steps of one session
      if (apart < (a.instrument ? instrument_gap : other_gap))
        out.push_back({a.date, a.protocol, a.instrument ? "instrument-min-hours-between" : "compression-min-hours-between",
                       a.region + " also on " + format_date(b.date)});
    }
    if (!a.instrument) continue;
    for (int shift = -6; shift <= 0; ++shift) {
      const Date from = add_days(a.date, shift);
      const Date to = add_days(from, 6);
      // Sessions, not days: a home session and clinic work on one day are two.
      std::vector<int> sessions;
      for (const Load* pb : near)
        if (const Load& b = *pb; b.instrument && b.region == a.region && sides_overlap(a.side, b.side) &&
                                 b.date >= from && b.date <= to &&
                                 std::find(sessions.begin(), sessions.end(), b.session) == sessions.end())
          sessions.push_back(b.session);
      if (static_cast<int>(sessions.size()) > caps.instrument_sessions_per_7_days.value) {
        out.push_back({a.date, a.protocol, "instrument-sessions-per-7-days",
                       a.region + " " + std::to_string(sessions.size()) + " from " + format_date(from)});
        break;
      }
    }
  }
  return out;
}

}  // namespace fascia::core
