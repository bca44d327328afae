#include "fascia/cli/render_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <ostream>
#include <set>
#include <string_view>

#include "fascia/core/reason_groups.hpp"

namespace fascia::cli {

using core::ClearanceLevel;

namespace {

std::string range(const core::IntRange& r) {
  return r.min == r.max ? std::to_string(r.min) : std::to_string(r.min) + "–" + std::to_string(r.max);
}

// A step's dose in `unit`, with the aim after it unless the dose is that one
// number: "96 s", "60–120 s (aim: 90 s)".
std::string dose_with_aim(const core::PlannedStep& s, std::string_view unit) {
  std::string text = fmt::format("{} {}", range(s.dose), unit);
  if (s.dose.min != s.dose.max || s.dose.min != s.target) text += fmt::format(" (aim: {} {})", s.target, unit);
  return text;
}

std::string dose_text(const core::PlannedStep& s) {
  std::string text = dose_with_aim(s, s.unit == core::DoseUnit::strokes ? "strokes" : "s");
  if (s.per_side && s.side == core::Side::both) text += " per side";
  return text;
}

const char* level_headline(ClearanceLevel level) {
  switch (level) {
    case ClearanceLevel::emergency: return "EMERGENCY — call emergency services now (112 / 911 / 999). Do not self-treat.";
    case ClearanceLevel::urgent: return "URGENT — see a doctor today, before any self-treatment.";
    case ClearanceLevel::see_practitioner_first: return "See a practitioner first for what is listed below.";
    case ClearanceLevel::self_care_with_cautions: return "Self-care is possible, with the cautions below.";
    case ClearanceLevel::cleared: return "Cleared for self-care.";
  }
  return "";
}

// A finding's level in a few words, for a line in a list.
const char* level_phrase(ClearanceLevel level) {
  switch (level) {
    case ClearanceLevel::emergency: return "emergency";
    case ClearanceLevel::urgent: return "see a doctor the same day";
    case ClearanceLevel::see_practitioner_first: return "see a practitioner first";
    case ClearanceLevel::self_care_with_cautions: return "self-care with cautions";
    case ClearanceLevel::cleared: return "cleared";
  }
  return "";
}

// The questions answered yes, in their own words, separated by "; ".
std::string yes_answers(const core::KnowledgeBase& kb, const std::vector<std::string>& question_ids) {
  std::string out;
  for (const auto& id : question_ids) {
    const core::Question* question = kb.question(id);
    out += (out.empty() ? "" : "; ") + (question ? question->text : id);
  }
  return out;
}

}  // namespace

std::string area_name(const core::KnowledgeBase& kb, const std::string& region, core::Side side) {
  const core::Region* r = kb.region(region);
  return core::area_label(r ? r->name : region, side);
}

std::string clearance_recorder(const core::ClearanceEntry& clearance) {
  return clearance.by_practitioner ? "signed in fascia by the practitioner"
                                   : "entered by the person, not signed by a practitioner";
}

void print_disclaimer(std::ostream& out) {
  out << "fascia is not a diagnosis and not a medical device. It follows published self-care advice\n"
         "and tells you when to stop and see someone instead.\n";
}

void print_reason(std::ostream& out, const core::Reason& r, const char* indent) {
  out << indent << r.text;
  if (!r.source.empty()) out << " [" << r.source << "]";
  out << "\n";
}

namespace {
// Where a "see a practitioner" sends the person: the finder, with the need
// that says whom to look for (issue 11).
void print_finder_hint(std::ostream& out, const std::optional<std::string>& need, const char* indent) {
  if (!need) return;
  out << indent << "Find one near you, offline: fascia find --near 'YOUR TOWN' --need " << *need << "\n";
}
}  // namespace

void print_clearance(std::ostream& out, const core::KnowledgeBase& kb, const core::Clearance& c) {
  out << level_headline(c.level) << "\n";
  for (const auto& f : c.findings) {
    out << "  - " << f.advice << " [" << f.source << "]\n";
    print_finder_hint(out, f.finder_need, "    ");
    // "because of", not "you answered": a stop sign in a session sets the answer too.
    out << "    because of: " << yes_answers(kb, f.because) << "\n";
    if (!f.regions.empty()) {
      std::string names;
      for (const auto& r : f.regions) names += (names.empty() ? "" : ", ") + area_name(kb, r.region, r.side);
      out << "    applies to: " << names << "\n";
    }
    // Lifted by a clearance, held only by the latest answers: answering again is what is left.
    if (f.cleared) {
      std::string where;
      for (const auto& r : f.cleared_regions)
        where += (where.empty() ? " for " : ", ") + area_name(kb, r.region, r.side);
      out << "    cleared by " << f.cleared_by << " on " << core::format_long_date(*f.cleared) << where
          << "; your latest answers still say yes: answer the safety questions again (fascia screen)\n";
    }
  }
}

void print_distinct_reasons(std::ostream& out, const std::vector<core::Reason>& reasons) {
  std::set<std::pair<std::string, std::string>> said;
  for (const auto& r : reasons)
    if (said.insert({r.rule, r.text}).second) print_reason(out, r);
}

void print_session_outline(std::ostream& out, const core::KnowledgeBase& kb, const core::PlannedSession& s,
                           bool with_cues) {
  out << "  " << s.protocol_name;
  if (!s.target_region.empty()) out << " — " << area_name(kb, s.target_region, s.side);
  out << ", about " << s.estimated_minutes(kb) << " min\n";
  int n = 0;
  std::set<std::string> cued;  // a cue that applies to several steps is printed under the first
  for (const auto& step : s.steps) {
    out << fmt::format("    {}. {} — {}", ++n, step.technique_name, step.region_name);
    if (step.side != core::Side::both) out << " (" << core::to_string(step.side) << ")";
    if (!step.edge_name.empty()) out << ", " << step.edge_name;
    if (step.pressure) out << ", pressure " << range(*step.pressure) << "/10";
    out << ", " << dose_text(step);
    if (step.optional) out << " (only where needed)";
    out << "\n";
    if (!with_cues) continue;
    for (const auto& cue : step.cues)
      if (cued.insert(cue).second) out << "       cue: " << cue << "\n";
    for (const auto& caution : step.cautions)
      if (cued.insert(caution).second) out << "       caution: " << caution << "\n";
  }
}

void print_plan(std::ostream& out, const core::KnowledgeBase& kb, const core::Plan& plan) {
  if (plan.blocked) {
    out << "No self-treatment plan: screening says to get care first.\n";
    for (const auto& r : plan.blocked_by) print_reason(out, r);
    return;
  }
  if (plan.program_id != 0)  // as the web's Plan page says it
    out << "This plan follows the home program " << plan.assigned_by << " (" << plan.assigned_clinic << ") assigned on "
        << core::format_long_date(plan.assigned_on)
        << "; your own safety answers still apply ('fascia program' shows it).\n";
  out << "Program from " << core::format_long_date(plan.start) << " to " << core::format_long_date(plan.end)
      << "; review on " << core::format_long_date(plan.review) << (plan.program_id != 0 ? ".\n" : " (week 4).\n");
  for (const auto& e : plan.excluded) {
    const core::Region* region = kb.region(e.region);
    out << "Not in your plan: " << (region ? region->name : e.region) << " (" << core::to_string(e.side) << ")\n";
    for (const auto& r : e.reasons) print_reason(out, r, "    ");
    print_finder_hint(out, e.finder_need, "    ");
  }
  if (!plan.notes.empty()) {
    out << "Changes made to fit you:\n";
    print_distinct_reasons(out, plan.notes);
  }
  out << "\nSessions:\n";
  for (const auto& t : plan.templates) print_session_outline(out, kb, t);
  out << "\nCalendar:\n";
  for (const auto& d : plan.days) {
    out << "  " << core::format_long_date(d.date) << ":";
    for (const auto& s : d.sessions) out << "  " << s.protocol_name;
    if (d.date >= plan.review && (&d == &plan.days.front() || (&d - 1)->date < plan.review)) out << "   (after the week-4 review)";
    out << "\n";
  }
  if (plan.days.empty() && plan.templates.empty() && !plan.excluded.empty())
    out << "  nothing can be scheduled: every region you chose is left out (see 'Not in your plan' above).\n";
  else if (plan.days.empty())
    out << "  nothing can be scheduled with the days and tools you have.\n";
  out << "\nEvery day, alongside the sessions:\n";
  for (const auto& h : plan.habits) {
    auto it = kb.habits.find(h);
    if (it != kb.habits.end()) out << "  - " << it->second.name << ": " << it->second.description << "\n";
  }
}

// One bullet per rule and wording, its areas named once (core::group_reasons).
static void print_grouped_reasons(std::ostream& out, const std::vector<core::Reason>& reasons) {
  for (const auto& g : core::group_reasons(reasons)) {
    out << "    - ";
    for (std::size_t i = 0; i < g.areas.size(); ++i) out << (i ? ", " : "") << g.areas[i].name;
    if (!g.areas.empty()) out << ": ";
    out << g.text;
    if (!g.source.empty()) out << " [" << g.source << "]";
    out << "\n";
  }
}

void print_today(std::ostream& out, const core::KnowledgeBase& kb, const core::TodayView& v) {
  if (v.blocked) {
    out << "No self-treatment: screening says to get care first.\n";
    for (const auto& r : v.blocked_by) print_reason(out, r);
    if (v.next_condition) out << "Next session: " << *v.next_condition << ".\n";
    return;
  }
  out << "Today, " << core::format_long_date(v.date) << ":\n";
  if (!v.due.empty()) {
    for (const auto& s : v.due) print_session_outline(out, kb, s);
    out << "Start it with: fascia session\n";
    if (!v.not_today.empty()) {
      out << "  Not today:\n";
      print_grouped_reasons(out, v.not_today);
    }
  } else {
    out << "  No session today.";
    if (!v.due_after_checkin.empty()) {
      out << " Check in first: once you log a check-in with redness and soreness settled (the reasons below say "
             "how), today's session can be done: ";
      for (std::size_t i = 0; i < v.due_after_checkin.size(); ++i)
        out << (i == 0 ? "" : " and ") << v.due_after_checkin[i].protocol_name;
      out << ".";
    }
    const bool awaiting_checkin = std::any_of(v.not_today.begin(), v.not_today.end(), [](const core::Reason& r) {
      return r.rule == "reaction-unresolved" || r.rule == "reaction-unconfirmed";
    });
    if (v.next)
      out << (v.due_after_checkin.empty() ? " Next session: " : " If it has not settled yet, next session: ")
          << core::format_long_date(*v.next)
          << (awaiting_checkin ? ", once redness and soreness have settled and you have logged it." : ".");
    out << "\n  Why not today:\n";
    print_grouped_reasons(out, v.not_today);
    if (!v.next && v.next_condition) out << "  Next session: " << *v.next_condition << ".\n";
  }
  if (v.review_due) out << "The week-4 review is due: run 'fascia progress'.\n";
}

void print_card(std::ostream& out, const core::KnowledgeBase& kb, const core::StepCard& card, std::size_t number,
                std::size_t total) {
  const core::PlannedStep& s = *card.step;
  out << "\n── Step " << number << " of " << total << ": " << s.technique_name << " ──\n";
  if (card.switch_sides) out << ">> Switch sides: now the " << core::to_string(card.side) << " side.\n";
  out << "  Where:     " << s.region_name;
  if (card.side != core::Side::both) out << ", " << core::to_string(card.side) << " side";
  out << "\n";
  if (!s.edge_name.empty()) out << "  With:      " << s.edge_name << "\n";
  if (!s.direction.empty()) out << "  Direction: " << s.direction << "\n";
  if (s.pressure) out << "  Pressure:  " << range(*s.pressure) << " out of 10\n";
  out << "  Dose:      " << dose_with_aim(s, s.unit == core::DoseUnit::strokes ? "strokes" : "seconds") << "\n";
  if (!s.instruction.empty()) out << "  " << s.instruction << "\n";
  for (const auto& c : s.cues) out << "  · " << c << "\n";
  for (const auto& c : s.cautions) out << "  ! " << c << "\n";
  if (!s.stop_signs.empty()) {
    out << "  Stop if you feel:";
    for (const auto& id : s.stop_signs) {
      auto it = kb.stop_signs.find(id);
      out << " " << (it == kb.stop_signs.end() ? id : it->second.name) << ";";
    }
    out << "\n";
  }
}

void print_stop_outcome(std::ostream& out, const core::StopOutcome& o) {
  switch (o.action) {
    case core::StopAction::emergency: out << "EMERGENCY — call emergency services now.\n"; break;
    case core::StopAction::stop_session: out << "The session is over for today.\n"; break;
    case core::StopAction::stop_step: out << "This step is stopped.\n"; break;
  }
  for (const auto& r : o.advice) print_reason(out, r);
  print_finder_hint(out, o.finder_need, "");
}

void print_progress(std::ostream& out, const core::KnowledgeBase& kb, const core::Progress& p, ProgressReader reader) {
  out << "Pain (0–10) by region:\n";
  for (const auto& t : p.trends) {
    out << "  " << t.region_name << " (" << core::to_string(t.side) << "): start " << t.baseline;
    for (const auto& pt : t.points) out << " → " << pt.score;
    if (t.latest)
      out << fmt::format("   change {:+d} ({}%){}", -t.change, -t.change_percent, t.meaningful ? ", meaningful" : "");
    out << "\n";
  }
  out << "Sessions per week (done / planned):\n";
  for (const auto& w : p.weeks)
    out << fmt::format("  week of {}: {} / {}{}{}, habit check-ins {}\n", core::format_long_date(w.week_start), w.done,
                       w.planned, w.stopped ? fmt::format(", {} stopped", w.stopped) : "",
                       w.steps_skipped ? fmt::format(", {} steps skipped", w.steps_skipped) : "", w.habits);
  out << "Week-4 review (" << core::format_long_date(p.review.date) << "): " << core::to_string(p.review.state);
  if (p.review.state != core::ReviewState::not_yet)
    out << fmt::format(" — {} of {} planned sessions done before it", p.review.sessions_done,
                       p.review.sessions_planned);
  out << "\n";
  for (const auto& r : p.review.reasons) print_reason(out, r);
  if (p.review.see_practitioner) {
    out << "  → Please book a practitioner to reassess.\n";
    print_finder_hint(out, p.review.finder_need, "    ");
  }
  if (!p.adjustments.empty()) {
    out << "Changes the rules made:\n";
    for (const auto& a : p.adjustments) print_reason(out, a.reason, ("  " + core::format_long_date(a.date) + ": ").c_str());
  }
  for (const auto& w : p.warnings) print_reason(out, w, "  WARNING: ");
  if (p.treatments_elsewhere) out << "Treatments received elsewhere: " << p.treatments_elsewhere << "\n";
  if (!p.safety_findings.empty()) {
    out << "Warning signs (they stay until a practitioner clearance is recorded):\n";
    for (const auto& f : p.safety_findings) {
      out << "  " << core::format_long_date(f.raised) << ": " << level_phrase(f.level);
      if (!f.stop_sign.empty())
        out << ", raised by a stop sign in the session that day (" << f.stop_sign_name << ")";
      else if (!f.because.empty())
        out << ", because of: " << yes_answers(kb, f.because);
      out << " [" << f.source << "]";
      if (f.cleared)
        out << "\n    cleared on " << core::format_long_date(*f.cleared) << " by " << f.cleared_by << "\n";
      else
        out << (reader == ProgressReader::person
                    ? "\n    still in force: see a practitioner, then record it with 'fascia clear --by NAME'\n"
                    : "\n    still in force: once you have seen them, clear it with 'fascia practice clear CLIENT --as "
                      "NAME'\n");
    }
  }
  if (!p.clearances.empty()) {
    out << "Clearances recorded (who cleared, and who entered it):\n";
    for (const auto& c : p.clearances) {
      out << "  " << core::format_long_date(c.date) << " by " << c.by << " (" << clearance_recorder(c) << "): ";
      if (c.regions.empty()) out << "everything";
      for (std::size_t i = 0; i < c.regions.size(); ++i)
        out << (i ? ", " : "") << area_name(kb, c.regions[i].region, c.regions[i].side);
      if (!c.note.empty()) out << " — " << c.note;
      out << "\n";
    }
  }
}

void print_referral(std::ostream& out, const std::vector<core::ReferralSuggestion>& suggestions,
                    const std::vector<core::Reason>& warnings) {
  for (const auto& w : warnings) print_reason(out, w, "! ");
  out << "Pain there is often referred from these places (possibilities to explore, not a diagnosis):\n";
  for (const auto& s : suggestions) {
    out << fmt::format("  {:>3.0f}%  {}", s.score * 100, s.region_name);
    if (s.practitioner_only) out << " — practitioner-only: ask a practitioner to check it";
    out << "\n";
  }
  out << "Finding trigger points by touch is unreliable, so treat this as a starting point.\n";
}

std::vector<std::string> areas_awaiting_clearance(const core::KnowledgeBase& kb, const core::Clearance& clearance) {
  std::vector<std::string> out;
  for (const auto& f : clearance.findings) {
    if (!f.until_cleared) continue;
    // Lifted on every area: only the latest answers hold it (answer them again).
    if (f.cleared && f.cleared_regions.empty()) continue;
    if (f.regions.empty()) {
      out.push_back("every area (a warning sign that names no area)");
      continue;
    }
    for (const auto& r : f.regions) {
      // What of the area no clearance covers: both sides, one, or none.
      bool left = r.side == core::Side::both || r.side == core::Side::left;
      bool right = r.side == core::Side::both || r.side == core::Side::right;
      bool whole = r.side == core::Side::midline;
      for (const auto& c : f.cleared_regions) {
        if (c.region != r.region) continue;
        const bool all = c.side == core::Side::both || c.side == core::Side::midline;
        if (all || c.side == core::Side::left) left = false;
        if (all || c.side == core::Side::right) right = false;
        if (all) whole = false;
      }
      if (!left && !right && !whole) continue;
      const core::Side side = whole || (left && right) ? r.side : left ? core::Side::left : core::Side::right;
      const std::string name = area_name(kb, r.region, side);
      if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
    }
  }
  return out;
}

}  // namespace fascia::cli
