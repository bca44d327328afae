#include "fascia/core/treatment_ledger.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>
#include <tuple>

#include "fascia/core/reason_groups.hpp"

namespace fascia::core {

namespace {
std::string region_name(const KnowledgeBase& kb, const std::string& id) {
  const Region* r = kb.region(id);
  return r ? r->name : id;
}
int days_for_hours(int hours) { return (hours + 23) / 24; }

// The minimum gap after loading tissue with `modality`: instrument work has
// its own; compression, pressure and percussion share one.
const SourcedValue& gap_after(const SafetyCaps& caps, Modality modality) {
  return modality == Modality::instrument ? caps.instrument_min_hours_between : caps.compression_min_hours_between;
}

// "instrument work", "compression work", "pressure work".
std::string work_of(Modality modality) { return std::string(to_string(modality)) + " work"; }
}  // namespace

std::optional<Date> home_work_resumes(const KnowledgeBase& kb, const ClinicTreatmentEntry& treatment) {
  const auto kind = kb.treatments.find(treatment.treatment);
  if (kind == kb.treatments.end() || !kind->second.counts_as || !loads_tissue(*kind->second.counts_as))
    return std::nullopt;
  // cap_conflicts holds a day closer than the gap's whole days.
  return add_days(treatment.date, days_for_hours(gap_after(kb.caps, *kind->second.counts_as).value));
}

TreatmentLedger TreatmentLedger::from_journal(const KnowledgeBase& kb, const Journal& journal) {
  TreatmentLedger ledger;
  // Each entry is its own session for the weekly count: one not stored yet
  // (id 0: in hand, or read from a file) gets an occasion of its own, below
  // zero, so that two of them on one day are never counted as one.
  std::int64_t unstored = 0;
  const auto occasion = [&unstored](std::int64_t id) { return id != 0 ? id : --unstored; };
  for (const auto& session : journal.sessions) {
    const std::int64_t which = occasion(session.id);
    for (const auto& step : session.steps)
      if (step.status != StepStatus::skipped && loads_tissue(step.modality))
        ledger.add({session.date, step.region, step.side, step.modality, LoadOrigin::home, which});
  }
  for (const auto& treatment : journal.clinic_treatments) {
    const auto kind = kb.treatments.find(treatment.treatment);
    if (kind == kb.treatments.end() || !kind->second.counts_as) continue;
    const std::int64_t which = occasion(treatment.id);
    for (const auto& where : treatment.regions)
      ledger.add({treatment.date, where.region, where.side, *kind->second.counts_as, LoadOrigin::clinic, which});
  }
  return ledger;
}

void TreatmentLedger::add_session(Date date, const PlannedSession& session) {
  for (const auto& step : session.steps)
    if (loads_tissue(step.modality)) add({date, step.region, step.side, step.modality});
}

std::vector<Reason> TreatmentLedger::cap_conflicts(const KnowledgeBase& kb, const std::string& region, Side side,
                                                   Modality modality, Date day, Date* next_allowed) const {
  std::vector<Reason> reasons;
  if (!loads_tissue(modality)) return reasons;
  const SafetyCaps& caps = kb.caps;
  const bool instrument = modality == Modality::instrument;
  const SourcedValue& gap = gap_after(caps, modality);
  const int gap_days = days_for_hours(gap.value);
  const std::string name = region_name(kb, region);

  // Events of the same kind on overlapping tissue. Instrument work is its own
  // kind; compression, pressure and percussion share one gap rule. Days with
  // home work and days with clinic work (and its kind) are kept apart, so
  // that a reason can say which it was.
  std::vector<Date> dates;
  std::set<Date> home_days;
  std::map<Date, Modality> clinic_days;
  // Each session or visit once, for the weekly count: a home session and
  // clinic work on the same day are two sessions, not one day.
  std::set<std::tuple<Date, LoadOrigin, std::int64_t>> sessions;
  for (const auto& e : events_) {
    if (e.region != region || !sides_overlap(e.side, side)) continue;
    if ((e.modality == Modality::instrument) != instrument) continue;
    dates.push_back(e.date);
    // Only a session within 6 days of `day` can share a 7-day window with it.
    if (std::abs(days_between(e.date, day)) <= 6) sessions.emplace(e.date, e.origin, e.occasion);
    if (e.origin == LoadOrigin::clinic)
      clinic_days.emplace(e.date, e.modality);
    else
      home_days.insert(e.date);
  }
  std::sort(dates.begin(), dates.end());
  dates.erase(std::unique(dates.begin(), dates.end()), dates.end());

  Date latest_conflict{};
  bool gap_conflict = false;
  for (Date d : dates) {
    if (std::abs(days_between(d, day)) < gap_days) {
      gap_conflict = true;
      latest_conflict = std::max(latest_conflict, d);
    }
  }
  if (gap_conflict) {
    const Date next = add_days(latest_conflict, gap_days);
    if (next_allowed) *next_allowed = std::max(*next_allowed, next);
    const std::string rule = std::string("at least ") + std::to_string(gap.value) + " h must pass between " +
                             (instrument ? "instrument sessions" : "compression sessions");
    // Home work keeps its wording; clinic work is named as such.
    const auto clinic = clinic_days.find(latest_conflict);
    const std::string when = format_long_date(latest_conflict);
    std::string worked = "worked on " + when;
    if (clinic != clinic_days.end())
      worked = home_days.count(latest_conflict) ? "worked at home and in clinic on " + when
                                                : work_of(clinic->second) + " in clinic on " + when;
    const std::string general =
        clinic == clinic_days.end() ? rule + "; next allowed {date}" : worked + "; " + rule + "; next allowed {date}";
    reasons.push_back(
        about_area({instrument ? "instrument-min-hours-between" : "compression-min-hours-between",
                    name + ": " + worked + "; " + rule + " (next allowed " + format_long_date(next) + ")", gap.source},
                   region, name, side, general, next));
  }

  if (instrument) {
    // Every 7-day window that contains `day` must stay within the cap.
    const int cap = caps.instrument_sessions_per_7_days.value;
    for (int start = -6; start <= 0; ++start) {
      const Date from = add_days(day, start);
      const Date to = add_days(from, 6);
      const auto in_window = [&](Date d) { return d >= from && d <= to && d != day; };
      const auto count = std::count_if(sessions.begin(), sessions.end(),
                                       [&](const auto& session) { return in_window(std::get<Date>(session)); });
      if (count + 1 > cap) {
        const std::string limit = "; the limit is " + std::to_string(cap) + " in any 7 days";
        const auto in_clinic = std::count_if(sessions.begin(), sessions.end(), [&](const auto& session) {
          return in_window(std::get<Date>(session)) && std::get<LoadOrigin>(session) == LoadOrigin::clinic;
        });
        const std::string counted =
            std::to_string(count) + " instrument sessions" +
            (in_clinic > 0 ? " (" + std::to_string(in_clinic) + " of them in clinic)" : std::string());
        reasons.push_back(about_area({"instrument-sessions-per-7-days",
                                      name + ": already " + counted + " between " + format_long_date(from) + " and " +
                                          format_long_date(to) + limit,
                                      caps.instrument_sessions_per_7_days.source},
                                     region, name, side,
                                     "already " + counted + " in a 7-day stretch that includes this day" + limit));
        break;
      }
    }
  }
  return reasons;
}

}  // namespace fascia::core
