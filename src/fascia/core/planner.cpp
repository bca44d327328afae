#include "fascia/core/planner.hpp"

#include <algorithm>

#include "fascia/core/finder.hpp"
#include "fascia/core/plan_check.hpp"
#include "fascia/core/protocol_adapter.hpp"
#include "fascia/core/reason_groups.hpp"

namespace fascia::core {

namespace {

std::string name_of(const KnowledgeBase& kb, const std::string& region) {
  const Region* r = kb.region(region);
  return r ? r->name : region;
}

// Adds a note unless the same one is there: the same change made to several
// steps (a program's lower pressure on each) is said once.
void add_note(std::vector<Reason>& notes, const Reason& note) {
  if (std::find(notes.begin(), notes.end(), note) == notes.end()) notes.push_back(note);
}

int program_weeks(const KnowledgeBase& kb, const Profile& profile) {
  return std::clamp(profile.weeks, kb.caps.program_weeks_min.value, kb.caps.program_weeks_max.value);
}

// Protocols that can treat `region`, best first: one built around the region
// (its first loading step), then a generic one, then one that only touches
// the region on the way (the neck protocol for the upper back alone); within
// each, instrument work before compression before pressure.
std::vector<const Protocol*> candidates_for(const KnowledgeBase& kb, const std::string& region) {
  auto rank = [&](const Protocol& p) {
    int best = 9;
    std::string primary;
    for (const auto& s : p.steps) {
      const Technique* t = kb.technique(s.technique);
      if (!t || !loads_tissue(t->modality)) continue;
      if (primary.empty()) primary = s.region;
      const int r = t->modality == Modality::instrument ? 0 : t->modality == Modality::compression ? 1 : 2;
      best = std::min(best, r);
    }
    const int specificity = p.generic() ? 1 : primary == region ? 0 : 2;
    return specificity * 10 + best;
  };
  std::vector<const Protocol*> out;
  for (const auto& [id, p] : kb.protocols) {
    const bool names_region = std::any_of(p.steps.begin(), p.steps.end(), [&](const Step& s) { return s.region == region; });
    const bool eligible = std::find(p.eligible_regions.begin(), p.eligible_regions.end(), region) != p.eligible_regions.end();
    if (names_region || eligible) out.push_back(&p);
  }
  std::stable_sort(out.begin(), out.end(), [&](auto* a, auto* b) { return rank(*a) < rank(*b); });
  return out;
}

int target_pain(const Profile& profile, const PlannedSession& s) {
  int pain = 0;
  for (const auto& t : profile.regions)
    for (const auto& step : s.steps)
      if (step.region == t.region) pain = std::max(pain, t.pain);
  return pain;
}

bool covers(const PlannedSession& s, const RegionTarget& target) {
  return std::any_of(s.steps.begin(), s.steps.end(), [&](const PlannedStep& step) {
    return loads_tissue(step.modality) && step.region == target.region && sides_overlap(step.side, target.side);
  });
}

}  // namespace

std::vector<Reason> scheduling_blockers(const PlanInputs& in, const TreatmentLedger& ledger,
                                        const std::vector<PlanDay>& planned, const PlannedSession& session,
                                        Date day) {
  std::vector<Reason> reasons;
  const KnowledgeBase& kb = in.kb;

  // The protocol's own rhythm: no more than its sessions per week.
  if (const Protocol* protocol = kb.protocol(session.protocol)) {
    const Date after = add_days(day, -7);
    int recent = 0;
    auto same = [&](const std::string& id, const std::string& target, Side side) {
      return id == session.protocol && target == session.target_region && sides_overlap(side, session.side);
    };
    for (const auto& s : in.journal.sessions)
      if (same(s.protocol, s.target_region, s.side) && s.date > after && s.date <= day) ++recent;
    for (const auto& d : planned)
      for (const auto& s : d.sessions)
        if (same(s.protocol, s.target_region, s.side) && d.date > after && d.date <= day) ++recent;
    if (recent >= protocol->sessions_per_week) {
      const std::string text = protocol->name + ": " + std::to_string(recent) +
                               " in the last 7 days already; it is done " +
                               std::to_string(protocol->sessions_per_week) + " times a week at most";
      const Region* target = kb.region(session.target_region);
      reasons.push_back(session.target_region.empty()
                            ? Reason{"sessions-per-week", text, protocol->source}
                            : about_area({"sessions-per-week", text, protocol->source}, session.target_region,
                                         target ? target->name : session.target_region, session.side, text));
    }
  }

  for (Modality m : {Modality::instrument, Modality::compression, Modality::pressure, Modality::percussion})
    for (const auto& [region, side] : session.regions_worked(m)) {
      auto r = ledger.cap_conflicts(kb, region, side, m, day);
      reasons.insert(reasons.end(), r.begin(), r.end());
      if (m == Modality::instrument && day == in.today) {
        auto gate = reaction_gate(kb, in.journal, region, side, day);
        reasons.insert(reasons.end(), gate.begin(), gate.end());
      }
    }
  return reasons;
}

Plan build_plan(const PlanInputs& in) {
  const KnowledgeBase& kb = in.kb;
  Plan plan;
  const HomeProgram* program = in.program;
  if (program) {
    plan.start = program->start;
    plan.end = program_end(*program);
    plan.review = program->review;
    plan.program_id = program->id;
    plan.program_version = program->version;
    plan.assigned_by = program->practitioner;
    plan.assigned_clinic = program->clinic;
    plan.assigned_on = program->assigned;
  } else {
    plan.start = in.profile.start;
    plan.end = add_days(plan.start, program_weeks(kb, in.profile) * 7 - 1);
    plan.review = add_days(plan.start, kb.caps.review_week.value * 7);
  }
  for (const auto& [id, habit] : kb.habits) plan.habits.push_back(id);

  if (!in.clearance.plan_allowed()) {
    plan.blocked = true;
    for (const auto& f : in.clearance.findings)
      if (f.level >= ClearanceLevel::see_practitioner_first && (f.everything() || f.level >= ClearanceLevel::urgent))
        plan.blocked_by.push_back({f.rule, f.advice, f.source});
    return plan;
  }

  std::set<std::string> tools = in.tools;
  tools.insert("hands");
  const JournalAnalysis history = analyse_journal(kb, in.profile, in.journal);
  // What to plan: the program's items, each with its one protocol, or one
  // protocol per profile region, chosen from the library.
  struct Choice {
    RegionTarget target;
    std::vector<const Protocol*> candidates;
    const ProgramItem* item = nullptr;
  };
  std::vector<Choice> choices;
  if (program) {
    for (const auto& item : program->items) {
      RegionTarget target{item.target.region, item.target.side, 0};
      for (const auto& t : in.profile.regions)
        if (t.region == target.region) target.pain = t.pain;
      const Protocol* p = kb.protocol(item.protocol);
      choices.push_back({target, p ? std::vector<const Protocol*>{p} : std::vector<const Protocol*>{}, &item});
    }
  } else {
    for (const auto& target : in.profile.regions) choices.push_back({target, candidates_for(kb, target.region), nullptr});
  }

  // Choose one adapted protocol per target region, reusing one that already covers it.
  for (const auto& [target, candidates, item] : choices) {
    AdaptContext ctx{kb, in.profile, tools, in.clearance, history, nullptr, nullptr, {}};
    if (program) {
      ctx.assigned = item;
      ctx.clinic_only = &program->clinic_only;
      ctx.assigned_by = program->practitioner;
    }
    if (!program &&
        std::any_of(plan.templates.begin(), plan.templates.end(), [&](auto& s) { return covers(s, target); }))
      continue;
    RegionTarget planned = target;
    RegionAccess access = region_access(kb, in.clearance, target.region, target.side, Modality::movement);
    if (!access.allowed && target.side == Side::both) {
      // One side excluded by screening: plan the other side alone, and say so.
      for (auto [keep, drop] : {std::pair{Side::right, Side::left}, std::pair{Side::left, Side::right}}) {
        if (!region_access(kb, in.clearance, target.region, keep, Modality::movement).allowed) continue;
        const RegionAccess dropped = region_access(kb, in.clearance, target.region, drop, Modality::movement);
        plan.excluded.push_back({target.region, drop, dropped.reasons});
        for (const auto& r : dropped.reasons)
          plan.notes.push_back({r.rule,
                                name_of(kb, target.region) + ", " + std::string(to_string(drop)) +
                                    " side: left out by screening rule " + r.rule + "; only the " +
                                    std::string(to_string(keep)) + " side is planned",
                                r.source});
        planned.side = keep;
        access = region_access(kb, in.clearance, target.region, keep, Modality::movement);
        break;
      }
    }
    if (!access.allowed) {
      plan.excluded.push_back({target.region, target.side, access.reasons});
      continue;
    }
    std::vector<Reason> why_not;
    bool chosen = false;
    for (const Protocol* p : candidates) {
      AdaptedProtocol adapted = adapt_protocol(ctx, *p, planned);
      if (adapted.session) {
        for (const auto& s : adapted.session->steps)
          for (const auto& a : s.adaptations) add_note(plan.notes, a);
        for (const auto& d : adapted.dropped) add_note(plan.notes, d);
        plan.templates.push_back(std::move(*adapted.session));
        chosen = true;
        break;
      }
      why_not.insert(why_not.end(), adapted.dropped.begin(), adapted.dropped.end());
    }
    if (!chosen) {
      if (why_not.empty()) why_not.push_back({"no-protocol", "no protocol in the library treats this region", ""});
      plan.excluded.push_back({target.region, target.side, why_not});
    }
  }
  std::stable_sort(plan.templates.begin(), plan.templates.end(), [&](auto& a, auto& b) {
    return target_pain(in.profile, a) > target_pain(in.profile, b);
  });

  // Place sessions day by day, honouring weekdays, each protocol's weekly
  // rhythm, the person's minutes, and every cap against past and planned work.
  TreatmentLedger ledger = TreatmentLedger::from_journal(kb, in.journal);
  const Date first = std::max(plan.start, in.today);
  std::vector<int> placed(plan.templates.size(), 0);
  const std::vector<int>& weekdays = program ? program->weekdays : in.profile.weekdays;
  for (Date day = first; day <= plan.end; day = add_days(day, 1)) {
    const int wd = weekday_index(day);
    if (std::find(weekdays.begin(), weekdays.end(), wd) == weekdays.end()) continue;
    // Least-served protocol first, so one long session cannot crowd out the others.
    std::vector<std::size_t> order(plan.templates.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return placed[a] < placed[b]; });
    PlanDay plan_day{day, {}};
    int minutes = 0;
    for (std::size_t i : order) {
      const PlannedSession& t = plan.templates[i];
      const int m = t.estimated_minutes(kb);
      if (!plan_day.sessions.empty() && minutes + m > in.profile.minutes_per_session) continue;
      if (!scheduling_blockers(in, ledger, plan.days, t, day).empty()) continue;
      ledger.add_session(day, t);
      plan_day.sessions.push_back(t);
      minutes += m;
      ++placed[i];
    }
    if (!plan_day.sessions.empty()) plan.days.push_back(std::move(plan_day));
  }
  for (std::size_t i = 0; i < plan.templates.size(); ++i) {
    const PlannedSession& t = plan.templates[i];
    const int m = t.estimated_minutes(kb);
    if (m > in.profile.minutes_per_session)
      plan.notes.push_back({"minutes-per-session",
                            t.protocol_name + " takes about " + std::to_string(m) + " min, more than the " +
                                std::to_string(in.profile.minutes_per_session) +
                                " you have; it is planned alone on its days",
                            ""});
    if (placed[i] == 0 && first <= plan.end)
      plan.notes.push_back({"not-scheduled",
                            t.protocol_name + " could not be placed on any of your days before " +
                                format_long_date(plan.end) + "; add days or minutes, or it waits for the caps to allow it",
                            ""});
  }

