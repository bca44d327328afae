// Readers for the body: chains and regions.
#include "fascia/adapters/kb_readers.hpp"

namespace fascia::adapters::kb {

namespace {

bool has_yes_no_question(const core::KnowledgeBase& kb, const std::string& id) {
  const core::Question* question = kb.question(id);
  return question != nullptr && question->kind == core::QuestionKind::yes_no;
}

}  // namespace

void read_chains(const Node& root, std::string_view file, LoadState& state) {
  const Keys keys = {"id", "name", "regions", "note", "source"};
  for_each_entry(root, "chains", "chain", keys, context(file, state), [&](EntryReader& e) {
    core::Chain chain;
    chain.id = e.id();
    chain.name = e.text("name", Need::required);
    chain.regions = e.refs("regions", Need::required, RefKind::region);
    chain.note = e.text("note", Need::optional);
    chain.source = e.source();
    insert_unique(state.kb.chains, std::move(chain), e);
  });
}

void read_regions(const Node& root, std::string_view file, LoadState& state) {
  const Keys keys = {"id",           "name", "chain", "laterality", "class", "pressure_cap", "allowed_techniques",
                     "dose_seconds", "note", "source"};
  for_each_entry(root, "regions", "region", keys, context(file, state), [&](EntryReader& e) {
    core::Region region;
    region.id = e.id();
    region.name = e.text("name", Need::required);
    region.chain = e.ref("chain", Need::optional, RefKind::chain);
    region.laterality = e.word("laterality", Need::required, core::laterality_from_string, "paired, midline")
                            .value_or(core::Laterality::paired);
    auto region_class = e.word("class", Need::required, core::region_class_from_string,
                               "normal, sensitive, practitioner-only, needs-medical-clearance");
    region.region_class = region_class.value_or(core::RegionClass::normal);
    const bool sensitive = region_class == core::RegionClass::sensitive;
    region.pressure_cap = e.whole("pressure_cap", sensitive ? Need::required : Need::optional, 1, 10);
    region.allowed_techniques = e.refs("allowed_techniques", Need::optional, RefKind::technique);
    region.dose_seconds = e.range("dose_seconds", Need::optional, 0, kNoLimit);
    const bool restricted = region_class.has_value() && region_class != core::RegionClass::normal;
    region.note = e.text("note", restricted ? Need::required : Need::optional);
    region.source = e.source();

    if (region_class == core::RegionClass::needs_medical_clearance && state.refs.available(RefKind::question) &&
        !has_yes_no_question(state.kb, "medical-clearance"))
      e.report(
          e.line_of("class"),
          "class needs-medical-clearance requires a yes-no question 'medical-clearance' in screening/questions.yaml");
    if (e.failed("class", region_class) || e.failed("pressure_cap", region.pressure_cap))
      state.flawed_regions.insert(region.id);
    insert_unique(state.kb.regions, std::move(region), e);
  });
}

}  // namespace fascia::adapters::kb
