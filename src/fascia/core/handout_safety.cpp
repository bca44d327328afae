#include "fascia/core/handout_safety.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "fascia/core/dates.hpp"

namespace fascia::core {

namespace {

bool works_with(const Plan& cards, std::initializer_list<Modality> kinds) {
  return std::any_of(cards.templates.begin(), cards.templates.end(), [&](const PlannedSession& s) {
    return std::any_of(s.steps.begin(), s.steps.end(), [&](const PlannedStep& step) {
      return std::find(kinds.begin(), kinds.end(), step.modality) != kinds.end();
    });
  });
}

std::vector<Reason> spacing(const KnowledgeBase& kb, const Plan& cards) {
  const SafetyCaps& caps = kb.caps;
  std::vector<Reason> out;
  if (works_with(cards, {Modality::instrument})) {
    out.push_back({"instrument-min-hours-between",
                   "Leave at least " + std::to_string(caps.instrument_min_hours_between.value) +
                       " h between instrument sessions on the same area.",
                   caps.instrument_min_hours_between.source});
    out.push_back({"instrument-sessions-per-7-days",
                   "At most " + std::to_string(caps.instrument_sessions_per_7_days.value) +
                       " instrument sessions on an area in any 7 days, instrument work in the clinic included.",
                   caps.instrument_sessions_per_7_days.source});
    out.push_back({"checkin-after-hours",
                   "Before the next instrument session on an area, check in at least " +
                       std::to_string(caps.checkin_after_hours.value) +
                       " h after the last one: the redness and red dots gone, soreness at most " +
                       std::to_string(caps.soreness_resolved_at.value) + "/10, no bruising.",
                   caps.checkin_after_hours.source});
  }
  if (works_with(cards, {Modality::compression, Modality::pressure}))
    out.push_back({"compression-min-hours-between",
                   "Leave at least " + std::to_string(caps.compression_min_hours_between.value) +
                       " h between compression or pressure sessions on the same area.",
                   caps.compression_min_hours_between.source});
  return out;
}

std::vector<HandoutDay> first_week(const Plan& cards) {
  std::map<int, HandoutDay> by_day;
  const Date last = add_days(cards.start, 6);
  for (const auto& day : cards.days) {
    if (day.date < cards.start || day.date > last) continue;
    HandoutDay& d = by_day[weekday_index(day.date)];
    d.weekday = weekday_index(day.date);
    for (const auto& s : day.sessions) d.sessions.push_back(s.protocol_name);
  }
  std::vector<HandoutDay> out;
  for (auto& [weekday, day] : by_day) out.push_back(std::move(day));
  return out;
}

std::vector<Reason> lowered(const KnowledgeBase& kb, const Plan& cards, const JournalAnalysis& analysis) {
  std::vector<Reason> out;
  std::set<std::string> seen;
  for (const auto& session : cards.templates)
    for (const auto& step : session.steps) {
      if (!step.pressure || !seen.insert(step.region).second) continue;
      const RegionHistory* history = analysis.region(step.region);
      if (!history || !history->pressure_cap) continue;
      const Region* region = kb.region(step.region);
      const Reason& why = history->pressure_cap_reason;
      out.push_back({why.rule,
                     (region ? region->name : step.region) + ": " + why.text +
                         ". Where a card says more, keep to at most " + std::to_string(*history->pressure_cap) + "/10.",
                     why.source});
    }
  return out;
}

}  // namespace

HandoutSafety handout_safety(const KnowledgeBase& kb, const Plan& cards, const JournalAnalysis* analysis) {
  HandoutSafety out;
  out.spacing = spacing(kb, cards);
  out.week = first_week(cards);
  if (analysis) out.lowered = lowered(kb, cards, *analysis);
  return out;
}

}  // namespace fascia::core
