// Reader for data/finder.yaml: what each "see a practitioner" looks for in
// the practitioner finder. Read after regions, screening rules, stop signs
// and treatments, so that its areas, rules and loads can be checked here.
#include <algorithm>

#include "fascia/adapters/kb_readers.hpp"

namespace fascia::adapters::kb {

namespace {

void check_areas(const core::FinderNeed& need, const EntryReader& e, const LoadState& state) {
  for (const auto& id : need.areas) {
    const core::Region* region = state.kb.region(id);
    if (region != nullptr && region->region_class != core::RegionClass::practitioner_only)
      e.report(e.line_of("areas"), "areas: '" + id + "' is not a practitioner-only region");
  }
}

void check_rules(const core::FinderNeed& need, const EntryReader& e, const LoadState& state) {
  for (const auto& id : need.rules) {
    const auto& rules = state.kb.screening_rules;
    if (std::none_of(rules.begin(), rules.end(), [&](const core::ScreeningRule& r) { return r.id == id; }))
      e.report(e.line_of("rules"), "rules: no screening rule '" + id + "'");
  }
}

void check_work_like(const core::FinderNeed& need, const EntryReader& e, const LoadState& state) {
  if (!need.work_like) return;
  const auto& treatments = state.kb.treatments;
  if (std::none_of(treatments.begin(), treatments.end(),
                   [&](const auto& t) { return t.second.counts_as == need.work_like; }))
    e.report(e.line_of("work_like"), "work_like: no treatment counts as " + std::string(to_string(*need.work_like)));
}

// A list of practitioner kinds under `key`, each unknown word reported.
std::vector<core::PractitionerKind> kinds(const EntryReader& e, std::string_view key) {
  std::vector<core::PractitionerKind> out;
  for (const auto& word : e.texts(key, Need::optional)) {
    if (auto kind = core::practitioner_kind_from_string(word))
      out.push_back(*kind);
    else
      e.report(e.line_of(key),
               std::string(key) + ": '" + word + "' is not one of medical, clinician, manual-therapy, massage");
  }
  return out;
}

}  // namespace

void read_finder_needs(const Node& root, std::string_view file, LoadState& state) {
  const Keys keys = {"id",   "name",          "says",  "areas",      "work_like", "listed_first",
                     "only", "medical_first", "rules", "stop_signs", "source"};
  for_each_entry(root, "needs", "need", keys, context(file, state), [&](EntryReader& e) {
    core::FinderNeed need;
    need.id = e.id();
    need.name = e.text("name", Need::required);
    need.says = e.text("says", Need::required);
    need.areas = e.refs("areas", Need::optional, RefKind::region);
    need.work_like = e.word("work_like", Need::optional, load_from_string, "instrument, compression, pressure");
    need.listed_first = kinds(e, "listed_first");
    need.only = kinds(e, "only");
    need.medical_first = e.flag("medical_first", false);
    need.rules = e.texts("rules", Need::optional);
    need.stop_signs = e.refs("stop_signs", Need::optional, RefKind::stop_sign);
    need.source = e.source();
    check_areas(need, e, state);
    check_rules(need, e, state);
    check_work_like(need, e, state);
    insert_unique(state.kb.finder_needs, std::move(need), e);
  });
}

}  // namespace fascia::adapters::kb
