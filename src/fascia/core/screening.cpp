#include "fascia/core/screening.hpp"

#include <algorithm>
#include <limits>
#include <map>

#include "fascia/core/finder.hpp"
#include "fascia/core/reason_groups.hpp"
#include "fascia/core/wording.hpp"

namespace fascia::core {

namespace {

bool answered_yes(const ScreeningRecord& record, const std::string& question) {
  auto it = record.answers.find(question);
  return it != record.answers.end() && it->second.yes;
}

bool covers_region(const std::vector<RegionSide>& scope, const std::string& region, Side side) {
  return std::any_of(scope.begin(), scope.end(), [&](const RegionSide& r) {
    return r.region == region && same_region_sides_overlap(r.side, side);
  });
}

void add_region(std::vector<RegionSide>& scope, RegionSide r) {
  for (auto& have : scope)
    if (have.region == r.region) {
      if (have.side != r.side) have.side = have.side == Side::midline ? Side::midline : Side::both;
      return;
    }
  scope.push_back(std::move(r));
}

// Modalities that put load on tissue; movement and preparation are never blocked
// by a modality-scoped finding, but they are by a region-scoped one.
bool in_scope(const Finding& finding, const std::string& region, Side side, Modality modality) {
  if (finding.everything()) return true;
  const bool region_match = finding.regions.empty() || covers_region(finding.regions, region, side);
  const bool modality_match = finding.modalities.empty() ||
                              std::find(finding.modalities.begin(), finding.modalities.end(), modality) !=
                                  finding.modalities.end();
  return region_match && modality_match;
}

std::optional<int> lower_cap(std::optional<int> current, std::optional<int> other) {
  if (!other) return current;
  if (!current) return other;
  return std::min(*current, *other);
}

}  // namespace

bool Clearance::plan_allowed() const {
  for (const auto& f : findings) {
    if (f.level == ClearanceLevel::emergency || f.level == ClearanceLevel::urgent) return false;
    if (f.level == ClearanceLevel::see_practitioner_first && f.everything()) return false;
  }
  return true;
}

std::optional<ScreeningRecord> close_early_on_alarm(const KnowledgeBase& kb, const ScreeningRecord& record) {
  ScreeningRecord closed = record;
  for (const auto& q : kb.questions) closed.answers.try_emplace(q.id);  // Answer{} is "no"
  if (evaluate_screening(kb, closed).level < ClearanceLevel::urgent) return std::nullopt;
  return closed;
}

Result<void> validate_answers(const KnowledgeBase& kb, const ScreeningRecord& record) {
  for (const auto& q : kb.questions) {
    auto it = record.answers.find(q.id);
    if (it == record.answers.end())
      return fail(ErrorCode::precondition, "screening question '" + q.id + "' has no answer");
    const Answer& a = it->second;
    if (q.kind == QuestionKind::yes_no && !a.regions.empty())
      return fail(ErrorCode::invalid_argument, "screening question '" + q.id + "' takes yes or no, not regions");
    if (q.kind == QuestionKind::regions) {
      if (a.yes && a.regions.empty())
        return fail(ErrorCode::invalid_argument, "screening question '" + q.id + "': say which regions");
      for (const auto& r : a.regions) {
        const Region* region = kb.region(r.region);
        if (!region)
          return fail(ErrorCode::unknown_name, "screening question '" + q.id + "': unknown region '" + r.region +
                                                   "' (see: fascia kb list regions)");
        if (region->laterality == Laterality::midline && (r.side == Side::left || r.side == Side::right))
          return fail(ErrorCode::invalid_argument, "screening question '" + q.id + "': " + r.region +
                                                       " is a midline region and has no " +
                                                       std::string(to_string(r.side)) + " side");
        if (region->laterality == Laterality::paired && r.side == Side::midline)
          return fail(ErrorCode::invalid_argument, "screening question '" + q.id + "': " + r.region +
                                                       " has a left and a right side: say left, right or both");
      }
    }
  }
  for (const auto& [id, answer] : record.answers)
    if (!kb.question(id)) return fail(ErrorCode::unknown_name, "unknown screening question '" + id + "'");
  return {};
}

Clearance evaluate_screening(const KnowledgeBase& kb, const ScreeningRecord& record) {
  Clearance clearance;
  clearance.medical_clearance = answered_yes(record, kMedicalClearanceQuestion);
  for (const auto& rule : kb.screening_rules) {
    const bool all = std::all_of(rule.all_of.begin(), rule.all_of.end(),
                                 [&](const std::string& q) { return answered_yes(record, q); });
    const bool any = rule.any_of.empty() || std::any_of(rule.any_of.begin(), rule.any_of.end(),
                                                        [&](const std::string& q) { return answered_yes(record, q); });
    if (!all || !any) continue;

    Finding f;
    f.rule = rule.id;
    f.level = rule.level;
    for (const auto& q : rule.all_of) f.because.push_back(q);
    for (const auto& q : rule.any_of)
      if (answered_yes(record, q)) f.because.push_back(q);
    for (const auto& r : rule.regions) add_region(f.regions, {r, normal_side(kb, r, Side::both)});
    if (rule.answered_regions) {
      for (const auto& q : f.because)
        for (const auto& r : record.answers.at(q).regions) add_region(f.regions, {r.region, normal_side(kb, r.region, r.side)});
    }
    f.until_cleared = rule_until_cleared(kb, rule);
    f.modalities = rule.modalities;
    f.pressure_cap = rule.pressure_cap;
    f.gentle = rule.gentle;
    f.advice = rule.advice;
    f.source = rule.source;
    if (const FinderNeed* need = need_for_rule(kb, rule.id)) f.finder_need = need->id;
    clearance.findings.push_back(std::move(f));
  }
  std::stable_sort(clearance.findings.begin(), clearance.findings.end(),
                   [](const Finding& a, const Finding& b) { return a.level > b.level; });
  if (!clearance.findings.empty()) clearance.level = clearance.findings.front().level;
  return clearance;
}

Side normal_side(const KnowledgeBase& kb, const std::string& region, Side side) {
  const Region* r = kb.region(region);
  if (r && r->laterality == Laterality::midline) return Side::midline;
  return side == Side::midline ? Side::both : side;
}

bool rule_until_cleared(const KnowledgeBase& kb, const ScreeningRule& rule) {
  if (rule.until_cleared) return true;
  for (const auto& [id, sign] : kb.stop_signs) {
    if (sign.rescreen_question.empty()) continue;
    // A sign that marks an area (broken skin) ends with the answer, like any local finding.
    const Question* question = kb.question(sign.rescreen_question);
    if (question != nullptr && question->kind == QuestionKind::regions) continue;
    auto names = [&](const std::vector<std::string>& qs) {
      return std::find(qs.begin(), qs.end(), sign.rescreen_question) != qs.end();
    };
    if (names(rule.all_of) || names(rule.any_of)) return true;
  }
  return false;
}

namespace {

// A clearance covers a finding when it names everything, or every region and
// side of the finding's scope. A finding without regions needs a clearance for everything.
bool clearance_covers(const ClearanceEntry& c, const Finding& f) {
  if (c.regions.empty()) return true;
  if (f.regions.empty()) return false;
  return std::all_of(f.regions.begin(), f.regions.end(), [&](const RegionSide& r) {
    return std::any_of(c.regions.begin(), c.regions.end(), [&](const RegionSide& cr) {
      return cr.region == r.region && (cr.side == r.side || cr.side == Side::both || cr.side == Side::midline);
    });
  });
}

// Takes out of a finding's `scope` (not empty: empty means everything) what
// clearance `c` names: a whole region, or one side of a region held on both
// sides (the other side stays). True when nothing is left: the finding is lifted.
bool narrow_by_clearance(std::vector<RegionSide>& scope, const ClearanceEntry& c) {
  if (c.regions.empty() || scope.empty()) return false;
  std::erase_if(scope, [&](RegionSide& r) {
    for (const auto& cr : c.regions) {
      if (cr.region != r.region) continue;
      if (cr.side == r.side || cr.side == Side::both || cr.side == Side::midline) return true;
      if (r.side == Side::both) r.side = cr.side == Side::left ? Side::right : Side::left;
    }
    return false;
  });
  return scope.empty();
}

// The areas of `before` that are gone from `after` (narrow_by_clearance): a
// whole region, or the other side of one held on both sides.
std::vector<RegionSide> taken_out(const std::vector<RegionSide>& before, const std::vector<RegionSide>& after) {
  std::vector<RegionSide> out;
  for (const auto& r : before) {
    auto left = std::find_if(after.begin(), after.end(), [&](const RegionSide& a) { return a.region == r.region; });
    if (left == after.end())
      out.push_back(r);
    else if (left->side != r.side)
      out.push_back({r.region, left->side == Side::left ? Side::right : Side::left});
  }
  return out;
}

}  // namespace

void attribute_to_stop_signs(const KnowledgeBase& kb, const std::vector<SessionEntry>& sessions,
                             std::vector<FindingHistory>& history) {
  for (auto& h : history) {
    auto matches = [&](const std::string& id) {
      const auto sign = kb.stop_signs.find(id);
      return sign != kb.stop_signs.end() && !sign->second.rescreen_question.empty() &&
             std::find(h.because.begin(), h.because.end(), sign->second.rescreen_question) != h.because.end();
    };
    for (const auto& s : sessions) {
      if (s.date != h.raised || !h.stop_sign.empty()) continue;
      // Every sign of the stop, not only the most severe: the second may be the one that set the answer.
      std::vector<std::string> signs = s.stop_signs();
      for (const auto& step : s.steps) {
        signs.push_back(step.stop_sign);
        signs.insert(signs.end(), step.other_stop_signs.begin(), step.other_stop_signs.end());
      }
      // The session and its stopping step name the same signs: each once.
      std::vector<std::string> once;
      for (const auto& id : signs)
        if (std::find(once.begin(), once.end(), id) == once.end()) once.push_back(id);
      for (const auto& id : once) {
        if (!matches(id) || id == h.stop_sign) continue;
        const std::string& name = kb.stop_signs.at(id).name;
        if (h.stop_sign.empty()) {
          h.stop_sign = id;
          h.stop_sign_name = name;
        } else {
          // Another sign of the same stop raises it too: both are named.
          h.stop_sign_name += " and " + lower_first(name);
        }
      }
    }
  }
}

ScreeningState evaluate_screenings(const KnowledgeBase& kb, const std::vector<ScreeningRecord>& screenings,
                                   const std::vector<ClearanceEntry>& clearances) {
  ScreeningState state;
  if (screenings.empty()) return state;
  // Until-cleared findings in force, by rule id, with the screening that
  // raised them and their index into history.
  struct Active {
    Finding finding;
    std::size_t raised_by;  // index into screenings
    std::size_t history;    // index into state.history
  };
  std::vector<Active> active;
  // What clearances recorded after the latest answers lifted, by rule (the
  // latest clearance's day and who; the areas, empty for all of it).
  std::map<std::string, Finding> lifted_since_latest;
  constexpr std::size_t kAfterLatest = std::numeric_limits<std::size_t>::max();
  // Lifts what clearances recorded before screening `next` cover. A clearance
  // lifts only findings raised before it was recorded, and dated no earlier.
  auto lift = [&](std::size_t next) {
    std::erase_if(active, [&](Active& a) {
      for (const auto& c : clearances) {
        if (c.after_screenings > next || c.after_screenings <= a.raised_by || c.date < *a.finding.raised) continue;
        // A clearance for some of the areas lifts the finding there; the rest stays out.
        const std::vector<RegionSide> before = a.finding.regions;
        const bool all = clearance_covers(c, a.finding) || narrow_by_clearance(a.finding.regions, c);
        if (next == kAfterLatest && (all || a.finding.regions != before)) {
          Finding& lifted = lifted_since_latest[a.finding.rule];
          lifted.cleared = c.date;
          lifted.cleared_by = c.by;
          if (all)
            lifted.cleared_regions.clear();
          else
            for (auto& r : taken_out(before, a.finding.regions)) add_region(lifted.cleared_regions, std::move(r));
        }
        if (all) {
          state.history[a.history].cleared = c.date;
          state.history[a.history].cleared_by = c.by;
          state.history[a.history].cleared_by_practitioner = c.by_practitioner;
          return true;
        }
      }
      return false;
    });
  };
  // The first day of each rule's current run of consecutive screenings that
  // raise it: a finding that lifts with the answers is "raised" then.
  std::map<std::string, Date> run_start;
  for (std::size_t i = 0; i < screenings.size(); ++i) {
    const auto& record = screenings[i];
    lift(i);
    const std::vector<Finding> findings = evaluate_screening(kb, record).findings;
    std::map<std::string, Date> runs;
    for (const auto& f : findings) runs.emplace(f.rule, run_start.contains(f.rule) ? run_start[f.rule] : record.date);
    run_start = std::move(runs);
    for (auto f : findings) {
      if (!f.until_cleared) continue;
      auto it = std::find_if(active.begin(), active.end(), [&](const Active& a) { return a.finding.rule == f.rule; });
      if (it != active.end()) {
        // Raised again: its whole scope is back, and only a clearance
        // recorded after this screening can lift it (or part of it).
        for (const auto& r : f.regions) add_region(it->finding.regions, r);
        it->raised_by = i;
        continue;
      }
      f.raised = record.date;
      state.history.push_back({f.rule, f.level, record.date, f.because, f.regions, std::nullopt, "", f.source});
      active.push_back({std::move(f), i, state.history.size() - 1});
    }
  }
  lift(kAfterLatest);

  state.clearance = evaluate_screening(kb, screenings.back());
  for (auto& f : state.clearance.findings) {
    if (!f.until_cleared) f.raised = run_start[f.rule];
    for (const auto& a : active)
      if (a.finding.rule == f.rule) {
        f.raised = a.finding.raised;
        for (const auto& r : a.finding.regions) add_region(f.regions, r);
      }
    if (auto it = lifted_since_latest.find(f.rule); it != lifted_since_latest.end()) {
      f.cleared = it->second.cleared;
      f.cleared_by = it->second.cleared_by;
      f.cleared_regions = it->second.cleared_regions;
    }
  }
  for (const auto& [f, raised_by, history] : active) {
    const bool present = std::any_of(state.clearance.findings.begin(), state.clearance.findings.end(),
                                     [&](const Finding& x) { return x.rule == f.rule; });
    if (present) continue;
    Finding carried = f;
    carried.carried = true;
    carried.advice += " (In force since " + format_long_date(*f.raised) +
                      "; it stays until you record that a practitioner has seen you and cleared it.)";
    state.clearance.findings.push_back(std::move(carried));
  }
  std::stable_sort(state.clearance.findings.begin(), state.clearance.findings.end(),
                   [](const Finding& a, const Finding& b) { return a.level > b.level; });
  state.clearance.level =
      state.clearance.findings.empty() ? ClearanceLevel::cleared : state.clearance.findings.front().level;
  return state;
}

bool cleared_where(const Finding& f, const Reason& r) {
  if (!f.cleared) return false;
  if (f.cleared_regions.empty()) return true;
  const auto side = side_from_string(r.side);
  return std::any_of(f.cleared_regions.begin(), f.cleared_regions.end(), [&](const RegionSide& c) {
    return c.region == r.region && side && (c.side == *side || c.side == Side::both || c.side == Side::midline);
  });
}

RegionAccess region_access(const KnowledgeBase& kb, const Clearance& clearance, const std::string& region_id,
                           Modality modality) {
  return region_access(kb, clearance, region_id, Side::both, modality);
}

RegionAccess region_access(const KnowledgeBase& kb, const Clearance& clearance, const std::string& region_id,
                           Side side, Modality modality) {
  RegionAccess access;
  const Region* region = kb.region(region_id);
  if (!region) {
    access.allowed = false;
    access.reasons.push_back({"unknown-region", "'" + region_id + "' is not a known region", ""});
    return access;
  }
  if (region->region_class == RegionClass::practitioner_only) {
    access.allowed = false;
    access.reasons.push_back({"practitioner-only", region->name + " is practitioner-only: " + region->note, region->source});
  }
  if (region->region_class == RegionClass::needs_medical_clearance && !clearance.medical_clearance) {
    access.allowed = false;
    access.reasons.push_back(
        {"needs-medical-clearance", region->name + " needs a clinician's clearance first: " + region->note, region->source});
  }
  access.pressure_cap = lower_cap(region->pressure_cap, kb.caps.home_pressure_ceiling.value);
  for (const auto& f : clearance.findings) {
    if (!in_scope(f, region_id, side, modality)) continue;
    switch (f.level) {
      case ClearanceLevel::emergency:
      case ClearanceLevel::urgent:
      case ClearanceLevel::see_practitioner_first: {
        access.allowed = false;
        // About this area, so that "why not today" can name every area a rule leaves out once.
        Reason r = about_area({f.rule, "", f.source}, region_id, region->name, side,
                              "left out because of your screening answers: " + f.advice);
        r.text = r.area + ": " + r.general;
        access.reasons.push_back(std::move(r));
        break;
      }
      case ClearanceLevel::self_care_with_cautions:
        access.pressure_cap = lower_cap(access.pressure_cap, f.pressure_cap);
        access.gentle = access.gentle || f.gentle;
        access.reasons.push_back({f.rule, f.advice, f.source});
        break;
      case ClearanceLevel::cleared:
        break;
    }
  }
  return access;
}

}  // namespace fascia::core
