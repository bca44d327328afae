#include "fascia/core/attention.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "fascia/core/home_program.hpp"
#include "fascia/core/journal_analysis.hpp"
#include "fascia/core/progress.hpp"
#include "fascia/core/wording.hpp"

namespace fascia::core {

std::string_view to_string(AttentionKind kind) {
  switch (kind) {
    case AttentionKind::stop_event:
      return "stop-event";
    case AttentionKind::new_warning_sign:
      return "new-warning-sign";
    case AttentionKind::own_clearance:
      return "own-clearance";
    case AttentionKind::program_held:
      return "program-held";
    case AttentionKind::program_not_doable:
      return "program-not-doable";
    case AttentionKind::program_replaced:
      return "program-replaced";
    case AttentionKind::repeated_bruising:
      return "repeated-bruising";
    case AttentionKind::pain_worse_after:
      return "pain-worse-after";
    case AttentionKind::not_improving:
      return "not-improving";
    case AttentionKind::low_adherence:
      return "low-adherence";
    case AttentionKind::inactive:
      return "inactive";
  }
  return "?";
}

bool more_urgent(const AttentionFlag& a, const AttentionFlag& b) {
  if (a.rank() != b.rank()) return a.rank() < b.rank();
  return a.date > b.date;
}

namespace {

std::string region_name(const KnowledgeBase& kb, const std::string& id) {
  const Region* r = kb.region(id);
  return r ? r->name : id;
}

std::string times(std::size_t n, const std::string& one) { return std::to_string(n) + " " + one + (n == 1 ? "" : "s"); }

using Flags = std::vector<AttentionFlag>;

// The first day of the window that ends on `today`.
Date window_start(Date today) { return add_days(today, -(kAttentionWindowDays - 1)); }
bool in_window(Date d, Date today) { return d >= window_start(today) && d <= today; }

void stop_events(const KnowledgeBase& kb, const AttentionInputs& in, Date today, Flags& out) {
  const SessionEntry* latest = nullptr;
  std::size_t count = 0;
  for (const auto& s : in.journal.sessions)
    if (s.stopped && in_window(s.date, today)) {
      ++count;
      if (!latest || s.date >= latest->date) latest = &s;
    }
  if (!latest) return;
  const auto sign_words = [&](const std::string& id) {
    const auto sign = kb.stop_signs.find(id);
    return sign == kb.stop_signs.end() ? id : lower_first(sign->second.name);
  };
  const auto sign = kb.stop_signs.find(latest->stop_sign);
  // Every sign the person reported, the most severe first.
  std::vector<std::string> latest_signs;
  for (const auto& id : latest->stop_signs()) latest_signs.push_back(sign_words(id));
  std::string reason = "the session on " + format_long_date(latest->date) + " was stopped for " + joined(latest_signs);
  if (count > 1) {
    // Every sign of the window, once each, in the order they first came.
    std::vector<std::string> signs;
    for (const auto& s : in.journal.sessions)
      if (s.stopped && in_window(s.date, today))
        for (const auto& id : s.stop_signs())
          if (std::find(signs.begin(), signs.end(), sign_words(id)) == signs.end()) signs.push_back(sign_words(id));
    reason += " (" + times(count, "stopped session") + " in " + std::to_string(kAttentionWindowDays) + " days, for " +
              joined(signs) + ")";
  }
  out.push_back({AttentionKind::stop_event, latest->date, reason, latest->stop_sign,
                 sign == kb.stop_signs.end() ? "" : sign->second.source});
}

void warning_signs(const KnowledgeBase& kb, const AttentionInputs& in, Date, Flags& out) {
  if (!in.findings) return;
  const FindingHistory* latest = nullptr;
  std::size_t count = 0;
  for (const auto& f : *in.findings)
    if (!f.cleared) {
      ++count;
      if (!latest || f.raised >= latest->raised) latest = &f;
    }
  if (!latest) return;
  std::vector<std::string> answers;
  for (const auto& q : latest->because)
    if (const Question* question = kb.question(q)) answers.push_back("\"" + question->text + "\"");
  std::string reason = "a warning sign raised on " + format_long_date(latest->raised);
  if (!latest->stop_sign.empty())
    reason += " when a session stopped for " +
              lower_first(latest->stop_sign_name.empty() ? latest->stop_sign : latest->stop_sign_name);
  // Raised by a stop, the stop set the answer (app::record_session): the
  // person never said yes to the question, so it is not quoted as theirs.
  if (!answers.empty())
    reason += latest->stop_sign.empty() ? " (yes to " + joined(answers) + ")"
                                        : " (the stop recorded yes to " + joined(answers) + ")";
  reason += " is not cleared yet";
  if (count > 1) reason += "; " + times(count, "warning sign") + " in force";
  out.push_back({AttentionKind::new_warning_sign, latest->raised, reason, latest->rule, latest->source});
}

// A clearance the client typed in themselves ("my neighbour") lifts what it
// covers for their own plan, as it always has; a practitioner is told, since
// no practitioner signed it. Read as the difference between the findings (or
// the program's hold) with every clearance and with only the practitioners'.
// The flag stays until a practitioner's clearance covers the same.
void own_clearances(const AttentionInputs& in, Flags& out) {
  if (!in.latest_own_clearance) return;
  if (in.findings && in.findings_without_own_clearances) {
    const FindingHistory* latest = nullptr;
    std::size_t count = 0;
    for (const auto& strict : *in.findings_without_own_clearances) {
      if (strict.cleared) continue;
      // The same finding, lifted by the person's own entry (two raised the
      // same day, one cleared by a practitioner, are never taken for it).
      const auto lifted = std::find_if(in.findings->begin(), in.findings->end(), [&](const FindingHistory& f) {
        return f.rule == strict.rule && f.raised == strict.raised && f.cleared && !f.cleared_by_practitioner;
      });
      if (lifted == in.findings->end()) continue;
      ++count;
      if (!latest || *lifted->cleared >= *latest->cleared) latest = &*lifted;
    }
    if (latest) {
      std::string reason = "a warning sign raised on " + format_long_date(latest->raised);
      if (!latest->stop_sign.empty())
        reason += " when a session stopped for " +
                  lower_first(latest->stop_sign_name.empty() ? latest->stop_sign : latest->stop_sign_name);
      reason += " was cleared on " + format_long_date(*latest->cleared) + " by the client's own entry (\"" +
                latest->cleared_by + "\"), not by a practitioner";
      if (count > 1) reason += "; " + times(count, "warning sign") + " cleared so";
      reason += ": check it, and record a clearance of your own if it holds";
      out.push_back({AttentionKind::own_clearance, *latest->cleared, reason, latest->rule, latest->source});
      return;
    }
  }
  if (!in.program_hold || !in.program_hold_without_own_clearances) return;
  // The areas that would wait for a practitioner, but for the client's entry.
  const HomeWorkHold& strict = *in.program_hold_without_own_clearances;
  std::vector<std::string> areas;
  for (const auto& area : strict.until_cleared)
    if (std::find(in.program_hold->until_cleared.begin(), in.program_hold->until_cleared.end(), area) ==
        in.program_hold->until_cleared.end())
      areas.push_back(area);
  const bool whole = strict.no_plan && !in.program_hold->no_plan;
  if (areas.empty() && !whole) return;
  out.push_back({AttentionKind::own_clearance, *in.latest_own_clearance,
                 "a clearance the client entered themselves on " + format_long_date(*in.latest_own_clearance) +
                     ", not a practitioner's, lifted the hold on the home program" +
                     (whole ? "" : "'s work on " + joined(areas)) +
                     ": check it, and record a clearance of your own if it holds",
                 "", ""});
}

void held_program(const AttentionInputs& in, Date today, Flags& out) {
  if (!in.program_hold || !in.program_hold->held) return;
  const HomeWorkHold& hold = *in.program_hold;
  const Date since = hold.since.value_or(today);
  std::string reason =
      "the home program is held back by the client's own safety answers since " + format_long_date(since);
  if (hold.no_plan) {
    out.push_back({AttentionKind::program_held, since, reason + ": they allow no plan at all", "", ""});
    return;
  }
  std::vector<std::string> parts;
  if (!hold.until_cleared.empty())
    parts.push_back("on " + joined(hold.until_cleared) + " until a practitioner clears it");
  if (!hold.until_answered.empty())
    parts.push_back("on " + joined(hold.until_answered) +
                    " until their answers no longer say so (a clearance does not lift it)");
  if (!hold.cleared_until_answered.empty())
    parts.push_back("on " + joined(hold.cleared_until_answered) +
                    " until they answer the safety questions again (a clearance is recorded there)");
  reason = "the home program's work is held back by the client's own safety answers since " + format_long_date(since) +
           ": " + parts.front();
  for (std::size_t i = 1; i < parts.size(); ++i) reason += "; " + parts[i];
  out.push_back({AttentionKind::program_held, since, reason, "", ""});
}

// This clinic's program is in force and nothing holds it, yet the plan that
// follows it has no protocol the client can do (no tool for any of its
// steps, every area left out): the client's Today only says to change their
// details, so their practitioner is told, with the planner's own reasons.
void program_not_doable(const AttentionInputs& in, Date today, Flags& out) {
  if (!in.program_hold || in.program_hold->held || !in.original) return;
  const Plan& plan = *in.original;
  if (plan.blocked || plan.program_id == 0 || !plan.templates.empty()) return;
  std::vector<std::string> why;
  auto add = [&](const Reason& r) {
    if (why.size() < 3 && std::find(why.begin(), why.end(), r.text) == why.end()) why.push_back(r.text);
  };
  for (const auto& e : plan.excluded)
    for (const auto& r : e.reasons) add(r);
  for (const auto& r : plan.notes) add(r);
  std::string reason =
      "the home program " +
      std::string(plan.assigned_on == Date{} ? "" : "assigned on " + format_long_date(plan.assigned_on) + " ") +
      "leaves no session the client can do: check their tools, areas and minutes with them, or "
      "change the program";
  // The planner's words are written for the client ("your tools").
  if (!why.empty()) {
    reason += " (their plan says: " + why.front();
    for (std::size_t i = 1; i < why.size(); ++i) reason += "; " + why[i];
    reason += ")";
  }
  out.push_back(
      {AttentionKind::program_not_doable, plan.assigned_on == Date{} ? today : plan.assigned_on, reason, "", ""});
}

// This clinic's program, never ended, is not the one followed: a newer one
// is, so its lowered doses, pressures and cues no longer apply at home,
// which the practitioner would otherwise learn only on the program page.
void program_replaced(const AttentionInputs& in, Flags& out) {
  if (!in.replaced_program) return;
  const auto& replaced = *in.replaced_program;
  out.push_back({AttentionKind::program_replaced, replaced.assigned,
                 "your clinic's home program " + std::to_string(replaced.id) + " (last changed on " +
                     format_long_date(replaced.assigned) +
                     ") is no longer followed: the client's plan follows a newer program, so its doses, pressures "
                     "and cues do not apply at home; talk it over with the client, or end yours",
                 "", ""});
}

void bruising(const KnowledgeBase& kb, const JournalAnalysis& analysis, Date today, Flags& out) {
  std::set<Date> sessions;
  std::set<std::string> regions;
  Date latest{};
  for (const auto& b : analysis.bruised)
    if (in_window(b.session, today) && b.reported <= today) {
      sessions.insert(b.session);
      regions.insert(region_name(kb, b.region));
      latest = std::max(latest, b.reported);
    }
  const SourcedValue& cap = kb.caps.repeated_bruising_count;
  if (static_cast<int>(sessions.size()) < std::max(cap.value, 1)) return;
  std::vector<std::string> days;
  for (Date d : sessions) days.push_back(format_long_date(d));
  out.push_back({AttentionKind::repeated_bruising, latest,
                 "bruising after " + times(sessions.size(), "session") + " in " + std::to_string(kAttentionWindowDays) +
                     " days (" + joined(days) + "; " + joined({regions.begin(), regions.end()}) +
                     "): the pressure is too deep",
                 "repeated-bruising-count", cap.source});
}

void worse_pain(const KnowledgeBase& kb, const JournalAnalysis& analysis, Date today, Flags& out) {
  const WorseAfterSession* latest = nullptr;
  std::size_t count = 0;
  for (const auto& w : analysis.worse_after)
    if (in_window(w.reported, today)) {
      ++count;
      if (!latest || w.reported >= latest->reported) latest = &w;
    }
  if (!latest) return;
  std::string reason = region_name(kb, latest->region) + ": pain " + std::to_string(latest->after) + "/10 on " +
                       format_long_date(latest->reported) + ", up from " + std::to_string(latest->before) +
                       "/10 before the session on " + format_long_date(latest->session);
  if (count > 1) reason += " (" + times(count, "time") + " in " + std::to_string(kAttentionWindowDays) + " days)";
  out.push_back({AttentionKind::pain_worse_after, latest->reported, reason, "worse-after-hours",
                 kb.caps.worse_after_hours.source});
}

void review(const KnowledgeBase& kb, const AttentionInputs& in, Date today, Flags& out) {
  if (!in.journal_shared || !in.profile || !in.original) return;
  const ReviewReading progress = week_four_review(kb, *in.profile, in.journal, *in.original, today);
  const ReviewVerdict& v = progress.review;
  if (v.state != ReviewState::not_improving) return;
  if (in.sessions_shared) {
    // The review's own words: "despite 9 of 12 …" or "only 3 of 12 … too few to judge".
    const auto said = std::find_if(v.reasons.begin(), v.reasons.end(), [](const Reason& r) {
      return r.rule == "review-week" || r.rule == "review-min-adherence-percent";
    });
    if (said != v.reasons.end()) {
      out.push_back({AttentionKind::not_improving, v.date,
                     "the week-" + std::to_string(kb.caps.review_week.value) + " review on " +
                         format_long_date(v.date) + ": " + said->text,
                     said->rule, said->source});
      return;
    }
  }
  // Without the sessions the count is unknown: judge the pain alone.
  const bool any_data = std::any_of(progress.trends.begin(), progress.trends.end(), [](auto& t) { return t.latest; });
  const bool any_better =
      std::any_of(progress.trends.begin(), progress.trends.end(), [](auto& t) { return t.meaningful; });
  if (!any_data || any_better) return;
  out.push_back({AttentionKind::not_improving, v.date,
                 "the week-" + std::to_string(kb.caps.review_week.value) + " review on " + format_long_date(v.date) +
                     ": no meaningful improvement in pain (" + std::to_string(kb.caps.meaningful_change_points.value) +
                     " points or " + std::to_string(kb.caps.meaningful_change_percent.value) + " %)",
                 "meaningful-change-points", kb.caps.meaningful_change_points.source});
}

void adherence(const KnowledgeBase& kb, const AttentionInputs& in, Date today, Flags& out) {
  if (!in.sessions_shared || !in.profile || !in.original) return;
  // The plan as first made starts on the profile's start, or on a home program's.
  const Date from = std::max(window_start(today), in.original->start);
  // Today is not over: its planned session is missed only once it has passed,
  // so today counts only when a session was already logged today.
  const bool done_today = std::any_of(in.journal.sessions.begin(), in.journal.sessions.end(),
                                      [&](const auto& s) { return s.date == today; });
  const Date to = done_today ? today : add_days(today, -1);
  if (to < from) return;
  const AdherenceCount count = adherence_between(kb, *in.original, in.journal, from, to);
  // Fewer than two planned sessions is too little to call it low.
  if (count.planned < 2 || count.done * 100 >= kLowAdherencePercent * count.planned) return;
  const std::string since = from == in.original->start
                                ? "since the plan began on " + format_long_date(from)
                                : "in the last " + std::to_string(kAttentionWindowDays) + " days";
  out.push_back({AttentionKind::low_adherence, today,
                 std::to_string(count.done) + " of " + std::to_string(count.planned) + " planned sessions done " +
                     since + " (under " + std::to_string(kLowAdherencePercent) + " %)",
                 "", ""});
}

void inactivity(const AttentionInputs& in, Date today, Flags& out) {
  if (!in.journal_shared && !in.sessions_shared) return;
  std::optional<Date> last;
  const auto see = [&](const auto& entries) {
    for (const auto& e : entries)
      if (e.date <= today) last = std::max(last.value_or(e.date), e.date);
  };
  const Journal& j = in.journal;
  see(j.pain), see(j.reactions), see(j.habits), see(j.treatments), see(j.notes), see(j.sessions);
  const Date from = last.value_or(in.watched_since);
  const int days = days_between(from, today);
  if (days < kInactiveDays) return;
  out.push_back(
      {AttentionKind::inactive, from,
       last ? "nothing logged since " + format_long_date(*last) + " (" + std::to_string(days) + " days)"
            : "nothing logged yet, " + std::to_string(days) + " days after linking on " + format_long_date(from),
       "", ""});
}

}  // namespace

Date attention_reads_from(Date today) { return add_days(window_start(today), -kAttentionLookbackDays); }

bool recent_journal_suffices(const KnowledgeBase& kb, const AttentionInputs& in, Date from, Date today) {
  const Date first = window_start(today);
  if (from > first) return false;
  const Journal& j = in.journal;
  // Inactivity: the last entry on or before today must be a recent one.
  if (in.journal_shared || in.sessions_shared) {
    bool any = false;
    const auto see = [&](const auto& entries) {
      any = any || std::any_of(entries.begin(), entries.end(), [&](const auto& e) { return e.date <= today; });
    };
    see(j.pain), see(j.reactions), see(j.habits), see(j.treatments), see(j.notes), see(j.sessions);
    if (!any) return false;
  }
  // The newest warning sign in force is named after a stop on its day
  // (attribute_to_stop_signs): that day's sessions must have been read.
  if (in.findings && in.sessions_shared) {
    const FindingHistory* latest = nullptr;
    for (const auto& f : *in.findings)
      if (!f.cleared && (!latest || f.raised >= latest->raised)) latest = &f;
    if (latest && latest->raised < from) return false;
  }
  const auto pain_on = [&](const std::string& region, Side side, Date to) {
    return std::any_of(j.pain.begin(), j.pain.end(), [&](const PainEntry& p) {
      return p.region == region && sides_overlap(p.side, side) && p.date <= to;
    });
  };
  // The review: each target region's latest pain; the sessions of the first
  // weeks, counted in a negative verdict's words.
  if (in.journal_shared && in.profile && in.original) {
    const auto [start, review] = review_span(kb, *in.profile, *in.original);
    if (today >= review) {
      for (const auto& target : review_targets(*in.profile, *in.original))
        if (!pain_on(target.region, target.side, today)) return false;
      if (in.sessions_shared && from > start &&
          week_four_review(kb, *in.profile, j, *in.original, today).review.state == ReviewState::not_improving)
        return false;
    }
  }
  // Bruising and worse pain (analyse_journal): per region, the sessions that
  // load it, as the analysis groups them (one per session, sides merged).
  if (in.journal_shared && in.sessions_shared) {
    std::vector<const SessionEntry*> ordered;
    for (const auto& s : j.sessions) ordered.push_back(&s);
    std::stable_sort(ordered.begin(), ordered.end(), [](auto* a, auto* b) { return a->date < b->date; });
    std::map<std::string, std::vector<std::pair<Date, Side>>> worked;
    for (const SessionEntry* s : ordered) {
      std::map<std::string, Side> here;
      for (const auto& step : s->steps) {
        if (step.status == StepStatus::skipped || !loads_tissue(step.modality)) continue;
        auto [it, fresh] = here.try_emplace(step.region, step.side);
        if (!fresh && it->second != step.side) it->second = Side::both;
      }
      for (const auto& [region, side] : here) worked[region].emplace_back(s->date, side);
    }
    // Pain in the window is read against the session before it: an older
    // session's reading ends at the region's first recent session, which
    // must come no later than the window's first day.
    for (const auto& p : j.pain) {
      if (p.date < first || p.date > today) continue;
      const auto it = worked.find(p.region);
      if (it == worked.end() || it->second.front().first > first) return false;
    }
    // A recent session with a score in the window that could be its worse
    // pain (worse_after_hours later, up to the region's next session's own
    // day, as analyse_journal reads it) compares it with the last score
    // before the session: a recent one.
    const int worse_days = (kb.caps.worse_after_hours.value + 23) / 24;
    for (const auto& [region, sessions] : worked)
      for (std::size_t i = 0; i < sessions.size(); ++i) {
        const auto& [date, side] = sessions[i];
        const Date from_day = std::max(add_days(date, worse_days), first);
        const Date until = i + 1 < sessions.size() ? sessions[i + 1].first : Date::max();
        const bool candidate = std::any_of(j.pain.begin(), j.pain.end(), [&](const PainEntry& p) {
          return p.region == region && sides_overlap(p.side, side) && p.date >= from_day && p.date <= until &&
                 p.date <= today;
        });
        if (candidate && !pain_on(region, side, date)) return false;
      }
  }
  return true;
}

std::optional<AttentionInputs::ReplacedProgram> replaced_program(const std::vector<HomeProgram>& versions,
                                                                 std::int64_t clinic_id) {
  const HomeProgram* in_force = program_in_force(versions);
  if (!in_force || in_force->clinic_id == clinic_id) return std::nullopt;
  // The latest version of each of this clinic's programs; the newest one not ended.
  std::map<std::int64_t, const HomeProgram*> latest;
  for (const auto& v : versions)
    if (v.clinic_id == clinic_id && (!latest.count(v.id) || v.version > latest[v.id]->version)) latest[v.id] = &v;
  for (auto it = latest.rbegin(); it != latest.rend(); ++it)
    if (!it->second->ended) return AttentionInputs::ReplacedProgram{it->first, it->second->assigned};
  return std::nullopt;
}

std::vector<AttentionFlag> attention_flags(const KnowledgeBase& kb, const AttentionInputs& in, Date today) {
  Flags out;
  stop_events(kb, in, today, out);
  warning_signs(kb, in, today, out);
  own_clearances(in, out);
  held_program(in, today, out);
  program_not_doable(in, today, out);
  program_replaced(in, out);
  // Bruising and worse pain are read across a session and what was logged
  // after it: both parts are needed.
  if (in.journal_shared && in.sessions_shared) {
    const Profile none;
    const JournalAnalysis analysis = analyse_journal(kb, in.profile ? *in.profile : none, in.journal);
    bruising(kb, analysis, today, out);
    worse_pain(kb, analysis, today, out);
  }
  review(kb, in, today, out);
  adherence(kb, in, today, out);
  inactivity(in, today, out);
  std::stable_sort(out.begin(), out.end(), more_urgent);
  return out;
}

}  // namespace fascia::core
