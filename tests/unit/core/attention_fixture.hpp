// What the attention tests share (attention_test.cpp, attention_program_test.cpp):
// the fixture knowledge base, a Wednesday in week 5 of the desk worker's
// program, journal entries, inputs with everything shared, and the look-ups.
#pragma once

#include <algorithm>
#include <vector>

#include "fascia/core/attention.hpp"
#include "fixture_kb.hpp"

namespace attention_fixture {
using namespace fascia::core;
using fixture::day;
inline const KnowledgeBase kKb = fixture::kb();
inline const Date kToday = day("2026-12-23");  // a Wednesday, in week 5 of the desk worker's program

inline SessionEntry scrape(Date date, int pressure = 5) {
  SessionEntry s;
  s.date = date;
  s.protocol = "neck";
  s.steps.push_back({1, "sweep-along-fibres", "upper-trapezius", Side::both, Modality::instrument, StepStatus::done, 18,
                     0, pressure, "", ""});
  return s;
}
inline SessionEntry scrape(const char* date) { return scrape(day(date)); }
inline SessionEntry stopped(const char* date, const char* sign) {
  SessionEntry s = scrape(date);
  s.stopped = true;
  s.stop_sign = sign;
  s.steps[0].status = StepStatus::stopped;
  s.steps[0].stop_sign = sign;
  return s;
}
inline ReactionEntry bruise(const char* date) {
  return {day(date), "upper-trapezius", Side::both, false, false, true, 0};
}
inline PainEntry pain(const char* date, int score) { return {day(date), "upper-trapezius", Side::both, score}; }

// Everything shared, watched since the program began, one pain score two days
// ago so the client is not inactive.
inline AttentionInputs shared() {
  AttentionInputs in;
  in.journal_shared = true;
  in.sessions_shared = true;
  in.findings.emplace();
  in.watched_since = day("2026-11-23");
  in.journal.pain.push_back(pain("2026-12-21", 3));
  return in;
}

inline std::vector<AttentionKind> kinds(const std::vector<AttentionFlag>& flags) {
  std::vector<AttentionKind> out;
  for (const auto& f : flags) out.push_back(f.kind);
  return out;
}
inline bool has(const std::vector<AttentionFlag>& flags, AttentionKind kind) {
  return std::any_of(flags.begin(), flags.end(), [&](auto& f) { return f.kind == kind; });
}
inline const AttentionFlag& flag(const std::vector<AttentionFlag>& flags, AttentionKind kind) {
  return *std::find_if(flags.begin(), flags.end(), [&](auto& f) { return f.kind == kind; });
}

// A plan of `per_week` sessions on Mondays (and Wednesdays, Fridays) from the start to the end.
inline Plan plan_of(int per_week) {
  Plan p;
  p.start = day("2026-11-23");
  p.end = day("2027-01-03");
  for (Date week = p.start; week <= p.end; week = add_days(week, 7))
    for (int i = 0; i < per_week; ++i) p.days.push_back({add_days(week, 2 * i), {PlannedSession{}}});
  return p;
}
}  // namespace attention_fixture