  // Defence in depth: the independent checker must find nothing; anything it
  // flags is removed rather than shown.
  auto violations = check_plan(kb, in.clearance, history, in.journal, plan);
  if (program) {
    auto more = check_plan_follows_program(kb, *program, plan);
    violations.insert(violations.end(), more.begin(), more.end());
  }
  for (const auto& v : violations)
    for (auto& d : plan.days)
      if (d.date == v.date)
        plan.removed_by_final_check +=
            static_cast<int>(std::erase_if(d.sessions, [&](auto& s) { return s.protocol == v.protocol; }));
  std::erase_if(plan.days, [](const PlanDay& d) { return d.sessions.empty(); });
  // An area left out says whom to see: who treats a practitioner-only
  // area, or what the warning sign that left it out sends the person for.
  for (auto& e : plan.excluded) {
    const Region* region = kb.region(e.region);
    const FinderNeed* need = region != nullptr && region->region_class == RegionClass::practitioner_only
                                 ? need_for_region(kb, e.region)
                                 : nullptr;
    for (std::size_t i = 0; need == nullptr && i < e.reasons.size(); ++i) need = need_for_rule(kb, e.reasons[i].rule);
    if (need != nullptr) e.finder_need = need->id;
  }
  return plan;
}

namespace {

const Finding* finding_for(const Clearance& clearance, const std::string& rule) {
  for (const auto& f : clearance.findings)
    if (f.rule == rule) return &f;
  return nullptr;
}

// What must happen before a session is possible again, from the reasons that
// stand in the way: a practitioner for warning signs, new answers for local
// findings and for warning signs a recorded clearance has lifted while the
// latest answers still raise them, a profile change otherwise.
std::string condition_for(const Clearance& clearance, const std::vector<Reason>& reasons) {
  bool practitioner = false;
  bool rescreen = false;
  const Finding* answer_again = nullptr;
  for (const auto& r : reasons)
    if (const Finding* f = finding_for(clearance, r.rule)) {
      if (f->until_cleared && cleared_where(*f, r))
        answer_again = f;
      else if (f->until_cleared)
        practitioner = true;
      else if (f->level >= ClearanceLevel::see_practitioner_first)
        rescreen = true;
    }
  // A clearance lifts a sign carried from earlier answers; one the latest
  // answers still raise needs those answers given again too.
  if (practitioner)
    return "after a practitioner has seen you and their clearance is recorded; if your latest safety answers still "
           "say yes, answer them again";
  if (answer_again)
    return "after you answer the safety questions again: the clearance by " + answer_again->cleared_by + " on " +
           format_long_date(*answer_again->cleared) + " is recorded, but your latest answers still say yes";
  if (rescreen) return "after the area has healed or been checked and you answer the screening again";
  return "after you change your regions, days, minutes or tools";
}

// The sessions today's plan would hold if every area whose check-in the
// rules wait for, and may already be logged today ("reaction-unconfirmed"
// dated today or earlier), had a settled one today: the plan rebuilt from
// the same inputs with those check-ins added. Empty when none is waited for
// or a check-in would not make anything due today. Nothing is recorded: a
// session still starts only from the real journal (TodayView::due).
std::vector<PlannedSession> due_once_checked_in(const PlanInputs& in, const std::vector<Reason>& not_today) {
  Journal with_checkins = in.journal;
  for (const auto& r : not_today) {
    if (r.rule != "reaction-unconfirmed" || !r.date || *r.date > in.today || r.region.empty()) continue;
    const Side side = side_from_string(r.side).value_or(Side::both);
    with_checkins.reactions.push_back({.date = in.today, .region = r.region, .side = side});
  }
  if (with_checkins.reactions.size() == in.journal.reactions.size()) return {};
  const PlanInputs checked_in{in.kb, in.profile, in.tools, in.clearance, with_checkins, in.today, in.program};
  for (const auto& d : build_plan(checked_in).days)
    if (d.date == in.today) return d.sessions;
  return {};
}

}  // namespace

