#include "fascia/core/screening.hpp"

#include <algorithm>

namespace fascia::core {

namespace {

bool answered_yes(const ScreeningRecord& record, const std::string& question) {
  auto it = record.answers.find(question);
  return it != record.answers.end() && it->second.yes;
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// Modalities that put load on tissue; movement and preparation are never blocked
// by a modality-scoped finding, but they are by a region-scoped one.
bool in_scope(const Finding& finding, const std::string& region, Modality modality) {
  if (finding.everything()) return true;
  const bool region_match = finding.regions.empty() || contains(finding.regions, region);
  const bool modality_match = finding.modalities.empty() ||
                              std::find(finding.modalities.begin(), finding.modalities.end(), modality) !=
                                  finding.modalities.end();
  return region_match && modality_match;
}

std::optional<int> lower_cap(std::optional<int> current, std::optional<int> other) {
  if (!other) return current;
  if (!current) return other;
  return std::min(*current, *other);
}

}  // namespace

bool Clearance::plan_allowed() const {
  for (const auto& f : findings) {
    if (f.level == ClearanceLevel::emergency || f.level == ClearanceLevel::urgent) return false;
    if (f.level == ClearanceLevel::see_practitioner_first && f.everything()) return false;
  }
  return true;
}

Result<void> validate_answers(const KnowledgeBase& kb, const ScreeningRecord& record) {
  for (const auto& q : kb.questions) {
    auto it = record.answers.find(q.id);
    if (it == record.answers.end())
      return fail(ErrorCode::precondition, "screening question '" + q.id + "' has no answer");
    const Answer& a = it->second;
    if (q.kind == QuestionKind::yes_no && !a.regions.empty())
      return fail(ErrorCode::invalid_argument, "screening question '" + q.id + "' takes yes or no, not regions");
    if (q.kind == QuestionKind::regions) {
      if (a.yes && a.regions.empty())
        return fail(ErrorCode::invalid_argument, "screening question '" + q.id + "': say which regions");
      for (const auto& r : a.regions)
        if (!kb.region(r))
          return fail(ErrorCode::unknown_name,
                      "screening question '" + q.id + "': unknown region '" + r + "' (see: fascia kb list regions)");
    }
  }
  for (const auto& [id, answer] : record.answers)
    if (!kb.question(id)) return fail(ErrorCode::unknown_name, "unknown screening question '" + id + "'");
  return {};
}

Clearance evaluate_screening(const KnowledgeBase& kb, const ScreeningRecord& record) {
  Clearance clearance;
  clearance.medical_clearance = answered_yes(record, kMedicalClearanceQuestion);
  for (const auto& rule : kb.screening_rules) {
    const bool all = std::all_of(rule.all_of.begin(), rule.all_of.end(),
                                 [&](const std::string& q) { return answered_yes(record, q); });
    const bool any = rule.any_of.empty() || std::any_of(rule.any_of.begin(), rule.any_of.end(),
                                                        [&](const std::string& q) { return answered_yes(record, q); });
    if (!all || !any) continue;

    Finding f;
    f.rule = rule.id;
    f.level = rule.level;
    for (const auto& q : rule.all_of) f.because.push_back(q);
    for (const auto& q : rule.any_of)
      if (answered_yes(record, q)) f.because.push_back(q);
    f.regions = rule.regions;
    if (rule.answered_regions) {
      for (const auto& q : f.because)
        for (const auto& r : record.answers.at(q).regions)
          if (!contains(f.regions, r)) f.regions.push_back(r);
    }
    f.modalities = rule.modalities;
    f.pressure_cap = rule.pressure_cap;
    f.gentle = rule.gentle;
    f.advice = rule.advice;
    f.source = rule.source;
    clearance.findings.push_back(std::move(f));
  }
  std::stable_sort(clearance.findings.begin(), clearance.findings.end(),
                   [](const Finding& a, const Finding& b) { return a.level > b.level; });
  if (!clearance.findings.empty()) clearance.level = clearance.findings.front().level;
  return clearance;
}

RegionAccess region_access(const KnowledgeBase& kb, const Clearance& clearance, const std::string& region_id,
                           Modality modality) {
  RegionAccess access;
  const Region* region = kb.region(region_id);
  if (!region) {
    access.allowed = false;
    access.reasons.push_back({"unknown-region", "'" + region_id + "' is not a known region", ""});
    return access;
  }
  if (region->region_class == RegionClass::practitioner_only) {
    access.allowed = false;
    access.reasons.push_back({"practitioner-only", region->name + " is practitioner-only: " + region->note, region->source});
  }
  if (region->region_class == RegionClass::needs_medical_clearance && !clearance.medical_clearance) {
    access.allowed = false;
    access.reasons.push_back(
        {"needs-medical-clearance", region->name + " needs a clinician's clearance first: " + region->note, region->source});
  }
  access.pressure_cap = lower_cap(region->pressure_cap, kb.caps.home_pressure_ceiling.value);
  for (const auto& f : clearance.findings) {
    if (!in_scope(f, region_id, modality)) continue;
    switch (f.level) {
      case ClearanceLevel::emergency:
      case ClearanceLevel::urgent:
      case ClearanceLevel::see_practitioner_first:
        access.allowed = false;
        access.reasons.push_back({f.rule, f.advice, f.source});
        break;
      case ClearanceLevel::self_care_with_cautions:
        access.pressure_cap = lower_cap(access.pressure_cap, f.pressure_cap);
        access.gentle = access.gentle || f.gentle;
        access.reasons.push_back({f.rule, f.advice, f.source});
        break;
      case ClearanceLevel::cleared:
        break;
    }
  }
  return access;
}

}  // namespace fascia::core
