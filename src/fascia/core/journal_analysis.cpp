#include "fascia/core/journal_analysis.hpp"

#include <algorithm>
#include <cctype>

#include "fascia/core/reason_groups.hpp"
#include "fascia/core/treatment_ledger.hpp"

namespace fascia::core {

namespace {

std::string region_name(const KnowledgeBase& kb, const std::string& id) {
  const Region* r = kb.region(id);
  return r ? r->name : id;
}

// One loading session on one region, with the most pressure used there.
struct RegionSession {
  Date date{};
  Side side = Side::both;
  std::optional<int> pressure_used;
  std::optional<int> pressure_planned;  // most the plan asked for, when none was noted
  std::vector<std::string> stop_signs;  // signs that stopped a step on this region
};

// The most pressure (/10) the plan asked for in a logged step: the protocol
// step's range or its technique's, read back from the knowledge base. Used when
// the person did not note the pressure they used, so a cap lowered "below what
// was used" really is lower than what they were told to use.
std::optional<int> planned_pressure_max(const KnowledgeBase& kb, const SessionEntry& session, const StepLog& log) {
  std::optional<int> out;
  if (const Protocol* protocol = kb.protocol(session.protocol))
    for (const Step& step : protocol->steps) {
      if (step.technique != log.technique) continue;
      if (step.region != log.region && !(step.region == kTargetRegion && log.region == session.target_region)) continue;
      const Technique* technique = kb.technique(step.technique);
      const std::optional<IntRange> range = step.pressure ? step.pressure
                                            : technique   ? technique->pressure
                                                          : std::nullopt;
      if (range) out = std::max(out.value_or(0), range->max);
    }
  return out;
}

std::map<std::string, std::vector<RegionSession>> sessions_by_region(const KnowledgeBase& kb, const Journal& journal) {
  std::map<std::string, std::vector<RegionSession>> out;
  std::vector<const SessionEntry*> ordered;
  for (const auto& s : journal.sessions) ordered.push_back(&s);
  std::stable_sort(ordered.begin(), ordered.end(), [](auto* a, auto* b) { return a->date < b->date; });
  for (const SessionEntry* s : ordered) {
    std::map<std::string, RegionSession> here;
    for (const auto& step : s->steps) {
      if (step.status == StepStatus::skipped || !loads_tissue(step.modality)) continue;
      auto [it, fresh] = here.try_emplace(step.region, RegionSession{s->date, step.side, step.pressure_used, {}, {}});
      if (!step.stop_sign.empty()) it->second.stop_signs.push_back(step.stop_sign);
      if (const auto planned = planned_pressure_max(kb, *s, step))
        it->second.pressure_planned = std::max(it->second.pressure_planned.value_or(0), *planned);
      if (!fresh) {
        if (it->second.side != step.side) it->second.side = Side::both;
        if (step.pressure_used)
          it->second.pressure_used = std::max(it->second.pressure_used.value_or(0), *step.pressure_used);
      }
    }
    for (auto& [region, rs] : here) out[region].push_back(rs);
  }
  return out;
}

// Entries grouped per region in date order (ties keep journal order), so each
// session only looks at its own region's entries.
template <class Entry>
std::map<std::string, std::vector<const Entry*>> by_region(const std::vector<Entry>& entries) {
  std::map<std::string, std::vector<const Entry*>> out;
  for (const auto& e : entries) out[e.region].push_back(&e);
  for (auto& [region, list] : out)
    std::stable_sort(list.begin(), list.end(), [](const Entry* a, const Entry* b) { return a->date < b->date; });
  return out;
}

// The first entry of a date-ordered list dated `day` or later (binary search,
// so a long journal costs each session log n, not a scan from the start).
template <class Entry>
typename std::vector<const Entry*>::const_iterator first_from(const std::vector<const Entry*>& list, Date day) {
  return std::partition_point(list.begin(), list.end(), [&](const Entry* e) { return e->date < day; });
}

std::string describe(const ReactionEntry& e) {
  std::vector<std::string> parts;
  if (e.redness) parts.push_back("redness");
  if (e.red_dots) parts.push_back("red dots");
  if (e.bruising) parts.push_back("bruising");
  if (e.soreness > 0) parts.push_back("soreness " + std::to_string(e.soreness) + "/10");
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
  return out.empty() ? "nothing" : out;
}

}  // namespace

const RegionHistory* JournalAnalysis::region(const std::string& id) const {
  auto it = regions.find(id);
  return it == regions.end() ? nullptr : &it->second;
}

bool reaction_settled(const KnowledgeBase& kb, const ReactionEntry& e) {
  return !e.redness && !e.red_dots && !e.bruising && e.soreness <= kb.caps.soreness_resolved_at.value;
}

JournalAnalysis analyse_journal(const KnowledgeBase& kb, const Profile& profile, const Journal& journal) {
  JournalAnalysis out;
  const SafetyCaps& caps = kb.caps;
  const int worse_days = (caps.worse_after_hours.value + 23) / 24;
  const auto reactions_by_region = by_region(journal.reactions);
  const auto pain_by_region = by_region(journal.pain);
  const std::vector<const ReactionEntry*> no_reactions;
  const std::vector<const PainEntry*> no_pain;

  for (const auto& [region, sessions] : sessions_by_region(kb, journal)) {
    const auto reactions_it = reactions_by_region.find(region);
    const auto& reactions = reactions_it == reactions_by_region.end() ? no_reactions : reactions_it->second;
    const auto pain_it = pain_by_region.find(region);
    const auto& pains = pain_it == pain_by_region.end() ? no_pain : pain_it->second;
    RegionHistory& history = out.regions[region];
    const std::string name = region_name(kb, region);
    const Region* def = kb.region(region);
    const int ceiling = std::min(def && def->pressure_cap ? *def->pressure_cap : 10, caps.home_pressure_ceiling.value);

    for (std::size_t i = 0; i < sessions.size(); ++i) {
      const RegionSession& s = sessions[i];
      const Date until = i + 1 < sessions.size() ? sessions[i + 1].date : Date::max();

      // Bruising reported after this session and before the next one.
      bool bruised = false;
      for (auto it = first_from(reactions, s.date); it != reactions.end() && (*it)->date < until && !bruised; ++it)
        bruised = sides_overlap((*it)->side, s.side) && (*it)->bruising;
      // The next cap: below the pressure used (or the cap so far) by `step` points, never below 1/10.
      // `event` says what happened ("bruising after the session on …"), `after` the cap's cause.
      auto lower_cap = [&](int step, const std::string& rule, const std::string& event, const std::string& after,
                           const std::string& source) {
        const int used = s.pressure_used.value_or(s.pressure_planned.value_or(history.pressure_cap.value_or(ceiling)));
        const int cap = std::max(1, std::min(used, history.pressure_cap.value_or(ceiling)) - step);
        history.pressure_cap = cap;
        history.pressure_cap_reason = {rule, "pressure capped at " + std::to_string(cap) + "/10 " + after, source};
        out.adjustments.push_back(
            {s.date,
             region,
             {rule, name + ": " + event + ", so pressure is now capped at " + std::to_string(cap) + "/10", source}});
      };
      // A stop sign that asks for lighter pressure next time (e.g. broken skin).
      for (const std::string& id : s.stop_signs) {
        const auto sign = kb.stop_signs.find(id);
        if (sign == kb.stop_signs.end() || sign->second.lower_pressure_next_time <= 0) continue;
        std::string what = sign->second.name;
        if (!what.empty()) what[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));
        lower_cap(sign->second.lower_pressure_next_time, sign->second.id,
                  "the session on " + format_long_date(s.date) + " stopped for " + what, "after a stop for " + what,
                  sign->second.source);
      }
      if (bruised) {
        for (auto it = first_from(reactions, s.date); it != reactions.end() && (*it)->date < until; ++it)
          if (sides_overlap((*it)->side, s.side) && (*it)->bruising) {
            out.bruised.push_back({s.date, (*it)->date, region});
            break;
          }
        ++history.bruised_sessions;
        lower_cap(caps.bruise_pressure_step.value, "bruise-pressure-step",
                  "bruising after the session on " + format_long_date(s.date), "after bruising",
                  caps.bruise_pressure_step.source);
        if (history.bruised_sessions == caps.repeated_bruising_count.value)
          out.warnings.push_back({"repeated-bruising-count",
                                  name + ": bruising keeps coming back, which means the pressure is too deep. "
                                         "Work lighter; if it still bruises, ask a practitioner to check your technique.",
                                  caps.repeated_bruising_count.source});
      }

      // Pain worse some days after the session than just before it.
      // The last score for this side on or before the session's day, else the profile's.
      int before = -1;
      for (const auto& t : profile.regions)
        if (t.region == region) before = t.pain;
      for (auto it = first_from(pains, add_days(s.date, 1)); it != pains.begin();) {
        --it;
        if (sides_overlap((*it)->side, s.side)) {
          before = (*it)->score;
          break;
        }
      }
      const PainEntry* worse = nullptr;
      // A score on the next session's own day counts: it is the one taken before that session.
      for (auto it = first_from(pains, add_days(s.date, worse_days)); it != pains.end() && (*it)->date <= until; ++it)
        if (sides_overlap((*it)->side, s.side) && before >= 0 && (*it)->score > before) {
          worse = *it;
          break;
        }
      if (worse) out.worse_after.push_back({s.date, worse->date, region, before, worse->score});
      if (worse && history.dose != DoseLevel::minimal) {
        history.dose = static_cast<DoseLevel>(static_cast<int>(history.dose) + 1);
        out.adjustments.push_back(
            {worse->date, region,
             {"worse-after-hours",
              name + ": pain was " + std::to_string(worse->score) + "/10 on " + format_long_date(worse->date) +
                  ", up from " + std::to_string(before) + "/10 before the session on " + format_long_date(s.date) +
                  ", so the dose is lowered to " +
                  (history.dose == DoseLevel::reduced ? "the low end of each range" : "half the low end"),
              caps.worse_after_hours.source}});
      }
    }
  }
  std::stable_sort(out.adjustments.begin(), out.adjustments.end(),
                   [](const Adjustment& a, const Adjustment& b) { return a.date < b.date; });
  return out;
}