TodayView today_view(const PlanInputs& in, const Plan& plan) {
  TodayView view;
  view.date = in.today;
  view.blocked = plan.blocked;
  view.blocked_by = plan.blocked_by;
  view.review_due = in.today >= plan.review;
  view.finished = in.today > plan.end;
  if (plan.blocked) {
    view.next_condition = condition_for(in.clearance, view.blocked_by);
    return view;
  }
  for (const auto& d : plan.days) {
    if (d.date == in.today) view.due = d.sessions;
    if (d.date > in.today) {
      view.next = d.date;
      break;
    }
  }
  if (!view.due.empty()) {
    // Something is due; each other chosen protocol says why it is not.
    const TreatmentLedger ledger = TreatmentLedger::from_journal(in.kb, in.journal);
    for (const auto& t : plan.templates) {
      const bool is_due = std::any_of(view.due.begin(), view.due.end(), [&](const PlannedSession& s) {
        return s.protocol == t.protocol && s.target_region == t.target_region && s.side == t.side;
      });
      if (is_due) continue;
      auto reasons = scheduling_blockers(in, ledger, {}, t, in.today);
      view.not_today.insert(view.not_today.end(), reasons.begin(), reasons.end());
    }
    return view;
  }

  const int wd = weekday_index(in.today);
  const std::vector<int>& weekdays = in.program ? in.program->weekdays : in.profile.weekdays;
  const bool available = std::find(weekdays.begin(), weekdays.end(), wd) != weekdays.end();
  if (in.today < plan.start)
    view.not_today.push_back({"before-start", "the program starts on " + format_long_date(plan.start), "", "", "", "",
                              "the program starts on {date}", plan.start});
  else if (view.finished)
    view.not_today.push_back({"program-finished", "the program ended on " + format_long_date(plan.end), "", "", "", "",
                              "the program ended on {date}", plan.end});
  else if (!available)
    view.not_today.push_back({"day-not-available",
                              std::string(weekday_name(wd)) + " is not one of your days for self-treatment", ""});
  const TreatmentLedger ledger = TreatmentLedger::from_journal(in.kb, in.journal);
  for (const auto& t : plan.templates) {
    auto reasons = scheduling_blockers(in, ledger, {}, t, in.today);
    view.not_today.insert(view.not_today.end(), reasons.begin(), reasons.end());
  }
  // Nothing chosen at all: every region was left out (screening, region
  // class, tools); those are the reasons.
  std::vector<Reason> left_out;
  if (plan.templates.empty()) {
    for (const auto& e : plan.excluded) left_out.insert(left_out.end(), e.reasons.begin(), e.reasons.end());
    if (left_out.empty()) left_out = plan.notes;
    if (left_out.empty())
      left_out.push_back({"nothing-planned", "none of your regions can be treated with the protocols in the library", ""});
    view.not_today.insert(view.not_today.end(), left_out.begin(), left_out.end());
  }
  if (view.not_today.empty())
    view.not_today.push_back(
        {"no-session-planned",
         view.next ? "the plan has no session on this day; the next one is on " + format_long_date(*view.next)
                   : "no session fits on this day within the caps, your days and your minutes",
         ""});
  view.due_after_checkin = due_once_checked_in(in, view.not_today);
  if (!view.next && !view.finished) view.next_condition = condition_for(in.clearance, left_out);
  // A finished program has no next date; say what starts the next one.
  if (!view.next && view.finished)
    view.next_condition = "after you set up a new program (a new start date in your profile), once you have reviewed "
                          "this one";
  return view;
}

}  // namespace fascia::core
