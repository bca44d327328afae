#include "fascia/core/knowledge_base.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace fascia::core {

namespace {
template <class Map>
const typename Map::mapped_type* find_in(const Map& map, const std::string& id) {
  auto it = map.find(id);
  return it == map.end() ? nullptr : &it->second;
}

template <class Enum, std::size_t N>
std::optional<Enum> lookup(const std::array<std::pair<Enum, std::string_view>, N>& table, std::string_view text) {
  for (const auto& [value, name] : table)
    if (name == text) return value;
  return std::nullopt;
}

template <class Enum, std::size_t N>
std::string_view name_of(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum value) {
  for (const auto& [v, name] : table)
    if (v == value) return name;
  return "?";
}

constexpr std::array<std::pair<Side, std::string_view>, 4> kSides{
    {{Side::left, "left"}, {Side::right, "right"}, {Side::both, "both"}, {Side::midline, "midline"}}};
constexpr std::array<std::pair<RegionClass, std::string_view>, 4> kClasses{
    {{RegionClass::normal, "normal"},
     {RegionClass::sensitive, "sensitive"},
     {RegionClass::practitioner_only, "practitioner-only"},
     {RegionClass::needs_medical_clearance, "needs-medical-clearance"}}};
constexpr std::array<std::pair<Modality, std::string_view>, 6> kModalities{{{Modality::instrument, "instrument"},
                                                                            {Modality::compression, "compression"},
                                                                            {Modality::pressure, "pressure"},
                                                                            {Modality::movement, "movement"},
                                                                            {Modality::preparation, "preparation"},
                                                                            {Modality::percussion, "percussion"}}};
constexpr std::array<std::pair<DoseUnit, std::string_view>, 2> kUnits{
    {{DoseUnit::strokes, "strokes"}, {DoseUnit::seconds, "seconds"}}};
constexpr std::array<std::pair<ClearanceLevel, std::string_view>, 5> kLevels{
    {{ClearanceLevel::cleared, "cleared"},
     {ClearanceLevel::self_care_with_cautions, "self-care-with-cautions"},
     {ClearanceLevel::see_practitioner_first, "see-practitioner-first"},
     {ClearanceLevel::urgent, "urgent"},
     {ClearanceLevel::emergency, "emergency"}}};
constexpr std::array<std::pair<StopAction, std::string_view>, 3> kActions{{{StopAction::stop_step, "stop-step"},
                                                                          {StopAction::stop_session, "stop-session"},
                                                                          {StopAction::emergency, "emergency"}}};
constexpr std::array<std::pair<QuestionKind, std::string_view>, 2> kKinds{
    {{QuestionKind::yes_no, "yes-no"}, {QuestionKind::regions, "regions"}}};
constexpr std::array<std::pair<Laterality, std::string_view>, 2> kLateralities{
    {{Laterality::paired, "paired"}, {Laterality::midline, "midline"}}};
constexpr std::array<std::pair<PractitionerKind, std::string_view>, 4> kPractitionerKinds{
    {{PractitionerKind::medical, "medical"},
     {PractitionerKind::clinician, "clinician"},
     {PractitionerKind::manual_therapy, "manual-therapy"},
     {PractitionerKind::massage, "massage"}}};
}  // namespace

const Region* KnowledgeBase::region(const std::string& id) const { return find_in(regions, id); }
const Technique* KnowledgeBase::technique(const std::string& id) const { return find_in(techniques, id); }
const Protocol* KnowledgeBase::protocol(const std::string& id) const { return find_in(protocols, id); }
const Question* KnowledgeBase::question(const std::string& id) const {
  auto it = std::find_if(questions.begin(), questions.end(), [&](const Question& q) { return q.id == id; });
  return it == questions.end() ? nullptr : &*it;
}

bool loads_tissue(Modality m) {
  return m == Modality::instrument || m == Modality::compression || m == Modality::pressure || m == Modality::percussion;
}

std::string_view to_string(Side v) { return name_of(kSides, v); }
std::string_view to_string(RegionClass v) { return name_of(kClasses, v); }
std::string_view to_string(Modality v) { return name_of(kModalities, v); }
std::string_view to_string(DoseUnit v) { return name_of(kUnits, v); }
std::string_view to_string(ClearanceLevel v) { return name_of(kLevels, v); }
std::string_view to_string(StopAction v) { return name_of(kActions, v); }
std::string_view to_string(QuestionKind v) { return name_of(kKinds, v); }
std::string_view to_string(Laterality v) { return name_of(kLateralities, v); }
std::string_view to_string(PractitionerKind v) { return name_of(kPractitionerKinds, v); }

std::optional<Side> side_from_string(std::string_view t) { return lookup(kSides, t); }
std::optional<RegionClass> region_class_from_string(std::string_view t) { return lookup(kClasses, t); }
std::optional<Modality> modality_from_string(std::string_view t) { return lookup(kModalities, t); }
std::optional<DoseUnit> dose_unit_from_string(std::string_view t) { return lookup(kUnits, t); }
std::optional<ClearanceLevel> clearance_level_from_string(std::string_view t) { return lookup(kLevels, t); }
std::optional<StopAction> stop_action_from_string(std::string_view t) { return lookup(kActions, t); }
std::optional<QuestionKind> question_kind_from_string(std::string_view t) { return lookup(kKinds, t); }
std::optional<Laterality> laterality_from_string(std::string_view t) { return lookup(kLateralities, t); }
std::optional<PractitionerKind> practitioner_kind_from_string(std::string_view t) {
  return lookup(kPractitionerKinds, t);
}

}  // namespace fascia::core
