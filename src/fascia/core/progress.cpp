#include "fascia/core/progress.hpp"

#include <algorithm>
#include <set>

#include "fascia/core/finder.hpp"
#include "fascia/core/treatment_ledger.hpp"

namespace fascia::core {

bool meaningful_improvement(const SafetyCaps& caps, int baseline, int current) {
  const int drop = baseline - current;
  if (drop <= 0) return false;
  return drop >= caps.meaningful_change_points.value || drop * 100 >= caps.meaningful_change_percent.value * baseline;
}

std::string_view to_string(ReviewState state) {
  switch (state) {
    case ReviewState::not_yet: return "not-yet";
    case ReviewState::improving: return "improving";
    case ReviewState::not_improving: return "not-improving";
    case ReviewState::no_data: return "no-data";
  }
  return "?";
}

namespace {

// True when clinic work on or before `day` holds every tissue load of a
// planned session on that day (the same caps the planner applies: the gap
// after instrument or compression work, and the weekly instrument count).
// A session with nothing that loads tissue is never held.
bool held_by_clinic_work(const KnowledgeBase& kb, const std::vector<TreatmentEvent>& clinic, Date day,
                         const PlannedSession& session) {
  TreatmentLedger before;
  for (const auto& e : clinic)
    if (e.date <= day) before.add(e);
  if (before.events().empty()) return false;
  bool loads = false;
  for (const auto& step : session.steps) {
    if (!loads_tissue(step.modality)) continue;
    loads = true;
    if (before.cap_conflicts(kb, step.region, step.side, step.modality, day).empty()) return false;
  }
  return loads;
}

}  // namespace

AdherenceCount adherence_between(const KnowledgeBase& kb, const Plan& original, const Journal& journal, Date from,
                                 Date to) {
  AdherenceCount out;
  auto inside = [&](Date d) { return d >= from && d <= to; };
  std::vector<TreatmentEvent> clinic;
  const TreatmentLedger ledger = TreatmentLedger::from_journal(kb, journal);
  for (const auto& e : ledger.events())
    if (e.origin == LoadOrigin::clinic) clinic.push_back(e);
  for (const auto& d : original.days) {
    if (!inside(d.date)) continue;
    for (const auto& session : d.sessions)
      if (!held_by_clinic_work(kb, clinic, d.date, session)) ++out.planned;
  }
  out.done = static_cast<int>(
      std::count_if(journal.sessions.begin(), journal.sessions.end(), [&](auto& s) { return inside(s.date); }));
  return out;
}

namespace {

// part / whole in percent, rounded to the nearest whole (halves away from
// zero): 1 of 6 is 17, -1 of 6 is -17. Precondition: whole > 0.
int rounded_percent(int part, int whole) {
  const int twice = part * 200;
  return (twice + (twice < 0 ? -whole : whole)) / (2 * whole);
}

RegionTrend trend_for(const KnowledgeBase& kb, const RegionTarget& target, const Journal& journal, Date today) {
  RegionTrend t;
  t.region = target.region;
  const Region* r = kb.region(target.region);
  t.region_name = r ? r->name : target.region;
  t.side = target.side;
  t.baseline = target.pain;
  std::vector<const PainEntry*> entries;
  for (const auto& p : journal.pain)
    if (p.region == target.region && sides_overlap(p.side, target.side) && p.date <= today) entries.push_back(&p);
  std::stable_sort(entries.begin(), entries.end(), [](auto* a, auto* b) { return a->date < b->date; });
  for (const PainEntry* p : entries) t.points.push_back({p->date, p->score});
  if (!t.points.empty()) {
    t.latest = t.points.back().score;
    t.change = t.baseline - *t.latest;
    t.change_percent = t.baseline > 0 ? rounded_percent(t.change, t.baseline) : 0;
    t.meaningful = meaningful_improvement(kb.caps, t.baseline, *t.latest);
  }
  return t;
}

std::string sessions_phrase(const ReviewVerdict& v) {
  return std::to_string(v.sessions_done) + " of " + std::to_string(v.sessions_planned) + " planned sessions";
}

ReviewVerdict review_for(const KnowledgeBase& kb, const Profile& profile, const std::vector<RegionTrend>& trends,
                         const Journal& journal, const Plan& original, Date today) {
  const SafetyCaps& caps = kb.caps;
  ReviewVerdict v;
  const auto [start, review] = review_span(kb, profile, original);
  v.date = review;
  const AdherenceCount before_review = adherence_between(kb, original, journal, start, add_days(v.date, -1));
  v.sessions_planned = before_review.planned;
  v.sessions_done = before_review.done;
  const std::string threshold = std::to_string(caps.meaningful_change_points.value) + " points or " +
                                std::to_string(caps.meaningful_change_percent.value) + " %";
  if (today < v.date) {
    v.reasons.push_back({"review-week", "The review is on " + format_long_date(v.date) + ".", caps.review_week.source});
    return v;
  }
  bool any_data = false;
  bool any_better = false;
  bool any_worse = false;
  for (const auto& t : trends) {
    if (!t.latest) {
      v.reasons.push_back({"review-no-data", t.region_name + ": no pain score logged yet; log one to review it",
                           caps.review_week.source});
      continue;
    }
    any_data = true;
    any_better = any_better || t.meaningful;
    const bool worse = *t.latest - t.baseline >= caps.meaningful_change_points.value;
    if (worse) {
      any_worse = true;
      v.reasons.push_back({"meaningful-change-points",
                           t.region_name + " is worse than at the start; have it checked by a practitioner",
                           caps.meaningful_change_points.source});
    }
    v.reasons.push_back({"meaningful-change-points",
                         t.region_name + ": " + std::to_string(t.baseline) + "/10 at the start, " +
                             std::to_string(*t.latest) + "/10 now — " +
                             (t.meaningful ? "a meaningful improvement"
                              : worse      ? "worse by " + std::to_string(*t.latest - t.baseline) + " points"
                                           : "less than a meaningful change") +
                             " (" +
                             threshold + ")",
                         caps.meaningful_change_points.source});
  }
  const SourcedValue& min_adherence = caps.review_min_adherence_percent;
  // Nothing planned (e.g. every region left out) cannot be "too few".
  const bool enough_sessions =
      v.sessions_planned == 0 || v.sessions_done * 100 >= min_adherence.value * v.sessions_planned;
  const auto days_to_review = (v.date - start).count();
  const std::string weeks = days_to_review % 7 == 0 ? std::to_string(days_to_review / 7) + " weeks"
                                                    : std::to_string(days_to_review) + " days";
  if (!any_data) {
    v.state = ReviewState::no_data;
  } else if (any_better) {
    v.state = ReviewState::improving;
    v.see_practitioner = any_worse;
    v.reasons.push_back(
        {"review-min-adherence-percent", sessions_phrase(v) + " done in the first " + weeks, min_adherence.source});
  } else if (enough_sessions) {
    v.state = ReviewState::not_improving;
    v.see_practitioner = true;
    const std::string done =
        v.sessions_planned == 0 ? "after " + weeks : "despite " + sessions_phrase(v) + " in " + weeks;
    v.reasons.push_back({"review-week",
                         done + ", no meaningful improvement: see a practitioner to reassess the approach",
                         caps.review_week.source});
  } else {
    v.state = ReviewState::not_improving;
    v.see_practitioner = any_worse;
    const std::string too_few = "only " + sessions_phrase(v) + " were done in the first " + weeks +
                                ", too few to judge the program (at least " + std::to_string(min_adherence.value) +
                                " % are needed)";
    // Worse pain is not a matter of doing more sessions: that advice comes first.
    v.reasons.push_back(
        {"review-min-adherence-percent",
         too_few + (any_worse ? "; but the pain is worse than at the start, so see a practitioner before going on"
                              : ". Try doing the sessions as planned and review again in a few weeks; see a "
                                "practitioner sooner if the pain gets worse or keeps you from doing them"),
         min_adherence.source});
  }
  if (v.see_practitioner)
    if (const FinderNeed* need = need_for_plan(kb, original)) v.finder_need = need->id;
  return v;
}

}  // namespace

ReviewSpan review_span(const KnowledgeBase& kb, const Profile& profile, const Plan& original) {
  if (original.program_id != 0) return {original.start, original.review};
  return {profile.start, add_days(profile.start, kb.caps.review_week.value * 7)};
}

std::vector<RegionTarget> review_targets(const Profile& profile, const Plan& original) {
  if (!original.program_id) return profile.regions;
  std::set<std::string> worked;
  const auto see = [&](const PlannedSession& s) {
    for (const auto& step : s.steps) worked.insert(step.region);
  };
  for (const auto& s : original.templates) see(s);
  for (const auto& d : original.days)
    for (const auto& s : d.sessions) see(s);
  std::vector<RegionTarget> out;
  for (const auto& t : profile.regions)
    if (worked.contains(t.region)) out.push_back(t);
  return out.empty() ? profile.regions : out;
}

ReviewReading week_four_review(const KnowledgeBase& kb, const Profile& profile, const Journal& journal,
                               const Plan& original, Date today) {
  ReviewReading out;
  for (const auto& target : review_targets(profile, original))
    out.trends.push_back(trend_for(kb, target, journal, today));
  out.review = review_for(kb, profile, out.trends, journal, original, today);
  return out;
}

Progress compute_progress(const KnowledgeBase& kb, const Profile& profile, const Journal& journal,
                          const Plan& original, Date today) {
  Progress p;
  ReviewReading reading = week_four_review(kb, profile, journal, original, today);
  p.trends = std::move(reading.trends);
  p.review = std::move(reading.review);

  for (Date week = profile.start; week <= std::min(today, original.end); week = add_days(week, 7)) {
    const Date week_end = add_days(week, 6);
    auto in_week = [&](Date d) { return d >= week && d <= week_end; };
    WeekAdherence w;
    w.week_start = week;
    const AdherenceCount count = adherence_between(kb, original, journal, week, week_end);
    w.planned = count.planned;
    w.done = count.done;
    for (const auto& s : journal.sessions) {
      if (!in_week(s.date)) continue;
      if (s.stopped) ++w.stopped;
      w.steps_skipped += static_cast<int>(
          std::count_if(s.steps.begin(), s.steps.end(), [](auto& st) { return st.status == StepStatus::skipped; }));
    }
    w.habits = static_cast<int>(
        std::count_if(journal.habits.begin(), journal.habits.end(), [&](auto& h) { return in_week(h.date); }));
    p.weeks.push_back(w);
  }

  const JournalAnalysis analysis = analyse_journal(kb, profile, journal);
  p.adjustments = analysis.adjustments;
  p.warnings = analysis.warnings;
  p.treatments_elsewhere = static_cast<int>(journal.treatments.size());
  return p;
}

}  // namespace fascia::core
