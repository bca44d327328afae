// Readers for the plain catalogues: sources, techniques, edges, tools, kits,
// habits and treatments.
#include "fascia/adapters/kb_readers.hpp"

namespace fascia::adapters::kb {

void read_sources(const Node& root, std::string_view file, LoadState& state) {
  for_each_entry(root, "sources", "source", {"id", "title", "citation"}, context(file, state), [&](EntryReader& e) {
    core::Source source;
    source.id = e.id();
    source.title = e.text("title", Need::required);
    source.citation = e.text("citation", Need::required);
    insert_unique(state.kb.sources, std::move(source), e);
  });
}

void read_techniques(const Node& root, std::string_view file, LoadState& state) {
  const Keys keys = {"id", "name", "modality", "unit", "pressure", "seconds_per_stroke", "description", "source"};
  for_each_entry(root, "techniques", "technique", keys, context(file, state), [&](EntryReader& e) {
    core::Technique technique;
    technique.id = e.id();
    technique.name = e.text("name", Need::required);
    technique.modality = e.word("modality", Need::required, core::modality_from_string,
                                "instrument, compression, pressure, movement, preparation, percussion")
                             .value_or(core::Modality::movement);
    auto unit = e.word("unit", Need::required, core::dose_unit_from_string, "strokes, seconds");
    technique.unit = unit.value_or(core::DoseUnit::seconds);
    technique.pressure = e.range("pressure", Need::optional, 0, 10);
    const Need stroke_need = unit == core::DoseUnit::strokes ? Need::required : Need::optional;
    technique.seconds_per_stroke = e.whole("seconds_per_stroke", stroke_need, 1, 600).value_or(0);
    technique.description = e.text("description", Need::required);
    technique.source = e.source();
    if (e.failed("pressure", technique.pressure)) state.flawed_techniques.insert(technique.id);
    insert_unique(state.kb.techniques, std::move(technique), e);
  });
}

void read_edges(const Node& root, std::string_view file, LoadState& state) {
  const Keys keys = {"id", "name", "description", "substitutes", "source"};
  for_each_entry(root, "edges", "edge", keys, context(file, state), [&](EntryReader& e) {
    core::Edge edge;
    edge.id = e.id();
    edge.name = e.text("name", Need::required);
    edge.description = e.text("description", Need::required);
    edge.substitutes = e.refs("substitutes", Need::optional, RefKind::edge);
    edge.source = e.source();
    insert_unique(state.kb.edges, std::move(edge), e);
  });
}

void read_tools(const Node& root, std::string_view file, LoadState& state) {
  for_each_entry(root, "tools", "tool", {"id", "name", "edges", "source"}, context(file, state), [&](EntryReader& e) {
    core::Tool tool;
    tool.id = e.id();
    tool.name = e.text("name", Need::required);
    tool.edges = e.refs("edges", Need::required, RefKind::edge);
    tool.source = e.source();
    insert_unique(state.kb.tools, std::move(tool), e);
  });
}

void read_kits(const Node& root, std::string_view file, LoadState& state) {
  const Keys keys = {"id", "name", "tools", "note", "source"};
  for_each_entry(root, "kits", "kit", keys, context(file, state), [&](EntryReader& e) {
    core::Kit kit;
    kit.id = e.id();
    kit.name = e.text("name", Need::required);
    kit.tools = e.refs("tools", Need::required, RefKind::tool);
    kit.note = e.text("note", Need::optional);
    kit.source = e.source();
    insert_unique(state.kb.kits, std::move(kit), e);
  });
}

void read_habits(const Node& root, std::string_view file, LoadState& state) {
  const Keys keys = {"id", "name", "description", "source"};
  for_each_entry(root, "habits", "habit", keys, context(file, state), [&](EntryReader& e) {
    core::Habit habit;
    habit.id = e.id();
    habit.name = e.text("name", Need::required);
    habit.description = e.text("description", Need::required);
    habit.source = e.source();
    insert_unique(state.kb.habits, std::move(habit), e);
  });
}

// The loads a clinic treatment may count as, or a finder need's work_like:
// those with a cap of their own.
std::optional<core::Modality> load_from_string(std::string_view text) {
  const auto modality = core::modality_from_string(text);
  if (modality == core::Modality::instrument || modality == core::Modality::compression ||
      modality == core::Modality::pressure)
    return modality;
  return std::nullopt;
}

void read_treatments(const Node& root, std::string_view file, LoadState& state) {
  const Keys keys = {"id",    "name", "description", "offered_by_practitioners", "counts_as", "practitioner_kind",
                     "source"};
  for_each_entry(root, "treatments", "treatment", keys, context(file, state), [&](EntryReader& e) {
    core::TreatmentModality treatment;
    treatment.id = e.id();
    treatment.name = e.text("name", Need::required);
    treatment.description = e.text("description", Need::required);
    treatment.offered_by_practitioners = e.flag("offered_by_practitioners", true);
    treatment.counts_as = e.word("counts_as", Need::optional, load_from_string, "instrument, compression, pressure");
    treatment.practitioner_kind = e.word("practitioner_kind", Need::optional, core::practitioner_kind_from_string,
                                         "medical, clinician, manual-therapy, massage");
    treatment.source = e.source();
    insert_unique(state.kb.treatments, std::move(treatment), e);
  });
}

}  // namespace fascia::adapters::kb
