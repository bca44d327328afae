// Reader for one protocol file, with the checks that tie a step to its
// technique, its region and the safety caps.
#include <algorithm>
#include <filesystem>

#include "fascia/adapters/kb_readers.hpp"

namespace fascia::adapters::kb {

namespace {

constexpr std::string_view kTriggerPointTechnique = "trigger-point-pressure-release";

const Keys kStepKeys = {"technique", "edges",       "region", "direction", "pressure",   "dose",  "per_side",
                        "optional",  "instruction", "cues",   "cautions",  "stop_signs", "source"};

std::optional<int> cap(const LoadState& state, std::string_view id) {
  auto it = state.caps.find(id);
  return it == state.caps.end() ? std::nullopt : std::optional<int>(it->second);
}

// The technique or region named `id` when it exists and has no problems of its own.
const core::Technique* usable_technique(const LoadState& state, const std::string& id) {
  return state.flawed_techniques.contains(id) ? nullptr : state.kb.technique(id);
}
const core::Region* usable_region(const LoadState& state, const std::string& id) {
  return state.flawed_regions.contains(id) ? nullptr : state.kb.region(id);
}

// The step's pressure and technique against one region it may be applied to.
void check_step_on_region(const core::Step& step, const core::Technique* technique, const core::Region& region,
                          const EntryReader& s) {
  if (step.pressure && region.pressure_cap && step.pressure->max > *region.pressure_cap)
    s.report(s.line_of("pressure"), "pressure " + to_text(*step.pressure) + " exceeds the pressure_cap " +
                                        std::to_string(*region.pressure_cap) + " of region '" + region.id + "'");
  const auto& allowed = region.allowed_techniques;
  if (technique != nullptr && !allowed.empty() &&
      std::find(allowed.begin(), allowed.end(), technique->id) == allowed.end())
    s.report(s.line_of("technique"), "technique '" + technique->id + "' is not allowed on region '" + region.id + "'");
}

// `dose_read` is false when the dose was missing or malformed (and reported).
void check_step(const core::Step& step, bool dose_read, const core::Protocol& protocol, const EntryReader& s,
                const LoadState& state) {
  const core::Technique* technique = usable_technique(state, step.technique);
  if (technique != nullptr) {
    if (technique->pressure && s.get("pressure") == nullptr)
      s.report(s.line(), "is missing pressure, which technique '" + technique->id + "' needs");
    if (!technique->pressure && step.pressure)
      s.report(s.line_of("pressure"), "gives pressure, but technique '" + technique->id + "' takes none");
    auto hold_min = cap(state, "trigger-point-hold-min-seconds"),
         hold_max = cap(state, "trigger-point-hold-max-seconds");
    if (technique->id == kTriggerPointTechnique && dose_read && hold_min && hold_max &&
        (step.dose.min < *hold_min || step.dose.max > *hold_max))
      s.report(s.line_of("dose"), "dose " + to_text(step.dose) + " must lie within the trigger-point hold caps " +
                                      to_text({*hold_min, *hold_max}) + " seconds");
  }
  auto ceiling = cap(state, "home-pressure-ceiling");
  if (step.pressure && ceiling && step.pressure->max > *ceiling)
    s.report(s.line_of("pressure"), "pressure " + to_text(*step.pressure) + " exceeds the home-pressure-ceiling cap " +
                                        std::to_string(*ceiling));

  if (step.region.empty()) return;
  if (step.region == core::kTargetRegion) {
    if (!protocol.generic())
      s.report(s.line_of("region"), "region \"$target\" is only for protocols with eligible_regions");
    for (const std::string& id : protocol.eligible_regions)
      if (const core::Region* region = usable_region(state, id)) check_step_on_region(step, technique, *region, s);
    return;
  }
  if (protocol.generic())
    s.report(s.line_of("region"),
             "region '" + step.region + "' must be \"$target\" in a protocol with eligible_regions");
  const core::Region* region = usable_region(state, step.region);
  if (region == nullptr) return;
  if (region->region_class == core::RegionClass::practitioner_only)
    s.report(s.line_of("region"), "region '" + region->id + "' is practitioner-only and must not appear in a protocol");
  check_step_on_region(step, technique, *region, s);
}

core::Step read_step(const EntryReader& s, const core::Protocol& protocol, bool& dose_read) {
  core::Step step;
  step.technique = s.ref("technique", Need::required, RefKind::technique);
  step.edges = s.refs("edges", Need::optional, RefKind::edge);
  const Node* region = s.get("region");
  const bool target = region != nullptr && region->kind == Node::Kind::scalar && region->text == core::kTargetRegion;
  step.region = target ? region->text : s.ref("region", Need::required, RefKind::region);
  step.direction = s.text("direction", Need::required);
  step.pressure = s.range("pressure", Need::optional, 0, 10);
  const auto dose = s.range("dose", Need::required, 0, kNoLimit);
  dose_read = dose.has_value();
  step.dose = dose.value_or(core::IntRange{});
  step.per_side = s.flag("per_side", false);
  step.optional = s.flag("optional", false);
  step.instruction = s.text("instruction", Need::required);
  step.cues = s.texts("cues", Need::optional);
  step.cautions = s.texts("cautions", Need::optional);
  step.stop_signs = s.refs("stop_signs", Need::optional, RefKind::stop_sign);
  step.source = s.source(&protocol.source);
  return step;
}

void check_eligible_regions(const EntryReader& e, const LoadState& state) {
  const Node* list = e.get("eligible_regions");
  if (list == nullptr || list->kind != Node::Kind::list) return;
  for (const Node& item : list->items) {
    const core::Region* region = item.kind == Node::Kind::scalar ? usable_region(state, item.text) : nullptr;
    if (region != nullptr && region->region_class == core::RegionClass::practitioner_only)
      e.report(item.line,
               "eligible_regions '" + region->id + "' is practitioner-only and must not appear in a protocol");
  }
}

}  // namespace

void read_protocol(const Node& root, std::string_view file, LoadState& state) {
  const FileContext ctx = context(file, state);
  const Node* node = EntryReader(root, {"protocol"}, "file", 0, ctx).map("protocol", Need::required);
  if (node == nullptr) return;
  const Keys keys = {
      "id",    "name",   "summary", "condition", "eligible_regions", "requires_tools", "sessions_per_week",
      "weeks", "source", "steps"};
  EntryReader e(*node, keys, "protocol", 0, ctx);
  if (!e.is_map()) return;
  core::Protocol protocol;
  protocol.id = e.id();
  const std::string stem = std::filesystem::path(file).stem().string();
  if (!protocol.id.empty() && protocol.id != stem)
    e.report(e.line_of("id"), "id does not match its file name '" + stem + ".yaml'");
  protocol.name = e.text("name", Need::required);
  protocol.summary = e.text("summary", Need::required);
  protocol.condition = e.text("condition", Need::required);
  protocol.eligible_regions = e.refs("eligible_regions", Need::optional, RefKind::region);
  check_eligible_regions(e, state);
  protocol.requires_tools = e.refs("requires_tools", Need::optional, RefKind::tool);
  protocol.sessions_per_week = e.whole("sessions_per_week", Need::required, 1, 7).value_or(protocol.sessions_per_week);
  protocol.weeks = e.range("weeks", Need::required, 1, kNoLimit).value_or(protocol.weeks);
  protocol.source = e.source();

  const Node* steps = e.list("steps", Need::required);
  if (steps != nullptr && steps->items.empty()) e.report(steps->line, "steps is empty");
  if (steps != nullptr) protocol.steps.reserve(steps->items.size());
  for_each_item(steps, "step", kStepKeys, ctx, [&](EntryReader& s) {
    bool dose_read = false;
    protocol.steps.push_back(read_step(s, protocol, dose_read));
    check_step(protocol.steps.back(), dose_read, protocol, s, state);
  });
  insert_unique(state.kb.protocols, std::move(protocol), e);
}

}  // namespace fascia::adapters::kb
