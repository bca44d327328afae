#include "fascia/core/home_program.hpp"

#include <algorithm>
#include <set>

namespace fascia::core {

Date program_end(const HomeProgram& program) { return add_days(program.start, program.weeks * 7 - 1); }

namespace {

constexpr std::size_t kMaxItems = 12;

std::string region_name(const KnowledgeBase& kb, const std::string& id) {
  const Region* r = kb.region(id);
  return r ? r->name : id;
}

bool side_fits(const Region& region, Side side) {
  return region.laterality == Laterality::midline ? side == Side::midline : side != Side::midline;
}

// A region and side a program names: known, with a side it has, and not for
// practitioners only.
void check_area(const KnowledgeBase& kb, const RegionSide& area, const std::string& field,
                std::vector<ProgramProblem>& out) {
  const Region* region = kb.region(area.region);
  if (!region) {
    out.push_back({field + ".region", "unknown-region", "unknown region '" + area.region + "'", ""});
    return;
  }
  if (!side_fits(*region, area.side))
    out.push_back({field + ".side", "side",
                   region->name + " has no side '" + std::string(to_string(area.side)) + "'", ""});
  if (region->region_class != RegionClass::practitioner_only) return;
  // Listed as kept for the clinic, it is refused too, since no home work ever
  // reaches it: saying so would suggest other practitioner-only areas might.
  const bool kept = field.starts_with("clinic_only");
  out.push_back({field + ".region", "practitioner-only",
                 region->name + " is for practitioners only (region class practitioner-only, source " + region->source +
                     ")" +
                     (kept ? ": it is always kept for the clinic, so leave it out of the areas kept for the clinic"
                           : " and cannot be in a home program; treat it in clinic"),
                 region->source});
}

}  // namespace

std::vector<ProgramProblem> check_home_program(const KnowledgeBase& kb, const HomeProgram& program) {
  std::vector<ProgramProblem> out;
  const SafetyCaps& caps = kb.caps;
  if (program.items.empty()) out.push_back({"items", "items", "a program needs at least one protocol", ""});
  if (program.items.size() > kMaxItems)
    out.push_back({"items", "items", "a program holds at most " + std::to_string(kMaxItems) + " protocols", ""});

  for (std::size_t i = 0; i < program.clinic_only.size(); ++i) {
    const RegionSide& area = program.clinic_only[i];
    const std::string field = "clinic_only[" + std::to_string(i) + "]";
    check_area(kb, area, field, out);
    // Each area once: an overlap (the left side after both) would be listed,
    // printed and compared between versions twice.
    for (std::size_t j = 0; j < i; ++j) {
      const RegionSide& earlier = program.clinic_only[j];
      if (earlier.region != area.region || !sides_overlap(earlier.side, area.side)) continue;
      const Region* region = kb.region(area.region);
      out.push_back({field, "clinic-only-twice",
                     (region ? region->name : area.region) + " is already kept for the clinic by clinic_only[" +
                         std::to_string(j) + "]; list each area once",
                     ""});
      break;
    }
  }

  for (std::size_t i = 0; i < program.items.size(); ++i) {
    const ProgramItem& item = program.items[i];
    const std::string field = "items[" + std::to_string(i) + "]";
    const Protocol* protocol = kb.protocol(item.protocol);
    if (!protocol) out.push_back({field + ".protocol", "unknown-protocol", "unknown protocol '" + item.protocol + "'", ""});
    // Each plan session must trace back to one item: a protocol appears once,
    // or, when it takes a target region, once per region.
    for (std::size_t j = 0; j < i; ++j) {
      const ProgramItem& earlier = program.items[j];
      if (earlier.protocol != item.protocol) continue;
      if (protocol && protocol->generic() && earlier.target.region != item.target.region) continue;
      out.push_back({field + ".protocol", "item-twice",
                     "items[" + std::to_string(j) + "] already assigns " + (protocol ? protocol->name : item.protocol) +
                         (protocol && protocol->generic() ? " on that region" : "") + "; change that one instead",
                     ""});
      break;
    }
    const std::size_t before = out.size();
    check_area(kb, item.target, field + ".target", out);
    const Region* region = kb.region(item.target.region);
    if (out.size() == before && region) {
      for (const auto& kept : program.clinic_only)
        if (kept.region == item.target.region && sides_overlap(kept.side, item.target.side))
          out.push_back({field + ".target", "clinic-only",
                         region->name + " is marked for the clinic only in this program, so it cannot also be home work",
                         ""});
      if (protocol) {
        const bool fits =
            protocol->generic()
                ? std::find(protocol->eligible_regions.begin(), protocol->eligible_regions.end(),
                            item.target.region) != protocol->eligible_regions.end()
                : std::any_of(protocol->steps.begin(), protocol->steps.end(),
                              [&](const Step& s) { return s.region == item.target.region; });
        if (!fits)
          out.push_back({field + ".target", "protocol-region",
                         protocol->name + " does not work on " + region->name + "; choose a protocol for it", ""});
      }
    }
    if (item.max_pressure) {
      const int p = *item.max_pressure;
      if (p < 0 || p > 10) {
        out.push_back({field + ".max_pressure", "pressure-range", "pressure is rated 0-10", ""});
      } else if (p > caps.home_pressure_ceiling.value) {
        out.push_back({field + ".max_pressure", "home-pressure-ceiling",
                       "pressure " + std::to_string(p) + "/10 is above the home cap of " +
                           std::to_string(caps.home_pressure_ceiling.value) + "/10 (home-pressure-ceiling, source " +
                           caps.home_pressure_ceiling.source + ")",
                       caps.home_pressure_ceiling.source});
      } else if (region && region->pressure_cap && p > *region->pressure_cap) {
        out.push_back({field + ".max_pressure", "region-pressure-cap",
                       "pressure " + std::to_string(p) + "/10 is above the cap of " +
                           std::to_string(*region->pressure_cap) + "/10 for " + region->name + " (source " +
                           region->source + ")",
                       region->source});
      }
    }
    if (item.dose_percent > 100)
      out.push_back({field + ".dose_percent", "dose-only-lower",
                     "a program may lower a protocol's dose but not raise it: at most 100 %", ""});
    else if (item.dose_percent < kMinDosePercent)
      out.push_back({field + ".dose_percent", "dose-range",
                     "a dose below " + std::to_string(kMinDosePercent) + " % of the protocol's is not its step any more",
                     ""});
  }

  std::set<int> days;
  if (program.weekdays.empty()) out.push_back({"weekdays", "weekdays", "choose at least one weekday", ""});
  std::string outside, twice;  // one message each, naming every value
  for (int d : program.weekdays) {
    if (d < 0 || d > 6)
      outside += (outside.empty() ? "" : ", ") + std::to_string(d);
    else if (!days.insert(d).second)
      twice += (twice.empty() ? "" : ", ") + std::to_string(d);
  }
  if (!outside.empty())
    out.push_back({"weekdays", "weekdays", "weekdays are 0 (Monday) to 6 (Sunday), not " + outside, ""});
  if (!twice.empty()) out.push_back({"weekdays", "weekdays", "a weekday is named twice: " + twice, ""});
  if (program.weeks < caps.program_weeks_min.value || program.weeks > caps.program_weeks_max.value)
    out.push_back({"weeks", "program-weeks",
                   "a program lasts " + std::to_string(caps.program_weeks_min.value) + " to " +
                       std::to_string(caps.program_weeks_max.value) + " weeks (program-weeks, source " +
                       caps.program_weeks_max.source + ")",
                   caps.program_weeks_max.source});
  else if (program.review <= program.start || program.review > program_end(program))
    out.push_back({"review", "review-date",
                   "the review date must fall after the start and within the program (" + format_date(program.start) +
                       " to " + format_date(program_end(program)) + ")",
                   ""});
  return out;
}

const ProgramItem* program_item_for(const HomeProgram& program, const PlannedSession& session) {
  for (const auto& item : program.items) {
    if (item.protocol != session.protocol) continue;
    // Generic protocols carry their target; others are the item's by protocol.
    if (!session.target_region.empty() && session.target_region != item.target.region) continue;
    return &item;
  }
  return nullptr;
}

std::vector<Violation> check_plan_follows_program(const KnowledgeBase& kb, const HomeProgram& program,
                                                  const Plan& plan) {
  std::vector<Violation> out;
  for (const auto& day : plan.days) {
    if (std::find(program.weekdays.begin(), program.weekdays.end(), weekday_index(day.date)) == program.weekdays.end())
      for (const auto& s : day.sessions) out.push_back({day.date, s.protocol, "program-weekdays", "not a program day"});
    for (const auto& s : day.sessions) {
      const ProgramItem* item = program_item_for(program, s);
      if (!item) {
        out.push_back({day.date, s.protocol, "program-item", "not in the assigned program"});
        continue;
      }
      const Protocol* protocol = kb.protocol(s.protocol);
      for (const auto& step : s.steps) {
        for (const auto& kept : program.clinic_only)
          if (kept.region == step.region && sides_overlap(kept.side, step.side))
            out.push_back({day.date, s.protocol, "clinic-only", region_name(kb, step.region)});
        if (item->max_pressure && step.pressure && step.pressure->max > *item->max_pressure)
          out.push_back({day.date, s.protocol, "program-pressure",
                         step.region + " " + std::to_string(step.pressure->max)});
        if (!protocol || step.index < 0 || step.index >= static_cast<int>(protocol->steps.size())) continue;
        // The dose may be the protocol's scaled down, or a hard minimum that
        // no scaling goes below (a region's hold time, a trigger-point hold).
        const int scaled = (protocol->steps[step.index].dose.max * item->dose_percent + 99) / 100;
        int floor = 1;
        if (const Region* r = kb.region(step.region); r && r->dose_seconds && step.unit == DoseUnit::seconds)
          floor = r->dose_seconds->min;
        if (step.technique == "trigger-point-pressure-release")
          floor = std::max(floor, kb.caps.trigger_point_hold_min_seconds.value);
        if (step.target > std::max(scaled, floor))
          out.push_back({day.date, s.protocol, "program-dose", step.technique + " " + std::to_string(step.target)});
      }
    }
  }
  return out;
}

const HomeProgram* program_in_force(const std::vector<HomeProgram>& versions) {
  const HomeProgram* newest = nullptr;  // the latest version of the highest program id
  for (const auto& v : versions)
    if (!newest || v.id > newest->id || (v.id == newest->id && v.version > newest->version)) newest = &v;
  return newest && !newest->ended ? newest : nullptr;
}

namespace {

std::string area_text(const KnowledgeBase& kb, const RegionSide& area) {
  std::string text = region_name(kb, area.region);
  if (area.side == Side::left || area.side == Side::right) text += " (" + std::string(to_string(area.side)) + ")";
  return text;
}

std::string side_text(Side side) {
  return side == Side::both ? "both sides" : side == Side::midline ? "the midline" : std::string(to_string(side));
}

std::string item_text(const KnowledgeBase& kb, const ProgramItem& item) {
  const Protocol* protocol = kb.protocol(item.protocol);
  return (protocol ? protocol->name : item.protocol) + " on " + area_text(kb, item.target);
}

std::string pressure_text(const std::optional<int>& pressure) {
  return pressure ? std::to_string(*pressure) + "/10" : "the protocol's own";
}

std::string days_text(std::vector<int> days) {
  std::sort(days.begin(), days.end());
  std::string out;
  for (int d : days) out += (out.empty() ? "" : ", ") + std::string(d >= 0 && d <= 6 ? weekday_short_name(d) : "?");
  return out;
}

void compare_item(const KnowledgeBase& kb, const ProgramItem& a, const ProgramItem& b, std::vector<std::string>& out) {
  const std::string what = item_text(kb, b);
  if (a.max_pressure != b.max_pressure)
    out.push_back("Pressure for " + what + ": " + pressure_text(a.max_pressure) + " -> " +
                  pressure_text(b.max_pressure));
  if (a.dose_percent != b.dose_percent)
    out.push_back("Dose for " + what + ": " + std::to_string(a.dose_percent) + " % -> " +
                  std::to_string(b.dose_percent) + " %");
  if (a.cue != b.cue) out.push_back("Cue for " + what + (b.cue.empty() ? " removed" : ": \"" + b.cue + "\""));
}

}  // namespace

std::vector<std::string> describe_program_changes(const KnowledgeBase& kb, const HomeProgram& before,
                                                  const HomeProgram& after) {
  std::vector<std::string> out;
  // Each item of `after` is paired with the same protocol on the same area,
  // else with the same protocol on the same region on another side (a side
  // changed, said as such with whatever else changed), else it was added;
  // an item of `before` left unpaired was removed.
  std::vector<const ProgramItem*> paired(after.items.size(), nullptr);
  std::vector<bool> taken(before.items.size(), false);
  const auto pair_by = [&](auto same) {
    for (std::size_t i = 0; i < after.items.size(); ++i)
      for (std::size_t j = 0; j < before.items.size() && !paired[i]; ++j)
        if (!taken[j] && same(before.items[j], after.items[i])) {
          paired[i] = &before.items[j];
          taken[j] = true;
        }
  };
  pair_by([](const ProgramItem& a, const ProgramItem& b) { return a.protocol == b.protocol && a.target == b.target; });
  pair_by([](const ProgramItem& a, const ProgramItem& b) {
    return a.protocol == b.protocol && a.target.region == b.target.region;
  });
  for (std::size_t i = 0; i < after.items.size(); ++i) {
    const ProgramItem& b = after.items[i];
    if (!paired[i]) {
      out.push_back("Added " + item_text(kb, b));
      continue;
    }
    if (paired[i]->target.side != b.target.side)
      out.push_back("Side for " + item_text(kb, *paired[i]) + ": " + side_text(paired[i]->target.side) + " -> " +
                    side_text(b.target.side));
    compare_item(kb, *paired[i], b, out);
  }
  for (std::size_t j = 0; j < before.items.size(); ++j)
    if (!taken[j]) out.push_back("Removed " + item_text(kb, before.items[j]));
  for (const auto& area : after.clinic_only)
    if (std::find(before.clinic_only.begin(), before.clinic_only.end(), area) == before.clinic_only.end())
      out.push_back(area_text(kb, area) + " now in clinic only");
  for (const auto& area : before.clinic_only)
    if (std::find(after.clinic_only.begin(), after.clinic_only.end(), area) == after.clinic_only.end())
      out.push_back(area_text(kb, area) + " no longer clinic-only");
  if (days_text(before.weekdays) != days_text(after.weekdays))
    out.push_back("Days: " + days_text(before.weekdays) + " -> " + days_text(after.weekdays));
  if (before.start != after.start)
    out.push_back("Start: " + format_date(before.start) + " -> " + format_date(after.start));
  if (before.weeks != after.weeks)
    out.push_back("Length: " + std::to_string(before.weeks) + " -> " + std::to_string(after.weeks) + " weeks");
  if (before.review != after.review)
    out.push_back("Review: " + format_date(before.review) + " -> " + format_date(after.review));
  if (after.ended && !before.ended)
    out.push_back("Ended on " + format_date(*after.ended) + (after.ended_by.empty() ? "" : " by " + after.ended_by));
  return out;
}

}  // namespace fascia::core
