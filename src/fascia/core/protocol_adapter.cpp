#include "fascia/core/protocol_adapter.hpp"

#include <algorithm>

namespace fascia::core {

namespace {

std::string name_of_region(const KnowledgeBase& kb, const std::string& id) {
  const Region* r = kb.region(id);
  return r ? r->name : id;
}

std::string name_of_edge(const KnowledgeBase& kb, const std::string& id) {
  auto it = kb.edges.find(id);
  return it == kb.edges.end() ? id : it->second.name;
}

// The first acceptable edge the person owns, else the first owned substitute.
std::optional<std::string> choose_edge(const KnowledgeBase& kb, const std::vector<std::string>& wanted,
                                       const std::set<std::string>& owned) {
  for (const auto& e : wanted)
    if (owned.count(e)) return e;
  for (const auto& e : wanted) {
    auto it = kb.edges.find(e);
    if (it == kb.edges.end()) continue;
    for (const auto& sub : it->second.substitutes)
      if (owned.count(sub)) return sub;
  }
  return std::nullopt;
}

int dose_target(IntRange dose, DoseLevel level) {
  switch (level) {
    case DoseLevel::standard: return dose.min + (dose.max - dose.min) / 2;
    case DoseLevel::reduced: return dose.min;
    case DoseLevel::minimal: return std::max(1, dose.min / 2);
  }
  return dose.min;
}

IntRange intersect(IntRange a, IntRange b) {
  IntRange r{std::max(a.min, b.min), std::min(a.max, b.max)};
  if (r.min > r.max) r = {b.min, b.min};  // no overlap: the hard limit wins
  return r;
}

}  // namespace

Side step_side(const KnowledgeBase& kb, const Profile* profile, const std::string& region, const RegionTarget& target) {
  const Region* r = kb.region(region);
  if (r && r->laterality == Laterality::midline) return Side::midline;
  if (region == target.region) return target.side;
  if (profile)
    for (const auto& t : profile->regions)
      if (t.region == region) return t.side;
  // A region the protocol visits on the way is worked on the target's side.
  return target.side == Side::midline ? Side::both : target.side;
}

std::set<std::string> owned_edges(const KnowledgeBase& kb, const std::set<std::string>& tools) {
  std::set<std::string> edges;
  for (const auto& t : tools) {
    auto it = kb.tools.find(t);
    if (it != kb.tools.end()) edges.insert(it->second.edges.begin(), it->second.edges.end());
  }
  return edges;
}

AdaptedProtocol adapt_protocol(const AdaptContext& ctx, const Protocol& protocol, const RegionTarget& target) {
  const KnowledgeBase& kb = ctx.kb;
  const SafetyCaps& caps = kb.caps;
  AdaptedProtocol out;
  for (const auto& tool : protocol.requires_tools) {
    if (!ctx.tools.count(tool)) {
      auto it = kb.tools.find(tool);
      out.dropped.push_back({"missing-tool",
                             protocol.name + " needs " + (it == kb.tools.end() ? tool : it->second.name) +
                                 ", which is not in your tools",
                             protocol.source});
      return out;
    }
  }
  const std::set<std::string> edges = owned_edges(kb, ctx.tools);

  PlannedSession session;
  session.protocol = protocol.id;
  session.protocol_name = protocol.name;
  session.side = target.side;
  if (protocol.generic()) session.target_region = target.region;

  for (std::size_t i = 0; i < protocol.steps.size(); ++i) {
    const Step& step = protocol.steps[i];
    const Technique* technique = kb.technique(step.technique);
    if (!technique) continue;  // the knowledge base check rules this out
    const std::string region = step.region == kTargetRegion ? target.region : step.region;
    const std::string label = "step " + std::to_string(i + 1) + " (" + technique->name + ", " +
                              name_of_region(kb, region) + ")";
    const std::string& step_source = step.source.empty() ? protocol.source : step.source;

    const Side side = step_side(kb, &ctx.profile, region, target);
    if (ctx.clinic_only &&
        std::any_of(ctx.clinic_only->begin(), ctx.clinic_only->end(),
                    [&](const RegionSide& kept) { return kept.region == region && sides_overlap(kept.side, side); })) {
      out.dropped.push_back(
          {"clinic-only", label + " left out: " + ctx.assigned_by + " treats " + name_of_region(kb, region) + " in clinic",
           ""});
      continue;
    }
    RegionAccess access = region_access(kb, ctx.clearance, region, side, technique->modality);
    if (!access.allowed) {
      for (const auto& r : access.reasons) out.dropped.push_back({r.rule, label + " left out: " + r.text, r.source});
      continue;
    }

    PlannedStep p;
    p.index = static_cast<int>(i);
    p.technique = technique->id;
    p.technique_name = technique->name;
    p.modality = technique->modality;
    p.unit = technique->unit;
    p.region = region;
    p.region_name = name_of_region(kb, region);
    p.side = side;
    p.per_side = step.per_side;
    p.optional = step.optional;
    p.direction = step.direction;
    p.instruction = step.instruction;
    p.cues = step.cues;
    p.cautions = step.cautions;
    p.stop_signs = step.stop_signs;
    p.source = step_source;

    if (!step.edges.empty()) {
      auto edge = choose_edge(kb, step.edges, edges);
      if (!edge) {
        out.dropped.push_back({"missing-edge",
                               label + " left out: it needs a " + name_of_edge(kb, step.edges.front()) +
                                   " and none of your tools has it or a safe stand-in",
                               step_source});
        continue;
      }
      if (*edge != step.edges.front() &&
          std::find(step.edges.begin(), step.edges.end(), *edge) == step.edges.end())
        p.adaptations.push_back({"edge-substitute",
                                 "using the " + name_of_edge(kb, *edge) + " in place of the " +
                                     name_of_edge(kb, step.edges.front()),
                                 step_source});
      p.edge = *edge;
      p.edge_name = name_of_edge(kb, *edge);
    }

    // Pressure: the step's range under every ceiling that applies.
    std::optional<IntRange> pressure = step.pressure ? step.pressure : technique->pressure;
    if (pressure) {
      std::optional<int> cap = access.pressure_cap;
      const RegionHistory* history = ctx.history.region(region);
      if (history && history->pressure_cap) {
        if (!cap || *history->pressure_cap < *cap) {
          cap = history->pressure_cap;
          p.adaptations.push_back(history->pressure_cap_reason);
        }
      }
      if (cap && *cap < 1) {
        out.dropped.push_back({"pressure-cap", label + " left out: no pressure is allowed there now", step_source});
        continue;
      }
      if (cap && pressure->max > *cap) {
        pressure = IntRange{std::min(pressure->min, *cap), *cap};
        for (const auto& r : access.reasons)
          p.adaptations.push_back({r.rule, "pressure kept at or below " + std::to_string(*cap) + "/10: " + r.text,
                                   r.source});
      }
      // The practitioner's ceiling, when lower still.
      if (ctx.assigned && ctx.assigned->max_pressure && pressure->max > *ctx.assigned->max_pressure) {
        const int most = *ctx.assigned->max_pressure;
        if (most < 1) {
          out.dropped.push_back({"assigned-pressure", label + " left out: " + ctx.assigned_by + " assigned no pressure", ""});
          continue;
        }
        pressure = IntRange{std::min(pressure->min, most), most};
        p.adaptations.push_back({"assigned-pressure",
                                 "pressure kept at or below " + std::to_string(most) + "/10, as " + ctx.assigned_by +
                                     " assigned",
                                 ""});
      }
      p.pressure = pressure;
    }

    // Dose: the step's range within the region's and the technique's hard limits.
    IntRange dose = step.dose;
    std::optional<IntRange> hard;  // limits no adjustment may leave
    const Region* region_def = kb.region(region);
    if (technique->unit == DoseUnit::seconds && region_def && region_def->dose_seconds) hard = region_def->dose_seconds;
    if (technique->id == "trigger-point-pressure-release")
      hard = IntRange{caps.trigger_point_hold_min_seconds.value, caps.trigger_point_hold_max_seconds.value};
    if (hard) dose = intersect(dose, *hard);
    DoseLevel level = DoseLevel::standard;
    if (loads_tissue(technique->modality)) {
      const RegionHistory* history = ctx.history.region(region);
      if (history) level = history->dose;
      if (access.gentle && level == DoseLevel::standard) {
        level = DoseLevel::reduced;
        for (const auto& r : access.reasons)
          p.adaptations.push_back({r.rule, "extra gentle: the low end of the dose. " + r.text, r.source});
      }
    }
    p.target = dose_target(dose, level);
    if (hard) p.target = std::clamp(p.target, hard->min, hard->max);
    if (level != DoseLevel::standard) dose = IntRange{p.target, p.target};
    // The practitioner's lower dose: scaled down, never below a hard minimum.
    if (ctx.assigned && ctx.assigned->dose_percent < 100) {
      const int floor = hard ? hard->min : 1;
      const auto scale = [&](int v) { return std::max(floor, v * ctx.assigned->dose_percent / 100); };
      const IntRange before = dose;
      dose = IntRange{scale(dose.min), scale(dose.max)};
      p.target = std::clamp(scale(p.target), dose.min, dose.max);
      if (dose.max < before.max)
        p.adaptations.push_back({"assigned-dose",
                               std::to_string(ctx.assigned->dose_percent) + " % of the protocol's dose, as " +
                                   ctx.assigned_by + " assigned",
                               ""});
    }
    if (ctx.assigned && !ctx.assigned->cue.empty()) p.cues.push_back(ctx.assigned_by + ": " + ctx.assigned->cue);
    p.dose = dose;
    session.steps.push_back(std::move(p));
  }

  // Instrument time per session is a hard cap: drop optional steps, then aim
  // for the low end, then drop the last instrument steps until it fits.
  const int cap_minutes = caps.instrument_minutes_per_session.value;
  auto over = [&] { return session.instrument_minutes(kb) > cap_minutes; };
  if (over()) {
    std::erase_if(session.steps, [](const PlannedStep& s) { return s.optional && s.modality == Modality::instrument; });
    for (auto& s : session.steps)
      if (s.modality == Modality::instrument) s.target = s.dose.min;
    while (over()) {
      auto last = std::find_if(session.steps.rbegin(), session.steps.rend(),
                               [](const PlannedStep& s) { return s.modality == Modality::instrument; });
      out.dropped.push_back({"instrument-minutes-per-session",
                             "step " + std::to_string(last->index + 1) + " left out to keep instrument work within " +
                                 std::to_string(cap_minutes) + " minutes",
                             caps.instrument_minutes_per_session.source});
      session.steps.erase(std::next(last).base());
    }
  }

  const bool loads_target = std::any_of(session.steps.begin(), session.steps.end(), [&](const PlannedStep& s) {
    return loads_tissue(s.modality) && s.region == target.region;
  });
  if (loads_target) out.session = std::move(session);
  return out;
}

}  // namespace fascia::core