namespace {
std::vector<Reason> reaction_gate_one_side(const KnowledgeBase& kb, const Journal& journal, const std::string& region,
                                           Side side, Date day);
}  // namespace

std::vector<Reason> reaction_gate(const KnowledgeBase& kb, const Journal& journal, const std::string& region, Side side,
                                  Date day) {
  if (side != Side::both) return reaction_gate_one_side(kb, journal, region, side, day);
  // Both sides: each is released by its own check-in (or one for both), so a
  // settled left side says nothing about the right.
  std::vector<Reason> left = reaction_gate_one_side(kb, journal, region, Side::left, day);
  std::vector<Reason> right = reaction_gate_one_side(kb, journal, region, Side::right, day);
  // The same on both sides (one check-in for both, or none): said once, for both.
  const auto same = [](const Reason& a, const Reason& b) {
    return a.rule == b.rule && a.general == b.general && a.date == b.date && a.source == b.source;
  };
  if (std::equal(left.begin(), left.end(), right.begin(), right.end(), same))
    return reaction_gate_one_side(kb, journal, region, Side::both, day);
  left.insert(left.end(), right.begin(), right.end());
  return left;
}

namespace {
std::vector<Reason> reaction_gate_one_side(const KnowledgeBase& kb, const Journal& journal, const std::string& region,
                                           Side side, Date day) {
  std::vector<Reason> reasons;
  // The last instrument work on this tissue before `day`: a home session, or
  // a clinic treatment that counts as instrument work (issue 10: clinic work
  // waits for a settled check-in like home work does).
  std::optional<Date> last;
  for (const auto& s : journal.sessions)
    for (const auto& step : s.steps)
      if (step.status != StepStatus::skipped && step.modality == Modality::instrument && step.region == region &&
          sides_overlap(step.side, side) && s.date < day)
        last = std::max(last.value_or(s.date), s.date);
  bool last_in_clinic = false;
  for (const auto& t : journal.clinic_treatments) {
    const auto kind = kb.treatments.find(t.treatment);
    if (kind == kb.treatments.end() || kind->second.counts_as != Modality::instrument || t.date >= day) continue;
    for (const auto& where : t.regions)
      if (where.region == region && sides_overlap(where.side, side) && (!last || t.date > *last)) {
        last = t.date;
        last_in_clinic = true;
      }
  }
  if (!last) return reasons;
  // "the session on Monday, 23 November 2026" or "instrument work in clinic on …".
  const std::string after =
      (last_in_clinic ? "instrument work in clinic on " : "the session on ") + format_long_date(*last);

  const ReactionEntry* latest = nullptr;  // the last check-in since that session; later entries win ties
  for (const auto& e : journal.reactions)
    if (e.region == region && sides_overlap(e.side, side) && e.date >= *last && e.date <= day &&
        (!latest || e.date >= latest->date))
      latest = &e;

  const std::string name = region_name(kb, region);
  const std::string& source = kb.caps.checkin_after_hours.source;
  const Date earliest_checkin = checkin_counts_from(kb, *last);
  if (latest && !reaction_settled(kb, *latest)) {
    const std::string wait = "; wait until redness and soreness have settled, then log a check-in";
    // The side the check-in named, when it named one ("Base of the skull (left)").
    const Side where = latest->side == Side::left || latest->side == Side::right ? latest->side : side;
    const std::string area = area_label(name, where);
    reasons.push_back(about_area(
        {"reaction-unresolved",
         area + ": " + describe(*latest) + " logged on " + format_long_date(latest->date) + " after " + after + wait,
         source},
        region, name, where,
        describe(*latest) + " logged after the last " + (last_in_clinic ? "instrument work in clinic" : "session") +
            wait));
  } else if ((!latest || latest->date < earliest_checkin) && last_in_clinic) {
    // A clinic treatment is not a session of the person's: they check in on
    // each area it worked (fascia log reaction, or the Journal page).
    reasons.push_back(about_area({"reaction-unconfirmed",
                                  area_label(name, side) + ": no check-in since " + after +
                                      "; once redness and soreness have settled, check in on this area from " +
                                      format_long_date(earliest_checkin) + " on (fascia log reaction)",
                                  source},
                                 region, name, side,
                                 "no check-in since the last instrument work in clinic; once redness and soreness "
                                 "have settled, check in on each area it worked from {date} on (fascia log reaction)",
                                 earliest_checkin));
  } else if (!latest || latest->date < earliest_checkin) {
    // One check-in covers the whole session (fascia log checkin); it counts
    // only from `earliest_checkin` on (ADR 0003).
    reasons.push_back(about_area({"reaction-unconfirmed",
                                  area_label(name, side) + ": no check-in since " + after +
                                      "; once redness and soreness have settled, check in from " +
                                      format_long_date(earliest_checkin) + " on (fascia log checkin)",
                                  source},
                                 region, name, side,
                                 "no check-in since the last session; once redness and soreness have settled, "
                                 "check in for the whole session from {date} on (fascia log checkin)",
                                 earliest_checkin));
  }
  return reasons;
}

}  // namespace

std::vector<std::pair<std::string, Side>> instrument_areas(const SessionEntry& session) {
  std::vector<std::pair<std::string, Side>> out;
  for (const auto& step : session.steps) {
    if (step.modality != Modality::instrument || step.status == StepStatus::skipped) continue;
    auto it = std::find_if(out.begin(), out.end(), [&](const auto& p) { return p.first == step.region; });
    if (it == out.end())
      out.emplace_back(step.region, step.side);
    else if (it->second != step.side)
      it->second = Side::both;
  }
  return out;
}

Date checkin_counts_from(const KnowledgeBase& kb, Date session_day) {
  return add_days(session_day, (kb.caps.checkin_after_hours.value + 23) / 24);
}

}  // namespace fascia::core
