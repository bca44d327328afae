// Readers for the safety caps and the pain referral patterns.
#include <algorithm>
#include <array>
#include <map>

#include "fascia/adapters/kb_readers.hpp"

namespace fascia::adapters::kb {

namespace {

struct CapField {
  std::string_view id;
  core::SourcedValue core::SafetyCaps::*member;
  int lo;
  int hi;
};

// One entry per core::SafetyCaps member; all are required.
constexpr std::array<CapField, 18> kCaps{{
    {"instrument-sessions-per-7-days", &core::SafetyCaps::instrument_sessions_per_7_days, 1, 7},
    {"instrument-min-hours-between", &core::SafetyCaps::instrument_min_hours_between, 0, kNoLimit},
    {"compression-min-hours-between", &core::SafetyCaps::compression_min_hours_between, 0, kNoLimit},
    {"home-pressure-ceiling", &core::SafetyCaps::home_pressure_ceiling, 1, 10},
    {"instrument-minutes-per-session", &core::SafetyCaps::instrument_minutes_per_session, 1, kNoLimit},
    {"program-weeks-min", &core::SafetyCaps::program_weeks_min, 1, kNoLimit},
    {"program-weeks-max", &core::SafetyCaps::program_weeks_max, 1, kNoLimit},
    {"review-week", &core::SafetyCaps::review_week, 1, kNoLimit},
    {"review-min-adherence-percent", &core::SafetyCaps::review_min_adherence_percent, 0, 100},
    {"soreness-resolved-at", &core::SafetyCaps::soreness_resolved_at, 0, 10},
    {"checkin-after-hours", &core::SafetyCaps::checkin_after_hours, 1, kNoLimit},
    {"bruise-pressure-step", &core::SafetyCaps::bruise_pressure_step, 0, 10},
    {"repeated-bruising-count", &core::SafetyCaps::repeated_bruising_count, 1, kNoLimit},
    {"worse-after-hours", &core::SafetyCaps::worse_after_hours, 0, kNoLimit},
    {"meaningful-change-points", &core::SafetyCaps::meaningful_change_points, 0, 10},
    {"meaningful-change-percent", &core::SafetyCaps::meaningful_change_percent, 0, 100},
    {"trigger-point-hold-min-seconds", &core::SafetyCaps::trigger_point_hold_min_seconds, 1, kNoLimit},
    {"trigger-point-hold-max-seconds", &core::SafetyCaps::trigger_point_hold_max_seconds, 1, kNoLimit},
}};

const CapField* find_cap(std::string_view id) {
  for (const CapField& cap : kCaps)
    if (cap.id == id) return &cap;
  return nullptr;
}

int key_line(const Node& root, std::string_view key) {
  for (const yaml_tree::Entry& entry : root.entries)
    if (entry.key == key) return entry.line;
  return root.line;
}

}  // namespace

void read_caps(const Node& root, std::string_view file, LoadState& state) {
  const FileContext ctx = context(file, state);
  const Node* list = top_list(root, "caps", ctx);
  if (list == nullptr) return;
  std::array<int, kCaps.size()> lines{};  // line of each cap read, 0 = not seen
  for_each_item(list, "cap", {"id", "value", "source"}, ctx, [&](EntryReader& e) {
    const std::string id = e.id();
    const CapField* cap = id.empty() ? nullptr : find_cap(id);
    if (!id.empty() && cap == nullptr) e.report(e.line_of("id"), "is not a known cap");
    const int lo = cap != nullptr ? cap->lo : 0;
    const int hi = cap != nullptr ? cap->hi : kNoLimit;
    auto value = e.whole("value", Need::required, lo, hi);
    std::string source = e.source();
    if (cap == nullptr) return;
    int& line = lines[static_cast<std::size_t>(cap - kCaps.data())];
    if (line != 0) {
      e.report(e.line_of("id"), "id is already used by another cap");
      return;
    }
    line = e.line();
    if (!value) return;
    state.kb.caps.*(cap->member) = core::SourcedValue{*value, std::move(source)};
    state.caps.emplace(cap->id, *value);
  });

  for (std::size_t i = 0; i < kCaps.size(); ++i)
    if (lines[i] == 0)
      state.problems.add(file, key_line(root, "caps"), "caps is missing cap '" + std::string(kCaps[i].id) + "'");

  auto check_order = [&](std::string_view min_id, std::string_view max_id) {
    auto min = state.caps.find(min_id), max = state.caps.find(max_id);
    if (min == state.caps.end() || max == state.caps.end() || min->second <= max->second) return;
    const int line = lines[static_cast<std::size_t>(find_cap(min_id) - kCaps.data())];
    state.problems.add(file, line,
                       "cap '" + std::string(min_id) + "' " + std::to_string(min->second) + " exceeds cap '" +
                           std::string(max_id) + "' " + std::to_string(max->second));
    state.caps.erase(min);  // so that no step is checked against them
    state.caps.erase(max);
  };
  check_order("program-weeks-min", "program-weeks-max");
  check_order("trigger-point-hold-min-seconds", "trigger-point-hold-max-seconds");
}

void read_referral(const Node& root, std::string_view file, LoadState& state) {
  const FileContext ctx = context(file, state);
  EntryReader top(root, {"locations", "patterns"}, "file", 0, ctx);
  const Node* locations = top.list("locations", Need::required);
  const Node* patterns = top.list("patterns", Need::required);

  for_each_item(locations, "location", {"id", "name", "warning", "source"}, ctx, [&](EntryReader& e) {
    core::PainLocation location;
    location.id = e.id();
    location.name = e.text("name", Need::required);
    location.warning = e.text("warning", Need::optional);
    if (!location.warning.empty() || e.get("source") != nullptr) location.source = e.source();
    insert_unique(state.kb.pain_locations, std::move(location), e);
  });

  std::map<std::string, core::Reason> warning_by_id;  // one id, one wording, across patterns
  for_each_item(patterns, "pattern", {"location", "candidates", "source", "warnings"}, ctx, [&](EntryReader& e) {
    core::ReferralPattern pattern;
    pattern.location = e.ref("location", Need::required, RefKind::location);
    if (!pattern.location.empty()) e.set_subject("pattern '" + pattern.location + "'");
    pattern.source = e.source();
    const Node* candidates = e.list("candidates", Need::required);
    if (candidates != nullptr && candidates->items.empty()) e.report(candidates->line, "candidates is empty");
    for_each_item(candidates, e.subject() + " candidate", {"region", "weight"}, ctx, [&](EntryReader& c) {
      core::ReferralCandidate candidate;
      candidate.region = c.ref("region", Need::required, RefKind::region);
      auto weight = c.number("weight", Need::required);
      if (weight && !(*weight > 0 && *weight <= 1))
        c.report(c.line_of("weight"), "weight " + c.get("weight")->text + " must be in (0, 1]");
      candidate.weight = weight.value_or(0);
      pattern.candidates.push_back(std::move(candidate));
    });
    // Every pattern says what to watch for before exploring it.
    const Node* warnings = e.list("warnings", Need::required);
    if (warnings != nullptr && warnings->items.empty()) e.report(warnings->line, "warnings is empty");
    for_each_item(warnings, e.subject() + " warning", {"id", "text", "source"}, ctx, [&](EntryReader& w) {
      core::Reason warning;
      warning.rule = w.id();
      warning.text = w.text("text", Need::required);
      warning.source = w.source();
      if (!warning.rule.empty() && std::any_of(pattern.warnings.begin(), pattern.warnings.end(),
                                               [&](const core::Reason& r) { return r.rule == warning.rule; }))
        w.report(w.line_of("id"), "id is already used by another warning of this pattern");
      if (!warning.rule.empty() && !warning.text.empty()) {
        auto [seen, added] = warning_by_id.try_emplace(warning.rule, warning);
        if (!added && (seen->second.text != warning.text || seen->second.source != warning.source))
          w.report(w.line_of("text"), "warning '" + warning.rule + "' is worded or sourced differently elsewhere");
      }
      pattern.warnings.push_back(std::move(warning));
    });
    state.kb.referral_patterns.push_back(std::move(pattern));
  });
}

}  // namespace fascia::adapters::kb
