// Progress: pain trends per region against the baseline with the meaningful-
// change threshold, weekly adherence against the original plan, the week-4
// review verdict, and every change the rules made with its reason.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fascia/core/dates.hpp"
#include "fascia/core/journal_analysis.hpp"
#include "fascia/core/knowledge_base.hpp"
#include "fascia/core/person.hpp"
#include "fascia/core/plan.hpp"
#include "fascia/core/reason.hpp"
#include "fascia/core/screening.hpp"

namespace fascia::core {

struct TrendPoint {
  Date date{};
  int score = 0;
};

struct RegionTrend {
  std::string region;
  std::string region_name;
  Side side = Side::both;
  int baseline = 0;
  std::vector<TrendPoint> points;  // in date order
  std::optional<int> latest;
  int change = 0;          // baseline - latest: positive is better
  int change_percent = 0;  // of baseline, rounded to the nearest whole
  bool meaningful = false;  // at least the meaningful change in points or percent
};

struct WeekAdherence {
  Date week_start{};
  int planned = 0;  // sessions in the original plan that week
  int done = 0;     // sessions logged
  int stopped = 0;  // sessions stopped by a warning sign
  int steps_skipped = 0;
  int habits = 0;   // habit check-ins
};

enum class ReviewState { not_yet, improving, not_improving, no_data };

// The week-4 review. Adherence is counted over [profile start, review date):
// sessions the original plan placed there vs sessions logged there. Without
// a meaningful improvement, the advice depends on it: at or above the cap
// review-min-adherence-percent, "despite X of Y, see a practitioner"; below
// it, "too few to judge yet" (a practitioner only if pain got worse).
struct ReviewVerdict {
  ReviewState state = ReviewState::not_yet;
  Date date{};
  bool see_practitioner = false;
  int sessions_planned = 0;  // by the original plan, before the review date
  int sessions_done = 0;     // logged, before the review date
  std::vector<Reason> reasons;
  // When it says to see a practitioner: the finder's need for the kind of
  // home work the plan gave most (instrument, compression or pressure).
  std::optional<std::string> finder_need;
};

struct Progress {
  std::vector<RegionTrend> trends;
  std::vector<WeekAdherence> weeks;
  ReviewVerdict review;
  std::vector<Adjustment> adjustments;
  std::vector<Reason> warnings;
  int treatments_elsewhere = 0;
  // Warning-sign findings over time (raised when, by which answers; cleared
  // when and by whom) and the clearances recorded; filled by the app layer.
  std::vector<FindingHistory> safety_findings;
  std::vector<ClearanceEntry> clearances;
};

// Sessions the original plan placed in [from, to] and sessions logged there
// (both days included): adherence as the weekly table and the review count it.
// Adherence is sessions done / sessions prescribed, so `original` is the plan
// as prescribed day by day (core::prescribed_plan): the sessions prescribed
// before a warning sign count, those it held back from its day on do not
// (they were not the person's to do), and after a clearance they count again.
// A planned session that clinic work already held back on its day (every
// load it makes breaks a cap against the journal's clinic treatments on or
// before that day, issue 10 point 4) is not counted as planned: the
// practitioner's treatment took its place.
struct AdherenceCount {
  int planned = 0;
  int done = 0;
};
AdherenceCount adherence_between(const KnowledgeBase& kb, const Plan& original, const Journal& journal, Date from,
                                 Date to);

// When the review falls and from which day its sessions count: a home
// program's own start and review date (issue 10, point 3; original.program_id
// set), else the profile's start and week 4 (review-week, seed-000).
struct ReviewSpan {
  Date start;
  Date review;
};
ReviewSpan review_span(const KnowledgeBase& kb, const Profile& profile, const Plan& original);

// The regions whose pain the review reads: the profile's, or, when the plan
// follows a home program (original.program_id), those of the profile's the
// program works (any step of its sessions), so a region the program leaves
// alone is not asked about; all the profile's when it works none of them
// (their scores are the only baselines there are).
std::vector<RegionTarget> review_targets(const Profile& profile, const Plan& original);

// The week-4 review alone, with the pain trends it reads (what
// compute_progress gives as `review` and `trends`), without the weekly table
// or the journal analysis: for a reader that needs only the verdict (the
// monitoring list, core/attention.hpp).
struct ReviewReading {
  std::vector<RegionTrend> trends;
  ReviewVerdict review;
};
ReviewReading week_four_review(const KnowledgeBase& kb, const Profile& profile, const Journal& journal,
                               const Plan& original, Date today);

// `original` is the plan as first made (empty journal, today = start), as
// prescribed day by day (core::prescribed_plan); the adherence is measured
// against it.
Progress compute_progress(const KnowledgeBase& kb, const Profile& profile, const Journal& journal,
                          const Plan& original, Date today);

// True when the drop from baseline to current meets the threshold in points
// or in percent (Farrar et al. 2001).
bool meaningful_improvement(const SafetyCaps& caps, int baseline, int current);

std::string_view to_string(ReviewState state);

}  // namespace fascia::core
