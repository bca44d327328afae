// Runs a golden scenario through the same steps as the app (validate what the
// person entered, expand kits, screen, plan, today, progress, check the plan)
// and compares the outcome with what the file expects.
#include <algorithm>
#include <set>
#include <sstream>

#include "fascia/app/tool_inventory.hpp"
#include "fascia/app/validate.hpp"
#include "golden/scenario.hpp"

namespace golden {

namespace {

using core::Date;

std::string label(const core::PlannedSession& s) {
  return s.target_region.empty() ? s.protocol : s.protocol + " for " + s.target_region;
}

std::vector<std::string> labels(const std::vector<core::PlannedSession>& sessions) {
  std::vector<std::string> out;
  for (const auto& s : sessions) out.push_back(label(s));
  return out;
}

template <class T>
std::vector<T> sorted(std::vector<T> v) {
  std::sort(v.begin(), v.end());
  return v;
}

std::vector<std::string> distinct(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

std::string join(const std::vector<std::string>& v) {
  std::string out = "[";
  for (std::size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + v[i];
  return out + "]";
}

std::vector<std::string> rules_of(const std::vector<core::Reason>& reasons) {
  std::vector<std::string> out;
  for (const auto& r : reasons) out.push_back(r.rule);
  return out;
}

bool contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// Every planned step, from the templates and from every dated session.
std::vector<const core::PlannedStep*> planned_steps(const core::Plan& plan) {
  std::vector<const core::PlannedStep*> out;
  for (const auto& t : plan.templates)
    for (const auto& s : t.steps) out.push_back(&s);
  for (const auto& d : plan.days)
    for (const auto& t : d.sessions)
      for (const auto& s : t.steps) out.push_back(&s);
  return out;
}

std::vector<std::string> actual_excluded(const core::Plan& plan) {
  std::vector<std::string> out;
  for (const auto& e : plan.excluded) out.push_back(e.region);
  return out;
}

std::vector<std::string> actual_modalities(const core::Plan& plan) {
  std::vector<std::string> out;
  for (const auto* s : planned_steps(plan)) out.emplace_back(core::to_string(s->modality));
  return distinct(out);
}

std::vector<std::string> actual_edges(const core::Plan& plan) {
  std::vector<std::string> out;
  for (const auto* s : planned_steps(plan))
    if (!s->edge.empty()) out.push_back(s->edge);
  return distinct(out);
}

int sessions_in(const core::Plan& plan, Date from, Date to) {
  int n = 0;
  for (const auto& d : plan.days)
    if (d.date >= from && d.date <= to) n += static_cast<int>(d.sessions.size());
  return n;
}

int sessions_total(const core::Plan& plan) {
  int n = 0;
  for (const auto& d : plan.days) n += static_cast<int>(d.sessions.size());
  return n;
}

std::optional<Date> first_session(const core::Plan& plan) {
  if (plan.days.empty()) return std::nullopt;
  return plan.days.front().date;
}

// Regions the person asked for that no dated session loads and no exclusion
// explains. A blocked plan explains itself.
std::vector<std::string> silently_dropped(const core::Profile& profile, const core::Plan& plan) {
  std::vector<std::string> out;
  if (plan.blocked) return out;
  for (const auto& target : profile.regions) {
    const bool excluded = std::any_of(plan.excluded.begin(), plan.excluded.end(),
                                      [&](const core::Exclusion& e) { return e.region == target.region; });
    bool planned = false;
    for (const auto& d : plan.days)
      for (const auto& s : d.sessions)
        for (const auto& st : s.steps)
          planned = planned || (core::loads_tissue(st.modality) && st.region == target.region &&
                                core::sides_overlap(st.side, target.side));
    if (!excluded && !planned) out.push_back(target.region);
  }
  return out;
}

std::string date_text(std::optional<Date> d) { return d ? core::format_date(*d) : "none"; }

std::vector<std::string> adjustment_rules(const core::Progress& p) {
  std::vector<std::string> out;
  for (const auto& a : p.adjustments) out.push_back(a.reason.rule);
  return out;
}

// Exact comparison of two sets of words.
void same_set(std::vector<std::string>& failures, const std::string& key, const std::vector<std::string>& expected,
              const std::vector<std::string>& actual) {
  if (sorted(expected) != sorted(actual))
    failures.push_back(key + ": expected " + join(sorted(expected)) + ", got " + join(sorted(actual)));
}

}  // namespace

Outcome run_scenario(const core::KnowledgeBase& kb, const Scenario& sc) {
  Outcome out;
  core::PersonData data{sc.profile, {sc.screening}, sc.journal, {}};
  if (auto ok = fascia::app::validate_person_data(kb, data, sc.today); !ok)
    out.input_errors.push_back(ok.error().message);
  auto tools = fascia::app::expand_owned_tools(kb, sc.profile.tools);
  if (!tools) out.input_errors.push_back(tools.error().message);
  if (!out.input_errors.empty()) return out;

  const std::set<std::string> owned(tools->begin(), tools->end());
  out.clearance = core::evaluate_screening(kb, sc.screening);
  const core::PlanInputs in{kb, sc.profile, owned, out.clearance, sc.journal, sc.today};
  out.plan = core::build_plan(in);
  out.today = core::today_view(in, out.plan);
  // Adherence is measured against the plan as first made, as the app does.
  const core::Journal empty;
  const core::Plan original =
      core::build_plan(core::PlanInputs{kb, sc.profile, owned, out.clearance, empty, sc.profile.start});
  out.progress = core::compute_progress(kb, sc.profile, sc.journal, original, sc.today);
  out.violations = core::check_plan(kb, out.clearance, core::analyse_journal(kb, sc.profile, sc.journal), sc.journal,
                                    out.plan);
  return out;
}

std::vector<std::string> check_scenario(const Scenario& sc, const Outcome& out) {
  std::vector<std::string> failures;
  if (!out.input_errors.empty()) {
    for (const auto& e : out.input_errors) failures.push_back("the app would refuse this input: " + e);
    return failures;
  }
  const Expectations& ex = sc.expect;
  const core::Plan& plan = out.plan;

  // Invariants that hold for every person, stated or not.
  for (const auto& v : out.violations)
    failures.push_back("plan check: " + core::format_date(v.date) + " " + v.protocol + " breaks " + v.rule + " (" +
                       v.detail + ")");
  if (plan.removed_by_final_check != 0)
    failures.push_back("the planner's last safety gate had to remove " + std::to_string(plan.removed_by_final_check) +
                       " session(s)");
  if (plan.blocked && !plan.days.empty()) failures.push_back("a blocked plan has dated sessions");
  if (plan.blocked && !out.today.due.empty()) failures.push_back("a blocked plan offers a session today");

  if (ex.clearance && *ex.clearance != core::to_string(out.clearance.level))
    failures.push_back("clearance: expected " + *ex.clearance + ", got " +
                       std::string(core::to_string(out.clearance.level)));
  if (ex.findings) {
    std::vector<std::string> fired;
    for (const auto& f : out.clearance.findings) fired.push_back(f.rule);
    same_set(failures, "findings", *ex.findings, fired);
  }
  if (ex.plan_blocked && *ex.plan_blocked != plan.blocked)
    failures.push_back(std::string("plan_blocked: expected ") + (*ex.plan_blocked ? "true" : "false"));
  if (ex.blocked_by) same_set(failures, "blocked_by", *ex.blocked_by, rules_of(plan.blocked_by));
  if (ex.protocols) same_set(failures, "protocols", *ex.protocols, labels(plan.templates));
  if (ex.excluded) same_set(failures, "excluded", *ex.excluded, actual_excluded(plan));
  for (const auto& [region, rules] : ex.excluded_rules) {
    auto it = std::find_if(plan.excluded.begin(), plan.excluded.end(), [&](auto& e) { return e.region == region; });
    if (it == plan.excluded.end()) {
      failures.push_back("excluded_rules: " + region + " is not excluded");
      continue;
    }
    const auto reasons = rules_of(it->reasons);
    for (const auto& r : rules)
      if (!contains(reasons, r))
        failures.push_back("excluded_rules: " + region + " is left out for " + join(distinct(reasons)) + ", not " + r);
  }
  for (const auto& [region, ceiling] : ex.max_pressure) {
    int seen = 0;
    for (const auto* s : planned_steps(plan)) {
      if (!s->pressure || (region != "all" && s->region != region)) continue;
      ++seen;
      if (s->pressure->max > ceiling)
        failures.push_back("max_pressure: " + s->technique + " on " + s->region + " is planned up to " +
                           std::to_string(s->pressure->max) + "/10, above " + std::to_string(ceiling));
    }
    if (seen == 0) failures.push_back("max_pressure: no planned step puts pressure on " + region);
  }
  if (ex.modalities) same_set(failures, "modalities", *ex.modalities, actual_modalities(plan));
  if (ex.edges) same_set(failures, "edges", *ex.edges, actual_edges(plan));
  for (const auto& [region, by_technique] : ex.dose_targets)
    for (const auto& [technique, target] : by_technique) {
      int seen = 0;
      for (const auto* s : planned_steps(plan)) {
        if (s->region != region || s->technique != technique) continue;
        ++seen;
        if (s->target != target)
          failures.push_back("dose_targets: " + technique + " on " + region + " aims for " +
                             std::to_string(s->target) + ", expected " + std::to_string(target));
      }
      if (seen == 0) failures.push_back("dose_targets: no planned " + technique + " on " + region);
    }
  if (!ex.notes.empty()) {
    const auto notes = rules_of(plan.notes);
    for (const auto& n : ex.notes)
      if (!contains(notes, n)) failures.push_back("notes: " + n + " is not among " + join(distinct(notes)));
  }
  if (ex.first_session && *ex.first_session != first_session(plan))
    failures.push_back("first_session: expected " + date_text(*ex.first_session) + ", got " +
                       date_text(first_session(plan)));
  if (ex.sessions_in_first_week) {
    const auto first = first_session(plan);
    const int n = first ? sessions_in(plan, *first, core::add_days(*first, 6)) : 0;
    if (n != *ex.sessions_in_first_week)
      failures.push_back("sessions_in_first_week: expected " + std::to_string(*ex.sessions_in_first_week) + ", got " +
                         std::to_string(n));
  }
  if (ex.sessions_total && *ex.sessions_total != sessions_total(plan))
    failures.push_back("sessions_total: expected " + std::to_string(*ex.sessions_total) + ", got " +
                       std::to_string(sessions_total(plan)));
  if (ex.silently_dropped)
    same_set(failures, "silently_dropped", *ex.silently_dropped, silently_dropped(sc.profile, plan));
  if (ex.today_due) same_set(failures, "today_due", *ex.today_due, labels(out.today.due));
  if (ex.today_not_today_rules)
    same_set(failures, "today_not_today_rules", *ex.today_not_today_rules, distinct(rules_of(out.today.not_today)));
  if (ex.today_next && *ex.today_next != out.today.next)
    failures.push_back("today_next: expected " + date_text(*ex.today_next) + ", got " + date_text(out.today.next));
  if (ex.adjustments && *ex.adjustments != adjustment_rules(out.progress))
    failures.push_back("adjustments: expected " + join(*ex.adjustments) + ", got " +
                       join(adjustment_rules(out.progress)));
  if (ex.warnings) same_set(failures, "warnings", *ex.warnings, rules_of(out.progress.warnings));
  if (ex.review && *ex.review != core::to_string(out.progress.review.state))
    failures.push_back("review: expected " + *ex.review + ", got " +
                       std::string(core::to_string(out.progress.review.state)));
  if (ex.see_practitioner && *ex.see_practitioner != out.progress.review.see_practitioner)
    failures.push_back(std::string("see_practitioner: expected ") + (*ex.see_practitioner ? "true" : "false"));
  const std::string review_sessions =
      std::to_string(out.progress.review.sessions_done) + " of " + std::to_string(out.progress.review.sessions_planned);
  if (ex.review_sessions && *ex.review_sessions != review_sessions)
    failures.push_back("review_sessions: expected " + *ex.review_sessions + ", got " + review_sessions);
  // A step seen in a template and again in each dated session is reported once.
  std::vector<std::string> once;
  for (auto& f : failures)
    if (!contains(once, f)) once.push_back(std::move(f));
  return once;
}

std::string describe(const core::KnowledgeBase& kb, const core::Profile& profile, const Outcome& out) {
  std::ostringstream s;
  if (!out.input_errors.empty()) {
    s << "input refused: " << join(out.input_errors) << "\n";
    return s.str();
  }
  const core::Plan& plan = out.plan;
  std::vector<std::string> fired;
  for (const auto& f : out.clearance.findings) fired.push_back(f.rule);
  s << "actual:\n";
  s << "  clearance: " << core::to_string(out.clearance.level) << "\n";
  s << "  findings: " << join(fired) << "\n";
  s << "  plan_blocked: " << (plan.blocked ? "true" : "false") << "\n";
  s << "  blocked_by: " << join(rules_of(plan.blocked_by)) << "\n";
  s << "  protocols: " << join(labels(plan.templates)) << "\n";
  s << "  excluded: " << join(actual_excluded(plan)) << "\n";
  for (const auto& e : plan.excluded) s << "    " << e.region << ": " << join(distinct(rules_of(e.reasons))) << "\n";
  s << "  modalities: " << join(actual_modalities(plan)) << "\n";
  s << "  edges: " << join(actual_edges(plan)) << "\n";
  s << "  steps:\n";
  for (const auto& t : plan.templates) {
    s << "    " << label(t) << " (" << t.estimated_minutes(kb) << " min):\n";
    for (const auto& st : t.steps) {
      s << "      - " << st.technique << " on " << st.region << " " << core::to_string(st.side);
      if (!st.edge.empty()) s << " with " << st.edge;
      if (st.pressure) s << ", pressure " << st.pressure->min << "-" << st.pressure->max;
      s << ", dose " << st.dose.min << "-" << st.dose.max << " target " << st.target << "\n";
    }
  }
  s << "  notes: " << join(distinct(rules_of(plan.notes))) << "\n";
  s << "  first_session: " << date_text(first_session(plan)) << "\n";
  s << "  sessions_total: " << sessions_total(plan) << "\n";
  s << "  silently_dropped: " << join(silently_dropped(profile, plan)) << "\n";
  s << "  days:";
  for (const auto& d : plan.days) s << " " << core::format_date(d.date) << "x" << d.sessions.size();
  s << "\n";
  s << "  today_due: " << join(labels(out.today.due)) << "\n";
  s << "  today_not_today_rules: " << join(distinct(rules_of(out.today.not_today))) << "\n";
  s << "  today_next: " << date_text(out.today.next) << "\n";
  s << "  adjustments: " << join(adjustment_rules(out.progress)) << "\n";
  s << "  warnings: " << join(rules_of(out.progress.warnings)) << "\n";
  s << "  review: " << core::to_string(out.progress.review.state)
    << (out.progress.review.see_practitioner ? " (see a practitioner)" : "") << "\n";
  s << "  review_sessions: " << out.progress.review.sessions_done << " of " << out.progress.review.sessions_planned
    << "\n";
  return s.str();
}

}  // namespace golden
